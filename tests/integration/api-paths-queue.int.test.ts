// Path searches run a few at a time (PATHS_CONCURRENCY); a burst beyond the queue is turned away at once
// with 429 RATE_LIMITED, the others are all answered. Real Neo4j with the API fixture graph.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse, PathsResponse } from '../../contract/api.ts';
import { apiApp, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { listenLocal } from '../helpers/net.ts';

let db: TestDatabase;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await useTestDatabase();
  await loadApiFixture(db);
  ({ server, base } = await listenLocal(apiApp(db, { PATHS_CONCURRENCY: '1' })));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await db?.close();
});

describe('GET /api/paths under a burst', () => {
  it('answers up to the queue and turns the rest away with RATE_LIMITED', async () => {
    const url = `${base}/api/paths?from=${encodeURIComponent('宁夏')}&to=${encodeURIComponent('杭州')}`;
    const responses = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const res = await fetch(url);
        return { status: res.status, body: (await res.json()) as unknown };
      }),
    );
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(ok.length + refused.length).toBe(responses.length);
    // One running and at most 16 waiting (PATHS_QUEUE_PER_SLOT) when the burst arrives.
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.length).toBeLessThan(responses.length);
    for (const r of ok) expect(PathsResponse.parse(r.body).paths.length).toBeGreaterThan(0);
    for (const r of refused) expect(ErrorResponse.parse(r.body).error.code).toBe('RATE_LIMITED');
    // Once the burst is over, a search runs again.
    const after = await fetch(url);
    expect(after.status).toBe(200);
  });
});
