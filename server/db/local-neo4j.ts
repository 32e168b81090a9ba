// Starts the local Neo4j launcher (an embedded Neo4j Community server, see scripts/neo4j-local) as a child
// JVM and waits for its ready line. The child's stdin is a pipe we never close: if this process dies, even
// by SIGKILL, the child reads EOF and shuts down, so no orphan keeps the store lock.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureLauncherBuilt, LAUNCHER_MAIN_CLASS, launcherClassPath } from './launcher-build.ts';

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  password?: string | undefined;
  /** JVM heap, e.g. '1g' (default). */
  heap?: string | undefined;
  readyTimeoutMs?: number;
  /** Receives the launcher's stderr lines and build output (for logging at debug level). */
  onLog?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  stop(): Promise<void>;
}

export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

const READY = /^NEO4J_LOCAL_READY (bolt:\/\/\S+) version=(\S+)/;
const STDERR_TAIL = 20;
const STOP_GRACE_MS = 20_000;

/** Children still running, stopped synchronously when this process exits or is interrupted. */
const running = new Set<ChildProcessWithoutNullStreams>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const child of running) child.kill('SIGTERM');
      // Our listener would otherwise swallow the signal: exit unless someone else handles it.
      if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on(signal, onSignal);
  }
}

function jvmArgs(heap: string): string[] {
  return [
    '-Xms128m',
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    // No -XX:+ExitOnOutOfMemoryError: a console query that builds one huge value (a list comprehension
    // over range(1, 5e8)), which the transaction memory limit does not count, then fails with Neo4j's
    // OutOfMemoryError and the database keeps serving (tests/integration/reliability-api-console-attack),
    // where the flag ended the whole database.
    '-Dfile.encoding=UTF-8',
    '-cp',
    launcherClassPath(),
    LAUNCHER_MAIN_CLASS,
  ];
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const onLog = options.onLog ?? (() => {});
  await ensureLauncherBuilt(onLog);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_LOCAL_DATA: dataDir };
  delete env.NEO4J_LOCAL_PASSWORD;
  if (options.password) env.NEO4J_LOCAL_PASSWORD = options.password;
  const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const args = [...jvmArgs(options.heap ?? '1g'), String(options.port), '--exit-on-stdin-eof'];
  const child = spawn(java, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  installExitHooks();
  child.on('exit', () => running.delete(child));
  return waitForReady(child, options, onLog);
}

function waitForReady(
  child: ChildProcessWithoutNullStreams,
  options: LocalNeo4jOptions,
  onLog: (line: string) => void,
): Promise<LocalNeo4j> {
  const stderrTail: string[] = [];
  const describe = (what: string) =>
    `local Neo4j on port ${options.port} (data ${options.dataDir}) ${what}` +
    (stderrTail.length > 0 ? `; launcher said:\n  ${stderrTail.join('\n  ')}` : '');

  return new Promise((resolvePromise, reject) => {
    let settled = false;
    const fail = (message: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(describe(message), { cause }));
    };
    const timer = setTimeout(
      () => fail(`did not become ready within ${Math.round((options.readyTimeoutMs ?? 180_000) / 1000)} s`),
      options.readyTimeoutMs ?? 180_000,
    );
    onLines(child.stderr, (line) => {
      stderrTail.push(line);
      if (stderrTail.length > STDERR_TAIL) stderrTail.shift();
      onLog(line);
    });
    onLines(child.stdout, (line) => {
      const match = READY.exec(line);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise({ uri: match[1]!, version: match[2]!, pid: child.pid!, stop: () => stopChild(child) });
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'ENOENT'
          ? 'could not start: java not found (install openjdk-17-jdk-headless)'
          : 'failed',
        err,
      ),
    );
    child.on('exit', (code, signal) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
  });
}

function onLines(stream: NodeJS.ReadableStream, handle: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') handle(line.trimEnd());
  });
}

/** SIGTERM (the launcher shuts the database down cleanly), SIGKILL if it takes too long. */
function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      running.delete(child);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}
