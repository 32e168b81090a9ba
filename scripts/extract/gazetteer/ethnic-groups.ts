// The 56 officially recognised ethnic groups of China (general knowledge), used to strip the
// ethnic part of autonomous-area names (黔东南苗族侗族自治州 → 黔东南).
export const ETHNIC_GROUPS: readonly string[] = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];

/** "各族" (of all groups) appears in names such as 龙胜各族自治县. */
const EXTRA_GROUP_WORDS = ['各族'];

// Longest first so 土家族 is tried before 土族.
const WITH_ZU = [...ETHNIC_GROUPS.map((g) => `${g}族`), ...EXTRA_GROUP_WORDS].sort(
  (a, b) => b.length - a.length,
);
const WITHOUT_ZU = ETHNIC_GROUPS.filter((g) => g.length >= 2).sort((a, b) => b.length - a.length);

/**
 * Strips trailing ethnic-group names from `body` while at least two characters remain.
 * `autonomous` allows names without 族 (巴音郭楞蒙古自治州); otherwise 族 is required (管城回族区).
 */
export function stripEthnicSuffix(body: string, autonomous: boolean): { stem: string; groups: string[] } {
  let stem = body;
  const groups: string[] = [];
  for (;;) {
    const options = autonomous ? [...WITH_ZU, ...WITHOUT_ZU] : WITH_ZU;
    const hit = options.find((g) => stem.endsWith(g) && stem.length - g.length >= 2);
    if (!hit) break;
    groups.unshift(hit);
    stem = stem.slice(0, -hit.length);
  }
  // A name that is only a group (鄂温克族自治旗, 东乡族自治县) keeps the group without 族.
  if (stem.endsWith('族') && ETHNIC_GROUPS.includes(stem.slice(0, -1))) stem = stem.slice(0, -1);
  return { stem, groups };
}
