// The HTTP API's request and response shapes: the server validates with them, the client parses with them,
// and server/openapi.ts turns them into the OpenAPI document served at GET /api/openapi.json.
import { z } from 'zod';
import { Graph, GraphEdge, GraphNode } from './graph.ts';
import { EntityType, RelationType, Zone } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Query-string helpers: query values arrive as strings; lists are comma-separated (`types=Company,University`).

/** A comma-separated list (or repeated parameter) parsed into an array of `item`. */
export function csvList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const parts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : value;
    if (!Array.isArray(parts)) return parts;
    return parts
      .flatMap((part) => String(part).split(','))
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  }, z.array(item));
}

/** An integer query parameter within [min, max] with a default. */
export function intParam(min: number, max: number, fallback: number) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}

/** A boolean query parameter: only the strings `true`/`false` (and `1`/`0`). */
export function boolParam(fallback: boolean) {
  return z.preprocess(
    (value) =>
      value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
    z.boolean().default(fallback),
  );
}

const Id = z.string().min(1).max(500);
const NullableString = z.string().nullable();
const NullableNumber = z.number().nullable();

// ---------------------------------------------------------------------------------------------
// Errors

export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'READ_ONLY',
  'QUERY_ERROR',
  'TIMEOUT',
  'DB_UNAVAILABLE',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error body of every endpoint. For BAD_REQUEST, `details.issues[].path` names the parameter. */
