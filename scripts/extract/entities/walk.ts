// The left-boundary walker: from a suffix, take the maximal run of name-like tokens to its left,
// stopping at punctuation, list separators, function words, verbs that introduce names and numbers.
import type { Token } from '../tokens.ts';
import { ADVERBS, NUMERIC, STOP_TAGS, STOP_WORDS } from '../lexicon/stopwords.ts';

export type WalkMode = 'org' | 'event';

const CJK = /[\u3400-\u9fff]/;
const CONNECTORS_EVENT = new Set(['·', '-', '—', '–', '暨', '&']);
const DASHES = new Set(['-', '—', '–', '―', '－']);
const AGENCY_END = /(?:委员会|委|厅|局|部|办公室)$/;
const MAX_NAME = 40;
/** 某大学开始对口支援|某学院: the verb of assistance ends an organization's name (not an event's). */
const ASSIST_VERB = new Set(['支援', '援助']);
/** 科技企业|某地…公司, 全资子公司|某地…公司: a generic kind of organization before a place starts no name. */
const KIND_NOUNS = new Set(['企业', '子公司', '分公司', '全资子公司', '控股子公司', '单位', '机构', '高校']);
/** One-character names of countries and unions, as in 中X合作 compounds (中德, 中俄, 中欧, 中非 …). */
export const COUNTRY_CHARS: ReadonlySet<string> = new Set(
  '美英法德俄日韩朝老越泰柬缅印巴哈吉塔乌土蒙马新菲尼以伊沙阿埃欧非澳意西葡荷比瑞芬丹挪希匈波捷奥加墨古智秘'.split(
    '',
  ),
);
/** Tags of a short proper name on each side of a dash (甲—乙联合实验室). */
const DASH_NAME_TAGS = new Set(['ns', 'nz', 'nt', 'j']);
/** A registered company name does not join two words with 与 (甲科技与乙有限公司 names two companies). */
const COMPANY_END = /(?:公司|集团)$/;
/** One-character function words that never start a name. */
const FUNCTION_CHARS = new Set(
  '在由与和及等的了是为对向从将把被该本我其此这那各每并而或还也都已又再更均即据经赴率至到给让使以'.split(''),
);

/** Index of the token containing offset `at` (tokens sorted, contiguous). */
export function tokenAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Stop words that are ordinary inside event names (科技合作交流洽谈会, 成果发布会). */
const EVENT_WORDS = new Set(
  '合作 交流 对接 洽谈 发布 推介 推动 促进 建设 服务 协作 投资 实现 落地 转化 走进 共建 携手'.split(' '),
);

function isNameToken(t: Token, isRegion: (w: string) => boolean, mode: WalkMode = 'org'): boolean {
  if (isRegion(t.word)) return true;
  // 建了, 办了: a verb with its aspect particle, however the segmenter tagged it, ends a name
  if (/^[\u4e00-\u9fff]{1,2}了$/.test(t.word)) return false;
  if (STOP_WORDS.has(t.word) && !(mode === 'event' && EVENT_WORDS.has(t.word))) return false;
  if (NUMERIC.test(t.word) || (t.tag === 'm' && /^[\d.年月日号]+$/.test(t.word))) return false;
  if ((ADVERBS.has(t.word) && (t.tag === 'd' || t.tag === 'ad')) || (t.tag === 'd' && t.word.length < 2))
    return false;
  if (!CJK.test(t.word) && !/^[A-Za-z][A-Za-z0-9]*$/.test(t.word)) return false;
  return !STOP_TAGS.has(t.tag);
}

/** Find the matching opening bracket/quote left of index `close`; -1 if none within reach. */
function matchOpen(tokens: Token[], close: number, open: string, closeCh: string, floor: number): number {
  for (let i = close - 1; i >= Math.max(floor, close - 10); i--) {
    const w = tokens[i]!.word;
    if (w === open) return i;
    if (w === closeCh || /[,，。;；、:：!?！？]/.test(w)) return -1;
  }
  return -1;
}

/**
 * Walk left from the token index `first` (the token holding the suffix start) and return the name start
 * offset. `floor` is the first token index of the sentence.
 */
