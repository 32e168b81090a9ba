// Filters are display state: these pure functions decide what is shown, the data itself is never touched.
import type { EdgeData, NodeData } from './to-elements.ts';

export interface Filters {
  /** Node types hidden (empty: all shown). */
  hiddenTypes: string[];
  /** Relationship types hidden. */
  hiddenRels: string[];
  /** Zones hidden: nodes in a hidden zone are hidden. */
  hiddenZones: string[];
  /** Inclusive year range of fact dates; null means open. Undated facts always pass. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Facts below this confidence are hidden; facts without one pass. */
  minConfidence: number;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenTypes: [],
  hiddenRels: [],
  hiddenZones: [],
  yearFrom: null,
  yearTo: null,
  minConfidence: 0,
};

export function isNodeVisible(node: NodeData, f: Filters): boolean {
  if (f.hiddenTypes.includes(node.type)) return false;
  if (node.zone && f.hiddenZones.includes(node.zone)) return false;
  return true;
}

export function isEdgeVisible(edge: EdgeData, f: Filters): boolean {
  if (f.hiddenRels.includes(edge.type)) return false;
  if (edge.year !== null) {
    if (f.yearFrom !== null && edge.year < f.yearFrom) return false;
    if (f.yearTo !== null && edge.year > f.yearTo) return false;
  }
  if (edge.confidence !== null && edge.confidence < f.minConfidence) return false;
  return true;
}

/** Ids of hidden elements: nodes failing the filters, edges failing them or touching a hidden node. */
export function hiddenIds(nodes: NodeData[], edges: EdgeData[], f: Filters): Set<string> {
  const hidden = new Set<string>();
  for (const n of nodes) if (!isNodeVisible(n, f)) hidden.add(n.id);
  for (const e of edges) {
    if (hidden.has(e.source) || hidden.has(e.target) || !isEdgeVisible(e, f)) hidden.add(e.id);
  }
  return hidden;
}

/** The range of years over the given facts, for the date slider; null when no fact is dated. */
export function yearRange(edges: EdgeData[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const e of edges) {
    if (e.year === null) continue;
    min = Math.min(min, e.year);
    max = Math.max(max, e.year);
  }
  return min === Infinity ? null : { min, max };
}

export function filtersActive(f: Filters): boolean {
  return (
    f.hiddenTypes.length + f.hiddenRels.length + f.hiddenZones.length > 0 ||
    f.yearFrom !== null ||
    f.yearTo !== null ||
    f.minConfidence > 0
  );
}
