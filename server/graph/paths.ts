// "Who links X to Y": up to k shortest paths between two entities given by id or name. By default a path must
// pass through an actor: hierarchy-only paths and regions used as a shared container (A → 中国 ← B) are refused.
import type { Node, Path, Record as Neo4jRecord, Relationship } from 'neo4j-driver';
import type { GraphPath, PathEndpoint, PathHop, PathsQuery, PathsResponse } from '../../contract/api.ts';
import type { GraphEdge, GraphNode } from '../../contract/graph.ts';
import { HIERARCHY_RELATIONS, RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { GraphCollector, nodeId, relationshipId, toGraphNode } from './elements.ts';
import { relTypeExpression } from './nodes.ts';
import { int, readQuery } from './run.ts';
import { DERIVED_PREFIX } from './relationships.ts';
import { searchEntities } from './search.ts';

const HIERARCHY = [...HIERARCHY_RELATIONS] as string[];

/**
 * The path rules, written over the quantified pattern's group variables (r: relationships, y: the node each
 * hop reaches) INSIDE the parenthesized path pattern, so Neo4j applies them during the SHORTEST search (a
 * WHERE after the pattern filters the k shortest afterwards and loses answers):
 * - a path of two or more hops between two regions passes through an actor (a node that is not a Region);
 *   from an actor, hierarchy hops may climb at the end (R&D centre → 杭州市 → 浙江省);
 * - no interior Region is entered and left by hierarchy hops that both point into it: a region is not a
 *   shared container (A → 杭州市 ← B, 宁夏 → 中国 ← 浙江).
 */
const ACTOR_RULES = `
    AND (size(r) = 1 OR NOT a:Region OR NOT b:Region OR any(n IN y WHERE NOT n:Region))
    AND none(i IN range(0, size(r) - 2) WHERE
      y[i]:Region
      AND type(r[i]) IN $hierarchy
      AND type(r[i + 1]) IN $hierarchy
      AND endNode(r[i]) = y[i]
      AND endNode(r[i + 1]) = y[i])`;

/** Builds the path query; k and maxHops are validated integers written as literals (SHORTEST needs a literal). */
export function pathsCypher(
  k: number,
  maxHops: number,
  relTypes: readonly string[] | undefined,
  actorRules: boolean,
  excluding = false,
): string {
  if (!Number.isInteger(k) || k < 1 || k > 10) throw new RangeError(`pathsCypher: k must be 1..10, got ${k}`);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) {
    throw new RangeError(`pathsCypher: maxHops must be 1..8, got ${maxHops}`);
  }
  const types = relTypeExpression(relTypes && relTypes.length > 0 ? relTypes : RELATION_TYPES);
  const local = [
    // Descending from a region to an entity located in it only at the ends (宁夏 ← 隆基宁光 at the start,
    // 甘肃省 ← 甘肃农业大学 at the end) or, at the start, from a region below the start region (浙江省 ←
    // 杭州市 ← an R&D centre in 杭州市): mid-path it would be A → city ← B again, and a local rule lets the
    // search prune those co-location branches instead of enumerating them.
    ...(actorRules
      ? [
          "NOT (type(r) = 'LOCATED_IN' AND endNode(r) = x AND x <> a AND y <> b AND NOT EXISTS { (x)-[:PART_OF {hierarchy: true}]->{1,4}(a) })",
        ]
      : []),
    ...(excluding ? ['NOT y.id IN $exclude'] : []),
  ];
  const hop = `((x)-[r${types}]-(y)${local.length > 0 ? ` WHERE ${local.join(' AND ')}` : ''}){1,${maxHops}}`;
  return `
MATCH (a:Entity)
WHERE a.id IN $starts
MATCH (b:Entity)
WHERE b.id IN $ends
MATCH p = SHORTEST ${k} (
  (a) ${hop} (b)
  WHERE true ${actorRules ? ACTOR_RULES : ''}
)
RETURN p
ORDER BY length(p)
LIMIT ${k * 4}`;
}

/**
 * The fast first search between two single entities: Neo4j's bidirectional `allShortestPaths` (a few
 * milliseconds where the SHORTEST k operator takes hundreds on hub-heavy graphs), with only the exclusion
 * list as a predicate (a node predicate it checks during the search). The path rules are then checked in
 * `followsRules`; if enough paths pass, the SHORTEST k search is not needed.
 */
export function fastPathsCypher(maxHops: number, relTypes: readonly string[] | undefined): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) {
    throw new RangeError(`fastPathsCypher: maxHops must be 1..8, got ${maxHops}`);
  }
  const types = relTypeExpression(relTypes && relTypes.length > 0 ? relTypes : RELATION_TYPES);
  return `
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[${types}*1..${maxHops}]-(b))
WHERE all(n IN nodes(p) WHERE n = a OR n = b OR NOT n.id IN $exclude)
RETURN p
LIMIT ${FAST_PATH_LIMIT}`;
}

