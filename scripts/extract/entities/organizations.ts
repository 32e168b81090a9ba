// Organizations, platforms, funds and agencies by suffix: find each suffix ending on a token boundary,
// walk left for the name, type it from the suffix table, and keep generic ones only as weak candidates.
import { ORG_SUFFIXES, STANDALONE_AGENCIES, type SuffixRule } from '../lexicon/org-suffixes.ts';
import { GENERIC_QUALIFIERS, NUMERIC, PROPER_TAGS } from '../lexicon/stopwords.ts';
import { lookupSurface, splitAbbreviationCompound } from '../gazetteer/index.ts';
import { ROLE_WORDS } from '../lexicon/roles.ts';
import type { Token } from '../tokens.ts';
import { isRegionWord } from './regions.ts';
import type { Mention, SentenceContext } from './types.ts';
import { COUNTRY_CHARS, tokenAt, walkLeft } from './walk.ts';

const SUFFIXES = [...ORG_SUFFIXES].sort((a, b) => b.suffix.length - a.suffix.length);
/** Suffix rules by their last character, longest first. */
const BY_LAST_CHAR = new Map<string, SuffixRule[]>();
for (const r of SUFFIXES) {
  const last = r.suffix.at(-1)!;
  BY_LAST_CHAR.set(last, [...(BY_LAST_CHAR.get(last) ?? []), r]);
}
/** After an academy name (某某科学院), the unit it heads, possibly contracted (…研究所 / …所). */
const ACADEMY = /(?:科学院|工程院|科学研究院)/g;
const ACADEMY_UNIT = /^[\u4e00-\u9fff]{2,14}?所(?![长属有])/;
/** Numbered departments of a ministry (某部一司). */
/** Legal forms that end a company's Latin name (GmbH, AG, Ltd., Inc., S.A., B.V., LLC …). */
const LATIN_COMPANY =
  /(?<![A-Za-z])(?:[A-Z][A-Za-z0-9&'-]*\s)*[A-Z][A-Za-z0-9&'-]*,?\s(?:GmbH|AG|SE|plc|PLC|LLC|Inc\.|Ltd\.|Limited|Corp\.|Corporation|S\.A\.|S\.p\.A\.|B\.V\.|N\.V\.|Co\.,\sLtd\.|K\.K\.|Pte\.\sLtd\.)(?![A-Za-z])/g;
const MINISTRY = new RegExp(
  `(?:${Object.keys(STANDALONE_AGENCIES)
    .filter((k) => k.endsWith('部'))
    .join('|')})[一二三四五六七八九十]+司`,
  'g',
);
const STANDALONE = new RegExp(
  Object.keys(STANDALONE_AGENCIES)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
/** China's macro-regions, which open many university and institute names (西北…大学, 南方…大学). */
const MACRO_REGIONS = new Set('华北 华东 华南 华中 西北 西南 东北 东南 中南 南方 北方'.split(' '));
const TRAILING_PAREN = /^[(（][\u4e00-\u9fff]{2,8}[)）]/;
const CJK = /[\u3400-\u9fff]/;
const FOUNDED_BEFORE =
  /(?:组建|设立|成立|共建|打造|创建|创办|发起|建设)(?:了)?的$|(?:组建|设立|成立|共建|创建|揭牌)(?:了)?$/;
const JOINTLY_FOUNDED = /(?:联合|共同)(?:建设|组建|共建|设立|成立|打造|创建)(?:了)?$/;
/** Ordinary words ending in a one-character agency suffix (布局 layout, 大厅 hall). */
const NOT_AGENCY = new Set(
  '布局 格局 结局 大局 全局 当局 开局 饭局 赌局 残局 变局 新局 餐厅 客厅 大厅 展厅 门厅 舞厅 歌厅 饭厅'.split(
    ' ',
  ),
);
const ACADEMY_BAD = /[的在是和及为了等之从对各]|系统|相关|有关|下属|所属/;

/** The suffix ends a word: on a token boundary, or inside a token that goes on with a title (局|局长). */
export function endsOnToken(tokens: Token[], end: number): boolean {
  const i = tokenAt(tokens, end - 1);
  if (i < 0) return false;
  const t = tokens[i]!;
  if (t.end === end) return true;
  const rest = t.word.slice(end - t.start);
  // 局向, 厅与: an unknown token gluing the suffix to a one-character preposition after it
  if (t.tag === 'x' && rest.length === 1 && /[向与和对在为将从]/.test(rest)) return true;
  // 某某局编, 某某厅制 closing a line: the compiler of a report or ledger
  if (
    t.tag === 'x' &&
    /^[编制印]$/.test(rest) &&
    (tokens[i + 1] === undefined || /^\s*$/.test(tokens[i + 1]!.word))
  )
    return true;
  return ROLE_WORDS.some((r) => r === rest);
}

/**
 * A qualifier names something specific: a place, a name-like token, a quote (with `placeOnly`, a place, a
 * compound of region abbreviations or a quote only: an unknown word is not enough).
 */
export function hasProperPart(tokens: Token[], start: number, end: number, placeOnly = false): boolean {
  for (const t of tokens) {
    if (t.end <= start || t.start >= end) continue;
    // a token straddling the suffix (科创母|基金) counts only with its part before the suffix
    const word = t.end > end ? t.word.slice(0, end - t.start) : t.word;
    if (word.length === 0) continue;
    if (isRegionWord(word) || MACRO_REGIONS.has(word)) return true;
    // 津甘, 沪滇: a compound of region abbreviations is a proper qualifier
    if (word.length >= 2 && word.length <= 4 && splitAbbreviationCompound(word)) return true;
    if (/[“”"《》]/.test(word)) return true;
    if (placeOnly) continue;
    if (PROPER_TAGS.has(t.tag) && !GENERIC_QUALIFIERS.has(word) && (CJK.test(word) || /^[A-Za-z]/.test(word)))
      return true;
  }
  return false;
}

function isGeneric(qualifier: string): boolean {
  return qualifier.length === 0 || GENERIC_QUALIFIERS.has(qualifier) || NUMERIC.test(qualifier);
}

/** 运营方, 合作方, 甲方: a party's role in a deal, written right before its name (中心运营方某某公司). */
const PARTY_ROLE =
  /(?:运营|承建|建设|投资|出资|合作|委托|受托|受让|转让|管理|主办|承办|协办|实施|申报|牵头|供货|采购)方|[甲乙丙]方/g;

/** An administrative level alone (省, 市, 自治区 …): the qualifier of 省科技厅, 市政府. */
const LEVEL_ONLY = /^(?:省|市|区|县|州|盟|旗|自治区|自治州|自治县)$/;

/** Right after a name: the agreement it is the subject of (…项目合作协议, …共建框架协议, …投资合同). */
const AGREEMENT_TAIL =
  /^(?:项目)?(?:战略|全面|框架|合作|投资|共建|建设|技术|开发|运营)*(?:协议|合同|备忘录|意向书)/;

const HEADLINE_VERB = /再添|又添|新添|喜添|再获|喜获|又获|荣获|再造|迎来/;

/** Organization-like mentions of one sentence. */
export function findOrganizations(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  const text = ctx.text;
  const firstToken = 0;
  // walk the sentence once; at each character that ends some suffix, try those suffixes longest first
  for (let i = 0; i < text.length; i++) {
    const rules = BY_LAST_CHAR.get(text[i]!);
    if (!rules) continue;
    const absEnd = ctx.start + i + 1;
    if (!endsOnToken(ctx.tokens, absEnd)) continue;
    for (const rule of rules) {
      const at = i + 1 - rule.suffix.length;
      if (at < 0 || !text.startsWith(rule.suffix, at)) continue;
      const m = candidate(ctx, rule, ctx.start + at, absEnd, firstToken);
      if (!m) continue;
      out.push(m);
      break;
    }
  }
  out.push(...academyUnits(ctx));
  // 德国Xyz GmbH, Acme Co., Ltd.: a company written in Latin letters with its legal form
  LATIN_COMPANY.lastIndex = 0;
  for (let m = LATIN_COMPANY.exec(text); m; m = LATIN_COMPANY.exec(text)) {
    const start = ctx.start + m.index;
    const name = m[0];
    out.push({
      start,
      end: start + name.length,
      surface: name,
      type: 'Company',
      canonical: name,
      sentence: ctx.index,
    });
  }
  MINISTRY.lastIndex = 0;
  for (let m = MINISTRY.exec(text); m; m = MINISTRY.exec(text)) {
    const start = ctx.start + m.index;
    out.push({
      start,
      end: start + m[0].length,
      surface: m[0],
      type: 'GovernmentAgency',
      canonical: m[0],
      sentence: ctx.index,
    });
  }
  // a ministry's name may span several tokens (农业|农村部): matched on the text, starting and ending on tokens
  STANDALONE.lastIndex = 0;
  for (let m = STANDALONE.exec(text); m; m = STANDALONE.exec(text)) {
    const start = ctx.start + m.index;
    const end = start + m[0].length;
    const first = ctx.tokens[tokenAt(ctx.tokens, start)];
    const last = ctx.tokens[tokenAt(ctx.tokens, end - 1)];
    if (first?.start !== start || last?.end !== end) continue;
    // 某部办公厅: the ministry's general office is an agency of its own
    const office = /^(?:办公厅|办公室)/.exec(text.slice(end - ctx.start))?.[0] ?? '';
    out.push({
      start,
      end: end + office.length,
      surface: m[0] + office,
      type: 'GovernmentAgency',
      canonical: STANDALONE_AGENCIES[m[0]]! + office,
      sentence: ctx.index,
    });
  }
  return out;
}

function candidate(
  ctx: SentenceContext,
  rule: SuffixRule,
  sStart: number,
  sEnd: number,
  floor: number,
): Mention | null {
  const k = tokenAt(ctx.tokens, sStart);
  if (k < 0) return null;
  if (rule.suffix.length === 1 && NOT_AGENCY.has(ctx.tokens[k]!.word)) return null;
  let start = walkLeft(ctx.tokens, k, floor, 'org', isRegionWord);
  const role = [...ctx.text.slice(start - ctx.start, sStart - ctx.start).matchAll(PARTY_ROLE)].at(-1);
  if (role) start += role.index + role[0].length;
  // 某某大学教授王某院士工作站: a station named after a person starts at the name, after the person's titles
  if (rule.suffix.endsWith('工作站')) {
    const q = ctx.text.slice(start - ctx.start, sStart - ctx.start);
    let title = 0;
    for (const r of ROLE_WORDS) {
      const at = q.lastIndexOf(r);
      if (at >= 0) title = Math.max(title, at + r.length);
    }
    if (title > 0 && q.length - title >= 2) start += title;
  }
  const qualifier = ctx.text.slice(start - ctx.start, sStart - ctx.start);
  if (qualifier.length < rule.minPrefix || isGeneric(qualifier)) return null;
  // 两省科技部门, 沿黄省区科技部门: a department is named only by its region
  if ((rule.suffix === '科技部门' || rule.suffix === '政府') && !isRegionWord(qualifier)) return null;
  let end = sEnd;
  const trailing = TRAILING_PAREN.exec(ctx.text.slice(sEnd - ctx.start));
  if (trailing && rule.type === 'Platform') end += trailing[0].length;
  const surface = ctx.text.slice(start - ctx.start, end - ctx.start);
  // the mention keeps the province that qualifies a park (江苏苏州工业园区); its name drops it
  const canonical = ctx.text.slice(withoutProvince(ctx.tokens, start, rule) - ctx.start, sEnd - ctx.start);
  // 建成奶源基地3个: a name followed by a count is a kind of facility, not one named facility
  const counted = /^[\d一二三四五六七八九十两]+(?:个|家|座|处|所)/.test(ctx.text.slice(end - ctx.start));
  // 签署算力中心合作协议: what an agreement is about is a kind of facility unless a place or a quote names it
  const subjectOfAgreement = AGREEMENT_TAIL.test(ctx.text.slice(end - ctx.start));
  const proper =
    (hasProperPart(ctx.tokens, start, sStart, subjectOfAgreement) ||
      compoundPrefix(qualifier) ||
      (qualifier[0] === '中' && COUNTRY_CHARS.has(qualifier[1] ?? ''))) &&
    !counted;
  // 津冀协同再添新平台: a headline's verb of gaining something (再添, 喜获) is never inside a name
  if (HEADLINE_VERB.test(qualifier)) return null;
  // the object of a founding verb is a name even when generic-looking (联合组建的某某农机装备研究院)
  const founded = FOUNDED_BEFORE.test(ctx.text.slice(Math.max(0, start - ctx.start - 6), start - ctx.start));
  // 投资8亿元建设某某电机生产基地: a described facility bought with a stated sum is the investment's object
  const invested =
    rule.type === 'Platform' &&
    /(?:投资|出资)[^,，。;；]{1,10}(?:建设|新建|建成)$/.test(
      ctx.text.slice(Math.max(0, start - ctx.start - 14), start - ctx.start),
    );
  // 与B联合建设某某协同创新中心: what two parties build together is a named unit, not a kind of facility
  const jointly =
    rule.type !== 'Fund' &&
    JOINTLY_FOUNDED.test(ctx.text.slice(Math.max(0, start - ctx.start - 6), start - ctx.start));
  const namedObject =
    qualifier.length >= 4 && ((founded && rule.type === 'ResearchInstitute') || invested || jointly);
  if (rule.proper && !proper && !namedObject) {
    // generic names survive only if they turn out to abbreviate a full name in the document
    // 省科技厅, 市政府: an agency named by its level only is the agency of the document's region of that level
    const levelOnly = rule.type === 'GovernmentAgency' && LEVEL_ONLY.test(qualifier);
    if (rule.type === 'Fund' || rule.type === 'Platform' || rule.type === 'ResearchInstitute' || levelOnly) {
      return { start, end, surface, type: rule.type, canonical, sentence: ctx.index, weak: true };
    }
    return null;
  }
  return { start, end, surface, type: rule.type, canonical, sentence: ctx.index };
}

/** 某某科学院某某研究所 / 某某科学院某某所: the academy name by the walker, the unit up to its 所. */
function academyUnits(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  ACADEMY.lastIndex = 0;
  for (let m = ACADEMY.exec(ctx.text); m; m = ACADEMY.exec(ctx.text)) {
    const academyEnd = ctx.start + m.index + m[0].length;
    const unit = ACADEMY_UNIT.exec(ctx.text.slice(m.index + m[0].length));
    if (!unit || ACADEMY_BAD.test(unit[0])) continue;
    const k = tokenAt(ctx.tokens, academyEnd - 1);
    if (k < 0) continue;
    const start = walkLeft(ctx.tokens, k, 0, 'org', isRegionWord);
    if (start >= ctx.start + m.index || !hasProperPart(ctx.tokens, start, academyEnd)) continue;
    const end = academyEnd + unit[0].length;
    const surface = ctx.text.slice(start - ctx.start, end - ctx.start);
    out.push({ start, end, surface, type: 'ResearchInstitute', canonical: surface, sentence: ctx.index });
  }
  return out;
}

/** A qualifier opening with an abbreviation compound (粤黔…, 津甘…) names a specific pairing. */
function compoundPrefix(qualifier: string): boolean {
  for (let len = Math.min(4, qualifier.length); len >= 2; len--) {
    if (splitAbbreviationCompound(qualifier.slice(0, len))) return true;
  }
  return false;
}

const levelOf = (word: string, level: string): boolean =>
  lookupSurface(word).some((f) => f.region.level === level);

/**
 * 江苏苏州工业园区: a park or zone is named after its city; the province before the city only qualifies it
 * (company names keep theirs: 江苏某某有限公司 is a registered name).
 */
function withoutProvince(tokens: Token[], start: number, rule: SuffixRule): number {
  if (rule.type !== 'Platform') return start;
  const i = tokenAt(tokens, start);
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a || !b || a.start !== start || !levelOf(a.word, 'province')) return start;
  // the city may be its own token or open a longer one (苏州工业园区 as one word)
  if (![b.word, b.word.slice(0, 3), b.word.slice(0, 2)].some((w) => levelOf(w, 'prefecture'))) return start;
  return b.start;
}
