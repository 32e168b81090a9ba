// Turns resolved mentions into relation parties (entity id, type, zone, region) per sentence.
import type { Mention } from '../entities/types.ts';
import type { Party } from '../relations/context.ts';
import { zoneOf } from '../relations/pairs.ts';
import type { EntityGroup } from '../resolve.ts';

export function toParties(mentions: Mention[], groups: EntityGroup[], sentenceCount: number): Party[][] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const out: Party[][] = Array.from({ length: sentenceCount }, () => []);
  for (const m of mentions) {
    if (!m.entityId || m.nested) continue;
    const g = byId.get(m.entityId);
    if (!g) continue;
    const code = g.regionCode ?? null;
    out[m.sentence]!.push({
      id: g.id,
      type: g.type,
      start: m.start,
      end: m.end,
      mention: m,
      zone: zoneOf(code),
      regionCode: code,
      collective: Boolean(m.collective),
    });
  }
  for (const list of out) list.sort((a, b) => a.start - b.start);
  return out;
}
