// Builds the local Neo4j launcher (scripts/neo4j-local, Maven) when its output is missing or older than
// its sources, so `npm start` works on a fresh clone. Used by local-neo4j.ts and `npm run build:neo4j`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHER_DIR = resolve(fileURLToPath(new URL('../../scripts/neo4j-local', import.meta.url)));
export const LAUNCHER_MAIN_CLASS = 'org.dongxi.neo4jlocal.Launcher';

const CLASSES_DIR = join(LAUNCHER_DIR, 'target', 'classes');
const LIB_DIR = join(LAUNCHER_DIR, 'target', 'lib');
const MAIN_CLASS_FILE = join(CLASSES_DIR, ...LAUNCHER_MAIN_CLASS.split('.')) + '.class';

export class LauncherBuildError extends Error {
  override readonly name = 'LauncherBuildError';
}

/** The JVM class path: compiled classes plus every dependency jar (java expands the `*`). */
export function launcherClassPath(): string {
  return [CLASSES_DIR, join(LIB_DIR, '*')].join(delimiter);
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when target/classes or target/lib is missing, or older than pom.xml or any source file. */
export function launcherNeedsBuild(): boolean {
  if (!existsSync(MAIN_CLASS_FILE) || !existsSync(LIB_DIR)) return true;
  if (readdirSync(LIB_DIR).filter((f) => f.endsWith('.jar')).length === 0) return true;
  const sources = Math.max(
    newestMtime(join(LAUNCHER_DIR, 'pom.xml')),
    newestMtime(join(LAUNCHER_DIR, 'src')),
  );
  const built = Math.min(statSync(MAIN_CLASS_FILE).mtimeMs, statSync(LIB_DIR).mtimeMs);
  return built < sources;
}

/** Runs `mvn -q -B package`; rejects with the tail of Maven's output when it fails. */
export function buildLauncher(onLine: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const tail: string[] = [];
    const child = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', 'package'], {
      cwd: LAUNCHER_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      // Maven 3.8 prints colour resets even with -q: drop escape codes and the empty lines they leave.
      for (const raw of chunk.toString('utf8').split('\n')) {
        const line = raw.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
        if (line.trim() === '') continue;
        onLine(line);
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err: NodeJS.ErrnoException) => {
      const hint =
        err.code === 'ENOENT'
          ? ' (Maven is not installed: apt-get install maven openjdk-17-jdk-headless)'
          : '';
      reject(new LauncherBuildError(`neo4j-local build: cannot run mvn${hint}`, { cause: err }));
    });
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new LauncherBuildError(`neo4j-local build: mvn exited with ${code}\n${tail.join('\n')}`));
    });
  });
}

const LOCK_DIR = join(LAUNCHER_DIR, '.build-lock');
const LOCK_WAIT_MS = 15 * 60_000;

/** False when the lock's owner is gone (or never wrote its pid within a minute). */
function lockOwnerAlive(lockDir: string): boolean {
  const pidFile = join(lockDir, 'pid');
  try {
    if (!existsSync(pidFile)) return Date.now() - statSync(lockDir).mtimeMs < 60_000;
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** mkdir is atomic: one process builds, the others (two `npm start`s, two test projects) wait for it. */
export async function withBuildLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a build that was killed: take it over.
      if (!lockOwnerAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new LauncherBuildError(`build lock ${lockDir} is held too long`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    writeFileSync(join(lockDir, 'pid'), String(process.pid));
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds only when needed; returns whether a build ran. */
export async function ensureLauncherBuilt(onLine?: (line: string) => void): Promise<boolean> {
  if (!launcherNeedsBuild()) return false;
  return withBuildLock(LOCK_DIR, async () => {
    // Another process may have finished the build while we waited for the lock.
    if (!launcherNeedsBuild()) return false;
    await buildLauncher(onLine);
    return true;
  });
}
