// Two loaders writing the same 40 documents at once on the real database: deadlocks between them are
// retried (no document fails), and the result is exactly the graph of a single load.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphContentHash, loadFiles } from '../../scripts/load/index.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/extract');
const CURATION = join(ROOT, 'seeds/curation.yaml');
let db: TestDatabase;
let tmp: string;

beforeAll(async () => {
  db = await useTestDatabase();
  tmp = mkdtempSync(join(tmpdir(), 'dongxi-reliability-concurrent-'));
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** 40 documents with distinct ids: the seed and the extraction fixtures, copied under new names. */
function corpus(): string[] {
  const sources = [
    join(ROOT, 'seeds/000_c33f146bbfe86eac.txt'),
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(FIXTURES, f)),
  ];
  mkdirSync(join(tmp, 'corpus'));
  return Array.from({ length: 40 }, (_, i) => {
    const file = join(tmp, 'corpus', `doc-${String(i).padStart(2, '0')}.txt`);
    copyFileSync(sources[i % sources.length]!, file);
    return file;
  });
}

describe('two loaders at once', () => {
  it('on the same documents: none fails (deadlocks are retried) and the graph equals a single load', async () => {
    const files = corpus();
    await loadFiles(db, files, { curationPath: CURATION });
    const reference = await graphContentHash(db);
    await db.clean();
    const [a, b] = await Promise.all([
      loadFiles(db, files, { curationPath: CURATION }),
      loadFiles(db, [...files].reverse(), { curationPath: CURATION }),
    ]);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    const [row] = (
      await db.driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n', {}, { database: db.database })
    ).records;
    expect(Number(row!.get('n'))).toBe(40);
    // Each document's transaction locks its Document node first, so the second writer of a document
    // replaces the first one's version instead of adding its provenance again: no repair load is needed.
    expect(await graphContentHash(db)).toBe(reference);
  }, 150_000);
});
