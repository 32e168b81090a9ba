// What every relation rule sees: the sentence, its parties (resolved entity mentions in order), clause
// boundaries, and an emit() that records a typed relation with its rule, trigger and confidence.
import type { ExtractedEntityType, RelationType, Zone } from '../../../contract/vocabulary.ts';
import type { Mention, SentenceContext } from '../entities/types.ts';

export interface Party {
  id: string;
  type: ExtractedEntityType;
  start: number;
  end: number;
  mention: Mention;
  zone: Zone | null;
  /** Region code of the party (the region itself, or the region an organization belongs to). */
  regionCode: string | null;
  collective: boolean;
}

export interface RawRelation {
  type: RelationType;
  source: string;
  target: string;
  sentence: number;
  /** Normalized offset of the trigger (for planned/date lookup). */
  at: number;
  rule: string;
  confidence: number;
  role?: string;
  /** Ignore amounts for this relation. */
  noAmount?: boolean;
  /** Normalized offsets of the source and target mentions when they are in the sentence (respective amounts). */
  sourceAt?: number;
  targetAt?: number;
}

export interface RuleContext {
  sentence: SentenceContext;
  parties: Party[];
  /** Parties of the previous sentence (subject carry-over). */
  previous: Party[];
  /** Most recent named event before this sentence or inside it. */
  lastEvent: () => Party | null;
  /** Most recent entity of a type before an offset ("该基金", "该校"). */
  lastOfType: (types: ExtractedEntityType[], before: number) => Party | null;
  /** The two most recent distinct entities of a type before an offset ("两校" after two universities). */
  lastTwoOfType: (types: ExtractedEntityType[], before: number) => Party[];
  emit: (r: Omit<RawRelation, 'sentence' | 'sourceAt' | 'targetAt'>) => void;
}

export const CLAUSE_BREAK = /[,，;；:：。!?！？]/;

/** Offset (absolute) of the clause start/end around `at` in the sentence. */
export function clauseAround(ctx: SentenceContext, at: number): { start: number; end: number } {
  // a comma inside brackets (某大学(English Name, ABC)) ends no clause
  const rel = at - ctx.start;
  let s = rel;
  for (let depth = 0; s > 0; s--) {
    const c = ctx.text[s - 1]!;
    if (c === ')') depth++;
    else if (c === '(' && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAK.test(c)) break;
  }
  let e = rel;
  for (let depth = 0; e < ctx.text.length; e++) {
    const c = ctx.text[e]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAK.test(c)) break;
  }
  return { start: ctx.start + s, end: ctx.start + e };
}

/** All matches of a trigger regex in the sentence, as absolute offsets. */
export function triggerHits(
  ctx: SentenceContext,
  re: RegExp,
): Array<{ at: number; end: number; word: string }> {
  const g = new RegExp(re.source, 'g');
  const out: Array<{ at: number; end: number; word: string }> = [];
  for (let m = g.exec(ctx.text); m; m = g.exec(ctx.text)) {
    out.push({ at: ctx.start + m.index, end: ctx.start + m.index + m[0].length, word: m[0] });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/** The trigger is inside a party's name (合作 in 某某合作研究院): not a trigger. */
export function insideParty(parties: Party[], at: number): boolean {
  return parties.some((p) => at >= p.start && at < p.end);
}

export const isOrg = (p: Party): boolean => p.type !== 'Region' && p.type !== 'Person' && p.type !== 'Other';
export const isActor = (p: Party): boolean => p.type !== 'Person' && p.type !== 'Other' && p.type !== 'Event';

/** Distinct parties by id, first occurrence kept. */
export function distinct(parties: Party[]): Party[] {
  const seen = new Set<string>();
  return parties.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** The kind of unit a joint subject counts (两校: two universities); 双方 names no kind. */
const PAIR_KIND: Record<string, ExtractedEntityType[]> = {
  两校: ['University'],
  两院: ['ResearchInstitute'],
  两所: ['ResearchInstitute', 'University'],
};
export const PAIR_WORD = /两校|两院|两所|双方/g;

/**
 * The pair a joint subject with no name refers back to: the two organizations of the previous sentence,
 * else (两校, 两院 …) the two units of that kind named last in the document; [] if none.
 */
export function pairWordParties(ctx: RuleContext, word: string, at: number): Party[] {
  const pair = distinct(ctx.previous.filter((p) => isActor(p) && p.type !== 'Event' && p.type !== 'Region'));
  const kind = PAIR_KIND[word];
  if (pair.length === 2 && (!kind || pair.every((p) => kind.includes(p.type)))) return pair;
  return kind ? ctx.lastTwoOfType(kind, at).reverse() : [];
}
