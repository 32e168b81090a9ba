// Property-based fuzzing of every API endpoint against the real test Neo4j (fast-check): random and hostile
// values (unicode, Lucene and Cypher syntax, null bytes, huge and negative numbers, repeated keys where one
// value is expected, prototype-pollution keys) only ever produce 2xx or 4xx in the error format, never a 500
// or a crash, and the graph's node and relationship counts are the same at the end.
import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../../contract/api.ts';
import { apiApp, graphCounts, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { listenLocal } from '../helpers/net.ts';

let db: TestDatabase;
let before: { nodes: number; relationships: number };
const servers: Server[] = [];
let cases = 0;
const statuses = new Map<number, number>();

const INTERNALS =
  /\n\s+at |\/work\/|node_modules|\.ts:\d+|\.js:\d+|Neo4jError|ZodError|\b(Syntax|Type)Error:/;

/** A fresh app listening on loopback; the console's rate limit is per app, so the console fuzz rotates apps. */
async function listen(): Promise<string> {
  const { server, base } = await listenLocal(apiApp(db, { CYPHER_TIMEOUT_MS: '3000' }));
  servers.push(server);
  return base;
}

const HOSTILE = [
  '',
  ' ',
  '*',
  '*~"(',
  'a~0.5 OR b^3 AND NOT c',
  '"unterminated',
  '\\',
  '/regex/',
  'name:宁夏 AND type:Region',
  "' }) DETACH DELETE n //",
  '" }) DETACH DELETE n //',
  '`) DETACH DELETE n //`',
  "x' OR 1=1 --",
  '$param',
  '{id: 1}',
  'MATCH (n) DETACH DELETE n',
  'CALL dbms.components()',
  '\u0000',
  'a\u0000b',
  '\uFEFF宁夏',
  '\u202E宁夏',
  '𠮷𠮷𠮷',
  '宁夏'.repeat(500),
  'x'.repeat(4000),
  '../../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '-9223372036854775809',
  '0x10',
  '1.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '<img src=x onerror=alert(1)>',
  'region:640000',
  'company:宁夏隆基宁光仪表股份有限公司',
  'Region,Company',
  'COOPERATION,PART_OF',
  'Region`) DETACH DELETE n //',
];

const numberLike = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.constantFrom('-1', '0', '1', '3', '10', '1000', '1e10', '1e309', 'NaN', '-0', '0.5'),
);

/** Any value a client could put in a query string or path. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: numberLike },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

/** Repeated keys (arrays where one value is expected) and prototype-pollution keys. */
function queryString(keys: readonly string[]) {
  const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[x]', 'k[]', '');
  return fc
    .record({
      params: fc.dictionary(
        fc.constantFrom(...keys),
        fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })),
      ),
      extra: fc.option(fc.tuple(extraKey, value), { nil: undefined }),
    })
    .map(({ params, extra }) => {
      const search = new URLSearchParams();
      for (const [key, v] of Object.entries(params)) for (const one of [v].flat()) search.append(key, one);
      if (extra) search.append(extra[0], extra[1]);
      return search.toString();
    });
}

interface Answer {
  status: number;
  text: string;
}

async function send(base: string, path: string, body?: unknown): Promise<Answer> {
  cases++;
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return { status: res.status, text: await res.text() };
}

function check(answer: Answer, what: string): void {
  expect(answer.status, `${what} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.status, what).toBeGreaterThanOrEqual(200);
  expect(answer.text, what).not.toMatch(INTERNALS);
  // Node's HTTP parser refuses a URL over its 16 KB header limit before Express sees it: empty 431.
  if (answer.status === 431) {
    expect(answer.text).toBe('');
    return;
  }
  if (answer.status >= 300) {
    const parsed = ErrorResponse.safeParse(JSON.parse(answer.text));
    expect(parsed.success, `${what} error format: ${answer.text.slice(0, 300)}`).toBe(true);
    expect(Object.keys(JSON.parse(answer.text) as object)).toEqual(['error']);
  }
}

const seg = (s: string) => encodeURIComponent(s);
const RUNS = 350;

let base: string;

beforeAll(async () => {
  db = await useTestDatabase();
  await loadApiFixture(db);
  before = await graphCounts(db);
  base = await listen();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  console.info(
    `fuzz: ${cases} requests in total, by status: ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  await db?.close();
});

