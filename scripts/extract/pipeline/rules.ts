// Runs the relation rules sentence by sentence (headings state no facts), plus the structural relations
// that come from names: a dependent unit and its parent (ESTABLISHED, LOCATED_IN) and 某某(保山)有限公司.
import type { ExtractedEntityType } from '../../../contract/vocabulary.ts';
import type { SentenceContext } from '../entities/types.ts';
import { affiliationRule } from '../relations/affiliation.ts';
import type { Party, RawRelation, RuleContext } from '../relations/context.ts';
import { byRule, establishedRule, managerRule, operatorRule } from '../relations/founders.ts';
import { locationRule, placeRule } from '../relations/location.ts';
import {
  fundsRule,
  grantRule,
  inputRule,
  investRule,
  receivedRule,
  towardRule,
} from '../relations/investment.ts';
import { assistRule, pairRule } from '../relations/pairs.ts';
import { tableRule } from '../relations/table.ts';
import { transferRule } from '../relations/transfer.ts';
import { heldRule, joinRule } from '../relations/participation.ts';
import { jointRule, pairWordRule, projectPairRule, withRule } from '../relations/symmetric.ts';
import type { EntityGroup } from '../resolve.ts';
import { regionRelations } from './structure.ts';

export function runRules(
  sentences: SentenceContext[],
  parties: Party[][],
  groups: EntityGroup[],
): RawRelation[] {
  const out: RawRelation[] = [];
  const flat = parties.flat();
  const agencies = governmentsByRegion(groups, flat);
  let previous: Party[] = [];
  sentences.forEach((sentence, i) => {
    const own = parties[i] ?? [];
    const at = (id: string): number | undefined => own.find((p) => p.id === id)?.start;
    const ctx: RuleContext = {
      sentence,
      parties: own,
      previous,
      lastEvent: () => lastBefore(flat, ['Event'], sentence.end),
      lastOfType: (types: ExtractedEntityType[], before: number) => lastBefore(flat, types, before),
      lastTwoOfType: (types: ExtractedEntityType[], before: number) => lastTwoBefore(flat, types, before),
      emit: (r) => out.push({ ...r, sentence: i, sourceAt: at(r.source), targetAt: at(r.target) }),
    };
    previous = own;
    if (sentence.heading) return;
    // 双方签署合作协议: a sentence that names no party may still bind the pair it refers back to
    if (own.length === 0) return void pairWordRule(ctx);
    const start = out.length;
    const used = byRule(ctx);
    establishedRule(ctx, used);
    operatorRule(ctx);
    managerRule(ctx);
    withRule(ctx);
    jointRule(ctx);
    pairWordRule(ctx);
    heldRule(ctx);
    joinRule(ctx);
    locationRule(ctx);
    const related = (a: string, b: string): boolean =>
      out.slice(start).some((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
    projectPairRule(ctx, related);
    investRule(ctx, related);
    receivedRule(ctx, related);
    fundsRule(ctx, related);
    grantRule(ctx, related);
    towardRule(ctx, related);
    inputRule(ctx, related);
    transferRule(ctx, related);
    placeRule(ctx);
    assistRule(ctx, related);
    pairRule(ctx, related);
    affiliationRule(ctx, agencies);
  });
  out.push(...tableRule(sentences, parties));
  // a place in brackets in the name (某省(某市)…) yields to a place the text states for the same entity
  const located = new Set(out.filter((r) => r.type === 'LOCATED_IN').map((r) => r.source));
  out.push(...regionRelations(flat).filter((r) => r.rule !== 'name-paren' || !located.has(r.source)));
  return out;
}

/** Most recent party of a type before an offset: binary search, then a short walk back. */
function lastBefore(flat: Party[], types: ExtractedEntityType[], before: number): Party | null {
  return lastTwoBefore(flat, types, before, 1)[0] ?? null;
}

/** The `count` most recent distinct parties of the types before an offset (a bounded walk back). */
function lastTwoBefore(flat: Party[], types: ExtractedEntityType[], before: number, count = 2): Party[] {
  let lo = 0;
  let hi = flat.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flat[mid]!.start < before) lo = mid + 1;
    else hi = mid;
  }
  const out: Party[] = [];
  for (let i = lo - 1; i >= 0 && out.length < count; i--) {
    const p = flat[i]!;
    if (types.includes(p.type) && !out.some((q) => q.id === p.id)) out.push(p);
  }
  return out;
}

/** region id → the region's people's government named in the document (for 市长/区长 roles). */
function governmentsByRegion(groups: EntityGroup[], flat: Party[]): Map<string, Party> {
  const out = new Map<string, Party>();
  const regions = groups.filter((g) => g.type === 'Region');
  for (const g of groups) {
    if (g.type !== 'GovernmentAgency' || !g.name.endsWith('人民政府')) continue;
    // 甘肃省某某市人民政府: the government of the innermost region its name ends with
    const region = regions
      .filter((r) => g.name.endsWith(`${r.name}人民政府`))
      .sort((a, b) => b.name.length - a.name.length)[0];
    const party = flat.find((p) => p.id === g.id);
    if (region && party) out.set(region.id, party);
  }
  return out;
}
