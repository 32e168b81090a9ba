// `npm start`: everything a fresh clone needs, then the server. Builds the client bundle when it is missing
// or stale, opens the database (the local launcher when NEO4J_URI is unset), applies the schema, loads the
// seed documents when the loader is present, and listens. Stops (and stops Neo4j) if its launcher dies.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { withBuildLock } from '../server/db/launcher-build.ts';
import { applySchema } from '../server/db/schema.ts';
import { serve, useSourceMapsFor } from '../server/index.ts';
import { createLogger, type Logger } from '../server/logger.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLIENT_SOURCES = [
  'client/index.html',
  'client/src',
  'client/public',
  'client/vite.config.ts',
  'contract',
];
const CLIENT_OUT = join(ROOT, 'dist', 'client', 'index.html');
const CLIENT_LOCK = join(ROOT, 'dist', '.client-build-lock');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

async function buildClientIfNeeded(logger: Logger): Promise<void> {
  if (!existsSync(join(ROOT, 'client', 'index.html'))) {
    logger.info('client/index.html does not exist yet: skipping the client build');
    return;
  }
  const fresh = () => {
    const sources = Math.max(...CLIENT_SOURCES.map((p) => newestMtime(join(ROOT, p))));
    return existsSync(CLIENT_OUT) && statSync(CLIENT_OUT).mtimeMs >= sources;
  };
  if (fresh()) return;
  try {
    // Two instances starting together must not empty dist/client under each other.
    await withBuildLock(CLIENT_LOCK, async () => {
      if (fresh()) return;
      logger.info('building the client bundle (vite build client)');
      await run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'client']);
    });
  } catch (err) {
    // The API still works without the bundle; the page says how to build it.
    logger.error({ err }, 'client build failed; serving the API only');
  }
}

async function loadSeeds(db: Database, seedsDir: string, logger: Logger): Promise<void> {
  // A variable keeps the type checker from requiring the module, which another area provides.
  const loaderPath = './load/index.ts';
  let loader: { loadSeedsIfNeeded?: (db: Database, seedsDir: string, logger: Logger) => Promise<unknown> };
  try {
    loader = (await import(loaderPath)) as typeof loader;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    logger.info('loader not available yet: skipping the seed documents');
    return;
  }
  if (typeof loader.loadSeedsIfNeeded !== 'function') {
    logger.info('loader not available yet (no loadSeedsIfNeeded): skipping the seed documents');
    return;
  }
  try {
    await loader.loadSeedsIfNeeded(db, resolve(ROOT, seedsDir), logger);
  } catch (err) {
    logger.error({ err }, 'loading the seed documents failed; serving what the database holds');
  }
}

/** State letter of a process from /proc (Linux); undefined when it does not exist. */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * The processes that launched us (`npm start` → sh → tsx → node): if one of them is killed, even by SIGKILL,
 * nobody else would stop this server and its Neo4j. Walks up while the command is npm, npx, sh, tsx or node.
 */
function launcherChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 6) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      break;
    }
    if (!/^(\S*\/)?(npm|npx|sh|dash|tsx|node)( |$)/.test(cmd)) break;
    chain.push(pid);
    pid = parentOf(pid) ?? 0;
  }
  return chain;
}

function stopWhenLauncherDies(onGone: () => void): void {
  const chain = launcherChain();
  const firstParent = process.ppid;
  const timer = setInterval(() => {
    const gone =
      process.ppid !== firstParent || chain.some((pid) => [undefined, 'Z', 'X'].includes(processState(pid)));
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, 1000);
  timer.unref();
}

async function main(): Promise<void> {
  const config = loadConfig();
  useSourceMapsFor(config.logLevel);
  const logger = createLogger(config.logLevel);
  await buildClientIfNeeded(logger);
  logger.info(
    config.neo4jUri ? 'connecting to Neo4j' : `starting the local Neo4j on port ${config.localPort}`,
  );
  const db = await openDatabase(config, { onLog: (line) => logger.debug({ neo4j: line }, 'neo4j-local') });
  const version = await db.version();
  logger.info({ uri: db.uri, version, local: db.local }, 'database ready');
  await applySchema(db);
  await loadSeeds(db, config.seedsDir, logger);
  const serving = await serve({ db, config, logger });
  stopWhenLauncherDies(() => {
    logger.warn('the process that started us is gone: shutting down');
    void serving.close().finally(() => process.exit(0));
  });
  console.log(`Dongxi is running at ${serving.url}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exit(1);
});