export function walkLeft(
  tokens: Token[],
  first: number,
  floor: number,
  mode: WalkMode,
  isRegion: (w: string) => boolean,
): number {
  let start = tokens[first]!.start;
  const end = tokens[first]!.end;
  // 该联盟挂靠|某某大学: the segmenter's own organization token, right after a verb, is the whole name
  const wholeName = tokens[first]!.tag === 'nt' && tokens[first]!.word.length >= 4;
  let i = first - 1;
  while (i >= floor) {
    const t = tokens[i]!;
    if (end - t.start > MAX_NAME) break;
    if (mode === 'org' && wholeName && i === first - 1 && t.tag === 'v') break;
    if (t.word === ')' || t.word === '）') {
      const o = matchOpen(tokens, i, t.word === ')' ? '(' : '（', t.word, floor);
      if (o < 0) break;
      // (1)某某公司, (二)某某大学: a numbered list marker, not a bracket inside the name
      const inner = tokens
        .slice(o + 1, i)
        .map((x) => x.word)
        .join('');
      if (/^(?:\d{1,2}|[一二三四五六七八九十]{1,3})$/.test(inner)) break;
      start = tokens[o]!.start;
      i = o - 1;
      continue;
    }
    // a quoted brand (“某某”高校联盟) is part of the name; events may also carry a quoted title
    if ((mode === 'event' || first - i <= 3) && (t.word === '”' || t.word === '"' || t.word === '》')) {
      const o = matchOpen(tokens, i, t.word === '”' ? '“' : t.word === '》' ? '《' : '"', t.word, floor);
      if (o < 0) break;
      start = tokens[o]!.start;
      i = o - 1;
      continue;
    }
    // 张江·版纳…中心: a middle dot joins two name parts in any name
    if (t.word === '·' && i - 1 >= floor && isNameToken(tokens[i - 1]!, isRegion, mode)) {
      i--;
      continue;
    }
    // 甲市—乙市科技协作创新中心: a dash between two place names (or two short proper names: 甲—乙联合实验室)
    // joins them in an organization's name
    const dashPart = (x: Token): boolean =>
      isRegion(x.word) || (DASH_NAME_TAGS.has(x.tag) && x.word.length <= 4 && CJK.test(x.word));
    if (
      mode === 'org' &&
      DASHES.has(t.word) &&
      i - 1 >= floor &&
      i + 1 <= first &&
      dashPart(tokens[i - 1]!) &&
      dashPart(tokens[i + 1]!) &&
      (i - 2 < floor || !DASHES.has(tokens[i - 2]!.word))
    ) {
      i--;
      continue;
    }
    // 高原科学与可持续发展研究院: 与 inside a name, unless what precedes it is itself a name (甲大学与乙公司);
    // 和 only in the name of a government body (发展和改革委员会, 工业和信息化厅), where it is the rule
    if (
      mode === 'org' &&
      i - 1 >= floor &&
      ((t.word === '与' &&
        !COMPANY_END.test(tokens[first]!.word) &&
        innerConjunction(tokens[i - 1]!, isRegion)) ||
        // 某地和瑞…公司: 和 between a bare place name and a one-character token is a cut word of the name
        (t.word === '和' &&
          i + 1 < first &&
          tokens[i + 1]!.word.length === 1 &&
          CJK.test(tokens[i + 1]!.word) &&
          isRegion(tokens[i - 1]!.word) &&
          !/(?:[省市县区旗盟]|自治州)$/.test(tokens[i - 1]!.word)) ||
        (t.word === '和' &&
          AGENCY_END.test(tokens[first]!.word) &&
          innerConjunction(tokens[i - 1]!, isRegion, true)))
    ) {
      i--;
      continue;
    }
    if (
      mode === 'event' &&
      CONNECTORS_EVENT.has(t.word) &&
      i - 1 >= floor &&
      isNameToken(tokens[i - 1]!, isRegion, mode)
    ) {
      i--;
      continue;
    }
    // 某地|茶|都|农业…公司: a one-character adverb between a one-character noun or bound morpheme and the rest
    // of a name is the second half of a word the segmenter cut (茶都, 瓷都), not an adverb
    if (
      mode === 'org' &&
      t.tag === 'd' &&
      t.word.length === 1 &&
      i - 1 >= floor &&
      /^(?:n|[a-z]g)$/.test(tokens[i - 1]!.tag) &&
      tokens[i - 1]!.word.length === 1 &&
      CJK.test(tokens[i - 1]!.word) &&
      !FUNCTION_CHARS.has(tokens[i - 1]!.word)
    ) {
      start = t.start;
      i--;
      continue;
    }
    if (mode === 'org' && ASSIST_VERB.has(t.word)) break;
    // 该公司|某地分公司: the anaphor names the parent, the unit's own name starts after it
    if (
      mode === 'org' &&
      /^(?:公司|企业|集团)$/.test(t.word) &&
      i - 1 >= floor &&
      tokens[i - 1]!.word === '该'
    )
      break;
    if (mode === 'org' && KIND_NOUNS.has(t.word) && i + 1 <= first && isRegion(tokens[i + 1]!.word)) break;
    // 某地|X|都|某某…研究所: a one-character verb and adverb right after a place name are a word the
    // segmenter cut (a city's nickname X都), not a clause
    if (
      mode === 'org' &&
      t.tag === 'd' &&
      t.word.length === 1 &&
      i - 2 >= floor &&
      /^(?:v|a|n)$/.test(tokens[i - 1]!.tag) &&
      tokens[i - 1]!.word.length === 1 &&
      !FUNCTION_CHARS.has(tokens[i - 1]!.word) &&
      isRegion(tokens[i - 2]!.word)
    ) {
      start = tokens[i - 1]!.start;
      i -= 2;
      continue;
    }
    // 中|德|某某产业园, 中欧…中心: China and a country's one-character name open a bilateral name
    if (
      mode === 'org' &&
      t.word === '中' &&
      i + 1 < first &&
      COUNTRY_CHARS.has(tokens[i + 1]!.word) &&
      start === tokens[i + 1]!.start
    ) {
      start = t.start;
      break;
    }
    if (!isNameToken(t, isRegion, mode)) {
      // an unknown name cut into single characters (中/f 天/q 科技…) right after a boundary
      const k = singleCharRun(tokens, i, floor);
      if (k >= 0) start = tokens[k]!.start;
      break;
    }
    // a verb right before a place name introduces it (参与山东…, 联合保山…): not part of an organization
    if (mode === 'org' && t.tag === 'v' && i + 1 <= first && isRegion(tokens[i + 1]!.word)) break;
    start = t.start;
    i--;
  }
  return start;
}

