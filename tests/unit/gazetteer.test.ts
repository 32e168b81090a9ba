// Region gazetteer: counts, hierarchy, zones, surface lookup and context resolution on real data.
import { describe, expect, it } from 'vitest';
import {
  allRegions,
  ancestorsOf,
  regionByCode,
  regionId,
  regionSurfaces,
  regionsBySurface,
  resolveRegion,
} from '../../scripts/extract/gazetteer/index.ts';
import { STOP_REMAINDERS } from '../../scripts/extract/gazetteer/short-names.ts';

const count = (level: string) => allRegions().filter((r) => r.level === level).length;
const names = (surface: string) => regionsBySurface(surface).map((r) => r.name);

describe('gazetteer data', () => {
  it('has one country, 31 mainland provinces plus HK, Macau, Taiwan, all prefectures and counties', () => {
    expect(count('country')).toBe(1);
    expect(count('province')).toBe(34);
    expect(allRegions().filter((r) => r.level === 'province' && r.zone !== null)).toHaveLength(31);
    expect(count('prefecture')).toBeGreaterThanOrEqual(330);
    expect(count('prefecture')).toBeLessThanOrEqual(345);
    expect(count('county')).toBeGreaterThanOrEqual(2800);
    expect(count('county')).toBeLessThanOrEqual(3000);
  });

  it('has unique codes and no placeholder levels', () => {
    const codes = allRegions().map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const placeholder of ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']) {
      expect(names(placeholder)).toEqual([]);
    }
  });

  it('gives every mainland region a zone, a parent chain to the country and coordinates', () => {
    for (const r of allRegions()) {
      if (r.level === 'country') continue;
      const mainland = !['71', '81', '82'].includes(r.code.slice(0, 2));
      expect(r.zone === null, r.name).toBe(!mainland);
      expect(ancestorsOf(r.code).at(-1)?.code, r.name).toBe('100000');
      expect(r.lat, r.name).not.toBeNull();
      expect(r.lon! > 73 && r.lon! < 136 && r.lat! > 3 && r.lat! < 54, r.name).toBe(true);
    }
  });

  it.each([
    ['内蒙古自治区', 'West'],
    ['广西壮族自治区', 'West'],
    ['重庆市', 'West'],
    ['陕西省', 'West'],
    ['辽宁省', 'Northeast'],
    ['黑龙江省', 'Northeast'],
    ['山西省', 'Central'],
    ['湖南省', 'Central'],
    ['海南省', 'East'],
    ['河北省', 'East'],
  ])('classifies %s as %s', (name, zone) => {
    expect(regionsBySurface(name)[0]?.zone).toBe(zone);
  });

  it('puts municipal districts and province-administered counties directly under the province', () => {
    const minhang = regionsBySurface('闵行区')[0]!;
    expect(minhang.parentCode).toBe('310000');
    const jiyuan = regionsBySurface('济源市')[0]!;
    expect(jiyuan).toMatchObject({ level: 'county', parentCode: '410000' });
  });

  it('does not list a city without districts twice', () => {
    expect(regionsBySurface('东莞市').map((r) => r.level)).toEqual(['prefecture']);
  });

  it('writes English names as conventional names or Title Case pinyin', () => {
    expect(regionByCode('610000')?.nameEn).toBe('Shaanxi');
    expect(regionByCode('140000')?.nameEn).toBe('Shanxi');
    expect(regionByCode('150000')?.nameEn).toBe('Inner Mongolia');
    expect(regionsBySurface('黔东南州')[0]?.nameEn).toBe('Qiandongnan Miaozu Dongzu Zizhizhou');
    expect(regionsBySurface('闵行区')[0]?.nameEn).toBe('Minhang Qu');
  });
});

