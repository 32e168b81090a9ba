// API benchmark: a synthetic graph (≥ 100,000 nodes, ≥ 1,000,000 relationships; bench/api-graph.ts), the real
// server (server/index.ts in a child process on 127.0.0.1) under concurrent load from autocannon for search,
// neighbours and paths, and the same service calls run directly through the driver in this process, same
// concurrency, same run → p50/p99, throughput and the API's overhead ratio. A bare node:http server making the same
// calls (bench/http-floor.ts) runs in the same rounds, so the ratio splits into HTTP itself and the application's
// stack. Writes "## api" in RESULTS.md.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NeighborsQuery, PathsQuery } from '../contract/api.ts';
import { connectDatabase, type Database } from '../server/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../server/db/local-neo4j.ts';
import { applySchema } from '../server/db/schema.ts';
import { getNeighbors } from '../server/graph/nodes.ts';
import { findPaths } from '../server/graph/paths.ts';
import { searchEntities } from '../server/graph/search.ts';
import { benchEntity, ensureBenchGraph, prng } from './api-graph.ts';
import { writeResultsSection } from './results.ts';
import { startApiServer } from './server.ts';

// The driver side runs as the server does in production (server/index.ts): without source-mapped stack traces,
// which the driver would build for every query.
process.setSourceMapsEnabled(false);

const { values: args } = parseArgs({
  options: {
    uri: { type: 'string' },
    entities: { type: 'string', default: '100000' },
    facts: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '4' },
    pagecache: { type: 'string', default: '1g' },
    port: { type: 'string', default: '3917' },
    heap: { type: 'string', default: '2g' },
    /** Run only the scenarios named (comma-separated), with --no-write to leave RESULTS.md alone. */
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const log = (line: string) => console.error(`bench api: ${line}`);

interface Scenario {
  name: 'search' | 'neighbours' | 'paths';
  goalP99Ms: number;
  paths: string[];
  direct: (i: number) => Promise<unknown>;
}

function scenarios(db: Database, organizations: number): Scenario[] {
  const random = prng(7);
  const pick = () => benchEntity(Math.floor(random() * organizations));
  const hub = () => benchEntity(Math.floor(organizations * random() ** 3));
  const searchTerms = Array.from({ length: 200 }, (_, i) => {
    const e = pick();
    return i % 3 === 0 ? e.alias : i % 3 === 1 ? e.pinyin.slice(0, 6) : e.name;
  });
  const neighbourIds = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? hub() : pick()).id);
  const pairs = Array.from({ length: 100 }, () => [pick().id, pick().id] as const);
  return [
    {
      name: 'search',
      goalP99Ms: 50,
      paths: searchTerms.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`),
      direct: (i) => searchEntities(db, { q: searchTerms[i % searchTerms.length] as string, limit: 10 }),
    },
    {
      name: 'neighbours',
      goalP99Ms: 50,
      paths: neighbourIds.map((id) => `/api/nodes/${encodeURIComponent(id)}/neighbors`),
      direct: (i) =>
        getNeighbors(db, neighbourIds[i % neighbourIds.length] as string, NeighborsQuery.parse({})),
    },
    {
      name: 'paths',
      goalP99Ms: 300,
      paths: pairs.map(
        ([from, to]) => `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
      direct: (i) => {
        const [from, to] = pairs[i % pairs.length] as readonly [string, string];
        return findPaths(db, PathsQuery.parse({ from, to }), 10_000);
      },
    },
  ];
}

type Side = 'api' | 'floor' | 'direct';

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

async function loadApi(base: string, scenario: Scenario): Promise<Figures> {
  let next = 0;
  // autocannon's own histogram keeps whole milliseconds, too coarse for a 5 ms request; its 'response' event
  // gives each response time as a float, so both sides get percentiles of the same resolution.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              path: scenario.paths[next++ % scenario.paths.length] as string,
            }),
          },
        ],
      },
      (err, done) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Per-figure median over rounds; request and error counts are summed. */
