// Relations that follow from names rather than sentences: a dependent unit (X公司苏州研发中心) is established
// by its parent and located in the city it names; 某某(保山)有限公司 is located in 保山; an event titled after
// two places' cooperation (X Y东西部协作…签约仪式, both places named in the document) states that cooperation.
import { lookupSurface, splitAbbreviationCompound } from '../gazetteer/index.ts';
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
  out.push(...eventTitlePairs(flat, regionByCode));
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

const TITLE_ORDINAL = /^(?:第[一二三四五六七八九十百\d]+届|首届|\d{4}年?)/;
const TITLE_PAIRED = /^(?:东西部(?:扶贫)?协作|对口(?:支援|帮扶|协作|合作))/;
const TITLE_COOPERATION = /^(?:科技|产业|东西部)?(?:合作|协作)/;

/** 粤黔东西部协作…仪式: the two abbreviated places cooperate (paired assistance east → west when so named). */
function eventTitlePairs(flat: Party[], regions: Map<string, Party>): RawRelation[] {
  const out: RawRelation[] = [];
  const seen = new Set<string>();
  for (const p of flat) {
    if (p.type !== 'Event' || seen.has(p.id)) continue;
    seen.add(p.id);
    const title = p.mention.canonical.replace(/^[“"《]/, '').replace(TITLE_ORDINAL, '');
    const parts = splitAbbreviationCompound(title.slice(0, 2));
    if (parts?.length !== 2) continue;
    const a = regions.get(parts[0]!.code);
    const b = regions.get(parts[1]!.code);
    if (!a || !b) continue;
    const rest = title.slice(2);
    const paired = TITLE_PAIRED.test(rest) && a.zone !== b.zone && (a.zone === 'East' || b.zone === 'East');
    if (!paired && !TITLE_COOPERATION.test(rest)) continue;
    const [src, dst] = paired && b.zone === 'East' ? [b, a] : [a, b];
    out.push({
      type: paired ? 'PAIRED_ASSISTANCE' : 'COOPERATION',
      source: src.id,
      target: dst.id,
      sentence: p.mention.sentence,
      at: p.mention.start,
      rule: 'event-title',
      confidence: 0.55,
    });
  }
  return out;
}
