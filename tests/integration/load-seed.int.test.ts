// Loading the real seed (seeds/) through the whole pipeline: twice gives the same graph, the start-up hook
// loads only when needed, a bad file fails alone, and Cypher answers "who links Ningxia to Hangzhou".
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphContentHash, loadPaths, loadSeedsIfNeeded } from '../../scripts/load/index.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;
let db: TestDatabase;

async function query(cypher: string, params = {}) {
  const result = await db.driver.executeQuery(cypher, params, { database: db.database });
  return result.records.map((r) => r.toObject());
}

async function counts() {
  const labels = await query(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  );
  const types = await query(
    'MATCH ()-[r]->() RETURN type(r) + CASE WHEN r.hierarchy THEN " (hierarchy)" ELSE "" END AS type, count(*) AS n ORDER BY type',
  );
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, Number(r.n)])),
    types: Object.fromEntries(types.map((r) => [r.type, Number(r.n)])),
  };
}

beforeAll(async () => {
  db = await useTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('loading the seed', () => {
  let first: { hash: string; counts: Awaited<ReturnType<typeof counts>> };

  it('loads every seed document, and a second load gives identical counts and content hash', async () => {
    await db.clean();
    const summary = await loadPaths(db, [SEEDS], { curationPath: join(SEEDS, 'curation.yaml') });
    expect(summary.failed).toEqual([]);
    expect(summary.documents).toBeGreaterThan(0);
    expect(summary.facts).toBeGreaterThan(10);
    first = { hash: await graphContentHash(db), counts: await counts() };
    console.info('seed graph:', JSON.stringify(first.counts), first.hash);
    await loadPaths(db, [SEEDS], { curationPath: join(SEEDS, 'curation.yaml') });
    expect({ hash: await graphContentHash(db), counts: await counts() }).toEqual(first);
  });

  it('answers who links Ningxia to Hangzhou, with evidence on every fact of the path', async () => {
    const paths = await query(
      `MATCH (a:Region {name: '宁夏回族自治区'}), (b:Region {name: '杭州市'})
       MATCH p = shortestPath((a)-[*..8]-(b))
       WHERE all(r IN relationships(p) WHERE type(r) <> 'MENTIONS' AND r.hierarchy = false)
       RETURN [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | r.evidence] AS evidences`,
    );
    expect(paths.length).toBeGreaterThan(0);
    console.info('Ningxia–Hangzhou:', JSON.stringify(paths[0]));
    expect(paths[0]!.names).toContain('宁夏隆基宁光仪表股份有限公司');
    for (const evidence of paths[0]!.evidences as unknown[])
      expect(String(evidence ?? '').length).toBeGreaterThan(0);
  });

  it('loads the seeds at start-up only when the database has none or they changed', async () => {
    await db.clean();
    const loaded = await loadSeedsIfNeeded(db, SEEDS);
    expect(loaded?.documents).toBeGreaterThan(0);
    const seeded = await graphContentHash(db);
    expect(await loadSeedsIfNeeded(db, SEEDS)).toBeNull();
    // A changed seed is loaded again; a seed document that is no longer in the folder is removed,
    // but a document a researcher loaded by hand (no seeds collection) stays.
    await db.driver.executeQuery(
      "MATCH (d:Document) SET d.sha256 = 'changed'",
      {},
      { database: db.database },
    );
    await db.driver.executeQuery(
      "CREATE (:Document {id: 'gone', sha256: 'x', collection: 'seeds'}), (:Document {id: 'mine', sha256: 'y'})",
      {},
      { database: db.database },
    );
    const reloaded = await loadSeedsIfNeeded(db, SEEDS);
    expect(reloaded?.documents).toBe(loaded?.documents);
    expect(reloaded?.removed).toEqual(['gone']);
    const { records } = await db.driver.executeQuery(
      "MATCH (d:Document {id: 'mine'}) DETACH DELETE d RETURN count(*) AS n",
      {},
      { database: db.database },
    );
    expect(records[0]?.get('n').toNumber()).toBe(1);
    expect(await graphContentHash(db)).toBe(seeded);
  });

  it('reports a file that cannot be read and still loads the others', async () => {
    await db.clean();
    const dir = mkdtempSync(join(tmpdir(), 'dongxi-load-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const summary = await loadPaths(db, [SEEDS, dir], { curationPath: join(SEEDS, 'curation.yaml') });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.message).not.toMatch(/\n/);
    expect(summary.documents).toBeGreaterThan(0);
    expect(await graphContentHash(db)).toBe(first.hash);
  });
});