/**
 * From token i leftwards: up to three one-character CJK tokens that reach a clause boundary (or the
 * sentence start); returns the index of the first of them, or -1.
 */
function singleCharRun(tokens: Token[], i: number, floor: number): number {
  let k = i;
  while (k >= floor && i - k < 3) {
    const w = tokens[k]!.word;
    if (w.length !== 1 || !CJK.test(w) || FUNCTION_CHARS.has(w) || NUMERIC.test(w)) return -1;
    k--;
  }
  if (i - k >= 3 && k >= floor) return -1;
  const before = k >= floor ? tokens[k]!.word : '';
  return before === '' || /^[,，。;；:：、!?！？“”"\s]$/.test(before) ? k + 1 : -1;
}

const NAME_END =
  /(?:大学|学院|公司|集团|研究院|研究所|中心|局|厅|委员会|政府|银行|基金|实验室|联盟|园区|基地|平台|部|所|院|会)$/;

/** 与 joins two common nouns inside a name (科学与可持续发展), not two names. */
function innerConjunction(before: Token, isRegion: (w: string) => boolean, verbalNoun = false): boolean {
  return (
    (/^n/.test(before.tag) || (verbalNoun && before.tag === 'vn')) &&
    before.word.length >= 2 &&
    !isRegion(before.word) &&
    !NAME_END.test(before.word) &&
    !STOP_WORDS.has(before.word)
  );
}
