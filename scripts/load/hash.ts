// A content hash of the whole graph (nodes with labels and properties, relationships with type,
// endpoint ids and properties, all sorted), to prove that two loads gave exactly the same graph.
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';

/** Canonical JSON: keys sorted, Neo4j integers as numbers, so equal content gives equal text. */
export function canonical(value: unknown): string {
  if (neo4j.isInt(value)) return JSON.stringify((value as { toNumber(): number }).toNumber());
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonical(v)).join(',') + '}';
  }
  return JSON.stringify(value ?? null);
}

const NODES = `
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props`;

const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS source, coalesce(b.id, elementId(b)) AS target,
       properties(r) AS props`;

export async function graphContentHash(db: Database): Promise<string> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const lines: string[] = [];
    const nodes = await session.run(NODES);
    for (const r of nodes.records) {
      const labels = [...(r.get('labels') as string[])].sort();
      lines.push('N' + canonical({ labels, props: r.get('props') }));
    }
    const rels = await session.run(RELATIONSHIPS);
    for (const r of rels.records) {
      lines.push(
        'R' +
          canonical({
            type: r.get('type'),
            source: r.get('source'),
            target: r.get('target'),
            props: r.get('props'),
          }),
      );
    }
    lines.sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line + '\n');
    return hash.digest('hex');
  } finally {
    await session.close();
  }
}
