// Pure serializers of a (sub)graph in the wire format to GraphML, JSON and CSV, for the export buttons.
import type { Graph } from '../../../contract/graph.ts';

export function xmlEscape(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function attrType(values: unknown[]): 'string' | 'double' | 'boolean' {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'number')) return 'double';
  if (present.length && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/** GraphML with one <key> per property (typed double/boolean when every value is), lists as JSON text. */
export function toGraphml(g: Graph): string {
  const nodeKeys = new Map<string, unknown[]>([['labels', []]]);
  const edgeKeys = new Map<string, unknown[]>([['type', []]]);
  for (const n of g.nodes)
    for (const [k, v] of Object.entries(n.properties))
      (nodeKeys.get(k) ?? nodeKeys.set(k, []).get(k)!).push(v);
  for (const e of g.edges)
    for (const [k, v] of Object.entries(e.properties))
      (edgeKeys.get(k) ?? edgeKeys.set(k, []).get(k)!).push(v);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [k, vs] of nodeKeys)
    lines.push(
      `  <key id="n_${xmlEscape(k)}" for="node" attr.name="${xmlEscape(k)}" attr.type="${attrType(vs)}"/>`,
    );
  for (const [k, vs] of edgeKeys)
    lines.push(
      `  <key id="e_${xmlEscape(k)}" for="edge" attr.name="${xmlEscape(k)}" attr.type="${attrType(vs)}"/>`,
    );
  lines.push('  <graph id="dongxi" edgedefault="directed">');
  for (const n of g.nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`);
    lines.push(`      <data key="n_labels">${xmlEscape(n.labels.join(':'))}</data>`);
    for (const [k, v] of Object.entries(n.properties))
      lines.push(`      <data key="n_${xmlEscape(k)}">${xmlEscape(value(v))}</data>`);
    lines.push('    </node>');
  }
  for (const e of g.edges) {
    lines.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
    );
    lines.push(`      <data key="e_type">${xmlEscape(e.type)}</data>`);
    for (const [k, v] of Object.entries(e.properties))
      lines.push(`      <data key="e_${xmlEscape(k)}">${xmlEscape(value(v))}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function csvCell(v: unknown): string {
  const s = value(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(
  fixed: string[],
  rows: Array<{ fixed: unknown[]; properties: Record<string, unknown> }>,
): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.properties)))]
    .filter((k) => !fixed.includes(k))
    .sort();
  const out = [[...fixed, ...keys].map(csvCell).join(',')];
  for (const r of rows) out.push([...r.fixed, ...keys.map((k) => r.properties[k])].map(csvCell).join(','));
  return out.join('\r\n') + '\r\n';
}

export function toCsv(g: Graph): { nodes: string; edges: string } {
  return {
    nodes: table(
      ['id', 'labels'],
      g.nodes.map((n) => ({ fixed: [n.id, n.labels.join(';')], properties: n.properties })),
    ),
    edges: table(
      ['id', 'source', 'target', 'type'],
      g.edges.map((e) => ({ fixed: [e.id, e.source, e.target, e.type], properties: e.properties })),
    ),
  };
}

export function toJson(g: Graph): string {
  return JSON.stringify(g, null, 2);
}
