// Region mentions: every gazetteer surface that segments as a word (full or short names), new areas
// named after a city (成都东部新区), collective parties (12家苏州企业, 甬企) and abbreviation compounds
// (鲁甘 → 山东 + 甘肃; 闵保 → 闵行 + 保山 when both are named in the document).
import {
  abbreviationInWord,
  allRegions,
  ancestorsOf,
  regionByCode,
  lookupSurface,
  resolveRegion,
  splitAbbreviationCompound,
  splitCompoundInContext,
  type RegionRecord,
} from '../gazetteer/index.ts';
import type { Token } from '../tokens.ts';
import type { Mention, SentenceContext } from './types.ts';

const NEW_AREA = /^(?:[东西南北]部新区|新区|高新区|经开区|经济技术开发区|高新技术产业开发区)/;
const COLLECTIVE_AFTER = /^(?:企业|企|高校|院所|科研院所|客商)/;
/** Words that may follow a compound of abbreviations: the compound names a pair of places. */
const COMPOUND_CONTEXT =
  /^(?:两地|两省|两市|之间|科技|合作|协作|产业|生物|携手|共建|同为|乃至|“|"|双地|人才|对口|东西部|融合|结对|帮扶)/;

/** Region names (not abbreviations) that a token may be. */
const regionWordCache = new Map<string, boolean>();

/** Is the text one or more place names written one after the other (某某省某某自治州某某县)? */
export function isPlaceRun(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    let len = Math.min(12, text.length - i);
    while (len >= 2 && !isRegionWord(text.slice(i, i + len))) len--;
    if (len < 2) return false;
    i += len;
  }
  return text.length > 0;
}

export function isRegionWord(word: string): boolean {
  if (word.length < 2) return false;
  let yes = regionWordCache.get(word);
  if (yes === undefined) {
    yes = lookupSurface(word).some((m) => m.kind !== 'abbreviation' && m.region.level !== 'country');
    if (regionWordCache.size < 200_000) regionWordCache.set(word, yes);
  }
  return yes;
}

/** Region mentions among a sentence's tokens (codes resolved later with document context). */
/**
 * State-level new areas whose names are not a division's name (all of them: the others, 浦东新区, 滨海新区,
 * 兰州新区 …, are districts or a city's name followed by 新区 and are found as such).
 */
const NATIONAL_NEW_AREAS = /(?:两江|舟山群岛|西咸|贵安|西海岸|金普|天府|湘江|滇中|赣江|雄安)新区/g;

