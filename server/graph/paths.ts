// "Who links X to Y": up to k shortest paths between two entities given by id or name. By default a path must
// pass through an actor: hierarchy-only paths and regions used as a shared container (A → 中国 ← B) are refused.
// The search itself is path-search.ts (bidirectional, rules in TypeScript); the SHORTEST k query below states
// the same rules in Cypher and answers when that search would read too much.
import type { Node, Path, Relationship } from 'neo4j-driver';
import type { GraphPath, PathEndpoint, PathHop, PathsQuery, PathsResponse } from '../../contract/api.ts';
import type { GraphEdge, GraphNode } from '../../contract/graph.ts';
import { HIERARCHY_RELATIONS, RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { GraphCollector, nodeId, relationshipId, toGraphNode } from './elements.ts';
import { relTypeExpression } from './nodes.ts';
import { databaseSource } from './path-source.ts';
import { searchPaths, SearchTooLarge, type FoundPath, type Step } from './path-search.ts';
import { int, readQuery, readTransaction, type Run } from './run.ts';
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
  byElementId = false,
): string {
  if (!Number.isInteger(k) || k < 1 || k > 10) throw new RangeError(`pathsCypher: k must be 1..10, got ${k}`);
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 8) {
    throw new RangeError(`pathsCypher: maxHops must be 1..8, got ${maxHops}`);
  }
  const types = relTypeExpression(relTypes && relTypes.length > 0 ? relTypes : RELATION_TYPES);
  // By element id (the fallback of findPaths), the ends include a region's members, which the path reaches
  // before its derived hop to the region: only the target itself may be entered by a descent.
  const lastHop = byElementId ? 'NOT (y = b AND elementId(b) = $target)' : 'y <> b';
  const local = [
    // Descending from a region to an entity located in it only at the ends (宁夏 ← 隆基宁光 at the start,
    // 甘肃省 ← 甘肃农业大学 at the end) or, at the start, from a region below the start region (浙江省 ←
    // 杭州市 ← an R&D centre in 杭州市): mid-path it would be A → city ← B again, and a local rule lets the
    // search prune those co-location branches instead of enumerating them.
    ...(actorRules
      ? [
          `NOT (type(r) = 'LOCATED_IN' AND endNode(r) = x AND x <> a AND ${lastHop} AND NOT EXISTS { (x)-[:PART_OF {hierarchy: true}]->{1,4}(a) })`,
        ]
      : []),
    ...(excluding ? ['NOT y.id IN $exclude'] : []),
  ];
  const hop = `((x)-[r${types}]-(y)${local.length > 0 ? ` WHERE ${local.join(' AND ')}` : ''}){1,${maxHops}}`;
  return `
MATCH (a:Entity)
WHERE ${byElementId ? 'elementId(a)' : 'a.id'} IN $starts
MATCH (b:Entity)
WHERE ${byElementId ? 'elementId(b)' : 'b.id'} IN $ends
MATCH p = SHORTEST ${k} (
  (a) ${hop} (b)
  WHERE true ${actorRules ? ACTOR_RULES : ''}
)
RETURN p
ORDER BY length(p)
LIMIT ${k * 4}`;
}

/**
 * Resolves values (ids or exact names) in one round trip. For a region it also lists its members known only
 * by their `region` property (no LOCATED_IN relationship: the search reaches them through a derived membership
 * hop) and the regions below it (PART_OF, 1–4 levels: a path may start by descending through them).
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
    RETURN {id: m.id, element: elementId(m), degree: degree}
    ORDER BY degree DESC, m.id
    LIMIT $members
  } ELSE [] END AS members,
  CASE WHEN n:Region THEN COLLECT {
    MATCH (x:Region)-[:PART_OF {hierarchy: true}]->{1,4}(n)
    RETURN DISTINCT elementId(x)
  } ELSE [] END AS below,
  COUNT { (n)--(:Entity) } AS degree`;

/** How many region members the search may start from on each side (bounds the pairs searched). */
const MAX_MEMBERS = 25;

interface Member {
  id: string;
  element: string;
  degree: number;
}

