// The shareable part of the view, and its round trip through a URL query string.
// A link holds the operations that built the canvas (not the data), so reloading replays them.
import { DEFAULT_FILTERS } from './graph/visibility.ts';
import type { Filters } from './graph/visibility.ts';

export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'map'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Expansion {
  id: string;
  /** Relationship types asked for; empty means all. */
  relTypes: string[];
  limit: number;
}

export interface PathQuery {
  from: string;
  to: string;
  k: number;
  exclude: string[];
}

export interface ViewState {
  /** Nodes added from the search box, in order. */
  seeds: string[];
  expansions: Expansion[];
  /** Nodes the user removed after they were brought in. */
  removed: string[];
  path: PathQuery | null;
  /** The Cypher query whose result was put on the canvas, and its parameters. */
  cypher: string | null;
  cypherParams: Record<string, unknown> | null;
  layout: LayoutName;
  lang: 'zh' | 'en';
  filters: Filters;
  selected: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  seeds: [],
  expansions: [],
  removed: [],
  path: null,
  cypher: null,
  cypherParams: null,
  layout: 'fcose',
  lang: 'zh',
  filters: DEFAULT_FILTERS,
  selected: null,
};

export const DEFAULT_EXPAND_LIMIT = 25;

const list = (s: string | null): string[] => (s ? s.split(',').filter((x) => x.length > 0) : []);
const intOr = (s: string | null, d: number | null): number | null => {
  if (s === null || !/^-?\d+$/.test(s)) return d;
  return Number(s);
};

/** Expansions are written `limit~relType,relType~id` so the id, last, may hold any character. */
function encodeExpansion(x: Expansion): string {
  return `${x.limit}~${x.relTypes.join(',')}~${x.id}`;
}

function decodeExpansion(s: string): Expansion | null {
  const m = /^(\d+)~([A-Z_,]*)~(.+)$/s.exec(s);
  if (!m) return null;
  return { limit: Math.min(1000, Math.max(1, Number(m[1]))), relTypes: list(m[2] ?? ''), id: m[3]! };
}

function parseParams(s: string | null): Record<string, unknown> | null {
  if (!s) return null;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function toSearchParams(v: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  for (const id of v.seeds) p.append('n', id);
  for (const x of v.expansions) p.append('x', encodeExpansion(x));
  for (const id of v.removed) p.append('r', id);
  if (v.path) {
    p.set('pf', v.path.from);
    p.set('pt', v.path.to);
    p.set('pk', String(v.path.k));
    for (const id of v.path.exclude) p.append('px', id);
  }
  if (v.cypher) p.set('q', v.cypher);
  if (v.cypher && v.cypherParams && Object.keys(v.cypherParams).length)
    p.set('qp', JSON.stringify(v.cypherParams));
  if (v.layout !== DEFAULT_VIEW.layout) p.set('layout', v.layout);
  if (v.lang !== DEFAULT_VIEW.lang) p.set('lang', v.lang);
  const f = v.filters;
  if (f.hiddenTypes.length) p.set('ht', f.hiddenTypes.join(','));
  if (f.hiddenRels.length) p.set('hr', f.hiddenRels.join(','));
  if (f.hiddenZones.length) p.set('hz', f.hiddenZones.join(','));
  if (f.yearFrom !== null) p.set('y0', String(f.yearFrom));
  if (f.yearTo !== null) p.set('y1', String(f.yearTo));
  if (f.minConfidence > 0) p.set('mc', String(f.minConfidence));
  if (v.selected) p.set('sel', v.selected);
  return p;
}

/** Reads a view from a query string; anything malformed falls back to the default for that field. */
export function fromSearchParams(p: URLSearchParams): ViewState {
  const layout = p.get('layout');
  const mc = Number(p.get('mc') ?? '0');
  const pf = p.get('pf');
  const pt = p.get('pt');
  return {
    seeds: p.getAll('n'),
    expansions: p
      .getAll('x')
      .map(decodeExpansion)
      .filter((x): x is Expansion => x !== null),
    removed: p.getAll('r'),
    path:
      pf && pt
        ? {
            from: pf,
            to: pt,
            k: Math.min(10, Math.max(1, intOr(p.get('pk'), 3) ?? 3)),
            exclude: p.getAll('px'),
          }
        : null,
    cypher: p.get('q'),
    cypherParams: parseParams(p.get('qp')),
    layout: (LAYOUTS as readonly string[]).includes(layout ?? '')
      ? (layout as LayoutName)
      : DEFAULT_VIEW.layout,
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    filters: {
      hiddenTypes: list(p.get('ht')),
      hiddenRels: list(p.get('hr')),
      hiddenZones: list(p.get('hz')),
      yearFrom: intOr(p.get('y0'), null),
      yearTo: intOr(p.get('y1'), null),
      minConfidence: Number.isFinite(mc) ? Math.min(1, Math.max(0, mc)) : 0,
    },
    selected: p.get('sel'),
  };
}
