// Soak benchmark: the real server (server/index.ts in its own process, 127.0.0.1 only) on the seed graph in
// a fresh local Neo4j, under 50 concurrent autocannon clients for 60 s with a mix of search, node, neighbour
// and path requests. Reports errors, p50/p99, throughput, and the server's memory before and after: its V8 heap
// after a forced garbage collection (through its inspector) and its RSS from /proc/<pid>/status. Writes the
// "## soak" section of bench/RESULTS.md (with --uri, the "## soak-1m" section).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { connectDatabase, type Database } from '../server/db/database.ts';
import { startLocalNeo4j } from '../server/db/local-neo4j.ts';
import { applySchema } from '../server/db/schema.ts';
import { loadSeedsIfNeeded } from '../scripts/load/index.ts';
import { writeResultsSection } from './results.ts';
import { heapAfterGc, startApiServer } from './server.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '3108' },
    'neo4j-port': { type: 'string', default: '7708' },
    seeds: { type: 'string', default: 'seeds' },
    /** Leave bench/RESULTS.md alone. */
    'no-write': { type: 'boolean', default: false },
    /** A database already holding a graph (e.g. the 1M-relationship one of bench/api.ts): no seeds loaded. */
    uri: { type: 'string' },
  },
});
const DURATION_S = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const log = (line: string) => console.error(`bench soak: ${line}`);

/** Resident and peak resident memory of a process, in MiB, read from /proc (Linux). */
function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