/** How many equally short paths the fast search looks at (the rules may refuse some). */
const FAST_PATH_LIMIT = 200;

/**
 * The rules of ACTOR_RULES and the local LOCATED_IN rule of pathsCypher, checked on a driver path in path
 * order (the fast search cannot apply them itself). Stricter in one case: a descent from a region below
 * the start region is refused here (that needs the hierarchy), so such paths come from the complete search.
 */
export function followsRules(path: Path): boolean {
  const nodes: Node[] = [path.start, ...path.segments.map((s) => s.end)];
  const rels = path.segments.map((s) => s.relationship);
  const a = nodes[0]!;
  const b = nodes[nodes.length - 1]!;
  const isRegion = (n: Node) => n.labels.includes('Region');
  const isHierarchy = (r: Relationship) => HIERARCHY.includes(r.type);
  if (rels.length >= 2 && isRegion(a) && isRegion(b) && nodes.slice(1).every(isRegion)) return false;
  for (let i = 0; i < rels.length; i++) {
    const x = nodes[i]!;
    const y = nodes[i + 1]!;
    const r = rels[i]!;
    // Descending from a region to an entity located in it: only at the ends.
    if (r.type === 'LOCATED_IN' && r.endNodeElementId === x.elementId && x !== a && y !== b) return false;
    // A region as a shared container (A → region ← B) in the middle of the path.
    const next = rels[i + 1];
    if (
      next &&
      isRegion(y) &&
      isHierarchy(r) &&
      isHierarchy(next) &&
      r.endNodeElementId === y.elementId &&
      next.endNodeElementId === y.elementId
    )
      return false;
  }
  return true;
}

/**
 * Resolves values (ids or exact names) in one round trip. For a region it also lists its members known only
 * by their `region` property (no LOCATED_IN relationship): the search may start or end at them through a
 * derived membership hop.
 */
const RESOLVE_CYPHER = `
UNWIND $values AS value
CALL (value) {
  OPTIONAL MATCH (byId:Entity {id: value})
  OPTIONAL MATCH (byName:Entity {name: value})
  RETURN coalesce(byId, byName) AS n
  LIMIT 1
}
RETURN value, n,
  CASE WHEN n:Region THEN COLLECT {
    MATCH (m:Entity)
    WHERE m.region = n.name AND NOT m:Region AND NOT EXISTS { (m)-[:LOCATED_IN]->(n) }
    WITH m, COUNT { (m)--(:Entity) } AS degree
    WHERE degree > 0
    RETURN m.id
    ORDER BY degree DESC, m.id
    LIMIT $members
  } ELSE [] END AS members`;

/** How many region members the search may start from on each side (bounds the pairs searched). */
const MAX_MEMBERS = 25;

interface Resolved {
  node: Node;
  endpoint: PathEndpoint;
  members: string[];
}

async function resolveValues(db: Database, values: string[]): Promise<Map<string, Resolved>> {
  const records = await readQuery(db, RESOLVE_CYPHER, { values, members: int(MAX_MEMBERS) });
  const resolved = new Map<string, Resolved>();
  for (const record of records) {
    const node = record.get('n') as Node | null;
    if (!node) continue;
    const graphNode = toGraphNode(node);
    resolved.set(record.get('value') as string, {
      node,
      endpoint: {
        id: graphNode.id,
        name: String(graphNode.properties['name'] ?? graphNode.id),
        type: String(graphNode.properties['type'] ?? ''),
      },
      members: record.get('members') as string[],
    });
  }
  return resolved;
}

/** Entities from ids or names: exact id, exact name, else the best search hit (exact alias first). */
async function resolveAll(db: Database, values: string[]): Promise<Map<string, Resolved>> {
  const resolved = await resolveValues(db, values);
  const viaSearch = new Map<string, string>();
  for (const value of values.filter((v) => !resolved.has(v))) {
    const hit = (await searchEntities(db, { q: value, limit: 1 })).hits[0];
    if (hit) viaSearch.set(value, hit.id);
  }
  if (viaSearch.size > 0) {
    const byId = await resolveValues(db, [...viaSearch.values()]);
    for (const [value, id] of viaSearch) {
      const found = byId.get(id);
      if (found) resolved.set(value, found);
    }
  }
  return resolved;
}

/** An entity from an id or a name (see resolveAll). */
export async function resolveEntity(db: Database, value: string): Promise<PathEndpoint | null> {
  return (await resolveAll(db, [value])).get(value)?.endpoint ?? null;
}

