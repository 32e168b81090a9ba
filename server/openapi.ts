// The OpenAPI 3.1 document of the API, generated from the contract's zod schemas (contract/api.ts), so the
// documentation cannot drift from what the server validates. Served at GET /api/openapi.json.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import * as api from '../contract/api.ts';
import { Graph } from '../contract/graph.ts';

type Responses = RouteConfig['responses'];

/** A named copy of a schema: `.meta({ id })` puts it in components/schemas. */
function named<T extends z.ZodType>(id: string, schema: T): T {
  return schema.meta({ id }) as T;
}

function json(description: string, schema: z.ZodType): Responses[string] {
  return { description, content: { 'application/json': { schema } } };
}

export function buildOpenApiDocument(version = '0.1.0'): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const error = named('ErrorResponse', api.ErrorResponse);
  const errors = (...codes: Array<400 | 404 | 413 | 429 | 503 | 504>): Responses =>
    Object.fromEntries(codes.map((code) => [code, json(`Error (${code})`, error)]));
  const graph = named('Graph', Graph);
  const cypherResponse = named('CypherResponse', api.CypherResponse.extend({ graph }));
  const route = (config: RouteConfig) => registry.registerPath(config);

  route({
    method: 'get',
    path: '/api/health',
    summary: 'Status and database version',
    responses: { 200: json('Healthy', api.HealthResponse), ...errors(503) },
  });
  route({
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over names, aliases, pinyin and English names, ranked',
    request: { query: api.SearchQuery },
    responses: { 200: json('Ranked hits', named('SearchResponse', api.SearchResponse)), ...errors(400, 503) },
  });
  route({
    method: 'get',
    path: '/api/nodes/{id}',
    summary: 'An entity with its degree by relationship type',
    request: { params: api.NodeParams },
    responses: { 200: json('The entity', named('NodeResponse', api.NodeResponse)), ...errors(400, 404, 503) },
  });
  route({
    method: 'get',
    path: '/api/nodes/{id}/neighbors',
    summary: 'The neighbourhood of an entity, capped, with a count of what was left out',
    request: { params: api.NodeParams, query: api.NeighborsQuery },
    responses: {
      200: json('Neighbourhood', named('NeighborsResponse', api.NeighborsResponse)),
      ...errors(400, 404, 503),
    },
  });
  route({
    method: 'get',
    path: '/api/paths',
    summary:
      'Who links X to Y: up to k shortest paths through at least one actor, each hop with its evidence',
    request: { query: api.PathsQuery },
    responses: {
      200: json('Paths', named('PathsResponse', api.PathsResponse)),
      ...errors(400, 404, 503, 504),
    },
  });
  route({
    method: 'get',
    path: '/api/relationships/{id}',
    summary:
      'A fact with all its evidence (`region-of:<entity id>`: a derived membership hop from /api/paths)',
    request: { params: api.RelationshipParams },
    responses: {
      200: json('The fact', named('RelationshipResponse', api.RelationshipResponse)),
      ...errors(404, 503),
    },
  });
  route({
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'A source document with its text and sentence offsets',
    request: { params: api.DocumentParams },
    responses: {
      200: json('The document', named('DocumentResponse', api.DocumentResponse)),
      ...errors(404, 503),
    },
  });
  route({
    method: 'post',
    path: '/api/cypher',
    summary: 'Read-only Cypher console (planned first; writes, schema, admin and LOAD CSV are refused)',
    request: {
      body: { content: { 'application/json': { schema: named('CypherRequest', api.CypherRequest) } } },
    },
    responses: { 200: json('Result', cypherResponse), ...errors(400, 413, 429, 503, 504) },
  });
  route({
    method: 'get',
    path: '/api/queries',
    summary: 'The saved, parameterised queries',
    responses: { 200: json('Saved queries', named('SavedQueryList', api.SavedQueryList)) },
  });
  route({
    method: 'post',
    path: '/api/queries/{name}',
    summary: 'Run a saved query with parameter values (missing ones take their defaults)',
    request: {
      params: api.SavedQueryParams,
      body: {
        content: { 'application/json': { schema: named('SavedQueryRunRequest', api.SavedQueryRunRequest) } },
      },
    },
    responses: { 200: json('Result', cypherResponse), ...errors(400, 404, 503, 504) },
  });
  route({
    method: 'get',
    path: '/api/stats',
    summary: 'Counts by label and type, zone-to-zone flows and top brokers by betweenness',
    responses: { 200: json('Statistics', named('StatsResponse', api.StatsResponse)), ...errors(503) },
  });
  route({
    method: 'get',
    path: '/api/export',
    summary: 'The whole graph or the subgraph of `ids` as GraphML, GEXF, JSON or CSV (part=nodes|edges)',
    request: { query: api.ExportQuery },
    responses: {
      200: {
        description: 'A file (Content-Disposition: attachment)',
        content: {
          'application/graphml+xml': { schema: { type: 'string' } },
          'application/gexf+xml': { schema: { type: 'string' } },
          'application/json': { schema: graph },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      ...errors(400, 503),
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Dongxi API',
      version,
      description:
        "Explorer of China's East–West science and technology cooperation network. Errors: { error: { code, message, details } }.",
    },
    servers: [{ url: '/' }],
  });
}
