// Export serializers on a small inline graph: GraphML and GEXF are well-formed and complete, CSV quotes
// correctly, XML-invalid characters are dropped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../contract/graph.ts';
import {
  attributeKeys,
  csvCell,
  escapeXml,
  toCsv,
  toGexf,
  toGraphML,
} from '../../server/graph/export-formats.ts';

const graph: Graph = {
  nodes: [
    {
      id: 'a',
      labels: ['Entity', 'Company'],
      properties: { id: 'a', name: 'A & "B" <公司>', aliases: ['甲', '乙'], lat: 1.5 },
    },
    {
      id: 'b',
      labels: ['Entity', 'Region'],
      properties: { id: 'b', name: 'B\u0001', lat: null, zone: 'West' },
    },
  ],
  edges: [
    {
      id: 'e1',
      type: 'INVESTMENT',
      source: 'a',
      target: 'b',
      properties: { id: 'e1', amount: 1.2e8, evidence: '投资1.2亿元,用于"研发"', planned: false },
    },
  ],
};

describe('export formats', () => {
  it('types attribute keys from their values', () => {
    expect(attributeKeys(graph.nodes)).toEqual([
      { name: 'aliases', type: 'string' },
      { name: 'id', type: 'string' },
      { name: 'lat', type: 'double' },
      { name: 'name', type: 'string' },
      { name: 'zone', type: 'string' },
    ]);
  });

  it('writes well-formed GraphML with every node, edge and value', () => {
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => ['node', 'edge', 'data'].includes(n),
    }).parse(xml);
    expect(parsed.graphml.graph.node).toHaveLength(2);
    expect(parsed.graphml.graph.edge[0]['@_source']).toBe('a');
    expect(xml).toContain('A &amp; &quot;B&quot; &lt;公司&gt;');
    expect(xml).not.toContain('\u0001');
  });

  it('writes well-formed GEXF with labels from names', () => {
    const xml = toGexf(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => ['node', 'edge'].includes(n),
    }).parse(xml);
    expect(parsed.gexf.graph.nodes.node.map((n: Record<string, string>) => n['@_label'])).toEqual([
      'A & "B" <公司>',
      'B',
    ]);
    expect(parsed.gexf.graph.edges.edge[0]['@_label']).toBe('INVESTMENT');
  });

  it('writes CSV with quoting and lists as JSON', () => {
    const nodes = toCsv(graph, 'nodes').split('\r\n');
    expect(nodes[0]).toBe('id,labels,aliases,lat,name,zone');
    expect(nodes[1]).toBe('a,Entity:Company,"[""甲"",""乙""]",1.5,"A & ""B"" <公司>",');
    const edges = toCsv(graph, 'edges').split('\r\n');
    expect(edges[0]).toBe('id,source,target,type,amount,evidence,planned');
    expect(edges[1]).toBe('e1,a,b,INVESTMENT,120000000,"投资1.2亿元,用于""研发""",false');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(escapeXml("'")).toBe('&apos;');
  });
});
