// Converts values returned by neo4j-driver into plain JSON: Integers to numbers (strings beyond 2^53),
// temporals to ISO strings, nodes/relationships/paths to the contract's graph wire format.
import neo4j, {
  isNode,
  isPath,
  isPathSegment,
  isRelationship,
  isPoint,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import type { GraphEdge, GraphNode } from '../../contract/graph.ts';

type NodeIds = Map<string, string>;

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

function nodeId(node: Node): string {
  const id = node.properties['id'];
  return typeof id === 'string' ? id : node.elementId;
}

/** Records the `id` property of every node found in a value, keyed by element id. */
function collectNodeIds(value: unknown, ids: NodeIds): void {
  if (value === null || typeof value !== 'object') return;
  if (isNode(value)) {
    ids.set(value.elementId, nodeId(value));
  } else if (isPath(value)) {
    for (const segment of value.segments) {
      collectNodeIds(segment.start, ids);
      collectNodeIds(segment.end, ids);
    }
    collectNodeIds(value.start, ids);
  } else if (Array.isArray(value)) {
    for (const item of value) collectNodeIds(item, ids);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectNodeIds(item, ids);
  }
}

function properties(props: Record<string, unknown>, ids: NodeIds): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(props)) out[key] = convert(v, ids);
  return out;
}

export function nodeToNative(node: Node): GraphNode {
  return { id: nodeId(node), labels: [...node.labels], properties: properties(node.properties, new Map()) };
}

export function relationshipToNative(rel: Relationship, ids: NodeIds = new Map()): GraphEdge {
  const id = rel.properties['id'];
  return {
    id: typeof id === 'string' ? id : rel.elementId,
    type: rel.type,
    source: ids.get(rel.startNodeElementId) ?? rel.startNodeElementId,
    target: ids.get(rel.endNodeElementId) ?? rel.endNodeElementId,
    properties: properties(rel.properties, ids),
  };
}

function convert(value: unknown, ids: NodeIds): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value !== 'object') return value;
  if (isTemporal(value)) return String(value);
  if (isPoint(value)) {
    const { srid, x, y, z } = value;
    return z === undefined ? { srid: convert(srid, ids), x, y } : { srid: convert(srid, ids), x, y, z };
  }
  if (isNode(value)) return nodeToNative(value);
  if (isRelationship(value)) return relationshipToNative(value, ids);
  if (isPathSegment(value)) {
    return {
      start: convert(value.start, ids),
      edge: convert(value.relationship, ids),
      end: convert(value.end, ids),
    };
  }
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map(nodeToNative);
    const edges = value.segments.map((s) => relationshipToNative(s.relationship, ids));
    return { nodes, edges };
  }
  if (Array.isArray(value)) return value.map((v) => convert(v, ids));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = convert(v, ids);
  return out;
}

/**
 * Plain JSON for any driver value. Relationship ends are given as the endpoint nodes' `id` properties when
 * those nodes appear in the same value (or in `knownNodes`), otherwise as element ids.
 */
export function toNative(value: unknown, knownNodes?: Iterable<Node>): unknown {
  const ids: NodeIds = new Map();
  for (const node of knownNodes ?? []) ids.set(node.elementId, nodeId(node));
  collectNodeIds(value, ids);
  return convert(value, ids);
}

/** A driver Record as a plain object, resolving relationship ends across all of its fields. */
export function recordToNative(record: {
  keys: readonly PropertyKey[];
  toObject(): object;
}): Record<string, unknown> {
  return toNative(record.toObject()) as Record<string, unknown>;
}
