// The read-only console under attack: queries built to exhaust the server (cartesian products over range(),
// unbounded variable-length paths, huge range(), huge lists and strings, apoc calls) each end with a timeout,
// a memory/limit error, a row cap or a refusal within the configured bounds (CYPHER_TIMEOUT_MS=2000), while
// /api/health and /api/search keep answering promptly. Runs on its own local Neo4j, so an attack that took
// the database down would fail here and not take the shared test database with it.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../contract/api.ts';
import { connectDatabase, type Database } from '../../server/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.ts';
import { applySchema } from '../../server/db/schema.ts';
import { apiApp, graphCounts, loadApiFixture } from '../fixtures/api/setup.ts';
import { freePort, listenLocal } from '../helpers/net.ts';

const TIMEOUT_MS = 2000;
/** A refused or stopped attack must answer within the timeout plus this (planning, retries, slow machine). */
const SLACK_MS = 4000;
/** Health and search while an attack runs (2 shared cores: the attack's query takes one of them). */
const PROMPT_MS = 2500;

type Outcome = 'TIMEOUT' | 'LIMIT' | 'READ_ONLY' | 'QUERY_ERROR' | 'TRUNCATED';

/** [name, query, accepted outcomes]. LIMIT is the database's memory guard (reported as QUERY_ERROR). */
const ATTACKS: Array<[string, string, Outcome[]]> = [
  [
    'cartesian product over range()',
    'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n',
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'cartesian product of all nodes, 7 ways',
    "MATCH (a), (b), (c), (d), (e), (f), (g) WHERE a.id + b.id + c.id + d.id + e.id + f.id + g.id = 'x' RETURN count(*) AS n",
    ['TIMEOUT', 'LIMIT'],
  ],
  ['unbounded variable-length paths', 'MATCH p = ()-[*]-() RETURN p', ['TIMEOUT', 'LIMIT', 'TRUNCATED']],
  ['counting every unbounded path', 'MATCH p = ()-[*]-() RETURN count(p) AS n', ['TIMEOUT', 'LIMIT']],
  ['huge range() counted', 'UNWIND range(1, 10000000000) AS i RETURN count(i) AS n', ['TIMEOUT', 'LIMIT']],
  [
    'range(1, 1e10) with a float bound',
    'RETURN size(range(1, 1e10)) AS n',
    ['TIMEOUT', 'LIMIT', 'QUERY_ERROR'],
  ],
  [
    'one huge list built in a single expression (not counted by the memory limit)',
    'WITH [x IN range(1, 500000000) | [x, x, x]] AS l RETURN size(l) AS n',
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'string doubled 64 times',
    "RETURN size(reduce(s = 'x', i IN range(1, 64) | s + s)) AS n",
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'huge collect()',
    'UNWIND range(1, 1000000000) AS i WITH collect(i) AS l RETURN size(l) AS n',
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'string building per row',
    "UNWIND range(1, 100000000) AS i WITH i, reduce(s = '', j IN range(1, 100) | s + '东西') AS s RETURN count(s) AS n",
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'collected nodes unwound 7 ways',
    'MATCH (n) WITH collect(n) AS ns UNWIND ns AS a UNWIND ns AS b UNWIND ns AS c UNWIND ns AS d UNWIND ns AS e UNWIND ns AS f UNWIND ns AS g RETURN count(*) AS n',
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'all shortest paths between all pairs, repeated',
    'MATCH (a), (b) WHERE a <> b UNWIND range(1, 100000) AS i MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p) AS n',
    ['TIMEOUT', 'LIMIT'],
  ],
  [
    'apoc procedure',
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    ['READ_ONLY'],
  ],
  ['apoc function', 'RETURN apoc.coll.sum(range(1, 100000000)) AS n', ['READ_ONLY']],
  ['apoc cypher runner', "CALL apoc.cypher.run('MATCH p = ()-[*]-() RETURN p', {})", ['READ_ONLY']],
];

let dataDir: string;
let local: LocalNeo4j;
let db: Database;
let server: Server;
let base: string;

async function timed(path: string, body?: unknown): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, body: (await res.json()) as unknown, ms: Date.now() - started };
}

function outcomeOf(status: number, body: unknown): Outcome | string {
  if (status === 200) return (body as { truncated?: boolean }).truncated ? 'TRUNCATED' : 'COMPLETED';
  const { error } = ErrorResponse.parse(body);
  const neo4jCode = (error.details as { neo4jCode?: string } | null)?.neo4jCode ?? '';
  if (error.code === 'QUERY_ERROR' && /MemoryPoolOutOfMemory|OutOfMemory/.test(neo4jCode)) return 'LIMIT';
  return error.code;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dongxi-attack-'));
  local = await startLocalNeo4j({ port: await freePort(), dataDir, heap: '512m' });
  db = connectDatabase({ uri: local.uri });
  await applySchema(db);
  await loadApiFixture(db);
  ({ server, base } = await listenLocal(apiApp(db, { CYPHER_TIMEOUT_MS: String(TIMEOUT_MS) })));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await db?.close();
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`console attacks end within CYPHER_TIMEOUT_MS=${TIMEOUT_MS} (+${SLACK_MS} ms) and the server stays responsive`, () => {
  const tally = new Map<string, number>();
  afterAll(() => console.info(`console attacks: ${JSON.stringify(Object.fromEntries(tally))}`));

  it.each(ATTACKS)('%s', async (_name, query, accepted) => {
    const before = await graphCounts(db);
    const attack = timed('/api/cypher', { query });
    // While the attack runs, other users are served.
    await new Promise((r) => setTimeout(r, 300));
    const health = await timed('/api/health');
    const search = await timed('/api/search?q=ningxia');
    const result = await attack;
    const outcome = outcomeOf(result.status, result.body);
    tally.set(outcome, (tally.get(outcome) ?? 0) + 1);

    expect(accepted, `${outcome}: ${JSON.stringify(result.body).slice(0, 300)}`).toContain(outcome);
    expect(result.status).not.toBe(500);
    expect(result.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(health.status).toBe(200);
    expect(search.status).toBe(200);
    expect(health.ms).toBeLessThan(PROMPT_MS);
    expect(search.ms).toBeLessThan(PROMPT_MS);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('after all attacks the database and the console work normally', async () => {
    const res = await timed('/api/cypher', { query: 'MATCH (n:Entity) RETURN count(n) AS n' });
    expect(res.status).toBe(200);
    expect((await timed('/api/health')).status).toBe(200);
  });
});
