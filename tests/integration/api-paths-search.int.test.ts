// The bidirectional path search (rules applied in TypeScript) must agree with Neo4j's SHORTEST k search that
// applies the same rules in Cypher, on a deterministic spread of pairs over the loaded seed and extraction
// fixtures, regions (with their members and the regions below them) included. SHORTEST may return walks
// that revisit a node, which findPaths never returns, so where its shortest answer is a walk the simple path
// can only be as long or longer.
import type { Path } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathsQuery } from '../../contract/api.ts';
import { HIERARCHY_RELATIONS } from '../../contract/vocabulary.ts';
import { findPaths, pathsCypher } from '../../server/graph/paths.ts';
import { readQuery } from '../../server/graph/run.ts';
import { loadPaths } from '../../scripts/load/index.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
let pairs: Array<[string, string]>;

beforeAll(async () => {
  db = await useTestDatabase();
  const summary = await loadPaths(db, ['seeds/000_c33f146bbfe86eac.txt', 'tests/fixtures/extract']);
  expect(summary.failed).toEqual([]);
  const records = await readQuery(
    db,
    `MATCH (n:Entity) WHERE COUNT { (n)--(:Entity) } > 0 AND (NOT n:Region OR n.level <> 'county')
     RETURN n.id AS id ORDER BY id`,
  );
  const ids = records.map((r) => r.get('id') as string);
  pairs = [];
  for (let i = 0; i < ids.length; i += 3)
    for (let j = i + 7; j < ids.length; j += 11) pairs.push([ids[i]!, ids[j]!]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** Neo4j's SHORTEST 1 with the rules, between single entities (no region members). */
async function reference(from: string, to: string): Promise<Path | undefined> {
  const [record] = await readQuery(db, pathsCypher(1, 6, undefined, true), {
    starts: [from],
    ends: [to],
    exclude: [],
    hierarchy: [...HIERARCHY_RELATIONS],
  });
  return record?.get('p') as Path | undefined;
}

const simple = (path: Path) => {
  const ids = [path.start.elementId, ...path.segments.map((s) => s.end.elementId)];
  return new Set(ids).size === ids.length;
};

describe('the bidirectional path search', () => {
  it('finds a shortest path exactly as long as the SHORTEST search, on every pair', async () => {
    expect(pairs.length).toBeGreaterThan(100);
    let equal = 0;
    let regionPairs = 0;
    for (const [from, to] of pairs) {
      const expected = await reference(from, to);
      const found = await findPaths(db, PathsQuery.parse({ from, to, k: 1 }), 10_000);
      const first = found.paths[0];
      // Region endpoints also reach their members by derived hops: only paths without them compare.
      const direct = first && !first.hops.some((hop) => hop.virtual);
      if (from.startsWith('region:') || to.startsWith('region:')) regionPairs++;
      if (!expected) {
        // No path between the two entities: any answer goes through a region's members.
        expect(direct ?? false, `${from} → ${to}`).toBe(false);
      } else if (simple(expected)) {
        expect(first, `${from} → ${to}`).toBeDefined();
        if (direct) expect(first!.length, `${from} → ${to}`).toBe(expected.length);
        else expect(first!.length, `${from} → ${to}`).toBeLessThanOrEqual(expected.length + 2);
        if (direct) equal++;
      } else if (direct) {
        expect(first!.length, `${from} → ${to}`).toBeGreaterThanOrEqual(expected.length);
      }
    }
    // The comparison means something only if many pairs had paths, regions among them.
    expect(equal).toBeGreaterThan(100);
    expect(regionPairs).toBeGreaterThan(20);
  }, 300_000);

  it('gives the same path lengths when it falls back to the SHORTEST search', async () => {
    let compared = 0;
    for (const [from, to] of pairs.filter((_, i) => i % 5 === 0)) {
      const query = PathsQuery.parse({ from, to, k: 3 });
      const bidirectional = await findPaths(db, query, 10_000);
      const fallback = await findPaths(db, query, 10_000, { maxSteps: 0 });
      const lengths = (r: typeof bidirectional) => r.paths.map((p) => p.length);
      // The fallback may lose paths to walks it cannot return, never find shorter ones.
      const [a, b] = [lengths(bidirectional), lengths(fallback)];
      expect(b.length, `${from} → ${to}`).toBeLessThanOrEqual(a.length);
      b.forEach((length, i) => expect(length, `${from} → ${to}`).toBeGreaterThanOrEqual(a[i]!));
      if (a.length > 0 && a.join() === b.join()) compared++;
    }
    expect(compared).toBeGreaterThan(20);
  }, 300_000);
});