export function findRegionMentions(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  for (const t of ctx.tokens) findRegionAt(ctx, t, out);
  if (ctx.text.includes('新区')) {
    NATIONAL_NEW_AREAS.lastIndex = 0;
    for (let m = NATIONAL_NEW_AREAS.exec(ctx.text); m; m = NATIONAL_NEW_AREAS.exec(ctx.text)) {
      const start = ctx.start + m.index;
      const end = start + m[0].length;
      // the area's name wins over a county cut out of it (安新 in 雄安新区)
      for (let k = out.length - 1; k >= 0; k--)
        if (out[k]!.start < end && out[k]!.end > start) out.splice(k, 1);
      out.push({ start, end, surface: m[0], type: 'Region', canonical: m[0], sentence: ctx.index });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** A segmenter word made of two place names (新疆伊犁哈萨克自治州 → 新疆 + 伊犁哈萨克自治州). */
export function splitPlaceToken(t: Token): Token[] {
  if (t.word.length < 4 || isRegionWord(t.word) || !/^ns/.test(t.tag)) return [t];
  for (let i = 2; i <= t.word.length - 2; i++) {
    const a = t.word.slice(0, i);
    const b = t.word.slice(i);
    if (isRegionWord(a) && isRegionWord(b)) {
      return [
        { word: a, tag: 'ns', start: t.start, end: t.start + i },
        { word: b, tag: 'ns', start: t.start + i, end: t.end },
      ];
    }
  }
  return [t];
}

function findRegionAt(ctx: SentenceContext, t: Token, out: Mention[]): void {
  if (!isRegionWord(t.word)) return;
  const after = ctx.text.slice(t.end - ctx.start, t.end - ctx.start + 10);
  // 某桂东西部协作: a short name ending in 东 (南) before 西 (北) is cut out of 东西部 (南北), not a place
  if ((t.word.endsWith('东') && after.startsWith('西')) || (t.word.endsWith('南') && after.startsWith('北')))
    return;
  const area = NEW_AREA.exec(after);
  if (area) {
    const surface = t.word + area[0];
    out.push({
      start: t.start,
      end: t.end + area[0].length,
      surface,
      type: 'Region',
      canonical: surface,
      sentence: ctx.index,
    });
    return;
  }
  const m: Mention = {
    start: t.start,
    end: t.end,
    surface: t.word,
    type: 'Region',
    canonical: t.word,
    sentence: ctx.index,
  };
  if (COLLECTIVE_AFTER.test(after)) m.collective = true;
  out.push(m);
}

/** Resolve region mention codes with the document's unambiguous regions as context. */
export function resolveRegionCodes(mentions: Mention[]): void {
  const regions = mentions.filter((m) => m.type === 'Region' && !m.regionCode);
  const context: string[] = [];
  for (const m of regions) {
    const found = lookupSurface(m.surface);
    const codes = new Set(found.map((f) => f.region.code));
    if (codes.size === 1) context.push([...codes][0]!);
  }
  const cache = new Map<string, ReturnType<typeof resolveRegion>>();
  for (const m of regions) {
    let r = cache.get(m.surface);
    if (r === undefined) {
      r = resolveRegion(m.surface, context);
      cache.set(m.surface, r);
    }
    if (r) m.regionCode = r.code;
    else if (!lookupSurface(m.surface).length) m.regionCode = undefined;
  }
}

/**
 * County short names without their suffix (盐湖 for 盐湖区, 桂东 for 桂东县) are often common words: keep one
 * only when the document also names its prefecture or province, else it is not read as a place.
 */
export function strayCountyShortForms(mentions: Mention[]): Set<Mention> {
  const named = new Set<string>();
  for (const m of mentions) if (m.type === 'Region' && m.regionCode) named.add(m.regionCode);
  const out = new Set<Mention>();
  for (const m of mentions) {
    if (m.type !== 'Region' || !m.regionCode || m.fromCompound) continue;
    const r = regionByCode(m.regionCode);
    if (!r || r.level !== 'county' || m.surface === r.name) continue;
    if (lookupSurface(m.surface).some((f) => f.kind !== 'short')) continue;
    if (ancestorsOf(r.code).some((a) => a.code !== r.code && named.has(a.code))) continue;
    out.add(m);
  }
  return out;
}

/** Abbreviation compounds and X企 collectives, using the document's resolved regions as context. */
export function findCompoundMentions(
  ctx: SentenceContext,
  taken: (s: number, e: number) => boolean,
  contextCodes: string[],
): Mention[] {
  const out: Mention[] = [];
  const firsts = compoundChars(contextCodes);
  for (let i = 0; i < ctx.text.length - 1; i++) {
    // only characters that can start a compound or an X企 pattern are worth a look
    if (!firsts.has(ctx.text[i]!)) continue;
    const pair = ctx.text.slice(i, i + 2);
    const abs = ctx.start + i;
    const word = /^.[企商]$/.test(pair) && !taken(abs, abs + 2) ? abbreviationInWord(pair) : null;
    if (word && word.role === 'companies') {
      out.push(regionPart(ctx, abs, 1, word.region, true));
      i++;
      continue;
    }
    for (const len of [4, 3, 2]) {
      if (!COMPOUND_CONTEXT.test(ctx.text.slice(i + len, i + len + 3))) continue;
      const s = ctx.text.slice(i, i + len);
      if (s.length < len || !/^[\u4e00-\u9fff]+$/.test(s) || taken(abs, abs + len)) continue;
      if (!looseTokens(ctx, abs, abs + len)) continue;
      const parts = splitCompound(s, contextCodes);
      if (!parts) continue;
      parts.forEach((r, k) => out.push(regionPart(ctx, abs + k, 1, r, false)));
      i += len - 1;
      break;
    }
  }
  return out;
}

function regionPart(
  ctx: SentenceContext,
  start: number,
  len: number,
  r: RegionRecord,
  collective: boolean,
): Mention {
  return {
    start,
    end: start + len,
    surface: r.name,
    type: 'Region',
    canonical: r.name,
    sentence: ctx.index,
    regionCode: r.code,
    fromCompound: true,
    collective,
  };
}

/** The span is not a dictionary word: jieba left it as unknown (x), abbreviations (j) or single characters. */
function looseTokens(ctx: SentenceContext, start: number, end: number): boolean {
  return ctx.tokens
    .filter((t) => t.end > start && t.start < end)
    .every((t) => ['x', 'j', 'ns', 'nr', 'nz'].includes(t.tag) || t.word.length === 1);
}

let abbreviationChars: Set<string> | null = null;

/** One-character abbreviations of every region, plus first characters of the context regions' names. */
let cached: { codes: string[]; chars: Set<string> } | null = null;

function compoundChars(contextCodes: string[]): Set<string> {
  if (cached?.codes === contextCodes) return cached.chars;
  if (!abbreviationChars) {
    abbreviationChars = new Set();
    for (const r of allRegions())
      for (const a of r.abbreviations) if (a.length === 1) abbreviationChars.add(a);
  }
  const out = new Set(abbreviationChars);
  for (const code of contextCodes) {
    const r = regionByCode(code);
    if (!r) continue;
    for (const s of [r.name, ...r.shortNames, ...r.abbreviations]) if (s[0]) out.add(s[0]);
  }
  cached = { codes: contextCodes, chars: out };
  return out;
}

let compoundMemo: { codes: string[]; map: Map<string, RegionRecord[] | null> } | null = null;

/** Abbreviation compound, else first characters of context regions; memoized per document. */
function splitCompound(s: string, contextCodes: string[]): RegionRecord[] | null {
  if (compoundMemo?.codes !== contextCodes) compoundMemo = { codes: contextCodes, map: new Map() };
  let parts = compoundMemo.map.get(s);
  if (parts === undefined) {
    parts = splitAbbreviationCompound(s) ?? splitCompoundInContext(s, contextCodes);
    compoundMemo.map.set(s, parts);
  }
  return parts;
}
