// Gathers the nodes and relationships found anywhere in driver values (rows, lists, maps, paths) into the
// contract's graph wire format. Conversion itself is server/db/to-native.ts, the one place values become JSON.
import { isNode, isPath, isRelationship, type Node, type Relationship } from 'neo4j-driver';
import type { Graph, GraphEdge, GraphNode } from '../../contract/graph.ts';
import { nodeToNative, relationshipToNative } from '../db/to-native.ts';

/** The public id of a node: its `id` property, else the element id. */
export function nodeId(node: Node): string {
  const id = node.properties['id'];
  return typeof id === 'string' ? id : node.elementId;
}

export function relationshipId(rel: Relationship): string {
  const id = rel.properties['id'];
  return typeof id === 'string' ? id : rel.elementId;
}

/** A node in the wire format (conversion lives in server/db/to-native.ts). */
export function toGraphNode(node: Node): GraphNode {
  return nodeToNative(node);
}

/** `ends` maps element ids to public ids for endpoints not present as nodes. */
export function toGraphEdge(rel: Relationship, ends: Map<string, string>): GraphEdge {
  return relationshipToNative(rel, ends);
}

/** Accumulates graph elements from arbitrary driver values, de-duplicated by element id. */
export class GraphCollector {
  readonly nodes = new Map<string, Node>();
  readonly relationships = new Map<string, Relationship>();

  add(value: unknown): this {
    if (value === null || typeof value !== 'object') return this;
    if (isNode(value)) {
      this.nodes.set(value.elementId, value);
    } else if (isRelationship(value)) {
      this.relationships.set(value.elementId, value);
    } else if (isPath(value)) {
      this.add(value.start);
      for (const segment of value.segments) {
        this.add(segment.relationship).add(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) this.add(item);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) this.add(item);
    }
    return this;
  }

  /** Element ids of relationship endpoints that are not among the collected nodes. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const end of [rel.startNodeElementId, rel.endNodeElementId]) {
        if (!this.nodes.has(end)) missing.add(end);
      }
    }
    return [...missing];
  }

  toGraph(): Graph {
    const ends = new Map<string, string>();
    for (const node of this.nodes.values()) ends.set(node.elementId, nodeId(node));
    return {
      nodes: [...this.nodes.values()].map(toGraphNode),
      edges: [...this.relationships.values()].map((rel) => toGraphEdge(rel, ends)),
    };
  }
}