export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/health (served by the foundation's route; shape kept loose here)

export const HealthResponse = z.looseObject({ status: z.string() });
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/search?q=&types=&limit=

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  types: csvList(EntityType).optional(),
  limit: intParam(1, 100, 10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** How a hit matched: exact name/alias, name/alias prefix, or only the full-text index. */
export const SearchMatch = z.enum(['exact', 'prefix', 'fulltext']);
export type SearchMatch = z.infer<typeof SearchMatch>;

export const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  labels: z.array(z.string()),
  aliases: z.array(z.string()),
  nameEn: NullableString,
  region: NullableString,
  match: SearchMatch,
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  q: z.string(),
  hits: z.array(SearchHit),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/nodes/:id and GET /api/nodes/:id/neighbors

export const NodeParams = z.object({ id: Id });
export type NodeParams = z.infer<typeof NodeParams>;

export const NodeResponse = z.object({
  node: GraphNode,
  degree: z.object({
    total: z.number().int(),
    /** Relationship type → count, both directions, documents' MENTIONS excluded. */
    byType: z.record(z.string(), z.number().int()),
  }),
  /** Number of documents that mention the entity. */
  documents: z.number().int(),
});
export type NodeResponse = z.infer<typeof NodeResponse>;

export const Direction = z.enum(['both', 'out', 'in']);
export type Direction = z.infer<typeof Direction>;

export const NeighborsQuery = z.object({
  relTypes: csvList(RelationType).optional(),
  types: csvList(EntityType).optional(),
  direction: Direction.default('both'),
  limit: intParam(1, 1000, 100),
});
export type NeighborsQuery = z.infer<typeof NeighborsQuery>;

export const NeighborsResponse = z.object({
  /** The centre node, its neighbours and the relationships between the centre and them. */
  graph: Graph,
  truncated: z.boolean(),
  /** Neighbouring relationships matching the filters that were left out by the cap. */
  omitted: z.number().int(),
  total: z.number().int(),
});
export type NeighborsResponse = z.infer<typeof NeighborsResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/paths?from=&to=&k=&maxHops=&relTypes=&exclude=&allowHierarchyOnly=

export const PathsQuery = z.object({
  /** An entity id or a name (exact name, alias, else the best search hit). */
  from: z.string().trim().min(1).max(500),
  to: z.string().trim().min(1).max(500),
  k: intParam(1, 10, 3),
  maxHops: intParam(1, 8, 6),
  relTypes: csvList(RelationType).optional(),
  /** Ids or names of nodes a path may not pass through (hubs). */
  exclude: csvList(z.string().min(1).max(500)).optional(),
  /** Accept paths whose interior is made only of regions (administrative hierarchy). Default false. */
  allowHierarchyOnly: boolParam(false),
});
export type PathsQuery = z.infer<typeof PathsQuery>;

export const HopDirection = z.enum(['forward', 'backward']);

export const PathHop = z.object({
  relationship: z.string(),
  type: z.string(),
  /** forward: stored as from→to; backward: stored as to→from. */
  direction: HopDirection,
  from: z.string(),
  to: z.string(),
  hierarchy: z.boolean(),
  /** Derived from an entity's `region` property (no relationship in the database, no evidence). */
  virtual: z.boolean().optional(),
  evidence: NullableString,
  documentId: NullableString,
  start: NullableNumber,
  end: NullableNumber,
  date: NullableString,
  amount: NullableNumber,
});
export type PathHop = z.infer<typeof PathHop>;

export const GraphPath = z.object({
  nodes: z.array(GraphNode),
  hops: z.array(PathHop),
  length: z.number().int(),
});
export type GraphPath = z.infer<typeof GraphPath>;

export const PathEndpoint = z.object({ id: z.string(), name: z.string(), type: z.string() });
export type PathEndpoint = z.infer<typeof PathEndpoint>;

export const PathsResponse = z.object({
  from: PathEndpoint,
  to: PathEndpoint,
  paths: z.array(GraphPath),
  /** Union of the paths, ready to draw. */
  graph: Graph,
  elapsedMs: z.number(),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/relationships/:id

export const RelationshipParams = z.object({ id: Id });
export type RelationshipParams = z.infer<typeof RelationshipParams>;

export const EvidenceItem = z.object({
  documentId: z.string(),
  documentTitle: NullableString,
  documentDate: NullableString,
  evidence: z.string(),
  start: NullableNumber,
  end: NullableNumber,
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const RelationshipResponse = z.object({
  relationship: GraphEdge,
  source: GraphNode,
  target: GraphNode,
  /** One entry per stating document (from the provenance lists). */
  evidence: z.array(EvidenceItem),
});
export type RelationshipResponse = z.infer<typeof RelationshipResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/documents/:id

export const DocumentParams = z.object({ id: Id });
export type DocumentParams = z.infer<typeof DocumentParams>;

export const DocumentMention = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  count: z.number().int(),
});
export type DocumentMention = z.infer<typeof DocumentMention>;

export const DocumentResponse = z.object({
  id: z.string(),
  title: NullableString,
  date: NullableString,
  source: NullableString,
  text: z.string(),
  /** Sentence offsets into `text` (UTF-16 code units, end exclusive). */
  sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  mentions: z.array(DocumentMention),
});
export type DocumentResponse = z.infer<typeof DocumentResponse>;

// ---------------------------------------------------------------------------------------------
// POST /api/cypher and the saved queries

export const CypherRequest = z.object({
  query: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type CypherRequest = z.infer<typeof CypherRequest>;

export const CypherResponse = z.object({
  columns: z.array(z.string()),
  /** One array per record, values in `columns` order, converted to plain JSON. */
  rows: z.array(z.array(z.unknown())),
  /** Nodes and relationships found anywhere in the rows. */
  graph: Graph,
  truncated: z.boolean(),
  elapsedMs: z.number(),
});
export type CypherResponse = z.infer<typeof CypherResponse>;

export const SavedQueryParamType = z.enum(['string', 'int', 'float', 'boolean', 'string[]']);
export type SavedQueryParamType = z.infer<typeof SavedQueryParamType>;

export const SavedQueryParam = z.object({
  name: z.string(),
  type: SavedQueryParamType,
  default: z.unknown().optional(),
});
export type SavedQueryParam = z.infer<typeof SavedQueryParam>;

export const SavedQuery = z.object({
  name: z.string(),
  description: z.string(),
  params: z.array(SavedQueryParam),
  query: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuery>;

export const SavedQueryList = z.object({ queries: z.array(SavedQuery) });
export type SavedQueryList = z.infer<typeof SavedQueryList>;

export const SavedQueryParams = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) });
export type SavedQueryParams = z.infer<typeof SavedQueryParams>;

/** POST /api/queries/:name body: values for the query's parameters (missing ones take defaults). */
export const SavedQueryRunRequest = z.object({
  params: z.record(z.string(), z.unknown()).default({}),
});
export type SavedQueryRunRequest = z.infer<typeof SavedQueryRunRequest>;

// ---------------------------------------------------------------------------------------------
// GET /api/stats

export const StatsResponse = z.object({
  documents: z.number().int(),
  labels: z.array(z.object({ label: z.string(), count: z.number().int() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number().int() })),
  /** Non-hierarchy facts whose endpoints lie in different zones. */
  zoneFlows: z.array(z.object({ fromZone: Zone, toZone: Zone, type: z.string(), count: z.number().int() })),
  /** Top entities by betweenness centrality over the non-hierarchy fact graph. */
  brokers: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), betweenness: z.number() })),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

// ---------------------------------------------------------------------------------------------
// GET /api/export?format=&ids=&part=

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = z.object({
  format: ExportFormat.default('json'),
  /** Entity ids of a subgraph (the nodes and the relationships among them); absent = whole graph. */
  ids: csvList(Id).optional(),
  /** For format=csv: which table. */
  part: z.enum(['nodes', 'edges']).default('nodes'),
  /** Also include the administrative hierarchy (PART_OF between regions). Default true. */
  hierarchy: boolParam(true),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