describe('surface lookup', () => {
  it.each([
    ['宁夏', '宁夏回族自治区', 'West', '100000'],
    ['新疆', '新疆维吾尔自治区', 'West', '100000'],
    ['内蒙古', '内蒙古自治区', 'West', '100000'],
    ['黔东南州', '黔东南苗族侗族自治州', 'West', '520000'],
    ['黔东南', '黔东南苗族侗族自治州', 'West', '520000'],
    ['阿里', '阿里地区', 'West', '540000'],
    ['阿拉善', '阿拉善盟', 'West', '150000'],
    ['噶尔', '噶尔县', 'West', '542500'],
    ['杭州', '杭州市', 'East', '330000'],
    ['闵行', '闵行区', 'East', '310000'],
    ['奉化', '奉化区', 'East', '330200'],
    ['甬', '宁波市', 'East', '330000'],
    ['齐鲁', '山东省', 'East', '100000'],
    ['内蒙', '内蒙古自治区', 'West', '100000'],
    ['宁夏自治区', '宁夏回族自治区', 'West', '100000'],
    ['恩施自治州', '恩施土家族苗族自治州', 'Central', '420000'],
    ['香港特区', '香港特别行政区', null, '100000'],
  ])('%s → %s (%s, parent %s)', (surface, name, zone, parent) => {
    const r = resolveRegion(surface, []);
    expect(r?.name).toBe(name);
    expect(r?.zone).toBe(zone);
    expect(r?.parentCode).toBe(parent);
  });

  it('has 噶尔县 under 阿里地区 and ancestors ending at the country', () => {
    const gar = regionsBySurface('噶尔县')[0]!;
    expect(ancestorsOf(gar.code).map((r) => r.name)).toEqual(['阿里地区', '西藏自治区', '中华人民共和国']);
    expect(regionId(gar.code)).toBe(`region:${gar.code}`);
  });

  it('returns every candidate of a shared short name', () => {
    expect(names('朝阳').sort()).toEqual(['朝阳区', '朝阳区', '朝阳县', '朝阳市']);
    expect(names('通州')).toEqual(['通州区', '通州区']);
  });

  it('never turns a stop-listed ordinary word into a surface', () => {
    const surfaces = new Set(regionSurfaces({ includeSingleCharacters: true }));
    for (const word of STOP_REMAINDERS) expect(surfaces.has(word), word).toBe(false);
    for (const word of ['合作', '公安', '资源', '比如', '东方', '和平', '城关', '市中', '城区', '新城区']) {
      expect(regionsBySurface(word), word).toEqual([]);
    }
    // The full official names stay usable.
    expect(names('合作市')).toEqual(['合作市']);
  });

  it('keeps one-character abbreviations out of regionSurfaces unless asked', () => {
    const plain = new Set(regionSurfaces());
    expect(plain.has('鲁')).toBe(false);
    expect(plain.has('山东')).toBe(true);
    expect(new Set(regionSurfaces({ includeSingleCharacters: true })).has('鲁')).toBe(true);
  });
});

describe('resolveRegion', () => {
  const code = (surface: string, context: string[]) => resolveRegion(surface, context)?.code ?? null;

  it('leaves an ambiguous county short name unresolved without context', () => {
    expect(code('通州', [])).toBeNull();
    expect(code('朝阳', [])).toBeNull();
    expect(code('鼓楼', [])).toBeNull();
  });

  it.each([
    ['通州', ['110000'], '110112'],
    ['通州', ['320600'], '320612'],
    ['通州', ['320000'], '320612'],
    ['朝阳', ['110000'], '110105'],
    ['朝阳', ['220100'], '220104'],
    ['朝阳', ['210000'], '211300'],
    ['鼓楼', ['350100'], '350102'],
  ])('resolves %s with context %j to %s', (surface, context, expected) => {
    expect(code(surface, context)).toBe(expected);
  });

  it('lets the containing region win over a same-named region inside it', () => {
    expect(code('吉林', [])).toBe('220000');
    expect(code('恩施', [])).toBe('422800');
  });

  it('prefers a province short name over lower-level namesakes unless local context says otherwise', () => {
    expect(code('河北', [])).toBe('130000');
    expect(code('河北', ['120000'])).toBe('130000');
    expect(code('河北', ['120104'])).toBe('120105');
    expect(code('海南', [])).toBe('460000');
    expect(code('海南', ['632521'])).toBe('632500');
  });

  it('prefers an exact full name over short names', () => {
    expect(code('朝阳市', [])).toBe('211300');
    expect(code('朝阳区', ['220000'])).toBe('220104');
    expect(code('朝阳区', [])).toBeNull();
  });

  it.each([
    ['浦东区', '310115'],
    ['宁夏省', '640000'],
    ['朝阳县', '211321'],
  ])('reads the loose suffix of %s as a level (→ %s)', (surface, expected) => {
    expect(code(surface, [])).toBe(expected);
  });

  it.each([
    ['上海市闵行区', '310112'],
    ['宁波市奉化区', '330213'],
    ['云南省保山市', '530500'],
    ['云南保山', '530500'],
    ['北京朝阳', '110105'],
    ['浙江省宁波市奉化区', '330213'],
  ])('resolves the qualified name %s to its innermost part %s', (surface, expected) => {
    expect(code(surface, [])).toBe(expected);
  });

  it('rejects a qualified name whose parts do not nest', () => {
    expect(code('浙江保山', [])).toBeNull();
    expect(code('北京闵行区', [])).toBeNull();
  });

  it('does not let a loose suffix change the level', () => {
    expect(code('闵行省', [])).toBeNull();
    expect(code('杭州区', [])).toBeNull();
  });

  it('returns null for unknown surfaces', () => {
    expect(resolveRegion('不存在的地方', [])).toBeNull();
  });
});