describe('fuzzing every endpoint: only 2xx/4xx in the error format', () => {
  const getters: Array<[string, fc.Arbitrary<string>]> = [
    ['search', queryString(['q', 'types', 'limit']).map((qs) => `/api/search?${qs}`)],
    ['nodes/:id', value.map((id) => `/api/nodes/${seg(id)}`)],
    [
      'nodes/:id/neighbors',
      fc
        .tuple(value, queryString(['relTypes', 'types', 'limit']))
        .map(([id, qs]) => `/api/nodes/${seg(id)}/neighbors?${qs}`),
    ],
    [
      'paths',
      queryString(['from', 'to', 'k', 'maxHops', 'relTypes', 'exclude']).map((qs) => `/api/paths?${qs}`),
    ],
    ['relationships/:id', value.map((id) => `/api/relationships/${seg(id)}`)],
    ['documents/:id', value.map((id) => `/api/documents/${seg(id)}`)],
    ['export', queryString(['format', 'ids']).map((qs) => `/api/export?${qs}`)],
    ['stats', queryString(['limit', 'zone']).map((qs) => `/api/stats?${qs}`)],
    ['queries', queryString(['name']).map((qs) => `/api/queries?${qs}`)],
    ['openapi', queryString(['format']).map((qs) => `/api/openapi.json?${qs}`)],
  ];

  it.each(getters)('GET %s', async (name, paths) => {
    const runs = ['stats', 'queries', 'openapi'].includes(name) ? 60 : RUNS;
    await fc.assert(
      fc.asyncProperty(paths, async (path) => check(await send(base, path), path)),
      { numRuns: runs },
    );
  });

  /** JSON values where the body expects a string or a map: wrong types, nesting, pollution keys. */
  const jsonValue = fc.oneof(
    value,
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(value, { maxLength: 3 }),
    fc.dictionary(fc.oneof(value, fc.constantFrom('__proto__', 'constructor')), value, { maxKeys: 3 }),
    fc.constant('x'.repeat(200_000)),
  );
  const pollutedParams = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 12 }), jsonValue, { maxKeys: 4 }),
    fc.constant('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
    jsonValue,
  );

  it('POST cypher', async () => {
    let console = base;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ query: jsonValue, params: pollutedParams }),
          fc.record({
            query: fc.constantFrom('MATCH (n:Entity) WHERE n.name = $q RETURN n.id LIMIT 3'),
            params: fc.record({ q: jsonValue }),
          }),
          jsonValue,
        ),
        async (body) => {
          // Stay under the console's per-app rate limit so the fuzz reaches the console itself.
          if (++sent % 100 === 0) console = await listen();
          const raw =
            typeof body === 'object' && body !== null && 'params' in body && typeof body.params === 'string'
              ? `{"query": ${JSON.stringify((body as { query: unknown }).query ?? null)}, "params": ${body.params}}`
              : body;
          check(await send(console, '/api/cypher', raw), `cypher ${JSON.stringify(body).slice(0, 200)}`);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('POST queries/:name', async () => {
    const names = fc.oneof(
      fc.constantFrom(
        'brokers',
        'partners-of-organization',
        'investments-above',
        'east-west-pairs',
        'region-cooperation-by-year',
      ),
      value,
    );
    await fc.assert(
      fc.asyncProperty(
        names,
        fc.oneof(fc.record({ params: pollutedParams }), jsonValue),
        async (name, body) => {
          check(
            await send(base, `/api/queries/${seg(name)}`, body),
            `queries/${name} ${JSON.stringify(body).slice(0, 200)}`,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the graph is unchanged, nothing was polluted, and the server still answers', async () => {
    expect(await graphCounts(db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await send(base, '/api/health')).status).toBe(200);
    expect(cases).toBeGreaterThan(3000);
  });
});
