// Surface lookup and context-based disambiguation. Precedence, in order:
// 1. the best kind of match only (full name > short name > literary name > abbreviation), strong
//    forms before weak ones (宁 is 宁夏 before it is 南京);
// 2. context: the candidate that is, contains, lies in or shares a prefecture/province with a
//    context region (a provincial-level candidate is only displaced by prefecture/county context);
// 3. nesting: a candidate that contains all the others wins (吉林 → 吉林省 over 吉林市; a prefecture
//    over a same-named county inside it), and a provincial-level unit wins over lower levels;
// otherwise null: ambiguous names are left unresolved, never guessed. A surface with a loose
// suffix (浦东区, 宁夏省) falls back to the short name, restricted to the levels the suffix names;
// a qualified name (云南省保山市, 上海市闵行区) resolves to its innermost part.
import { gazetteer } from './store.ts';
import type { RegionLevel } from '../../../contract/vocabulary.ts';
import type { RegionRecord, SurfaceKind, SurfaceMatch } from './types.ts';

const KIND_RANK: Record<SurfaceKind, number> = { full: 0, short: 1, literary: 2, abbreviation: 3 };

export function lookupSurface(surface: string): readonly SurfaceMatch[] {
  return gazetteer().bySurface.get(surface) ?? [];
}

export function regionsBySurface(surface: string): RegionRecord[] {
  return [...new Set(lookupSurface(surface).map((m) => m.region))];
}

export function regionByCode(code: string): RegionRecord | undefined {
  return gazetteer().byCode.get(code);
}

const ancestorCache = new Map<string, readonly RegionRecord[]>();

function ancestorChain(code: string): readonly RegionRecord[] {
  const cached = ancestorCache.get(code);
  if (cached) return cached;
  const out: RegionRecord[] = [];
  let parent = regionByCode(code)?.parentCode ?? null;
  while (parent && out.length < 4) {
    const r = regionByCode(parent);
    if (!r) break;
    out.push(r);
    parent = r.parentCode;
  }
  ancestorCache.set(code, out);
  return out;
}

/** Parent first, up to the country; empty for the country and unknown codes. */
export function ancestorsOf(code: string): RegionRecord[] {
  return [...ancestorChain(code)];
}

function isWithin(inner: RegionRecord, outer: RegionRecord): boolean {
  return inner.code !== outer.code && ancestorChain(inner.code).some((a) => a.code === outer.code);
}

/** Prefecture-level unit of a region (itself for prefectures; the province for its direct children). */
function prefectureOf(r: RegionRecord): string | null {
  if (r.level === 'prefecture') return r.code;
  if (r.level === 'county') return r.parentCode;
  return null;
}

function affinity(candidate: RegionRecord, context: RegionRecord): number {
  if (candidate.code === context.code) return 5;
  if (isWithin(candidate, context) || isWithin(context, candidate))
    return context.level === 'country' ? 0 : 4;
  const pc = prefectureOf(candidate);
  if (pc && pc === prefectureOf(context)) return 3;
  if (candidate.provinceCode && candidate.provinceCode === context.provinceCode) return 2;
  return 0;
}

function byContext(candidates: RegionRecord[], context: RegionRecord[]): RegionRecord[] {
  const hasProvince = candidates.some((c) => c.level === 'province');
  const score = (c: RegionRecord): number => {
    // A province named by its usual short name keeps it unless local context points elsewhere.
    const usable =
      hasProvince && c.level !== 'province' ? context.filter((x) => x.level !== 'province') : context;
    return Math.max(0, ...usable.map((x) => affinity(c, x)));
  };
  const scored = candidates.map((c) => ({ c, s: score(c) }));
  const top = Math.max(...scored.map((x) => x.s));
  return top > 0 ? scored.filter((x) => x.s === top).map((x) => x.c) : candidates;
}

function outermost(candidates: RegionRecord[]): RegionRecord | null {
  const container = candidates.find((c) => candidates.every((o) => o === c || isWithin(o, c)));
  if (container) return container;
  const provinces = candidates.filter((c) => c.level === 'province');
  return provinces.length === 1 ? (provinces[0] ?? null) : null;
}

/** Levels a trailing administrative word can name, for surfaces such as 浦东区 or 宁夏省. */
const SUFFIX_LEVELS: ReadonlyArray<[string, ReadonlyArray<RegionLevel>]> = [
  ['省', ['province']],
  ['市', ['province', 'prefecture', 'county']],
  ['州', ['prefecture']],
  ['区', ['county']],
  ['县', ['county']],
];

/** Short-name matches of a surface with a loose suffix (浦东区, 宁夏省), restricted by level. */
function matchesWithSuffix(surface: string): readonly SurfaceMatch[] {
  for (const [suffix, levels] of SUFFIX_LEVELS) {
    if (!surface.endsWith(suffix) || surface.length < 3) continue;
    return lookupSurface(surface.slice(0, -suffix.length)).filter(
      (m) => m.kind === 'short' && levels.includes(m.region.level),
    );
  }
  return [];
}

/**
 * A qualified name: an enclosing region followed by one inside it (上海市闵行区, 云南保山,
 * 浙江省宁波市奉化区). Returns the matches of the innermost part that lie inside the outer one.
 */
function matchesQualified(surface: string, depth: number): readonly SurfaceMatch[] {
  if (depth > 2) return [];
  for (let i = 2; i <= surface.length - 2; i++) {
    const outer = lookupSurface(surface.slice(0, i)).filter((m) => m.kind === 'full' || m.kind === 'short');
    if (outer.length === 0) continue;
    const inner = matchesFor(surface.slice(i), depth + 1).filter((m) =>
      outer.some((o) => isWithin(m.region, o.region)),
    );
    if (inner.length > 0) return inner;
  }
  return [];
}

/** Exact matches, else a loose suffix, else a qualified name. */
function matchesFor(surface: string, depth = 0): readonly SurfaceMatch[] {
  const exact = lookupSurface(surface);
  if (exact.length > 0) return exact;
  const loose = matchesWithSuffix(surface);
  return loose.length > 0 ? loose : matchesQualified(surface, depth);
}

export function resolveRegion(surface: string, contextCodes: readonly string[]): RegionRecord | null {
  const matches = matchesFor(surface);
  if (matches.length === 0) return null;
  const best = Math.min(...matches.map((m) => KIND_RANK[m.kind]));
  let ranked = matches.filter((m) => KIND_RANK[m.kind] === best);
  if (ranked.some((m) => !m.weak)) ranked = ranked.filter((m) => !m.weak);
  let candidates = [...new Set(ranked.map((m) => m.region))];
  if (candidates.length === 1) return candidates[0] ?? null;
  const context = contextCodes.map(regionByCode).filter((r): r is RegionRecord => r !== undefined);
  if (context.length > 0) candidates = byContext(candidates, context);
  if (candidates.length === 1) return candidates[0] ?? null;
  return outermost(candidates);
}
