// Shared test data for the loader's unit tests: the fixtures and a four-region gazetteer slice.
import { readFileSync } from 'node:fs';
import { Extraction } from '../../contract/extraction.ts';
import type { Gazetteer, RegionInfo, SourceInfo } from '../../scripts/load/rows.ts';

const dir = new URL('../fixtures/load/', import.meta.url);

export function fixture(name: 'a' | 'b'): { source: SourceInfo; extraction: Extraction } {
  const extraction = Extraction.parse(JSON.parse(readFileSync(new URL(`doc-${name}.json`, dir), 'utf8')));
  const text = readFileSync(new URL(`text-${name}.txt`, dir), 'utf8');
  const source = {
    id: `doc-${name}`,
    title: extraction.document.title,
    text,
    date: extraction.document.date,
    sha256: name.repeat(64),
  };
  return { source, extraction };
}

const region = (code: string, name: string, level: string, shortNames: string[]): RegionInfo => ({
  code,
  name,
  shortNames,
  level,
  zone: null,
  lat: null,
  lon: null,
  nameEn: name,
});

const REGIONS: Record<string, { record: RegionInfo; parent: string | null }> = {
  '100000': { record: region('100000', '中华人民共和国', 'country', ['中国']), parent: null },
  '330000': { record: region('330000', '浙江省', 'province', ['浙江']), parent: '100000' },
  '330100': { record: region('330100', '杭州市', 'prefecture', ['杭州']), parent: '330000' },
  '640000': { record: region('640000', '宁夏回族自治区', 'province', ['宁夏']), parent: '100000' },
  '640100': { record: region('640100', '银川市', 'prefecture', ['银川']), parent: '640000' },
};

export const testGazetteer: Gazetteer = {
  regionByCode: (code) => REGIONS[code]?.record,
  ancestorsOf(code) {
    const out: RegionInfo[] = [];
    for (let p = REGIONS[code]?.parent; p; p = REGIONS[p]?.parent) out.push(REGIONS[p]!.record);
    return out;
  },
};
