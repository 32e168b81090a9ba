// The neutral wire format for a (sub)graph, shared by the API, the client and the exports.
import { z } from 'zod';

const Properties = z.record(z.string(), z.unknown());

export const GraphNode = z.object({
  id: z.string(),
  labels: z.array(z.string()),
  properties: Properties,
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: Properties,
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});
export type Graph = z.infer<typeof Graph>;
