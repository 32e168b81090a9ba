// "Who links X to Y": up to k shortest paths between two entities given by id or name. By default a path must
// pass through an actor: hierarchy-only paths and regions used as a shared container (A → 中国 ← B) are refused.
import type { Node, Path, Relationship } from 'neo4j-driver';
import type { GraphPath, PathEndpoint, PathHop, PathsQuery, PathsResponse } from '../../contract/api.ts';
import { HIERARCHY_RELATIONS, RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { GraphCollector, nodeId, relationshipId, toGraphNode } from './elements.ts';
import { relTypeExpression } from './nodes.ts';
import { readQuery } from './run.ts';
import { searchEntities } from './search.ts';

const HIERARCHY_LIST = `[${[...HIERARCHY_RELATIONS].map((type) => `'${type}'`).join(', ')}]`;

/**
 * The path-level rules (applied by Neo4j before the SHORTEST selection):
 * - a path of two or more hops contains a node that is not a Region (an actor): between two regions, that
 *   actor is an interior node; from an actor, hierarchy hops may climb at the end (R&D centre → city → province);
 * - no interior Region is entered and left by hierarchy hops that both point into it (a shared parent).
 */
const ACTOR_RULES = `
  AND (size(relationships(p)) = 1 OR any(n IN nodes(p) WHERE NOT n:Region))
  AND none(i IN range(1, size(relationships(p)) - 1) WHERE
    nodes(p)[i]:Region
    AND type(relationships(p)[i - 1]) IN ${HIERARCHY_LIST}
    AND type(relationships(p)[i]) IN ${HIERARCHY_LIST}
    AND endNode(relationships(p)[i - 1]) = nodes(p)[i]
    AND endNode(relationships(p)[i]) = nodes(p)[i])`;

/** Builds the path query; k and maxHops are validated integers written as literals (SHORTEST needs a literal). */
export function pathsCypher(
  k: number,
  maxHops: number,
  relTypes: readonly string[] | undefined,
  actorRules: boolean,
): string {
  if (!Number.isInteger(k) || k < 1 || k > 10) throw new RangeError(`pathsCypher: k must be 1..10, got ${k}`);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) {
    throw new RangeError(`pathsCypher: maxHops must be 1..8, got ${maxHops}`);
  }
  const types = relTypeExpression(relTypes && relTypes.length > 0 ? relTypes : RELATION_TYPES);
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST ${k} (a) ((x)-[r${types}]-(y:Entity) WHERE NOT y.id IN $exclude){1,${maxHops}} (b)
WHERE true ${actorRules ? ACTOR_RULES : ''}
RETURN p
ORDER BY length(p)`;
}

const RESOLVE_CYPHER = `
MATCH (n:Entity)
WHERE n.id = $value OR n.name = $value
RETURN n
ORDER BY CASE WHEN n.id = $value THEN 0 ELSE 1 END
LIMIT 1`;

/** An entity from an id or a name: exact id, exact name, else the best search hit (exact alias first). */
export async function resolveEntity(db: Database, value: string): Promise<PathEndpoint | null> {
  const [record] = await readQuery(db, RESOLVE_CYPHER, { value });
  if (record) {
    const node = toGraphNode(record.get('n') as Node);
    return {
      id: node.id,
      name: String(node.properties['name'] ?? node.id),
      type: String(node.properties['type'] ?? ''),
    };
  }
  const { hits } = await searchEntities(db, { q: value, limit: 1 });
  const hit = hits[0];
  return hit ? { id: hit.id, name: hit.name, type: hit.type } : null;
}

async function resolveParam(db: Database, param: 'from' | 'to', value: string): Promise<PathEndpoint> {
  const endpoint = await resolveEntity(db, value);
  if (!endpoint) throw new AppError('NOT_FOUND', `${param}: no entity matches "${value}".`, { param, value });
  return endpoint;
}

function toHop(rel: Relationship, from: Node, to: Node): PathHop {
  const props = rel.properties;
  const text = (key: string): string | null =>
    typeof props[key] === 'string' ? (props[key] as string) : null;
  const num = (key: string): number | null =>
    props[key] === null || props[key] === undefined ? null : Number(props[key]);
  return {
    relationship: relationshipId(rel),
    type: rel.type,
    direction: rel.startNodeElementId === from.elementId ? 'forward' : 'backward',
    from: nodeId(from),
    to: nodeId(to),
    hierarchy: props['hierarchy'] === true,
    evidence: text('evidence'),
    documentId: text('documentId'),
    start: num('start'),
    end: num('end'),
    date: text('date'),
    amount: num('amount'),
  };
}

/** Walks a driver path in path order (the driver orients segments along the traversal). */
export function toGraphPath(path: Path): GraphPath {
  const nodes: Node[] = [path.start];
  const hops: PathHop[] = [];
  for (const segment of path.segments) {
    hops.push(toHop(segment.relationship, segment.start, segment.end));
    nodes.push(segment.end);
  }
  return { nodes: nodes.map(toGraphNode), hops, length: hops.length };
}

export async function findPaths(db: Database, query: PathsQuery, timeoutMs: number): Promise<PathsResponse> {
  const started = performance.now();
  const from = await resolveParam(db, 'from', query.from);
  const to = await resolveParam(db, 'to', query.to);
  const exclude: string[] = [];
  for (const value of query.exclude ?? []) {
    const endpoint = await resolveEntity(db, value);
    if (endpoint && endpoint.id !== from.id && endpoint.id !== to.id) exclude.push(endpoint.id);
  }
  if (from.id === to.id) {
    return { from, to, paths: [], graph: { nodes: [], edges: [] }, elapsedMs: performance.now() - started };
  }
  const cypher = pathsCypher(query.k, query.maxHops, query.relTypes, !query.allowHierarchyOnly);
  const records = await readQuery(db, cypher, { from: from.id, to: to.id, exclude }, { timeoutMs });
  const collector = new GraphCollector();
  const paths = records.map((record) => {
    const path = record.get('p') as Path;
    collector.add(path);
    return toGraphPath(path);
  });
  return { from, to, paths, graph: collector.toGraph(), elapsedMs: performance.now() - started };
}
