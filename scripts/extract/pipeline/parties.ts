// Turns resolved mentions into relation parties (entity id, type, zone, region) per sentence.
import type { Mention, SentenceContext } from '../entities/types.ts';
import type { Party } from '../relations/context.ts';
import { zoneOf } from '../relations/pairs.ts';
import type { EntityGroup } from '../resolve.ts';

export function toParties(
  mentions: Mention[],
  groups: EntityGroup[],
  sentences: SentenceContext[],
): Party[][] {
  const sentenceCount = sentences.length;
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
  // 某大学(English Name, ABC): an alias in brackets right after its own name is no second party
  return out.map((list, i) => {
    const s = sentences[i]!;
    return list.filter((p, k) => {
      const q = list[k - 1];
      return !q || q.id !== p.id || !/^\([^()]*$/.test(s.text.slice(q.end - s.start, p.start - s.start));
    });
  });
}
