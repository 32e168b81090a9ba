// The README's example Cypher runs as written on the seed graph, in a READ transaction like the console,
// and its first example answers "who links Ningxia to Hangzhou" through the company the seed names.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths } from '../../scripts/load/index.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const EXAMPLES = [...README.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!);
let db: TestDatabase;

async function readRows(query: string): Promise<Record<string, unknown>[]> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(query));
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = await useTestDatabase();
  const summary = await loadPaths(db, ['seeds/000_c33f146bbfe86eac.txt']);
  expect(summary.failed).toEqual([]);
});
afterAll(async () => {
  await db?.close();
});

describe('README example Cypher', () => {
  it('has examples to run', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
  });

  it.each(EXAMPLES.map((q, i) => [i + 1, q] as const))(
    'example %i runs read-only and returns rows',
    async (_i, q) => {
      expect((await readRows(q)).length).toBeGreaterThan(0);
    },
  );

  it('the first example links Ningxia to Hangzhou through the company, with evidence on every hop', async () => {
    const rows = await readRows(EXAMPLES[0]!);
    const names = rows.map((r) => r['names'] as string[]);
    expect(names.some((n) => n.includes('宁夏隆基宁光仪表股份有限公司'))).toBe(true);
    for (const row of rows)
      for (const e of row['evidence'] as unknown[]) expect(String(e ?? '')).not.toBe('');
  });
});
