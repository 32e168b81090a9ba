// Hand-written table of abbreviations and literary names (general knowledge; no package has them
// all): the one-character abbreviations of all 34 provincial-level units, well-known one-character
// names of major cities, and established literary names (齐鲁, 八闽, 蓉城 …).
export type AbbreviationStrength = 'strong' | 'weak';

export interface AbbreviationEntry {
  surface: string;
  code: string;
  /** strong: province abbreviations and literary names; weak: one-character names of cities. */
  strength: AbbreviationStrength;
  /** A very common character (深, 汉 …): in a compound it needs a province abbreviation beside it. */
  common?: boolean;
  kind: 'province' | 'city' | 'literary';
}

const P = (surface: string, code: string): AbbreviationEntry => ({
  surface,
  code,
  strength: 'strong',
  kind: 'province',
});
const C = (surface: string, code: string, common = false): AbbreviationEntry => ({
  surface,
  code,
  strength: 'weak',
  kind: 'city',
  ...(common ? { common } : {}),
});
const L = (surface: string, code: string): AbbreviationEntry => ({
  surface,
  code,
  strength: 'strong',
  kind: 'literary',
});

export const ABBREVIATIONS: readonly AbbreviationEntry[] = [
  // provincial-level units (all 34; 疆 as in 援疆 and 徽 as in 徽商 are established second forms)
  P('京', '110000'),
  P('津', '120000'),
  P('冀', '130000'),
  P('晋', '140000'),
  P('蒙', '150000'),
  P('辽', '210000'),
  P('吉', '220000'),
  P('黑', '230000'),
  P('沪', '310000'),
  P('申', '310000'),
  P('苏', '320000'),
  P('浙', '330000'),
  P('皖', '340000'),
  P('徽', '340000'),
  P('闽', '350000'),
  P('赣', '360000'),
  P('鲁', '370000'),
  P('豫', '410000'),
  P('鄂', '420000'),
  P('湘', '430000'),
  P('粤', '440000'),
  P('桂', '450000'),
  P('琼', '460000'),
  P('渝', '500000'),
  P('川', '510000'),
  P('蜀', '510000'),
  P('贵', '520000'),
  P('黔', '520000'),
  P('云', '530000'),
  P('滇', '530000'),
  P('藏', '540000'),
  P('陕', '610000'),
  P('秦', '610000'),
  P('甘', '620000'),
  P('陇', '620000'),
  P('青', '630000'),
  P('宁', '640000'),
  P('新', '650000'),
  P('疆', '650000'),
  P('台', '710000'),
  P('港', '810000'),
  P('澳', '820000'),
  // one-character names of cities
  C('甬', '330200'),
  C('蓉', '510100'),
  C('榕', '350100'),
  C('筑', '520100'),
  C('邕', '450100'),
  C('穗', '440100'),
  C('厦', '350200'),
  C('杭', '330100'),
  C('锡', '320200'),
  C('深', '440300', true),
  C('汉', '420100', true),
  C('连', '210200', true),
  C('宁', '320100', true),
  C('温', '330300', true),
  C('并', '140100', true),
  // literary names of provinces and cities
  L('内蒙', '150000'),
  L('齐鲁', '370000'),
  L('八闽', '350000'),
  L('三秦', '610000'),
  L('三晋', '140000'),
  L('荆楚', '420000'),
  L('三湘', '430000'),
  L('燕赵', '130000'),
  L('陇原', '620000'),
  L('八桂', '450000'),
  L('巴渝', '500000'),
  L('申城', '310000'),
  L('津门', '120000'),
  L('鹏城', '440300'),
  L('羊城', '440100'),
  L('蓉城', '510100'),
  L('春城', '530100'),
  L('泉城', '370100'),
  L('冰城', '230100'),
  L('星城', '430100'),
  L('鹭岛', '350200'),
  L('金陵', '320100'),
  L('甬城', '330200'),
  L('筑城', '520100'),
  L('邕城', '450100'),
];
