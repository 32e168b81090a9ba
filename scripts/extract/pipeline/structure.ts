// Relations that follow from names rather than sentences: a dependent unit (X公司苏州研发中心) is established
// by its parent and located in the city it names; 某某(保山)有限公司 is located in 保山.
import { lookupSurface } from '../gazetteer/index.ts';
import type { Party, RawRelation } from '../relations/context.ts';

const PAREN_REGION = /[(（]([\u4e00-\u9fff]{2,8})[)）]/;

export function regionRelations(flat: Party[]): RawRelation[] {
  const out: RawRelation[] = [];
  const regionByCode = new Map<string, Party>();
  for (const p of flat) if (p.type === 'Region' && p.regionCode) regionByCode.set(p.regionCode, p);
  const regionBySurface = new Map<string, Party>();
  for (const p of flat) if (p.type === 'Region') regionBySurface.set(p.mention.surface, p);
  const done = new Set<string>();
  for (const p of flat) {
    if (done.has(p.id)) continue;
    const m = p.mention;
    if (m.parent?.entityId) {
      done.add(p.id);
      out.push({
        type: 'ESTABLISHED',
        source: m.parent.entityId,
        target: p.id,
        sentence: m.sentence,
        at: m.start,
        rule: 'unit-of',
        confidence: 0.7,
      });
      const place = placeIn(m.canonical.slice(m.parent.canonical.length), regionBySurface);
      if (place)
        out.push({
          type: 'LOCATED_IN',
          source: p.id,
          target: place.id,
          sentence: m.sentence,
          at: m.start,
          rule: 'unit-in',
          confidence: 0.75,
        });
      continue;
    }
    const paren = PAREN_REGION.exec(m.surface);
    if (p.type !== 'Region' && paren) {
      const place = placeIn(paren[1]!, regionBySurface);
      if (place) {
        done.add(p.id);
        out.push({
          type: 'LOCATED_IN',
          source: p.id,
          target: place.id,
          sentence: m.sentence,
          at: m.start,
          rule: 'name-paren',
          confidence: 0.6,
        });
      }
    }
  }
  void regionByCode;
  return out;
}

/** The region a name starts with, if that region is mentioned in the document. */
function placeIn(text: string, regions: Map<string, Party>): Party | null {
  for (let len = Math.min(8, text.length); len >= 2; len--) {
    const head = text.slice(0, len);
    if (!lookupSurface(head).length) continue;
    const p = regions.get(head);
    if (p) return p;
  }
  return null;
}
