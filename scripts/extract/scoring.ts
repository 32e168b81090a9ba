// Scores extractions against gold annotations with the matching rules of shared/eval/score.mjs:
// entities match on a shared normalized surface (one-to-one, same type first); relations match when both
// ends map to the gold ends (or alternatives), either direction; optional gold is neither hit nor miss.

export interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
  optional?: boolean;
  implicit?: boolean;
}
export interface GoldRelation {
  source: string;
  target: string;
  type: string;
  optional?: boolean;
  alt_types?: string[];
  alt_source?: string[];
  alt_target?: string[];
}
export interface ScoredEntity {
  id?: string;
  name: string;
  type: string;
  aliases?: string[];
  implied?: boolean;
}
export interface ScoredRelation {
  source: string;
  target: string;
  type: string;
}
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export interface ScoreResult {
  entities: Prf;
  entitiesTyped: Prf;
  relations: Prf;
  relationsTyped: Prf;
  misses: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export const normSurface = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』《》〈〉()（）【】[\]·•]/g, '')
    .toLowerCase();

const surfacesOf = (e: { name: string; aliases?: string[] }): Set<string> =>
  new Set([e.name, ...(e.aliases ?? [])].map(normSurface).filter(Boolean));
const relType = (t: string): string => (t === 'PART_OF' ? 'LOCATED_IN' : t);

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { precision: round(p), recall: round(r), f1: round(f), ...c };
}

interface Totals {
  ent: Counts;
  entTyped: Counts;
  rel: Counts;
  relTyped: Counts;
}

/** Score several (gold, prediction) pairs together. */
export function scoreAll(
  pairs: Array<{
    label: string;
    gold: { entities: GoldEntity[]; relations: GoldRelation[] };
    pred: { entities: ScoredEntity[]; relations: ScoredRelation[] };
  }>,
): ScoreResult {
  const t: Totals = { ent: zero(), entTyped: zero(), rel: zero(), relTyped: zero() };
  const misses: string[] = [];
  for (const p of pairs) scoreOne(p.label, p.gold, p.pred, t, misses);
  return {
    entities: prf(t.ent),
    entitiesTyped: prf(t.entTyped),
    relations: prf(t.rel),
    relationsTyped: prf(t.relTyped),
    misses,
  };
}

function scoreOne(
  label: string,
  gold: { entities: GoldEntity[]; relations: GoldRelation[] },
  pred: { entities: ScoredEntity[]; relations: ScoredRelation[] },
  t: Totals,
  misses: string[],
): void {
  const goldEnts = gold.entities.map((e) => ({
    ...e,
    s: surfacesOf(e),
    required: e.type !== 'Other' && !e.optional && !e.implicit,
  }));
  const predEnts = pred.entities
    .filter((e) => !e.implied && e.type !== 'Other')
    .map((e) => ({ ...e, s: surfacesOf(e) }));
  const link = linkEntities(goldEnts, predEnts);
  countEntities(label, goldEnts, predEnts, link, t, misses);
  countRelations(label, gold, pred, goldEnts, predEnts, link, t, misses);
}

type G = GoldEntity & { s: Set<string>; required: boolean };
type P = ScoredEntity & { s: Set<string> };

function linkEntities(goldEnts: G[], predEnts: P[]): Map<number, number> {
  const link = new Map<number, number>();
  const taken = new Set<number>();
  for (const sameType of [true, false]) {
    predEnts.forEach((p, pi) => {
      if (link.has(pi)) return;
      const gi = goldEnts.findIndex(
        (g, k) => !taken.has(k) && (!sameType || g.type === p.type) && [...p.s].some((x) => g.s.has(x)),
      );
      if (gi >= 0) {
        link.set(pi, gi);
        taken.add(gi);
      }
    });
  }
  return link;
}

function countEntities(
  label: string,
  goldEnts: G[],
  predEnts: P[],
  link: Map<number, number>,
  t: Totals,
  misses: string[],
): void {
  const linked = new Set(link.values());
  predEnts.forEach((p, pi) => {
    const gi = link.get(pi);
    if (gi === undefined) {
      t.ent.fp++;
      t.entTyped.fp++;
      misses.push(`${label}: extra entity ${p.type} ${p.name}`);
      return;
    }
    const g = goldEnts[gi]!;
    if (!g.required) return;
    t.ent.tp++;
    if (p.type === g.type) t.entTyped.tp++;
    else {
      t.entTyped.fp++;
      t.entTyped.fn++;
      misses.push(`${label}: typed ${p.type}, gold ${g.type}: ${g.name}`);
    }
  });
  goldEnts.forEach((g, gi) => {
    if (g.required && !linked.has(gi)) {
      t.ent.fn++;
      t.entTyped.fn++;
      misses.push(`${label}: missed entity ${g.type} ${g.name}`);
    }
  });
}

