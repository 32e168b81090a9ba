// Builds the contract output: entities with original-text mention spans and gazetteer facts (plus implied
// ancestor regions), relations with evidence sentence, offsets, amount, date, planned flag and the
// administrative hierarchy (PART_OF).
import type { ExtractedEntity, ExtractedRelation } from '../../../contract/extraction.ts';
import type { RelationType } from '../../../contract/vocabulary.ts';
import { findAmounts, type FoundAmount } from '../amounts.ts';
import { findDates } from '../dates.ts';
import type { SentenceContext } from '../entities/types.ts';
import { ancestorsOf, regionByCode, type RegionRecord } from '../gazetteer/index.ts';
import { HEDGE_AFTER, PLANNED } from '../lexicon/triggers.ts';
import { toOriginalSpan, type NormalizedText } from '../normalize.ts';
import type { RawRelation } from '../relations/context.ts';
import type { EntityGroup } from '../resolve.ts';
import { orientedKey, respectiveAmounts } from './respective.ts';

const AMOUNT_TYPES = new Set<RelationType>(['INVESTMENT', 'COOPERATION', 'AGREEMENT', 'TECH_TRANSFER']);

function regionFacts(r: RegionRecord): Partial<ExtractedEntity> {
  return {
    code: r.code,
    level: r.level,
    ...(r.zone ? { zone: r.zone } : {}),
    ...(r.lat !== null ? { lat: r.lat } : {}),
    ...(r.lon !== null ? { lon: r.lon } : {}),
    nameEn: r.nameEn,
  };
}

export function buildEntities(groups: EntityGroup[], norm: NormalizedText): ExtractedEntity[] {
  const out: ExtractedEntity[] = [];
  const present = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    const surfaces = new Set(g.mentions.filter((m) => !m.fromCompound && !m.pronoun).map((m) => m.surface));
    for (const m of g.mentions) if (m.longSurface) surfaces.add(m.longSurface);
    surfaces.delete(g.name);
    const r = g.regionCode ? regionByCode(g.regionCode) : null;
    const e: ExtractedEntity = {
      id: g.id,
      name: g.name,
      type: g.type,
      aliases: [...surfaces],
      region: g.type === 'Region' ? (r ? provinceName(r) : null) : (g.region ?? null),
      implied: false,
      mentions: g.mentions.map((m) => toOriginalSpan(norm, m.start, m.end)).sort((a, b) => a.start - b.start),
      ...(g.type === 'Region' && r ? regionFacts(r) : {}),
      ...(g.role ? { role: g.role } : {}),
    };
    out.push(e);
  }
  for (const g of groups) {
    if (g.type !== 'Region' || !g.regionCode) continue;
    out.push(...impliedRegions(g.regionCode, present, false));
  }
  return out;
}

/**
 * The regions a relation reaches without the text naming them (an event held at 南宁国际会展中心 is in
 * 南宁市): the region and its ancestors, as implied entities, unless present.
 */
export function regionsReachedByRelations(
  raw: RawRelation[],
  entities: ExtractedEntity[],
): ExtractedEntity[] {
  const present = new Set(entities.map((e) => e.id));
  const out: ExtractedEntity[] = [];
  for (const r of raw) {
    for (const id of [r.source, r.target]) {
      const code = /^region:(\d+)$/.exec(id)?.[1];
      if (code && !present.has(id)) out.push(...impliedRegions(code, present, true));
    }
  }
  return out;
}

function impliedRegions(code: string, present: Set<string>, withSelf: boolean): ExtractedEntity[] {
  const out: ExtractedEntity[] = [];
  const self = withSelf ? regionByCode(code) : null;
  for (const a of [...(self ? [self] : []), ...ancestorsOf(code)]) {
    const id = `region:${a.code}`;
    if (present.has(id)) continue;
    present.add(id);
    out.push({
      id,
      name: a.name,
      type: 'Region',
      aliases: [],
      region: provinceName(a),
      implied: true,
      mentions: [],
      ...regionFacts(a),
    });
  }
  return out;
}

function provinceName(r: RegionRecord): string | null {
  if (r.level === 'province' || r.level === 'country') return r.name;
  return r.provinceCode ? (regionByCode(r.provinceCode)?.name ?? null) : null;
}

