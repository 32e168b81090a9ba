// Abbreviation table and compounds: 鲁甘, 沪滇, 京津冀, 闵保 in context, 甬企, 援藏.
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../scripts/extract/gazetteer/abbreviation-table.ts';
import {
  abbreviationInWord,
  allRegions,
  lookupSurface,
  regionByCode,
  regionsBySurface,
  splitAbbreviationCompound,
  splitCompoundInContext,
} from '../../scripts/extract/gazetteer/index.ts';

const names = (rs: Array<{ name: string }> | null) => rs?.map((r) => r.name) ?? null;
const code = (surface: string) => regionsBySurface(surface)[0]?.code;

describe('abbreviation table', () => {
  it('covers every provincial-level unit with a one-character abbreviation', () => {
    const provinces = allRegions().filter((r) => r.level === 'province');
    expect(provinces).toHaveLength(34);
    for (const p of provinces) {
      const ones = ABBREVIATIONS.filter((a) => a.code === p.code && a.kind === 'province');
      expect(ones.length, p.name).toBeGreaterThan(0);
    }
  });

  it('points every entry at an existing region and records it on the region', () => {
    for (const a of ABBREVIATIONS) {
      const r = regionByCode(a.code);
      expect(r, a.surface).not.toBeNull();
      expect(r?.abbreviations, a.surface).toContain(a.surface);
    }
  });

  it.each([
    ['甘', '甘肃省'],
    ['陇', '甘肃省'],
    ['滇', '云南省'],
    ['黔', '贵州省'],
    ['蜀', '四川省'],
    ['秦', '陕西省'],
    ['沪', '上海市'],
    ['蓉', '成都市'],
    ['榕', '福州市'],
    ['筑', '贵阳市'],
    ['邕', '南宁市'],
    ['穗', '广州市'],
  ])('%s names %s', (surface, name) => {
    expect(regionsBySurface(surface).map((r) => r.name)).toContain(name);
  });

  it('marks 甬 → 宁波市 as a weak one-character city name and province abbreviations as strong', () => {
    expect(lookupSurface('甬')).toEqual([expect.objectContaining({ kind: 'abbreviation', weak: true })]);
    expect(lookupSurface('甬')[0]?.region.name).toBe('宁波市');
    expect(lookupSurface('鲁')[0]).toMatchObject({ kind: 'abbreviation', weak: false });
  });
});

describe('splitAbbreviationCompound', () => {
  it.each([
    ['鲁甘', ['山东省', '甘肃省']],
    ['沪滇', ['上海市', '云南省']],
    ['闽宁', ['福建省', '宁夏回族自治区']],
    ['京津冀', ['北京市', '天津市', '河北省']],
    ['粤港澳', ['广东省', '香港特别行政区', '澳门特别行政区']],
    ['深港', ['深圳市', '香港特别行政区']],
    ['杭甬', ['杭州市', '宁波市']],
  ])('%s → %j', (s, expected) => {
    expect(names(splitAbbreviationCompound(s))).toEqual(expected);
  });

  it.each(['鲁', '合作', '青云', '藏青', '甘肃', '深汉', '川蜀', '京津冀鲁豫'])('rejects %s', (s) => {
    expect(splitAbbreviationCompound(s)).toBeNull();
  });
});

describe('splitCompoundInContext', () => {
  const minhang = code('闵行区')!;
  const baoshan = code('保山市')!;

  it('splits 闵保 into 闵行区 + 保山市 when both are in context', () => {
    expect(names(splitCompoundInContext('闵保', [minhang, baoshan]))).toEqual(['闵行区', '保山市']);
  });

  it('returns null when a part is missing or ambiguous in context', () => {
    expect(splitCompoundInContext('闵保', [minhang])).toBeNull();
    expect(splitCompoundInContext('闵保', [minhang, baoshan, code('保定市')!])).toBeNull();
    expect(splitCompoundInContext('闵保', [])).toBeNull();
  });
});

describe('abbreviationInWord', () => {
  it.each([
    ['甬企', '宁波市', 'companies'],
    ['沪企', '上海市', 'companies'],
    ['浙商', '浙江省', 'businesspeople'],
    ['在甬', '宁波市', 'location'],
    ['来甬', '宁波市', 'destination'],
    ['赴滇', '云南省', 'destination'],
    ['入陇', '甘肃省', 'destination'],
    ['出滇', '云南省', 'origin'],
    ['援藏', '西藏自治区', 'assisted'],
    ['援疆', '新疆维吾尔自治区', 'assisted'],
    ['徽商', '安徽省', 'businesspeople'],
  ])('%s → %s (%s)', (word, name, role) => {
    const hit = abbreviationInWord(word);
    expect(hit?.region.name).toBe(name);
    expect(hit?.role).toBe(role);
  });

  it.each(['出台', '在新', '新企', '在深', '企业', '甬', '在甬企业', '贵企', '云企'])(
    'finds nothing in %s',
    (word) => {
      expect(abbreviationInWord(word)).toBeNull();
    },
  );
});