/** Request paths built from what is actually in the graph: names, ids and region pairs. */
async function requestMix(db: Database): Promise<string[]> {
  const session = db.driver.session({ database: db.database });
  try {
    const entities = await session.run(
      'MATCH (e:Entity) WHERE NOT e:Region OR e.level = "province" RETURN e.id AS id, e.name AS name, ' +
        'coalesce(e.aliases[0], e.name) AS alias, e.pinyin AS pinyin ORDER BY e.id LIMIT 200',
    );
    const rows = entities.records.map((r) => ({
      id: String(r.get('id')),
      name: String(r.get('name')),
      alias: String(r.get('alias')),
      pinyin: String(r.get('pinyin') ?? ''),
    }));
    const provinces = (
      await session.run('MATCH (r:Region {level: "province"}) RETURN r.id AS id ORDER BY r.id LIMIT 40')
    ).records.map((r) => String(r.get('id')));
    const e = encodeURIComponent;
    const mix: string[] = [];
    rows.forEach((row, i) => {
      const term =
        i % 3 === 0 ? row.alias : i % 3 === 1 ? row.pinyin.split(' ')[0]?.slice(0, 6) || row.name : row.name;
      mix.push(`/api/search?q=${e(term)}&limit=10`);
      mix.push(`/api/nodes/${e(row.id)}`);
      mix.push(`/api/nodes/${e(row.id)}/neighbors?limit=50`);
    });
    for (let i = 0; i + 1 < provinces.length; i += 2) {
      mix.push(`/api/paths?from=${e(provinces[i] as string)}&to=${e(provinces[i + 1] as string)}&k=3`);
    }
    for (let i = 0; i + 7 < rows.length; i += 7) {
      mix.push(`/api/paths?from=${e(rows[i]!.id)}&to=${e(rows[i + 7]!.id)}&k=3`);
    }
    return mix;
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const dataDir = args.uri ? null : mkdtempSync(join(tmpdir(), 'dongxi-bench-soak-'));
  const local = dataDir
    ? (log(`starting a local Neo4j on port ${args['neo4j-port']} in ${dataDir}`),
      await startLocalNeo4j({ port: Number(args['neo4j-port']), dataDir, heap: '1g' }))
    : null;
  const uri = local?.uri ?? (args.uri as string);
  const db = connectDatabase({ uri });
  let server: ChildProcess | undefined;
  try {
    await applySchema(db);
    if (local) {
      const loaded = await loadSeedsIfNeeded(db, args.seeds);
      log(
        `seeds loaded: ${loaded ? `${loaded.documents} documents, ${loaded.entities} entities, ${loaded.facts} facts` : 'none'}`,
      );
    }
    const version = local?.version ?? (await db.version());
    const counts = await db.driver.executeQuery('MATCH (n) RETURN count(n) AS n, COUNT { ()-->() } AS r');
    const nodes = Number(counts.records[0]?.get('n'));
    const relationships = Number(counts.records[0]?.get('r'));
    const mix = await requestMix(db);
    log(`graph ${nodes} nodes / ${relationships} relationships; ${mix.length} distinct request paths`);

    const api = await startApiServer(uri, Number(args.port), {}, { inspect: true });
    server = api.process;
    const pid = server.pid as number;
    const inspector = api.inspector as string;
    // Warm-up (JIT, query plans, pools) before the "before" memory reading.
    await autocannon({
      url: `http://127.0.0.1:${args.port}`,
      connections: 10,
      duration: 5,
      requests: [{ path: mix[0] as string }],
    });
    const before = memoryOf(pid);
    const heapBefore = await heapAfterGc(inspector);
    log(
      `server pid ${pid}, RSS before ${before.rssMiB.toFixed(1)} MiB, heap after GC ${heapBefore.toFixed(1)} MiB; ` +
        `${CONNECTIONS} clients for ${DURATION_S} s`,
    );

    let next = 0;
    const statusCounts = new Map<number, number>();
    const result = await autocannon({
      url: `http://127.0.0.1:${args.port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: [
        {
          setupRequest: (req) => ({ ...req, path: mix[next++ % mix.length] as string }),
          onResponse: (status) => statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1),
        },
      ],
    });
    // Let in-flight work and the garbage collector settle, as a leak would show after that too.
    await new Promise((r) => setTimeout(r, 5000));
    const after = memoryOf(pid);
    const heapAfter = await heapAfterGc(inspector);
    const healthAfter = (await fetch(`http://127.0.0.1:${args.port}/api/health`)).status;

    const non2xx = result.non2xx;
    const lines = [
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- soak\` ` +
        `(duration ${DURATION_S} s, ${CONNECTIONS} connections). Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
        `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average at the end ` +
        `${loadavg()
          .map((v) => v.toFixed(2))
          .join(' ')} (the machine is shared with other work).`,
      '',
      (local
        ? `Graph: the seed documents loaded into a fresh local Neo4j ${version} (1 GiB heap): ${nodes} nodes, `
        : `Graph: the database at ${uri} (Neo4j ${version}; the synthetic graph of bench/api.ts): ${nodes} nodes, `) +
        `${relationships} relationships. Server: \`server/index.ts\` in its own process on 127.0.0.1; autocannon in ` +
        `the benchmark process, loopback only. Mix (round-robin over ${mix.length} paths built from the graph): ` +
        'search by name, alias and pinyin prefix; node; neighbours (limit 50); paths between provinces and between entities (k=3).',
      '',
      '| requests | errors (non-2xx) | transport errors / timeouts | req/s | p50 ms | p99 ms | max ms |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      `| ${result.requests.total} | ${non2xx} | ${result.errors} / ${result.timeouts} | ${result.requests.average.toFixed(0)} | ` +
        `${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} |`,
      '',
      `Status codes: ${JSON.stringify(Object.fromEntries(statusCounts))}. Health after the run: ${healthAfter}.`,
      '',
      `Server memory: V8 heap in use after a forced full garbage collection (read through the server's inspector on ` +
        `loopback) ${heapBefore.toFixed(1)} MiB after warm-up → ${heapAfter.toFixed(1)} MiB after the run; RSS from ` +
        `/proc/${'<pid>'}/status ${before.rssMiB.toFixed(1)} → ${after.rssMiB.toFixed(1)} MiB (peak ` +
        `${after.hwmMiB.toFixed(1)} MiB; RSS keeps memory V8 has freed but not returned).`,
    ];
    const body = lines.join('\n');
    console.log(body);
    if (!args['no-write']) {
      writeResultsSection(local ? 'soak' : 'soak-1m', body);
      log('wrote the soak section of bench/RESULTS.md');
    }
  } finally {
    server?.kill('SIGTERM');
    await db.close();
    await local?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
