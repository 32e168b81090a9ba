// One entity with its degree by relationship type, and its capped neighbourhood with a count of what was
// left out. Relationship types and labels come only from the vocabulary allow-lists.
import type { Node, Relationship } from 'neo4j-driver';
import type { NeighborsQuery, NeighborsResponse, NodeResponse } from '../../contract/api.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { GraphCollector, toGraphNode } from './elements.ts';
import { int, readQuery } from './run.ts';

const NODE_CYPHER = `
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(:Entity)
  RETURN type(r) AS type, count(r) AS count
}
WITH n, collect({type: type, count: count}) AS degrees
RETURN n, degrees, COUNT { (n)<-[:MENTIONS]-(:Document) } AS documents`;

export async function getNode(db: Database, id: string): Promise<NodeResponse> {
  const [record] = await readQuery(db, NODE_CYPHER, { id });
  if (!record) throw new AppError('NOT_FOUND', `No entity with id ${id}.`, { id });
  const byType: Record<string, number> = {};
  let total = 0;
  for (const degree of record.get('degrees') as Array<{ type: string | null; count: unknown }>) {
    if (degree.type === null) continue;
    const count = Number(degree.count);
    byType[degree.type] = count;
    total += count;
  }
  return {
    node: toGraphNode(record.get('n') as Node),
    degree: { total, byType },
    documents: Number(record.get('documents')),
  };
}

/** A relationship-type expression such as `:COOPERATION|INVESTMENT`, only from the allow-list. */
export function relTypeExpression(types: readonly string[] | undefined): string {
  const allowed = (types ?? []).filter((type) => (RELATION_TYPES as readonly string[]).includes(type));
  return allowed.length > 0 ? `:${allowed.join('|')}` : '';
}

/** A label predicate such as `(m:Company OR m:University)`, only from the allow-list. */
export function labelPredicate(variable: string, types: readonly string[] | undefined): string {
  const allowed = (types ?? []).filter((type) => (ENTITY_TYPES as readonly string[]).includes(type));
  return allowed.length > 0 ? `(${allowed.map((type) => `${variable}:${type}`).join(' OR ')})` : 'true';
}

function neighborsCypher(query: NeighborsQuery): string {
  const rel = `[r${relTypeExpression(query.relTypes)}]`;
  const pattern =
    query.direction === 'out'
      ? `(n)-${rel}->(m:Entity)`
      : query.direction === 'in'
        ? `(n)<-${rel}-(m:Entity)`
        : `(n)-${rel}-(m:Entity)`;
  const where = labelPredicate('m', query.types);
  return `
MATCH (n:Entity {id: $id})
RETURN n,
  COUNT { MATCH ${pattern} WHERE ${where} } AS total,
  COLLECT { MATCH ${pattern} WHERE ${where} RETURN [r, m] LIMIT $limit } AS hood`;
}

export async function getNeighbors(
  db: Database,
  id: string,
  query: NeighborsQuery,
): Promise<NeighborsResponse> {
  const [record] = await readQuery(db, neighborsCypher(query), { id, limit: int(query.limit) });
  if (!record) throw new AppError('NOT_FOUND', `No entity with id ${id}.`, { id });
  const collector = new GraphCollector().add(record.get('n'));
  const hood = record.get('hood') as Array<[Relationship, Node]>;
  collector.add(hood);
  const total = Number(record.get('total'));
  const omitted = Math.max(0, total - hood.length);
  return { graph: collector.toGraph(), truncated: omitted > 0, omitted, total };
}
