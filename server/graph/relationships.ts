// One fact with all its provenance: the relationship, its two endpoints and one evidence entry per stating
// document (from the parallel lists documentIds/evidences/starts/ends), with each document's title and date.
import type { Node, Relationship } from 'neo4j-driver';
import type { EvidenceItem, RelationshipResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { toGraphEdge, toGraphNode } from './elements.ts';
import { readQuery } from './run.ts';

const RELATIONSHIP_CYPHER = `
MATCH (a:Entity)-[r {id: $id}]->(b:Entity)
WITH a, r, b LIMIT 1
RETURN a, r, b,
  [docId IN coalesce(r.documentIds, []) |
    COLLECT { MATCH (d:Document {id: docId}) RETURN {title: d.title, date: d.date} }[0]] AS docs`;

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function evidenceItems(
  props: Record<string, unknown>,
  docs: Array<{ title?: unknown; date?: unknown } | null>,
): EvidenceItem[] {
  const ids = listOf(props['documentIds']);
  const evidences = listOf(props['evidences']);
  const starts = listOf(props['starts']);
  const ends = listOf(props['ends']);
  const items = ids.map((documentId, i): EvidenceItem => {
    const doc = docs[i] ?? null;
    return {
      documentId: String(documentId),
      documentTitle: typeof doc?.title === 'string' ? doc.title : null,
      documentDate: typeof doc?.date === 'string' ? doc.date : null,
      evidence: String(evidences[i] ?? ''),
      start: starts[i] === undefined || starts[i] === null ? null : Number(starts[i]),
      end: ends[i] === undefined || ends[i] === null ? null : Number(ends[i]),
    };
  });
  // A fact loaded without the provenance lists still shows its single evidence.
  if (
    items.length === 0 &&
    typeof props['evidence'] === 'string' &&
    typeof props['documentId'] === 'string'
  ) {
    items.push({
      documentId: props['documentId'],
      documentTitle: null,
      documentDate: null,
      evidence: props['evidence'],
      start: typeof props['start'] === 'number' ? props['start'] : null,
      end: typeof props['end'] === 'number' ? props['end'] : null,
    });
  }
  return items;
}

/** Prefix of the derived membership hops that /api/paths adds from an entity's `region` property. */
export const DERIVED_PREFIX = 'region-of:';

const DERIVED_CYPHER = `
MATCH (m:Entity {id: $memberId})
MATCH (r:Region {name: m.region})
RETURN m, r
LIMIT 1`;

/** A derived membership (entity → its region by the `region` property): no evidence, marked virtual. */
async function getDerived(db: Database, id: string): Promise<RelationshipResponse> {
  const [record] = await readQuery(db, DERIVED_CYPHER, { memberId: id.slice(DERIVED_PREFIX.length) });
  if (!record) throw new AppError('NOT_FOUND', `No relationship with id ${id}.`, { id });
  const source = toGraphNode(record.get('m') as Node);
  const target = toGraphNode(record.get('r') as Node);
  return {
    relationship: {
      id,
      type: 'LOCATED_IN',
      source: source.id,
      target: target.id,
      properties: { rule: 'region-property', hierarchy: true, virtual: true },
    },
    source,
    target,
    evidence: [],
  };
}

export async function getRelationship(db: Database, id: string): Promise<RelationshipResponse> {
  if (id.startsWith(DERIVED_PREFIX)) return getDerived(db, id);
  const [record] = await readQuery(db, RELATIONSHIP_CYPHER, { id });
  if (!record) throw new AppError('NOT_FOUND', `No relationship with id ${id}.`, { id });
  const a = record.get('a') as Node;
  const b = record.get('b') as Node;
  const ends = new Map([
    [a.elementId, toGraphNode(a).id],
    [b.elementId, toGraphNode(b).id],
  ]);
  const relationship = toGraphEdge(record.get('r') as Relationship, ends);
  return {
    relationship,
    source: toGraphNode(a),
    target: toGraphNode(b),
    evidence: evidenceItems(
      relationship.properties,
      record.get('docs') as Array<{ title?: unknown; date?: unknown } | null>,
    ),
  };
}
