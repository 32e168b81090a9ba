// GET /api/export: the whole entity graph or the subgraph induced by `ids`, as a file with a
// Content-Disposition name. Documents and MENTIONS are left out (the text stays in the database).
import type { Node, Relationship } from 'neo4j-driver';
import type { ExportQuery } from '../../contract/api.ts';
import type { Graph } from '../../contract/graph.ts';
import type { Database } from '../db/database.ts';
import { GraphCollector } from './elements.ts';
import { toCsv, toGexf, toGraphML } from './export-formats.ts';
import { readQuery } from './run.ts';

const NODES_CYPHER = `
MATCH (n:Entity)
WHERE $ids IS NULL OR n.id IN $ids
RETURN n`;

const EDGES_CYPHER = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND ($hierarchy OR coalesce(r.hierarchy, false) = false)
RETURN r`;

export async function exportGraph(db: Database, query: ExportQuery): Promise<Graph> {
  const params = { ids: query.ids && query.ids.length > 0 ? query.ids : null, hierarchy: query.hierarchy };
  const collector = new GraphCollector();
  for (const record of await readQuery(db, NODES_CYPHER, params)) collector.add(record.get('n') as Node);
  for (const record of await readQuery(db, EDGES_CYPHER, params))
    collector.add(record.get('r') as Relationship);
  const graph = collector.toGraph();
  graph.nodes.sort((a, b) => a.id.localeCompare(b.id));
  graph.edges.sort((a, b) => a.id.localeCompare(b.id));
  return graph;
}

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

export function renderExport(graph: Graph, query: ExportQuery): ExportFile {
  const stem = query.ids && query.ids.length > 0 ? 'dongxi-subgraph' : 'dongxi-graph';
  switch (query.format) {
    case 'graphml':
      return {
        body: toGraphML(graph),
        contentType: 'application/graphml+xml; charset=utf-8',
        filename: `${stem}.graphml`,
      };
    case 'gexf':
      return {
        body: toGexf(graph),
        contentType: 'application/gexf+xml; charset=utf-8',
        filename: `${stem}.gexf`,
      };
    case 'csv':
      return {
        body: toCsv(graph, query.part),
        contentType: 'text/csv; charset=utf-8',
        filename: `${stem}-${query.part}.csv`,
      };
    case 'json':
      return {
        body: JSON.stringify(graph),
        contentType: 'application/json; charset=utf-8',
        filename: `${stem}.json`,
      };
  }
}
