// Browser-test helpers: build the client bundle when it is missing or older than its sources, serve it
// with the real app on an ephemeral 127.0.0.1 port, launch Debian's headless Chromium, save screenshots.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/logger.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = join(ROOT, 'test-output', 'e2e');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

/** Builds dist/client with Vite unless it is newer than everything under client/ and contract/. */
export function ensureClientBuilt(): string {
  const out = join(ROOT, 'dist', 'client');
  const index = join(out, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'client')), newestMtime(join(ROOT, 'contract')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return out;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'client'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`ensureClientBuilt: vite build failed\n${r.stdout}\n${r.stderr}`);
  return out;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real app over the given database, serving the built client, on a free 127.0.0.1 port. */
export async function startTestServer(db: Database, clientDir = ensureClientBuilt()): Promise<TestServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', SEEDS_DIR: join(ROOT, 'seeds') });
  const app = createApp({ db, config, logger: createLogger('silent'), clientDir });
  const server = await new Promise<import('node:http').Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `launchBrowser: no Chromium at ${CHROMIUM_PATH}; install it with apt-get install -y chromium fonts-wqy-microhei`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Saves a full-window screenshot as test-output/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
