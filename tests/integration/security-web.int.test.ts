// Web security of the API against the real test Neo4j: security headers (CSP the built UI can live with),
// CORS closed unless CORS_ORIGINS lists the origin, body size limit, rate limit on /api/cypher, the optional
// bearer token (health and the OpenAPI document stay open, by decision) and error bodies without internals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../contract/api.ts';
import { CLIENT_DIR } from '../../server/app.ts';
import { apiApp, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
let app: ReturnType<typeof apiApp>;

beforeAll(async () => {
  db = await useTestDatabase();
  await loadApiFixture(db);
  app = apiApp(db);
});

afterAll(async () => {
  await db.close();
});

/** Signs of a leaked stack trace or server path in a response body. */
const INTERNALS =
  /\n\s+at |\/work\/|\/home\/|node_modules|\.ts:\d+|\.js:\d+|Neo4jError|ZodError|\b(Syntax|Type|Reference)Error:/;

function expectErrorBody(body: unknown, code: string): void {
  const parsed = ErrorResponse.parse(body);
  expect(parsed.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(INTERNALS);
}

function csp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('security headers', () => {
  const paths = ['/api/health', '/api/search?q=ningxia', '/api/nope', '/'];

  it.each(paths)('%s carries CSP, nosniff, frame protection and no X-Powered-By', async (path) => {
    const res = await request(app).get(path);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(res.headers['referrer-policy']).toBeDefined();
  });

  it.skipIf(!existsSync(join(CLIENT_DIR, 'index.html')))(
    'the built UI needs nothing the CSP forbids: no inline scripts or handlers, only same-origin assets',
    async () => {
      const res = await request(app).get('/');
      expect(res.status).toBe(200);
      const html = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, 'script without src is inline').toMatch(/\bsrc="\/[^/]/);
        expect(body?.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      const js = await request(app).get(asset as string);
      expect(js.status).toBe(200);
      expect(js.headers['content-security-policy']).toBeDefined();
    },
  );
});

describe('CORS', () => {
  it('is closed by default: another site gets no Access-Control-Allow-Origin', async () => {
    const res = await request(app).get('/api/search?q=ningxia').set('Origin', 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app)
      .options('/api/cypher')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('opens only for the origins in CORS_ORIGINS', async () => {
    const open = apiApp(db, { CORS_ORIGINS: 'https://lab.example, http://localhost:5173' });
    const allowed = await request(open).get('/api/health').set('Origin', 'https://lab.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://lab.example');
    const preflight = await request(open)
      .options('/api/cypher')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await request(open).get('/api/health').set('Origin', 'https://lab.example.evil');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request limits', () => {
  it('a 2 MB JSON body is refused with 413 PAYLOAD_TOO_LARGE in the error format', async () => {
    const query = `RETURN '${'x'.repeat(2 * 1024 * 1024)}' AS big`;
    for (const path of ['/api/cypher', '/api/queries/anything']) {
      const res = await request(app).post(path).set('Content-Type', 'application/json').send({ query });
      expect(res.status, path).toBe(413);
      expectErrorBody(res.body, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('malformed JSON is a 400 without the parser message or a stack', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .send('{"query": "RETURN 1", ');
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'BAD_REQUEST');
  });

  it('rate-limits /api/cypher with 429 RATE_LIMITED, other routes are not limited', async () => {
    const limited = apiApp(db);
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 130; i++) {
      // An invalid body is refused without touching the database, but still counts against the limit.
      last = await request(limited).post('/api/cypher').send({});
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
    expectErrorBody(last?.body, 'RATE_LIMITED');
    const firstRefused = statuses.indexOf(429);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
    expect((await request(limited).get('/api/search?q=ningxia')).status).toBe(200);
  });
});

describe('optional bearer token (API_TOKEN)', () => {
  const token = 'correct-horse-battery-staple-0123456789';
  let locked: ReturnType<typeof apiApp>;
  beforeAll(() => {
    locked = apiApp(db, { API_TOKEN: token });
  });

  it.each([
    ['no header', undefined],
    ['wrong token', `Bearer ${token}x`],
    ['prefix of the token', `Bearer ${token.slice(0, 10)}`],
    ['basic scheme', `Basic ${Buffer.from(`x:${token}`).toString('base64')}`],
    ['empty bearer', 'Bearer '],
  ])('%s → 401 UNAUTHORIZED', async (_name, header) => {
    for (const path of ['/api/search?q=ningxia', '/api/stats', '/api/export?format=json']) {
      const req = request(locked).get(path);
      const res = await (header ? req.set('Authorization', header) : req);
      expect(res.status, path).toBe(401);
      expectErrorBody(res.body, 'UNAUTHORIZED');
    }
    const cypher = request(locked).post('/api/cypher').send({ query: 'RETURN 1 AS x' });
    expect((await (header ? cypher.set('Authorization', header) : cypher)).status).toBe(401);
  });

  it('the right token → 200', async () => {
    const res = await request(locked).get('/api/search?q=ningxia').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const cypher = await request(locked)
      .post('/api/cypher')
      .set('Authorization', `Bearer ${token}`)
      .send({ query: 'RETURN 1 AS x' });
    expect(cypher.status).toBe(200);
  });

  it('health and the OpenAPI document stay open (monitoring, API discovery); without API_TOKEN all is open', async () => {
    expect((await request(locked).get('/api/health')).status).toBe(200);
    expect((await request(locked).get('/api/openapi.json')).status).toBe(200);
    expect((await request(app).get('/api/search?q=ningxia')).status).toBe(200);
  });
});

describe('error responses carry no internals', () => {
  it.each([
    ['GET', '/api/nodes/nobody:here'],
    ['GET', '/api/paths?from=&to='],
    ['GET', '/api/search?limit=-1'],
    ['GET', '/api/export?format=exe'],
    ['GET', '/api/does/not/exist'],
    ['POST', '/api/queries/../../etc/passwd'],
    ['GET', '/api/documents/%00'],
    ['GET', '/api/relationships/%E0%A4%A'],
  ])('%s %s', async (method, path) => {
    const res = method === 'GET' ? await request(app).get(path) : await request(app).post(path).send({});
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(Object.keys(res.body as object)).toEqual(['error']);
    expect(res.text).not.toMatch(INTERNALS);
  });

  it('a console query error explains the query, not the server', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (n RETURN n' });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'QUERY_ERROR');
  });
});
