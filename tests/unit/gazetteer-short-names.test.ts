// Short-name rules: suffixes, ethnic parts, autonomous areas, banners and the stop-list.
import { describe, expect, it } from 'vitest';
import { deriveShortNames, splitOfficialName } from '../../scripts/extract/gazetteer/short-names.ts';

describe('deriveShortNames', () => {
  it.each([
    ['宁夏回族自治区', 'province', ['宁夏自治区', '宁夏']],
    ['广西壮族自治区', 'province', ['广西自治区', '广西']],
    ['新疆维吾尔自治区', 'province', ['新疆自治区', '新疆']],
    ['内蒙古自治区', 'province', ['内蒙古']],
    ['西藏自治区', 'province', ['西藏']],
    ['香港特别行政区', 'province', ['香港特区', '香港']],
    ['浙江省', 'province', ['浙江']],
    ['黔东南苗族侗族自治州', 'prefecture', ['黔东南州', '黔东南自治州', '黔东南']],
    ['巴音郭楞蒙古自治州', 'prefecture', ['巴音郭楞州', '巴音郭楞自治州', '巴音郭楞']],
    ['克孜勒苏柯尔克孜自治州', 'prefecture', ['克孜勒苏州', '克孜勒苏自治州', '克孜勒苏']],
    ['阿里地区', 'prefecture', ['阿里']],
    ['阿拉善盟', 'prefecture', ['阿拉善']],
    ['杭州市', 'prefecture', ['杭州']],
    ['噶尔县', 'county', ['噶尔']],
    ['闵行区', 'county', ['闵行']],
    ['奉化区', 'county', ['奉化']],
    ['浦东新区', 'county', ['浦东']],
    ['神农架林区', 'county', ['神农架']],
    ['六枝特区', 'county', ['六枝']],
    ['管城回族区', 'county', ['管城区', '管城']],
    ['石林彝族自治县', 'county', ['石林县', '石林自治县', '石林']],
    ['龙胜各族自治县', 'county', ['龙胜县', '龙胜自治县', '龙胜']],
    ['东乡族自治县', 'county', ['东乡县', '东乡']],
    ['鄂温克族自治旗', 'county', ['鄂温克旗', '鄂温克']],
    ['杭锦旗', 'county', ['杭锦']],
    ['达尔罕茂明安联合旗', 'county', ['达尔罕茂明安']],
  ] as const)('%s (%s) → %j', (name, level, expected) => {
    expect(deriveShortNames(name, level)).toEqual(expected);
  });

  it.each([
    ['云县', 'county'],
    ['城区', 'county'],
    ['市中区', 'county'],
    ['城关区', 'county'],
    ['和平区', 'county'],
    ['合作市', 'county'],
    ['公安县', 'county'],
    ['东方市', 'county'],
    ['科尔沁左翼中旗', 'county'],
  ] as const)('gives %s no bare short name', (name, level) => {
    const stem = splitOfficialName(name, level).stem;
    expect(deriveShortNames(name, level)).not.toContain(stem);
  });

  it('keeps 内蒙古 whole: stripping 蒙古 would leave one character', () => {
    expect(splitOfficialName('内蒙古自治区', 'province')).toEqual({
      stem: '内蒙古',
      groups: [],
      suffix: '自治区',
    });
  });
});