function notFound(param: 'from' | 'to', value: string): AppError {
  return new AppError('NOT_FOUND', `${param}: no entity matches "${value}".`, { param, value });
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

/** The derived hop between a region and a member known by its `region` property. */
function membershipHop(region: GraphNode, member: GraphNode, regionFirst: boolean): PathHop {
  return {
    relationship: `${DERIVED_PREFIX}${member.id}`,
    type: 'LOCATED_IN',
    direction: regionFirst ? 'backward' : 'forward',
    from: regionFirst ? region.id : member.id,
    to: regionFirst ? member.id : region.id,
    hierarchy: true,
    virtual: true,
    evidence: null,
    documentId: null,
    start: null,
    end: null,
    date: null,
    amount: null,
  };
}

function membershipEdge(region: GraphNode, member: GraphNode): GraphEdge {
  return {
    id: `${DERIVED_PREFIX}${member.id}`,
    type: 'LOCATED_IN',
    source: member.id,
    target: region.id,
    properties: { rule: 'region-property', hierarchy: true, virtual: true },
  };
}

/** Completes a path found between region members with the membership hops, or drops it if it loops back. */
function completePath(found: GraphPath, from: GraphNode, to: GraphNode): GraphPath | null {
  const first = found.nodes[0];
  const last = found.nodes[found.nodes.length - 1];
  if (!first || !last) return null;
  const nodes = [...found.nodes];
  const hops = [...found.hops];
  if (first.id !== from.id) {
    nodes.unshift(from);
    hops.unshift(membershipHop(from, first, true));
  }
  if (last.id !== to.id) {
    nodes.push(to);
    hops.push(membershipHop(to, last, false));
  }
  const ids = nodes.map((n) => n.id);
  if (new Set(ids).size !== ids.length) return null;
  return { nodes, hops, length: hops.length };
}

export async function findPaths(db: Database, query: PathsQuery, timeoutMs: number): Promise<PathsResponse> {
  const started = performance.now();
  const excludeValues = query.exclude ?? [];
  const resolved = await resolveAll(db, [query.from, query.to, ...excludeValues]);
  const fromNodes = resolved.get(query.from);
  const toNodes = resolved.get(query.to);
  if (!fromNodes) throw notFound('from', query.from);
  if (!toNodes) throw notFound('to', query.to);
  const from = fromNodes.endpoint;
  const to = toNodes.endpoint;
  const exclude = excludeValues
    .map((value) => resolved.get(value)?.endpoint.id)
    .filter((id): id is string => id !== undefined && id !== from.id && id !== to.id);
  const elapsed = () => performance.now() - started;
  if (from.id === to.id)
    return { from, to, paths: [], graph: { nodes: [], edges: [] }, elapsedMs: elapsed() };
  const usable = (id: string) => !exclude.includes(id) && id !== from.id && id !== to.id;
  const starts = [from.id, ...fromNodes.members.filter(usable)];
  const ends = [to.id, ...toNodes.members.filter((id) => usable(id) && !starts.includes(id))];
  const cypher = pathsCypher(
    query.k,
    query.maxHops,
    query.relTypes,
    !query.allowHierarchyOnly,
    exclude.length > 0,
  );
  // Fast first: one bidirectional search between the two entities, rules checked here. Region endpoints with
  // members (several start or end nodes) and hierarchy-only searches go straight to the complete search.
  let records: Neo4jRecord[] = [];
  if (starts.length === 1 && ends.length === 1 && !query.allowHierarchyOnly) {
    const fast = await readQuery(
      db,
      fastPathsCypher(query.maxHops, query.relTypes),
      {
        from: from.id,
        to: to.id,
        exclude,
      },
      { timeoutMs },
    );
    records = fast.filter((record) => followsRules(record.get('p') as Path));
  }
  // Fewer than k valid paths among the shortest ones: the complete search (its alternatives may be longer).
  if (records.length < query.k) {
    const params = { starts, ends, exclude, hierarchy: HIERARCHY };
    records = [...records, ...(await readQuery(db, cypher, params, { timeoutMs }))];
  }
  const fromNode = toGraphNode(fromNodes.node);
  const toNode = toGraphNode(toNodes.node);
  const collector = new GraphCollector().add(fromNodes.node).add(toNodes.node);
  const derived: GraphEdge[] = [];
  const seen = new Set<string>();
  const found: Array<{ path: GraphPath; raw: Path }> = [];
  for (const record of records) {
    const raw = record.get('p') as Path;
    const path = completePath(toGraphPath(raw), fromNode, toNode);
    const key = path?.hops.map((h) => h.relationship).join('|');
    if (!path || key === undefined || seen.has(key)) continue;
    seen.add(key);
    found.push({ path, raw });
  }
  found.sort((a, b) => a.path.length - b.path.length);
  const kept = found.slice(0, query.k).map(({ path, raw }) => {
    collector.add(raw);
    return path;
  });
  for (const path of kept) {
    for (const hop of path.hops.filter((h) => h.virtual)) {
      const member = path.nodes.find((n) => n.id === (hop.direction === 'backward' ? hop.to : hop.from));
      const region = hop.direction === 'backward' ? fromNode : toNode;
      if (member) derived.push(membershipEdge(region, member));
    }
  }
  const graph = collector.toGraph();
  graph.edges.push(...derived);
  return { from, to, paths: kept, graph, elapsedMs: elapsed() };
}