export function buildRelations(
  raw: RawRelation[],
  sentences: SentenceContext[],
  norm: NormalizedText,
  original: string,
  docDate: string | null,
): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const seen = new Map<string, ExtractedRelation>();
  const withAmounts = new Map<number, RawRelation[]>();
  for (const r of raw)
    if (AMOUNT_TYPES.has(r.type) && !r.noAmount)
      withAmounts.set(r.sentence, [...(withAmounts.get(r.sentence) ?? []), r]);
  const bySentence = new Map<number, Map<RawRelation, FoundAmount>>();
  const respective = (i: number): Map<RawRelation, FoundAmount> => {
    let m = bySentence.get(i);
    if (!m) {
      const text = sentences[i]!.text;
      m = respectiveAmounts(withAmounts.get(i) ?? [], text, (type, x) => amountFits(type, text, x));
      bySentence.set(i, m);
    }
    return m;
  };
  for (const r of raw) {
    if (r.source === r.target) continue;
    const { a, b, key } = orientedKey(r);
    const earlier = seen.get(key);
    if (earlier) {
      // the same fact stated again with its amount (发起设立X …; 认缴金额分别为…): the amount is kept
      const amount =
        !earlier.amount && AMOUNT_TYPES.has(r.type) && !r.noAmount
          ? respective(r.sentence).get(r)
          : undefined;
      if (amount) earlier.amount = toAmount(amount);
      continue;
    }
    const s = sentences[r.sentence]!;
    const span = toOriginalSpan(norm, s.start, s.end);
    const rel: ExtractedRelation = {
      source: a,
      target: b,
      type: r.type,
      evidence: original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      confidence: r.confidence,
      rule: r.rule,
      planned:
        PLANNED.test(s.text.slice(0, Math.max(0, r.at - s.start))) ||
        HEDGE_AFTER.test(s.text.slice(Math.max(0, r.at - s.start))),
      ...(r.role ? { role: r.role } : {}),
    };
    const rel0 = r.at - s.start;
    if (AMOUNT_TYPES.has(r.type) && !r.noAmount) {
      const amounts = findAmounts(s.text).filter((x) => amountFits(r.type, s.text, x));
      const amount = respective(r.sentence).get(r) ?? amounts.find((x) => x.index >= rel0) ?? amounts[0];
      if (amount) rel.amount = toAmount(amount);
    }
    const dates = findDates(s.text, docDate);
    const date = [...dates].reverse().find((d) => d.index <= rel0) ?? dates[0];
    if (date) rel.date = { text: date.text, value: date.value };
    seen.set(key, rel);
    out.push(rel);
  }
  return out;
}

/** The contract's amount of a found amount (its offset dropped). */
function toAmount(x: FoundAmount): NonNullable<ExtractedRelation['amount']> {
  return { text: x.text, value: x.value, currency: x.currency, qualifier: x.qualifier ?? null };
}

/**
 * Whether an amount of the sentence can be the value of a relation of this type: 总规模/首期规模 is the
 * size of a fund, not money moved between the two parties; (项目)总投资 is what a project costs, the amount
 * of an investment only, not of a transfer or agreement; 设立2000万元专项资金 is the size of a fund someone
 * sets up.
 */
function amountFits(type: RelationType, text: string, x: FoundAmount): boolean {
  const before = text.slice(Math.max(0, x.index - 24), x.index);
  const after = text.slice(x.index + x.text.length, x.index + x.text.length + 6);
  return (
    !/规模[为达约]?$/.test(before) &&
    (type === 'INVESTMENT' ||
      (!/投资额?(?:分别)?[为达约]?(?:[\d.]+[万亿]*元[和、及])*$/.test(before) &&
        !/^(?:的)?(?:专项|引导|配套)?(?:资金|基金|资金池)/.test(after)))
  );
}

/** The administrative hierarchy of every region entity: PART_OF its parent (county → … → country). */
export function hierarchyRelations(entities: ExtractedEntity[]): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities) {
    if (e.type !== 'Region') continue;
    let parent: string | null;
    if (e.code) {
      const p = regionByCode(e.code)?.parentCode;
      parent = p ? `region:${p}` : null;
    } else {
      parent =
        entities.find((o) => o.type === 'Region' && o.code && o.id !== e.id && startsWithRegion(e.name, o))
          ?.id ?? null;
    }
    if (!parent || !ids.has(parent)) continue;
    out.push({
      source: e.id,
      target: parent,
      type: 'PART_OF',
      evidence: '',
      confidence: 1,
      rule: 'gazetteer',
      planned: false,
    });
  }
  return out;
}

function startsWithRegion(name: string, region: ExtractedEntity): boolean {
  return [region.name, ...region.aliases].some(
    (s) => s.length >= 2 && name.startsWith(s) && name.length > s.length,
  );
}
