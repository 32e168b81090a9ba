// Region mentions: every gazetteer surface that segments as a word (full or short names), new areas
// named after a city (成都东部新区), collective parties (12家苏州企业, 甬企) and abbreviation compounds
// (鲁甘 → 山东 + 甘肃; 闵保 → 闵行 + 保山 when both are named in the document).
import {
  abbreviationInWord,
  lookupSurface,
  resolveRegion,
  splitAbbreviationCompound,
  splitCompoundInContext,
  type RegionRecord,
} from '../gazetteer/index.ts';
import type { Mention, SentenceContext } from './types.ts';

const NEW_AREA = /^(?:[东西南北]部新区|新区|高新区|经开区|经济技术开发区|高新技术产业开发区)/;
const COLLECTIVE_AFTER = /^(?:企业|企|高校|院所|科研院所|客商)/;
/** Words that may follow a compound of abbreviations: the compound names a pair of places. */
const COMPOUND_CONTEXT =
  /^(?:两地|两省|两市|之间|科技|合作|协作|产业|生物|携手|共建|同为|乃至|“|"|双地|人才|对口|东西部|融合|结对|帮扶)/;

/** Region names (not abbreviations) that a token may be. */
export function isRegionWord(word: string): boolean {
  if (word.length < 2) return false;
  return lookupSurface(word).some((m) => m.kind !== 'abbreviation' && m.region.level !== 'country');
}

/** Region mentions among a sentence's tokens (codes resolved later with document context). */
export function findRegionMentions(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  for (const t of ctx.tokens) {
    if (!isRegionWord(t.word)) continue;
    const after = ctx.text.slice(t.end - ctx.start, t.end - ctx.start + 10);
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
      continue;
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
  return out;
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
  for (const m of regions) {
    const r = resolveRegion(m.surface, context);
    if (r) m.regionCode = r.code;
    else if (!lookupSurface(m.surface).length) m.regionCode = undefined;
  }
}

/** Abbreviation compounds and X企 collectives, using the document's resolved regions as context. */
export function findCompoundMentions(
  ctx: SentenceContext,
  taken: (s: number, e: number) => boolean,
  contextCodes: string[],
): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < ctx.text.length - 1; i++) {
    const pair = ctx.text.slice(i, i + 2);
    const abs = ctx.start + i;
    if (taken(abs, abs + 2)) continue;
    const word = abbreviationInWord(pair);
    if (word && word.role === 'companies') {
      out.push(regionPart(ctx, abs, 1, word.region, true));
      i++;
      continue;
    }
    for (const len of [4, 3, 2]) {
      const s = ctx.text.slice(i, i + len);
      if (s.length < len || !/^[\u4e00-\u9fff]+$/.test(s) || taken(abs, abs + len)) continue;
      if (!COMPOUND_CONTEXT.test(ctx.text.slice(i + len, i + len + 3))) continue;
      if (!looseTokens(ctx, abs, abs + len)) continue;
      const parts = splitAbbreviationCompound(s) ?? splitCompoundInContext(s, contextCodes);
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
