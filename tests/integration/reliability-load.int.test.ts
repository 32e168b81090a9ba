// Reliability of the loader on the real database: bad documents never leave a trace (content hash), a few
// hundred tiny files load one transaction each, and a CLI load killed with SIGKILL then run again ends in
// the same graph as an uninterrupted load.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphContentHash, loadPaths } from '../../scripts/load/index.ts';
import { testDatabaseSettings, useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/extract');
const SEED = join(ROOT, 'seeds/000_c33f146bbfe86eac.txt');
const CURATION = join(ROOT, 'seeds/curation.yaml');
const GOOD = '宁夏回族自治区与浙江省杭州市签署科技合作协议。\n';
let db: TestDatabase;
let tmp: string;

async function query(cypher: string, params = {}) {
  const result = await db.driver.executeQuery(cypher, params, { database: db.database });
  return result.records.map((r) => r.toObject());
}

async function documentCount(): Promise<number> {
  const [row] = await query('MATCH (d:Document) RETURN count(d) AS n');
  return Number(row!.n);
}

function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
}

function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

beforeAll(async () => {
  db = await useTestDatabase();
  tmp = mkdtempSync(join(tmpdir(), 'dongxi-reliability-load-'));
});
afterAll(async () => {
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('bad documents among good ones', () => {
  it('are refused one by one with a line naming the file; the graph gains exactly the good documents', async () => {
    const base = folder('base', { 'base-a.txt': fixtureText('001_jiangsu_shaanxi') });
    const ningxia = fixtureText('002_fujian_ningxia');
    const good: Record<string, string | Buffer> = {
      'gbk-doc.txt': iconv.encode(ningxia, 'gbk'),
      'gb18030-doc.txt': iconv.encode(fixtureText('004_zhejiang_sichuan'), 'gb18030'),
      'mixed-doc.txt': Buffer.concat([
        Buffer.from(fixtureText('005_tianjin_gansu')),
        iconv.encode(fixtureText('006_jiangsu_xinjiang'), 'gbk'),
      ]),
      'script-doc.html': `<html><head><title>T</title><script>var a = "恶意脚本科技有限公司";</script></head><body><p>${GOOD}</p><script>alert("恶意脚本研究院")</script></body></html>`,
      'script-doc-plain.txt': `<script>document.write("恶意脚本集团")</script>\n${GOOD}`,
      'shell $(touch PWNED) `id` ; & | "q" \'s\'.txt': fixtureText('003_guangdong_guangxi'),
      // 30,000 characters on one line: loaded (the 16 MB limit refuses the 50 MB one below)
      'long-line.txt': fixtureText('007_shanghai_guizhou').replace(/\s+/g, '').repeat(100),
    };
    const bad: Record<string, string | Buffer> = {
      'empty.txt': '',
      'blank.txt': ' \n\t\u3000\n',
      'nul.txt': Buffer.from(`${GOOD}\u0000${GOOD}`),
      'random.txt': Buffer.from(Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff)),
      'back\\slash.txt': GOOD,
    };
    const input = folder('input', { ...good, ...bad });
    mkdirSync(join(input, 'sub'));
    // 50 MB on a single line, written in pieces
    const huge = join(input, 'huge-line.txt');
    const piece = Buffer.from('协作'.repeat(170_000));
    writeFileSync(huge, '');
    for (let n = 0; n < 50 * 1024 * 1024; n += piece.length) writeFileSync(huge, piece, { flag: 'a' });

    await loadPaths(db, [base], { curationPath: CURATION });
    const before = await graphContentHash(db);
    const errors: string[] = [];
    const rss = process.memoryUsage().rss;
    const summary = await loadPaths(db, [input], {
      curationPath: CURATION,
      logger: { info() {}, warn() {}, error: (m) => errors.push(m) },
    });
    expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);
    expect(summary.documents).toBe(Object.keys(good).length);
    const refused = [...Object.keys(bad), 'huge-line.txt'].sort();
    expect(summary.failed.map((f) => f.message.replace(/^INPUT_ERROR: /, '').split(': ')[0]).sort()).toEqual(
      refused,
    );
    expect(errors).toHaveLength(refused.length);
    for (const line of errors) {
      expect(line.split('\n')).toHaveLength(1);
      expect(line).not.toMatch(/\.ts:\d+|node_modules|\bat /);
    }
    expect(errors.find((l) => l.includes('huge-line.txt'))).toMatch(/larger than 16 MB/);
    expect(await graphContentHash(db)).not.toBe(before);
    const withBad = await graphContentHash(db);

    // the same graph as base + the good files alone, loaded into a clean database
    await db.clean();
    await loadPaths(db, [base], { curationPath: CURATION });
    expect(await graphContentHash(db)).toBe(before);
    await loadPaths(db, [folder('good-only', good)], { curationPath: CURATION });
    expect(await graphContentHash(db)).toBe(withBad);

    // nothing of the scripts, names right after GBK decoding, ids without separators, nothing executed
    const everything = await query(
      'MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p',
    );
    const dump = JSON.stringify(everything);
    expect(dump).toContain('宁夏回族自治区');
    expect(dump).not.toMatch(/恶意脚本|alert\(|document\.write/);
    const gbk = await query(
      "MATCH (:Document {id: 'gbk-doc'})-[:MENTIONS]->(e) RETURN collect(e.name) AS names, count(e) AS n",
    );
    expect(gbk[0]!.names).toEqual(expect.arrayContaining(['宁夏回族自治区', '福建省', '福建农林大学']));
    const [docText] = await query("MATCH (d:Document {id: 'gbk-doc'}) RETURN d.text AS text");
    expect(docText!.text).toBe(ningxia);
    const ids = (await query('MATCH (d:Document) RETURN d.id AS id')).map((r) => r.id as string);
    expect(ids).toContain('shell $(touch PWNED) `id` ; & | "q" \'s\'');
    for (const id of ids) expect(id).not.toMatch(/[/\\]/);
    expect(readdirSync(ROOT).includes('PWNED')).toBe(false);
    expect(readdirSync(input).includes('PWNED')).toBe(false);
  }, 90_000);

  it('a file given as dir/../x.txt loads under its real name', async () => {
    await db.clean();
    const dir = folder('dotdot', { 'real-name.txt': GOOD });
    mkdirSync(join(dir, 'sub'));
    const summary = await loadPaths(db, [`${dir}/sub/../real-name.txt`]);
    expect(summary.failed).toEqual([]);
    expect((await query('MATCH (d:Document) RETURN d.id AS id')).map((r) => r.id)).toEqual(['real-name']);
  });

  it('200 tiny files load one transaction each; the 20 bad ones change nothing', async () => {
    await db.clean();
    const files: Record<string, string | Buffer> = {};
    const goodOnly: Record<string, string | Buffer> = {};
    for (let i = 0; i < 200; i++) {
      const name = `tiny-${String(i).padStart(3, '0')}.txt`;
      const content = i % 10 === 7 ? (i % 20 === 7 ? '' : Buffer.from([0xff, 0x00, 0xfe])) : `${i}号:${GOOD}`;
      files[name] = content;
      if (i % 10 !== 7) goodOnly[name] = content;
    }
    const started = performance.now();
    const summary = await loadPaths(db, [folder('tiny', files)]);
    const seconds = (performance.now() - started) / 1000;
    expect(summary.documents).toBe(180);
    expect(summary.failed).toHaveLength(20);
    expect(await documentCount()).toBe(180);
    const hash = await graphContentHash(db);
    await db.clean();
    await loadPaths(db, [folder('tiny-good', goodOnly)]);
    expect(await graphContentHash(db)).toBe(hash);
    console.log(`reliability-load: 200 tiny files (20 bad) loaded in ${seconds.toFixed(1)} s`);
  }, 90_000);
});

/** 40 documents with distinct ids: the seed and the 11 extraction fixtures, copied under new names. */
function corpus(): string {
  const dir = join(tmp, 'corpus');
  mkdirSync(dir, { recursive: true });
  const sources = [
    SEED,
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(FIXTURES, f)),
  ];
  for (let i = 0; i < 40; i++)
    copyFileSync(sources[i % sources.length]!, join(dir, `doc-${String(i).padStart(2, '0')}.txt`));
  return dir;
}

