// The HTTP floor for the api benchmark: a bare node:http server that answers the benchmark's three requests
// with the same service calls as the API (same contract parsing, same Cypher, same driver) and JSON.stringify,
// and nothing else: no Express, no middleware, no security headers, no request log, no ETag. The benchmark runs it
// beside the real server, so the API's overhead splits into what any Node HTTP server costs on this machine
// and what the application's stack adds. Not a server to use: it has no error handling beyond a 500.
import { createServer } from 'node:http';
import { NeighborsQuery, PathsQuery, SearchQuery } from '../contract/api.ts';
import { connectDatabase } from '../server/db/database.ts';
import { getNeighbors } from '../server/graph/nodes.ts';
import { findPaths } from '../server/graph/paths.ts';
import { searchEntities } from '../server/graph/search.ts';

process.setSourceMapsEnabled(false);
const db = connectDatabase({ uri: process.env['NEO4J_URI'] ?? 'bolt://127.0.0.1:7687' });
const NEIGHBOURS = /^\/api\/nodes\/([^/]+)\/neighbors$/;

async function answer(url: URL): Promise<unknown> {
  const query = Object.fromEntries(url.searchParams);
  if (url.pathname === '/api/health') return { status: 'ok' };
  if (url.pathname === '/api/search') return searchEntities(db, SearchQuery.parse(query));
  if (url.pathname === '/api/paths') return findPaths(db, PathsQuery.parse(query), 10_000);
  const id = NEIGHBOURS.exec(url.pathname)?.[1];
  if (id) return getNeighbors(db, decodeURIComponent(id), NeighborsQuery.parse(query));
  return undefined;
}

createServer((req, res) => {
  answer(new URL(req.url ?? '/', 'http://floor')).then(
    (body) => {
      const text = JSON.stringify(body ?? { error: 'not found' });
      res.writeHead(body === undefined ? 404 : 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
    () => {
      res.writeHead(500).end();
    },
  );
}).listen(Number(process.env['PORT']), process.env['HOST'] ?? '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => {
    void db.close().finally(() => process.exit(0));
  });
