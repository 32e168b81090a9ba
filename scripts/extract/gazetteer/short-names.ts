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
 * Remainders that are ordinary Chinese words (positions, "new town", slogans, common nouns): a
 * district called 和平区 must not turn every 和平 (peace) into a place, nor 公安县 every 公安 (police).
 * Judged by hand over all remainders (checked against jieba's dictionary for non-place words);
 * the full official names stay usable.
 */
const STOP_WORDS = `
城关 城中 城东 城西 城南 城北 城厢 新城 老城 古城 东城 西城 市中 市北 市南 新市 河东 河西 江北 江南 江岸 南岸 港口 海港 路南 路北 湖滨 滨海 江海 中站 上街 天桥
山城 东部 西部 中心 开发 高新 经济 新区 城区 郊区 矿区 东区 西区 南区 北区 中原 和平 新华 红旗 解放 前进 向阳 东风 友好 光明 胜利 长寿 平安 安宁 安定 振兴 合作
共和 互助 东方 富民 大方 威信 兴业 新兴 康乐 和顺 清新 高明 大兴 安居 前锋 惠农 二七 七星 宝塔 天涯 海棠 芙蓉 新都 朝天 三江 长安 天河 南海 天山 白云 青山 西山
东山 南山 北山 金沙 永和 太平 民主 团结 先锋 建设 新生 人民 文明 和谐 丰收 繁荣 幸福 发展
复兴 大名 运河 小店 平定 长子 上党 回民 新民 元宝 宏伟 灯塔 二道 丰满 磐石 梨树 平房 方正 木兰 延寿 五常 富裕 鸡冠 工农 友谊 龙凤 爱民 海伦 六合 钟楼 开化 三门
天台 无为 大观 定远 天长 太和 马尾 仙游 三元 清流 大田 云霄 平和 光泽 莲花 月湖 万安 万载 上高 铜鼓 樟树 万年 高密 惠民 博爱 台前 民权 保康 大悟 公安 天心 天元
石鼓 洞口 桃源 石门 中方 会同 通道 凤凰 阳春 资源 凌云 乐业 来宾 白沙 石柱 大英 南部 名山 石棉 黑水 九龙 白玉 麒麟 玉龙 定日 比如 武功 白水 延长 清水 民乐 高台
灵台 同仁 同心 温泉 新星 白杨 孝义 万全 永年 双桥 白塔 紫金 盐田 仁和 仁寿 水城 黄龙 太白 大通 宝应 永丰 永新 永胜 永顺 安化 华安 集美 龙口 日照
`;
export const STOP_REMAINDERS: ReadonlySet<string> = new Set(
  STOP_WORDS.split(/\s+/).filter((w) => w.length > 0),
);

/**
 * Official full names that are themselves ordinary words (城区 "urban area", 新城区 "new town"):
 * the regions exist, but these strings are not surfaces that name them.
 */
export const GENERIC_FULL_NAMES: ReadonlySet<string> = new Set(
  `城区 郊区 矿区 东区 西区 新区 新城区 老城区 城中区 城东区 城西区 城南区 城北区 城关区 市中区 市北区 市南区 港口区 海港区`.split(
    ' ',
  ),
);

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
  // Informal forms that keep the autonomy but drop the groups: 宁夏自治区, 恩施自治州, 香港特区.
  if (groups.length > 0 && suffix.startsWith('自治')) out.push(`${stem}${suffix}`);
  if (suffix === '特别行政区') out.push(`${stem}特区`);
  if (groups.length > 0 && !suffix.startsWith('自治') && suffix) out.push(`${stem}${suffix}`);
  const bannerNeedsPosition = suffix.endsWith('旗') && BANNER_POSITION.test(stem);
  if (suffix && !bannerNeedsPosition && usableStem(stem)) out.push(stem);
  return [...new Set(out)].filter((s) => s !== name && s.length >= 2);
}