function runCli(
  args: string[],
  env: Record<string, string>,
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

function cliEnv(): Record<string, string> {
  const { uri, username, password } = testDatabaseSettings();
  return { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password ?? '' };
}

/** Starts the CLI on `dir`, SIGKILLs it once `min` documents are in the database; returns the count then. */
async function killAfter(dir: string, min: number): Promise<number> {
  const run = runCli([dir], cliEnv());
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (await documentCount()) < min) await new Promise((r) => setTimeout(r, 20));
  run.child.kill('SIGKILL');
  const result = await run.done;
  expect(result.signal).toBe('SIGKILL');
  const count = await documentCount();
  expect(count).toBeGreaterThanOrEqual(min);
  expect(count).toBeLessThan(40);
  return count;
}

describe('an interrupted load', () => {
  it('killed with SIGKILL mid-way and run again gives the graph of an uninterrupted load', async () => {
    const dir = corpus();
    // The reference is a CLI run too: the same code path, in a fresh process like the two runs below.
    await db.clean();
    const whole = await runCli([dir], cliEnv()).done;
    expect(whole.code).toBe(0);
    const reference = await graphContentHash(db);
    expect(await documentCount()).toBe(40);

    await db.clean();
    // First kill: after a few documents. What is there is whole documents only: the same graph as
    // loading exactly those documents.
    const partial = await killAfter(dir, 3);
    const partialHash = await graphContentHash(db);
    const ids = (await query('MATCH (d:Document) RETURN d.id AS id ORDER BY id')).map((r) => r.id as string);
    await db.clean();
    const only = join(tmp, 'only-partial');
    mkdirSync(only);
    for (const id of ids) copyFileSync(join(dir, `${id}.txt`), join(only, `${id}.txt`));
    expect((await runCli([only], cliEnv()).done).code).toBe(0);
    expect(await graphContentHash(db)).toBe(partialHash);

    // Second kill while re-writing and adding, then a run to the end.
    const second = await killAfter(dir, partial + 5);
    const finished = await runCli([dir], cliEnv()).done;
    expect(finished.stderr).not.toMatch(/not loaded/);
    expect(finished.code).toBe(0);
    expect(await documentCount()).toBe(40);
    expect(await graphContentHash(db)).toBe(reference);
    console.log(
      `reliability-load: killed after ${partial}, then after ${second} of 40 documents; the end graph is the reference`,
    );
  }, 150_000);

  it('the CLI reads NEO4J_URI from the environment: a wrong one is one line naming the variable', async () => {
    const bad = runCli([corpus()], { ...cliEnv(), NEO4J_URI: 'ftp://127.0.0.1:9' });
    const result = await bad.done;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^load: .*NEO4J_URI/);
    expect(result.stderr).not.toMatch(/\.ts:\d+|node_modules/);
  }, 60_000);
});
