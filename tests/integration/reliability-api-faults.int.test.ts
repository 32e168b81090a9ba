// Database faults under load: a separate local Neo4j is stopped while requests keep arriving, then started
// again on the same port and data dir. In between every answer is a quick 503 DB_UNAVAILABLE in the error
// format (no hang, no crash, no stack trace); afterwards the same app recovers by itself within seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.ts';
import { applySchema } from '../../server/db/schema.ts';
import { apiApp, loadApiFixture } from '../fixtures/api/setup.ts';
import { freePort, listenLocal } from '../helpers/net.ts';

/** While the database is down, each request must answer within this. */
const DOWN_ANSWER_WITHIN_MS = 5000;
/** Any error answer, also while the database is starting again (connection timeout plus one retry). */
const ANSWER_WITHIN_MS = 8000;
/** The first answers from a freshly started (cold) database may take longer; they must still come. */
const COLD_ANSWER_WITHIN_MS = 15_000;
/** After the database is back, the app must answer 200 again within this. */
const RECOVER_WITHIN_MS = 15_000;
const CYCLES = 2;

const PATHS = [
  '/api/health',
  '/api/search?q=%E5%AE%81%E5%A4%8F',
  `/api/nodes/${encodeURIComponent('university:浙江大学')}`,
  `/api/nodes/${encodeURIComponent('region:640000')}/neighbors`,
];

interface Sample {
  phase: 'down' | 'other';
  path: string;
  status: number;
  code: string | undefined;
  ms: number;
  body: string;
}

let dataDir: string;
let port: number;
let local: LocalNeo4j | undefined;
let db: Database;
let server: Server;
let base: string;

async function hit(path: string, phase: Sample['phase']): Promise<Sample> {
  const started = Date.now();
  try {
    const res = await fetch(base + path, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS * 3) });
    const body = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { phase, path, status: res.status, code, ms: Date.now() - started, body };
  } catch (err) {
    return { phase, path, status: 0, code: String(err), ms: Date.now() - started, body: '' };
  }
}

/** Fires requests over all paths, a few at a time, until stop() is called. */
function loop(phase: () => Sample['phase']) {
  const samples: Sample[] = [];
  let running = true;
  const workers = [0, 1, 2, 3].map(async (offset) => {
    for (let i = offset; running; i += 4) {
      // The phase is taken when the request is sent, not when it answers.
      samples.push(await hit(PATHS[i % PATHS.length] as string, phase()));
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

const slowest = (samples: Sample[]) => Math.max(0, ...samples.map((s) => s.ms));

async function waitForRecovery(): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < RECOVER_WITHIN_MS) {
    const [health, search] = await Promise.all([
      hit(PATHS[0] as string, 'other'),
      hit(PATHS[1] as string, 'other'),
    ]);
    if (health.status === 200 && search.status === 200) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Number.POSITIVE_INFINITY;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dongxi-faults-'));
  port = await freePort();
  local = await startLocalNeo4j({ port, dataDir, heap: '384m' });
  db = connectDatabase({ uri: local.uri });
  await applySchema(db);
  await loadApiFixture(db);
  ({ server, base } = await listenLocal(apiApp(db)));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await db?.close();
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('database stopped and started under requests', () => {
  it(`answers 503 DB_UNAVAILABLE quickly while down and recovers by itself (${CYCLES} cycles)`, async () => {
    for (const path of PATHS) expect((await hit(path, 'other')).status, path).toBe(200);

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let phase: Sample['phase'] = 'other';
      const traffic = loop(() => phase);
      await new Promise((r) => setTimeout(r, 300));
      await local!.stop();
      local = undefined;
      phase = 'down';
      // Let requests arrive against the stopped database for a while (pooled connections are now dead).
      await new Promise((r) => setTimeout(r, 4000));
      phase = 'other';
      local = await startLocalNeo4j({ port, dataDir, heap: '384m' });
      const recoveredIn = await waitForRecovery();
      await traffic.stop();

      const down = traffic.samples.filter((s) => s.phase === 'down');
      console.info(
        `fault cycle ${cycle + 1}: ${traffic.samples.length} requests, ${down.length} while down, ` +
          `slowest 503 ${slowest(traffic.samples.filter((s) => s.status !== 200))} ms, ` +
          `slowest 200 ${slowest(traffic.samples.filter((s) => s.status === 200))} ms, recovered in ${recoveredIn} ms`,
      );
      if (process.env.FAULTS_DEBUG)
        for (const s of traffic.samples)
          console.info(s.phase, s.path, s.status, s.code, s.ms, s.body.slice(0, 200));
      expect(down.length).toBeGreaterThanOrEqual(6);
      for (const sample of down) {
        expect(sample.status, `${sample.path} while down`).toBe(503);
        expect(sample.code, sample.path).toBe('DB_UNAVAILABLE');
        expect(sample.ms, `${sample.path} while down`).toBeLessThan(DOWN_ANSWER_WITHIN_MS);
      }
      for (const sample of traffic.samples) {
        expect([200, 503], `${sample.path}: ${sample.code}`).toContain(sample.status);
        const bound = sample.status === 200 ? COLD_ANSWER_WITHIN_MS : ANSWER_WITHIN_MS;
        expect(sample.ms, `${sample.path} ${sample.status}`).toBeLessThan(bound);
        if (sample.status !== 200) {
          const body = JSON.parse(sample.body) as { error: { code: string; message: string } };
          expect(Object.keys(body)).toEqual(['error']);
          expect(sample.body).not.toMatch(/\n\s+at |\/work\/|node_modules|\.ts:\d+|Neo4jError/);
        }
      }
      expect(recoveredIn).toBeLessThan(RECOVER_WITHIN_MS);
      for (const path of PATHS) expect((await hit(path, 'other')).status, path).toBe(200);
    }
  }, 240_000);
});
