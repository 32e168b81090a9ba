// Pure conversion of the contract's wire graph into Cytoscape element definitions.
// The source data is never changed: everything the canvas needs for display is derived here.
import type { GraphEdge, GraphNode } from '../../../contract/graph.ts';
import {
  ENTITY_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  SYMMETRIC_RELATIONS,
  ZONES,
} from '../../../contract/vocabulary.ts';
import type { EntityType, RelationType, Zone } from '../../../contract/vocabulary.ts';

export type NodeKind = EntityType | 'Document' | 'Other';

export interface NodeData {
  id: string;
  /** Chinese name as stored. */
  labelZh: string;
  /** English/pinyin name, falling back to the Chinese name. */
  labelEn: string;
  type: NodeKind;
  zone: Zone | null;
  region: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Known relationship type, or 'OTHER' (drawn grey). */
  kind: RelationType | 'OTHER';
  symmetric: boolean;
  hierarchy: boolean;
  amount: number | null;
  /** Line width in px, from the amount on a log scale. */
  width: number;
  /** ISO date text (YYYY[-MM[-DD]]) or null. */
  date: string | null;
  year: number | null;
  confidence: number | null;
  /** Relationship name shown when the edge is hovered or selected. */
  label: string;
}

export interface ElementDef<T> {
  group: 'nodes' | 'edges';
  data: T;
}

/** What a conversion may look up: a region node by its canonical name (to give organizations a zone). */
export interface ElementContext {
  regionByName?: (name: string) => GraphNode | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The display type of a node: its `type` property when it is a known type, else its labels. */
export function nodeKind(node: GraphNode): NodeKind {
  const t = node.properties['type'];
  if (typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t)) return t as EntityType;
  for (const label of node.labels) {
    if ((ENTITY_TYPES as readonly string[]).includes(label)) return label as EntityType;
  }
  if (node.labels.includes('Document')) return 'Document';
  return 'Other';
}

export function toZone(v: unknown): Zone | null {
  return typeof v === 'string' && (ZONES as readonly string[]).includes(v) ? (v as Zone) : null;
}

/** Display name of a node: name, then title (documents), then the id. */
export function nodeName(node: GraphNode): string {
  return str(node.properties['name']) ?? str(node.properties['title']) ?? node.id;
}

export function toNodeData(node: GraphNode, ctx: ElementContext = {}): NodeData {
  const p = node.properties;
  const type = nodeKind(node);
  const region = str(p['region']);
  let zone = toZone(p['zone']);
  let lat = num(p['lat']);
  let lon = num(p['lon']);
  if (type !== 'Region' && region && ctx.regionByName) {
    const r = ctx.regionByName(region);
    if (r) {
      zone ??= toZone(r.properties['zone']);
      lat ??= num(r.properties['lat']);
      lon ??= num(r.properties['lon']);
    }
  }
  const labelZh = nodeName(node);
  return { id: node.id, labelZh, labelEn: str(p['nameEn']) ?? labelZh, type, zone, region, lat, lon };
}

/** Edge width from an amount in currency units: 1.5 px without one, up to 9 px for ten billion. */
export function amountWidth(amount: number | null): number {
  if (amount === null || amount <= 0) return 1.5;
  const w = 2 + (Math.log10(Math.max(amount, 1e4)) - 4) * 1.2;
  return Math.round(Math.min(9, Math.max(2, w)) * 10) / 10;
}

export function dateYear(date: string | null): number | null {
  if (!date) return null;
  const m = /^(\d{4})/.exec(date);
  return m ? Number(m[1]) : null;
}

export function toEdgeData(edge: GraphEdge): EdgeData {
  const p = edge.properties;
  const kind = (RELATION_TYPES as readonly string[]).includes(edge.type)
    ? (edge.type as RelationType)
    : 'OTHER';
  const amount = num(p['amount']);
  const date = str(p['date']);
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    kind,
    symmetric: kind !== 'OTHER' && SYMMETRIC_RELATIONS.has(kind),
    hierarchy: p['hierarchy'] === true,
    amount,
    width: amountWidth(amount),
    date,
    year: dateYear(date),
    confidence: num(p['confidence']),
    label: kind === 'OTHER' ? edge.type : RELATION_TYPE_NAMES[kind].zh + ' ' + RELATION_TYPE_NAMES[kind].en,
  };
}

/**
 * Elements for a graph: every node, and every edge whose two ends are present
 * (an edge to a node that is not drawn cannot be drawn either).
 */
export function toElements(
  graph: { nodes: GraphNode[]; edges: GraphEdge[] },
  ctx: ElementContext = {},
): Array<ElementDef<NodeData> | ElementDef<EdgeData>> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const out: Array<ElementDef<NodeData> | ElementDef<EdgeData>> = [];
  for (const n of graph.nodes) out.push({ group: 'nodes', data: toNodeData(n, ctx) });
  for (const e of graph.edges) {
    if (ids.has(e.source) && ids.has(e.target)) out.push({ group: 'edges', data: toEdgeData(e) });
  }
  return out;
}
