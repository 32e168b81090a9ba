// The path finder's fast search (bidirectional allShortestPaths, rules checked in TypeScript) must agree
// with the complete SHORTEST search that applies the rules in Cypher: on every pair of entities of the
// loaded seed and extraction fixtures, a path the fast search accepts is as short as the complete search's.
import type { Path } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathsQuery } from '../../contract/api.ts';
import { HIERARCHY_RELATIONS } from '../../contract/vocabulary.ts';
import { fastPathsCypher, findPaths, followsRules, pathsCypher } from '../../server/graph/paths.ts';
import { readQuery } from '../../server/graph/run.ts';
import { loadPaths } from '../../scripts/load/index.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
let pairs: Array<[string, string]>;

beforeAll(async () => {
  db = await useTestDatabase();
  const summary = await loadPaths(db, ['seeds/000_c33f146bbfe86eac.txt', 'tests/fixtures/extract']);
  expect(summary.failed).toEqual([]);
  // Entities with a region property are endpoints with members: findPaths skips the fast search for them.
  const records = await readQuery(
    db,
    `MATCH (n:Entity) WHERE NOT n:Region AND COUNT { (n)--(:Entity) } > 0
     RETURN n.id AS id ORDER BY id`,
  );
  const ids = records.map((r) => r.get('id') as string);
  pairs = [];
  // A deterministic spread of pairs over the whole graph.
  for (let i = 0; i < ids.length; i += 3)
    for (let j = i + 7; j < ids.length; j += 11) pairs.push([ids[i]!, ids[j]!]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe('the fast path search', () => {
  it('finds shortest paths of the same length as the complete search, on every pair', async () => {
    expect(pairs.length).toBeGreaterThan(100);
    const complete = pathsCypher(1, 6, undefined, true);
    let compared = 0;
    let fastAnswered = 0;
    for (const [from, to] of pairs) {
      const [reference] = await readQuery(db, complete, {
        starts: [from],
        ends: [to],
        exclude: [],
        hierarchy: [...HIERARCHY_RELATIONS],
      });
      const fast = (await readQuery(db, fastPathsCypher(6, undefined), { from, to, exclude: [] }))
        .map((r) => r.get('p') as Path)
        .filter(followsRules);
      if (fast.length > 0) fastAnswered++;
      const found = await findPaths(db, PathsQuery.parse({ from, to, k: 1 }), 10_000);
      const expected = reference ? (reference.get('p') as Path).length : undefined;
      if (fast.length > 0) {
        // A valid path from the fast search is as short as the complete search's, and findPaths returns it.
        expect(fast[0]!.length, `${from} → ${to} (fast)`).toBe(expected);
        expect(found.paths[0]?.length, `${from} → ${to}`).toBe(expected);
      } else if (found.paths[0]) {
        // Otherwise findPaths used the complete search; it drops walks that revisit a node, so its first
        // path can only be as long or longer than the complete search's first (possibly a walk).
        expect(expected, `${from} → ${to}`).toBeDefined();
        expect(found.paths[0].length).toBeGreaterThanOrEqual(expected!);
      }
      compared++;
    }
    expect(compared).toBe(pairs.length);
    // The comparison means something only if the fast search answered many pairs itself.
    expect(fastAnswered).toBeGreaterThan(50);
  }, 300_000);

  it('refuses the shared-container and hierarchy-only shapes the complete search refuses', async () => {
    const rejected = await readQuery(
      db,
      `MATCH (a:Entity)-[:LOCATED_IN]->(r:Region)<-[:LOCATED_IN]-(b:Entity)
       WHERE NOT a:Region AND NOT b:Region AND a.id < b.id
       MATCH p = (a)-[:LOCATED_IN]->(r)<-[:LOCATED_IN]-(b)
       RETURN p LIMIT 5`,
    );
    expect(rejected.length).toBeGreaterThan(0);
    for (const record of rejected) expect(followsRules(record.get('p') as Path)).toBe(false);
    const hierarchyOnly = await readQuery(
      db,
      `MATCH p = (a:Region)-[:PART_OF]->(:Region)<-[:PART_OF]-(b:Region) RETURN p LIMIT 3`,
    );
    expect(hierarchyOnly.length).toBeGreaterThan(0);
    for (const record of hierarchyOnly) expect(followsRules(record.get('p') as Path)).toBe(false);
  });
});
