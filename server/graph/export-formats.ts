// Serializers from the graph wire format to files for Gephi, Cytoscape desktop, R and pandas: GraphML, GEXF 1.3,
// JSON (the contract's format) and CSV (nodes and edges tables). Pure functions, no database.
import type { Graph } from '../../contract/graph.ts';

type AttrType = 'string' | 'double' | 'boolean';

interface AttrKey {
  name: string;
  type: AttrType;
}

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A property value as one cell/attribute: lists and objects as JSON, null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The union of property keys of some elements, each typed by the values it takes. */
export function attributeKeys(items: Array<{ properties: Record<string, unknown> }>): AttrKey[] {
  const types = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.properties)) {
      if (value === null || value === undefined) continue;
      const seen = types.get(key) ?? new Set<string>();
      seen.add(typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string');
      types.set(key, seen);
    }
  }
  return [...types.entries()]
    .map(([name, seen]): AttrKey => ({ name, type: seen.size === 1 ? ([...seen][0] as AttrType) : 'string' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toGraphML(graph: Graph): string {
  const nodeKeys = attributeKeys(graph.nodes);
  const edgeKeys = attributeKeys(graph.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>',
    ...nodeKeys.map(
      (k, i) => `  <key id="n${i}" for="node" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    ...edgeKeys.map(
      (k, i) => `  <key id="e${i}" for="edge" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="dongxi" edgedefault="directed">',
  ];
  const data = (key: string, value: unknown) => `<data key="${key}">${escapeXml(cellText(value))}</data>`;
  for (const node of graph.nodes) {
    const cells = nodeKeys
      .map((k, i) => (node.properties[k.name] == null ? '' : data(`n${i}`, node.properties[k.name])))
      .join('');
    lines.push(
      `    <node id="${escapeXml(node.id)}">${data('labels', node.labels.join(':'))}${cells}</node>`,
    );
  }
  for (const edge of graph.edges) {
    const cells = edgeKeys
      .map((k, i) => (edge.properties[k.name] == null ? '' : data(`e${i}`, edge.properties[k.name])))
      .join('');
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data('type', edge.type)}${cells}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function gexfAttributes(cls: 'node' | 'edge', keys: AttrKey[]): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...keys.map((k, i) => `      <attribute id="${i}" title="${escapeXml(k.name)}" type="${k.type}"/>`),
    '    </attributes>',
  ];
}

function gexfValues(keys: AttrKey[], properties: Record<string, unknown>): string {
  const values = keys
    .map((k, i) =>
      properties[k.name] == null
        ? ''
        : `<attvalue for="${i}" value="${escapeXml(cellText(properties[k.name]))}"/>`,
    )
    .join('');
  return values ? `<attvalues>${values}</attvalues>` : '';
}

export function toGexf(graph: Graph): string {
  const nodeKeys = [{ name: 'labels', type: 'string' as const }, ...attributeKeys(graph.nodes)];
  const edgeKeys = attributeKeys(graph.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <meta><creator>Dongxi</creator><description>East–West science and technology cooperation network</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...gexfAttributes('node', nodeKeys),
    ...gexfAttributes('edge', edgeKeys),
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const label = cellText(node.properties['name'] ?? node.id);
    const props = { ...node.properties, labels: node.labels.join(':') };
    lines.push(
      `      <node id="${escapeXml(node.id)}" label="${escapeXml(label)}">${gexfValues(nodeKeys, props)}</node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${escapeXml(edge.type)}">${gexfValues(edgeKeys, edge.properties)}</edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

export function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvTable(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** nodes.csv: id, labels (`:`-joined), then every property; edges.csv: id, source, target, type, properties. */
export function toCsv(graph: Graph, part: 'nodes' | 'edges'): string {
  if (part === 'nodes') {
    const keys = attributeKeys(graph.nodes).filter((k) => k.name !== 'id');
    return csvTable(
      ['id', 'labels', ...keys.map((k) => k.name)],
      graph.nodes.map((node) => [
        node.id,
        node.labels.join(':'),
        ...keys.map((k) => node.properties[k.name]),
      ]),
    );
  }
  const keys = attributeKeys(graph.edges).filter((k) => !['id', 'source', 'target', 'type'].includes(k.name));
  return csvTable(
    ['id', 'source', 'target', 'type', ...keys.map((k) => k.name)],
    graph.edges.map((edge) => [
      edge.id,
      edge.source,
      edge.target,
      edge.type,
      ...keys.map((k) => edge.properties[k.name]),
    ]),
  );
}
