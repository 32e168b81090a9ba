// General rules that derive short names from official names (杭州市 → 杭州, 宁夏回族自治区 → 宁夏,
// 黔东南苗族侗族自治州 → 黔东南州 + 黔东南), with a stop-list so ordinary words never become aliases.
import type { RegionLevel } from '../../../contract/vocabulary.ts';
import { stripEthnicSuffix } from './ethnic-groups.ts';

/** Administrative suffixes per level, longest first. */
const SUFFIXES: Record<RegionLevel, readonly string[]> = {
  country: [],
  province: ['特别行政区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['联合旗', '自治县', '自治旗', '林区', '特区', '新区', '县', '区', '市', '旗'],
};

/**
 * Remainders that are ordinary Chinese words (directions, "new town", slogans, common nouns):
 * a district called 和平区 must not turn every 和平 (peace) into a place. Judged by hand over all
 * remainders of the county list; the full official names stay usable.
 */
export const STOP_REMAINDERS: ReadonlySet<string> = new Set([
  // positions and town parts
  '城关',
  '城中',
  '城东',
  '城西',
  '城南',
  '城北',
  '城厢',
  '新城',
  '老城',
  '古城',
  '东城',
  '西城',
  '市中',
  '市北',
  '市南',
  '新市',
  '河东',
  '河西',
  '江北',
  '江南',
  '江岸',
  '南岸',
  '港口',
  '海港',
  '路南',
  '路北',
  '湖滨',
  '滨海',
  '江海',
  '中站',
  '上街',
  '天桥',
  '山城',
  '东部',
  '西部',
  '中心',
  '开发',
  '高新',
  '经济',
  '新区',
  '城区',
  '郊区',
  '矿区',
  '东区',
  '西区',
  '南区',
  '北区',
  '中原',
  // words and slogans
  '和平',
  '新华',
  '红旗',
  '解放',
  '前进',
  '向阳',
  '东风',
  '友好',
  '光明',
  '胜利',
  '长寿',
  '平安',
  '安宁',
  '安定',
  '振兴',
  '合作',
  '共和',
  '互助',
  '东方',
  '富民',
  '大方',
  '威信',
  '兴业',
  '新兴',
  '康乐',
  '和顺',
  '清新',
  '高明',
  '大兴',
  '安居',
  '前锋',
  '惠农',
  '二七',
  '七星',
  '宝塔',
  '天涯',
  '海棠',
  '芙蓉',
  '新都',
  '朝天',
  '三江',
  '长安',
  '天河',
  '南海',
  '天山',
  '白云',
  '青山',
  '西山',
  '东山',
  '南山',
  '北山',
  '金沙',
  '永和',
  '太平',
  '民主',
  '团结',
  '先锋',
  '建设',
  '新生',
  '人民',
  '文明',
  '和谐',
  '丰收',
  '繁荣',
  '幸福',
  '发展',
]);

export interface NameParts {
  stem: string;
  groups: string[];
  suffix: string;
}

/** Splits an official name into stem, ethnic groups and administrative suffix. */
export function splitOfficialName(name: string, level: RegionLevel): NameParts {
  const suffix = SUFFIXES[level].find((s) => name.endsWith(s) && name.length > s.length) ?? '';
  const body = name.slice(0, name.length - suffix.length);
  const { stem, groups } = stripEthnicSuffix(body, suffix.startsWith('自治'));
  return { stem, groups, suffix };
}

// Banner names such as 科尔沁左翼中旗 have conventional short forms (科左中旗) no rule can derive.
const BANNER_POSITION = /[左右前后中翼]$/;

function usableStem(stem: string): boolean {
  return stem.length >= 2 && !STOP_REMAINDERS.has(stem);
}

/** Short names of one region by the general rules; never the full name itself. */
export function deriveShortNames(name: string, level: RegionLevel): string[] {
  if (level === 'country') return [];
  const { stem, groups, suffix } = splitOfficialName(name, level);
  const out: string[] = [];
  if (suffix === '自治州') out.push(`${stem}州`);
  if (suffix === '自治县') out.push(`${stem}县`);
  if (suffix === '自治旗') out.push(`${stem}旗`);
  if (groups.length > 0 && !suffix.startsWith('自治') && suffix) out.push(`${stem}${suffix}`);
  const bannerNeedsPosition = suffix.endsWith('旗') && BANNER_POSITION.test(stem);
  if (suffix && !bannerNeedsPosition && usableStem(stem)) out.push(stem);
  return [...new Set(out)].filter((s) => s !== name && s.length >= 2);
}
