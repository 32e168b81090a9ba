// People → the organization they act for (AFFILIATED_WITH with the role): the nearest party before the
// role words in the same clause; a mayor's organization is the city's people's government when named.
import { GOVERNMENT_ROLES } from '../lexicon/roles.ts';
import { clauseAround, type Party, type RuleContext } from './context.ts';

export function affiliationRule(ctx: RuleContext, agencies: Map<string, Party>): void {
  const s = ctx.sentence;
  ctx.parties.forEach((p, i) => {
    if (p.type === 'Person' && !p.mention.role) return bracketed(ctx, p, ctx.parties[i + 1]);
    if (p.type !== 'Person' || !p.mention.role) return;
    const clause = clauseAround(s, p.start);
    const roleStart = p.start - p.mention.role.length;
    let org: Party | undefined;
    for (let k = i - 1; k >= 0; k--) {
      const o = ctx.parties[k]!;
      if (o.end < clause.start) break;
      if (o.type === 'Person' || o.type === 'Event') continue;
      if (roleStart - o.end > 12) break;
      org = o;
      break;
    }
    if (!org) return;
    if (org.type === 'Region' && GOVERNMENT_ROLES.test(p.mention.role)) org = agencies.get(org.id) ?? org;
    ctx.emit({
      type: 'AFFILIATED_WITH',
      source: p.id,
      target: org.id,
      at: p.start,
      rule: 'role',
      confidence: 0.8,
      role: p.mention.role,
    });
  });
}

/** 王某(某某大学): a listed person and the organization in brackets right after the name. */
function bracketed(ctx: RuleContext, p: Party, next: Party | undefined): void {
  const s = ctx.sentence;
  if (!next || next.type === 'Person' || next.type === 'Event' || next.type === 'Region') return;
  if (!/^[(（]$/.test(s.text.slice(p.end - s.start, next.start - s.start))) return;
  if (!/^[)）]/.test(s.text.slice(next.end - s.start))) return;
  ctx.emit({
    type: 'AFFILIATED_WITH',
    source: p.id,
    target: next.id,
    at: p.start,
    rule: 'bracketed',
    confidence: 0.7,
  });
}
