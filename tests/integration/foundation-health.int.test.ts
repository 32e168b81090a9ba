// GET /api/health against the real test database (200 with a 5.26 version) and against a database object
// pointing at a closed port (503 DB_UNAVAILABLE in the standard error format, answered quickly).
import { createServer } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { connectDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/logger.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const config = loadConfig({});
const logger = createLogger('silent');
let db: TestDatabase;

beforeAll(async () => {
  db = await useTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

function closedPort(): Promise<number> {
  return new Promise((resolvePromise) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePromise(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('GET /api/health', () => {
  it('answers 200 with the Neo4j 5.26 version, edition and a URI without credentials', async () => {
    const res = await request(createApp({ db, config, logger })).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.version).toMatch(/^5\.26\.\d+$/);
    expect(res.body.database.edition).toBe('community');
    expect(res.body.database.uri).toMatch(/^(bolt|neo4j):\/\/[^@]+$/);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 503 DB_UNAVAILABLE within seconds when the database is down', async () => {
    const down = connectDatabase({
      uri: `bolt://127.0.0.1:${await closedPort()}`,
      connectionTimeoutMs: 1000,
    });
    try {
      const started = Date.now();
      const res = await request(createApp({ db: down, config, logger })).get('/api/health');
      expect(Date.now() - started).toBeLessThan(6000);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('DB_UNAVAILABLE');
      expect(typeof res.body.error.message).toBe('string');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    } finally {
      await down.close();
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await request(createApp({ db, config, logger })).get('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