function medianFigures(rounds: Figures[]): Figures {
  return {
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    rps: median(rounds.map((r) => r.rps)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function loadDirect(scenario: Scenario): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        await scenario.direct(next++);
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors,
  };
}

const ms = (value: number) => value.toFixed(1);

async function main(): Promise<void> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = args.uri;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'dongxi-bench-api-'));
    log(`starting a local Neo4j in ${dataDir}`);
    // The launcher reads its page cache size from the environment (default 128m, too small for 1M relationships).
    process.env.NEO4J_LOCAL_PAGECACHE = args.pagecache;
    local = await startLocalNeo4j({ port: 7700 + Math.floor(Math.random() * 90), dataDir, heap: args.heap });
    uri = local.uri;
  }
  const db = connectDatabase({ uri });
  const servers: ChildProcess[] = [];
  try {
    await applySchema(db);
    const size = await ensureBenchGraph(
      db,
      { entities: Number(args.entities), facts: Number(args.facts) },
      log,
    );
    log(`graph: ${size.entities} entities, ${size.relationships} relationships`);
    const regions = Number(
      (await db.driver.executeQuery('RETURN COUNT { (:Region) } AS n')).records[0]?.get('n'),
    );
    const organizations = size.entities - regions;
    // Path searches as concurrent as the driver side, so the overhead ratio compares like with like.
    const port = Number(args.port);
    servers.push((await startApiServer(uri, port, { PATHS_CONCURRENCY: String(CONNECTIONS) })).process);
    servers.push((await startApiServer(uri, port + 1, {}, { entry: 'bench/http-floor.ts' })).process);
    const bases: Record<'api' | 'floor', string> = {
      api: `http://127.0.0.1:${port}`,
      floor: `http://127.0.0.1:${port + 1}`,
    };
    const rows: string[] = [];
    const wanted = args.only?.split(',');
    for (const scenario of scenarios(db, organizations).filter((s) => !wanted || wanted.includes(s.name))) {
      log(`${scenario.name}: warm-up`);
      for (let i = 0; i < 20; i += 1) await scenario.direct(i);
      // Interleaved rounds (the order rotates each round) so every side sees the same background load; medians
      // of the rounds are reported.
      const rounds: Record<Side, Figures[]> = { api: [], floor: [], direct: [] };
      const sides: Side[] = ['api', 'direct', 'floor'];
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const side of [...sides.slice(round % 3), ...sides.slice(0, round % 3)]) {
          log(`${scenario.name}: round ${round + 1}, ${side}`);
          rounds[side].push(
            side === 'direct' ? await loadDirect(scenario) : await loadApi(bases[side], scenario),
          );
        }
      }
      const api = medianFigures(rounds.api);
      const floor = medianFigures(rounds.floor);
      const direct = medianFigures(rounds.direct);
      const ratio = (figures: Figures) =>
        `${(figures.p50 / Math.max(direct.p50, 0.001)).toFixed(2)} / ${(figures.p99 / Math.max(direct.p99, 0.001)).toFixed(2)}`;
      const goal = api.p99 <= scenario.goalP99Ms ? 'met' : 'missed';
      rows.push(
        `| ${scenario.name} | ${ms(api.p50)} | ${ms(api.p99)} | ${api.rps.toFixed(0)} | ${api.errors} | ${ms(direct.p50)} | ${ms(direct.p99)} | ${direct.rps.toFixed(0)} | **${ratio(api)}** | ${ms(floor.p50)} / ${ms(floor.p99)} | ${ratio(floor)} | ≤ ${scenario.goalP99Ms} ms: ${goal} |`,
      );
      log(rows[rows.length - 1] as string);
    }
    const version = local?.version ?? (await db.version());
    if (!args['no-write'])
      writeResultsSection(
        'api',
        `
Run: \`npm run bench -- api\` (options: \`--uri bolt://…\` to use a running Neo4j, \`--duration\`, \`--connections\`).
Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM,
Node ${process.version}, Neo4j ${version} (${local ? `embedded launcher, heap ${args.heap}, page cache ${args.pagecache}` : `at ${args.uri}`});\nload average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} (the machine is shared with other work).

Graph: ${size.entities.toLocaleString('en')} entity nodes (real region hierarchy + synthetic organizations), ${size.relationships.toLocaleString('en')} relationships
(LOCATED_IN + facts, skewed degrees)${size.generatedSeconds ? `, generated in ${size.generatedSeconds.toFixed(0)} s` : ' (reused)'}.
Load: ${CONNECTIONS} concurrent connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s per side and scenario (medians of the rounds); API = autocannon against the server process
(server/index.ts on 127.0.0.1, LOG_LEVEL=warn: no access log line per request); driver = the same service calls (same Cypher, same driver) with ${CONNECTIONS} concurrent workers
in the benchmark process; floor = autocannon against bench/http-floor.ts, a bare node:http server making the same service calls
with no Express, middleware, headers, log or ETag (what any Node HTTP server costs here). Latencies are each response's own time
(sub-millisecond), on every side. Inputs rotate over 200 search terms (alias, pinyin prefix, full name), 200 node ids (¼ hubs), 100 random pairs.

| scenario | API p50 ms | API p99 ms | API req/s | API errors | driver p50 ms | driver p99 ms | driver req/s | API overhead p50 / p99 | floor p50 / p99 ms | floor overhead p50 / p99 | goal (API p99) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Overhead goal: ratio ≤ 1.3.
`,
      );
    if (!args['no-write']) log('wrote the api section of bench/RESULTS.md');
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await db.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
