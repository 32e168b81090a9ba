// Killing (SIGKILL) the Node process that started the local launcher leaves no Java process behind, and
// a new launcher on the same data directory starts: the store lock is not held by an orphan.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.ts';
import { freePort } from '../helpers/net.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dongxi-launcher-test-'));
const authDataDir = mkdtempSync(join(tmpdir(), 'dongxi-launcher-auth-test-'));
let second: LocalNeo4j | undefined;

afterAll(async () => {
  await second?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(authDataDir, { recursive: true, force: true });
});

async function errorCode(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

/** Alive and not a zombie (a reaped-late zombie holds no files and no lock). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

function startChild(port: number): Promise<{ pid: number; javaPid: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/helpers/launcher-child.ts', String(port), dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line)
        resolvePromise({ pid: child.pid!, javaPid: (JSON.parse(line) as { javaPid: number }).javaPid });
    });
    child.on('exit', (code) => reject(new Error(`launcher child exited early with ${code}`)));
  });
}

describe('local launcher', () => {
  it('dies with its parent on SIGKILL, and the next start on the same data dir works', async () => {
    const port = await freePort();
    const { pid, javaPid } = await startChild(port);
    expect(isRunning(javaPid)).toBe(true);

    process.kill(pid, 'SIGKILL');
    expect(await waitUntil(() => !isRunning(javaPid), 15_000)).toBe(true);

    second = await startLocalNeo4j({ port, dataDir, heap: '512m' });
    const driver = neo4j.driver(second.uri);
    try {
      const result = await driver.executeQuery('RETURN 42 AS answer');
      expect(result.records[0]!.get('answer').toNumber()).toBe(42);
    } finally {
      await driver.close();
    }
  }, 240_000);

  it('openDatabase starts it from the config with a password, and close() stops it', async () => {
    const port = await freePort();
    const config = loadConfig({
      NEO4J_LOCAL_PORT: String(port),
      NEO4J_LOCAL_DATA: authDataDir,
      NEO4J_LOCAL_PASSWORD: 'test-pass-1',
      NEO4J_LOCAL_HEAP: '512m',
    });
    const db = await openDatabase(config);
    try {
      expect(db.local).toBe(true);
      expect(db.uri).toBe(`bolt://127.0.0.1:${port}`);
      expect(await db.version()).toMatch(/^5\.26\.\d+$/);
      const wrong = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'wrong-pass'));
      expect(await errorCode(() => wrong.executeQuery('RETURN 1'))).toBe(
        'Neo.ClientError.Security.Unauthorized',
      );
      await wrong.close();
    } finally {
      await db.close();
    }
    const after = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'test-pass-1'), { connectionTimeout: 2000 });
    expect(await errorCode(() => after.verifyConnectivity())).toBe('ServiceUnavailable');
    await after.close();
  }, 240_000);
});