interface Unit {
  r: GoldRelation;
  A: number[];
  B: number[];
  T: Set<string>;
  required: boolean;
}

function countRelations(
  label: string,
  gold: { relations: GoldRelation[] },
  pred: { entities: ScoredEntity[]; relations: ScoredRelation[] },
  goldEnts: G[],
  predEnts: P[],
  link: Map<number, number>,
  t: Totals,
  misses: string[],
): void {
  const goldIndex = (name: string): number => goldEnts.findIndex((g) => g.s.has(normSurface(name)));
  const isRegion = (i: number | undefined): boolean => i !== undefined && goldEnts[i]?.type === 'Region';
  const goldRels: Unit[] = gold.relations.map((r) => {
    const A = [r.source, ...(r.alt_source ?? [])].map(goldIndex).filter((x) => x >= 0);
    const B = [r.target, ...(r.alt_target ?? [])].map(goldIndex).filter((x) => x >= 0);
    const T = new Set([r.type, ...(r.alt_types ?? [])].map(relType));
    const endsRequired = A.some((x) => goldEnts[x]!.required) && B.some((x) => goldEnts[x]!.required);
    const hierarchy = T.has('LOCATED_IN') && isRegion(A[0]) && isRegion(B[0]);
    return { r, A, B, T, required: r.type !== 'OTHER' && !r.optional && endsRequired && !hierarchy };
  });
  const predByRef = new Map<string, number>();
  predEnts.forEach((p, pi) => {
    if (p.id !== undefined) predByRef.set(String(p.id), pi);
    if (!predByRef.has(normSurface(p.name))) predByRef.set(normSurface(p.name), pi);
  });
  const ignoredRef = new Set(
    pred.entities
      .filter((e) => e.implied || e.type === 'Other')
      .flatMap((e) => [String(e.id), normSurface(e.name)]),
  );
  const endOf = (ref: string): number | 'ignored' | undefined => {
    const pi = predByRef.get(String(ref)) ?? predByRef.get(normSurface(ref));
    if (pi === undefined)
      return ignoredRef.has(String(ref)) || ignoredRef.has(normSurface(ref)) ? 'ignored' : undefined;
    const gi = link.get(pi);
    return gi === undefined ? undefined : goldEnts[gi]!.required ? gi : 'ignored';
  };
  const pairs = new Map<string, Unit>();
  for (const g of goldRels) {
    if (!g.A.length || !g.B.length) continue;
    const key = [g.A[0], g.B[0]].sort().join('|');
    const u = pairs.get(key);
    if (!u) pairs.set(key, { ...g, A: [...g.A], B: [...g.B] });
    else {
      u.A.push(...g.A);
      u.B.push(...g.B);
      u.required ||= g.required;
    }
  }
  const passes: Array<[boolean, Counts, Unit[]]> = [
    [false, t.rel, [...pairs.values()]],
    [true, t.relTyped, goldRels],
  ];
  for (const [typed, bucket, units] of passes) {
    const hit = new Set<Unit>();
    const seen = new Set<string>();
    const onPair = (g: Unit, a: number, b: number): boolean =>
      (g.A.includes(a) && g.B.includes(b)) || (g.A.includes(b) && g.B.includes(a));
    for (const p of pred.relations) {
      const a = endOf(p.source);
      const b = endOf(p.target);
      const ty = relType(p.type);
      if (a === 'ignored' || b === 'ignored') continue;
      if (ty === 'LOCATED_IN' && isRegion(a) && isRegion(b)) continue;
      const key = `${a}|${b}|${typed ? ty : ''}`;
      if (seen.has(key) || seen.has(`${b}|${a}|${typed ? ty : ''}`)) continue;
      seen.add(key);
      const gi =
        a === undefined || b === undefined
          ? -1
          : units.findIndex((g) => onPair(g, a, b) && (!typed || g.T.has(ty)) && !(g.required && hit.has(g)));
      if (gi >= 0) {
        const g = units[gi]!;
        if (g.required) {
          hit.add(g);
          bucket.tp++;
        }
      } else if (
        typed &&
        a !== undefined &&
        b !== undefined &&
        goldRels.some((g) => !g.required && onPair(g, a, b))
      ) {
        // a pair the gold leaves optional: not counted
      } else if (p.type !== 'PART_OF') {
        bucket.fp++;
        if (typed) misses.push(`${label}: extra relation ${p.type} ${p.source} -> ${p.target}`);
      }
    }
    for (const g of units) {
      if (g.required && !hit.has(g)) {
        bucket.fn++;
        if (typed) misses.push(`${label}: missed relation ${g.r.type} ${g.r.source} -> ${g.r.target}`);
      }
    }
  }
}