interface Resolved {
  node: Node;
  endpoint: PathEndpoint;
  members: Member[];
  /** Element ids of the regions below a region. */
  below: string[];
  degree: number;
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
      members: (record.get('members') as Array<Record<string, unknown>>).map((m) => ({
        id: String(m['id']),
        element: String(m['element']),
        degree: Number(m['degree']),
      })),
      below: record.get('below') as string[],
      degree: Number(record.get('degree')),
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

/** The nodes and relationships of the paths found, by element id. */
const ELEMENTS_CYPHER = `
CALL () {
  UNWIND $nodes AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect(n) AS nodes
}
CALL () {
  UNWIND $rels AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  RETURN collect(r) AS rels
}
RETURN nodes, rels`;

interface Search {
  found: FoundPath[];
  nodes: Map<string, Node>;
  rels: Map<string, Relationship>;
}

/**
 * The k shortest paths between the resolved endpoints (with their region members), in one read transaction:
 * the bidirectional search of path-search.ts, or Neo4j's SHORTEST k search when that would read too much.
 */
async function search(
  db: Database,
  query: PathsQuery,
  ends: { from: Resolved; to: Resolved; exclude: string[] },
  timeoutMs: number,
  limits: SearchLimits,
): Promise<Search> {
  const { from, to, exclude } = ends;
  const usable = (m: Member) =>
    !exclude.includes(m.id) && m.id !== from.endpoint.id && m.id !== to.endpoint.id;
  const startMembers = from.members.filter(usable);
  const startIds = new Set(startMembers.map((m) => m.id));
  const endMembers = to.members.filter((m) => usable(m) && !startIds.has(m.id));
  // Members join their region by a derived LOCATED_IN hop (member → region), seen here from the region.
  const membership = (region: Resolved, members: Member[]) =>
    members.map((m) => ({
      from: region.node.elementId,
      rel: `${DERIVED_PREFIX}${m.id}`,
      type: 'LOCATED_IN',
      out: false,
      to: m.element,
    }));
  const extra = [...membership(from, startMembers), ...membership(to, endMembers)];
  const degrees = new Map<string, number>([
    [from.node.elementId, from.degree + startMembers.length],
    [to.node.elementId, to.degree + endMembers.length],
  ]);
  const rules = !query.allowHierarchyOnly;
  return readTransaction(
    db,
    async (run) => {
      const below = new Map([[from.node.elementId, new Set(from.below)]]);
      let found: FoundPath[];
      try {
        found = await searchPaths(databaseSource(run, query.relTypes, exclude), {
          starts: [from.node.elementId],
          ends: [to.node.elementId],
          extra,
          k: query.k,
          maxHops: query.maxHops,
          rules,
          regions: [from.node, to.node].filter((n) => n.labels.includes('Region')).map((n) => n.elementId),
          below,
          degrees,
          ...limits,
        });
      } catch (error) {
        if (!(error instanceof SearchTooLarge)) throw error;
        // Neo4j's search starts and ends at the members themselves; completePath adds the derived hops.
        const starts = [from.node.elementId, ...startMembers.map((m) => m.element)];
        const targets = [to.node.elementId, ...endMembers.map((m) => m.element)];
        found = await completeSearch(run, query, { starts, ends: targets, exclude });
      }
      if (found.length === 0) return { found, nodes: new Map(), rels: new Map() };
      const [record] = await run(ELEMENTS_CYPHER, {
        nodes: [...new Set(found.flatMap((p) => p.nodes))],
        rels: [...new Set(found.flatMap((p) => p.steps.map((s) => s.rel)))].filter(
          (rel) => !rel.startsWith(DERIVED_PREFIX),
        ),
      });
      const nodes = new Map(((record?.get('nodes') as Node[]) ?? []).map((n) => [n.elementId, n]));
      const rels = new Map(((record?.get('rels') as Relationship[]) ?? []).map((r) => [r.elementId, r]));
      return { found, nodes, rels };
    },
    { timeoutMs },
  );
}

/** Neo4j's SHORTEST k search with the rules in Cypher (the fallback, and the reference in tests). */
async function completeSearch(
  run: Run,
  query: PathsQuery,
  ends: { starts: string[]; ends: string[]; exclude: string[] },
): Promise<FoundPath[]> {
  const cypher = pathsCypher(
    query.k,
    query.maxHops,
    query.relTypes,
    !query.allowHierarchyOnly,
    ends.exclude.length > 0,
    true,
  );
  const records = await run(cypher, { ...ends, target: ends.ends[0], hierarchy: HIERARCHY });
  return records.map((record) => {
    const path = record.get('p') as Path;
    const nodes = [path.start.elementId];
    const steps: Step[] = [];
    for (const segment of path.segments) {
      const rel = segment.relationship;
      steps.push({
        rel: rel.elementId,
        type: rel.type,
        out: rel.startNodeElementId === segment.start.elementId,
        to: segment.end.elementId,
      });
      nodes.push(segment.end.elementId);
    }
    return { nodes, steps };
  });
}

/** A found path as the wire format, or null if an element changed between the search and the read. */
function toFoundGraphPath(
  path: FoundPath,
  nodes: Map<string, Node>,
  rels: Map<string, Relationship>,
): GraphPath | null {
  const pathNodes = path.nodes.map((id) => nodes.get(id));
  if (pathNodes.some((n) => n === undefined)) return null;
  const hops: PathHop[] = [];
  for (let i = 0; i < path.steps.length; i++) {
    const step = path.steps[i]!;
    const a = pathNodes[i]!;
    const b = pathNodes[i + 1]!;
    if (step.rel.startsWith(DERIVED_PREFIX)) {
      // A derived membership hop: region → member (out: false) or member → region.
      hops.push(
        step.out
          ? membershipHop(toGraphNode(b), toGraphNode(a), false)
          : membershipHop(toGraphNode(a), toGraphNode(b), true),
      );
      continue;
    }
    const rel = rels.get(step.rel);
    if (!rel) return null;
    const joins =
      (rel.startNodeElementId === a.elementId && rel.endNodeElementId === b.elementId) ||
      (rel.startNodeElementId === b.elementId && rel.endNodeElementId === a.elementId);
    if (!joins) return null;
    hops.push(toHop(rel, a, b));
  }
  return { nodes: (pathNodes as Node[]).map(toGraphNode), hops, length: hops.length };
}

/** Work bounds of the bidirectional search (past them, Neo4j's SHORTEST k search answers instead). */
export interface SearchLimits {
  maxSteps?: number;
  maxExpansion?: number;
}

export async function findPaths(
  db: Database,
  query: PathsQuery,
  timeoutMs: number,
  limits: SearchLimits = {},
): Promise<PathsResponse> {
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
  const result = await search(db, query, { from: fromNodes, to: toNodes, exclude }, timeoutMs, limits);
  const fromNode = toGraphNode(fromNodes.node);
  const toNode = toGraphNode(toNodes.node);
  const collector = new GraphCollector().add(fromNodes.node).add(toNodes.node);
  const derived: GraphEdge[] = [];
  const seen = new Set<string>();
  const kept: Array<{ path: GraphPath; found: FoundPath }> = [];
  for (const found of result.found) {
    const inner = toFoundGraphPath(found, result.nodes, result.rels);
    const path = inner && completePath(inner, fromNode, toNode);
    const key = path?.hops.map((h) => h.relationship).join('|');
    // maxHops counts the derived membership hops too (the fallback's Cypher bound counts only the others)
    if (!path || key === undefined || seen.has(key) || path.length > query.maxHops) continue;
    seen.add(key);
    kept.push({ path, found });
  }
  kept.sort((a, b) => a.path.length - b.path.length);
  const paths = kept.slice(0, query.k).map(({ path, found }) => {
    for (const id of found.nodes) collector.add(result.nodes.get(id));
    for (const step of found.steps) collector.add(result.rels.get(step.rel));
    return path;
  });
  for (const path of paths) {
    for (const hop of path.hops.filter((h) => h.virtual)) {
      const [regionId, memberId] = hop.direction === 'backward' ? [hop.from, hop.to] : [hop.to, hop.from];
      const region = path.nodes.find((n) => n.id === regionId);
      const member = path.nodes.find((n) => n.id === memberId);
      if (region && member) derived.push(membershipEdge(region, member));
    }
  }
  const graph = collector.toGraph();
  graph.edges.push(...derived);
  return { from, to, paths, graph, elapsedMs: elapsed() };
}
