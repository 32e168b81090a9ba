// Extraction benchmark: characters per second of extractDocument on one core over a ≥ 5 MB corpus (the seed
// and the invented fixtures, repeated), against plain jieba tag() over the same documents in the same run;
// peak memory (RSS) for one 50 MB file and for 1,000 files, each in its own child process.
// Writes the "## extract" section of bench/RESULTS.md. Usage: npm run bench -- extract [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../scripts/extract/cli.ts';
import { extractDocument, readDocumentFile } from '../scripts/extract/index.ts';
import { tagOnly } from '../scripts/extract/tokens.ts';
import { writeResultsSection } from './results.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'seeds/000_c33f146bbfe86eac.txt',
  'tests/fixtures/extract/001_jiangsu_shaanxi.txt',
  'tests/fixtures/extract/002_fujian_ningxia.txt',
  'tests/fixtures/extract/003_guangdong_guangxi.txt',
].map((p) => join(ROOT, p));
const CORPUS_BYTES = 5 * 1024 * 1024;
const BIG_BYTES = 50 * 1024 * 1024;
const MANY = 1000;
const CAPPED_HEAP_MB = 256;

const texts = (): string[] => SOURCES.map((p) => readFileSync(p, 'utf8'));
const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;

interface Throughput {
  chars: number;
  bytes: number;
  docs: number;
  wallMs: number;
  cpuMs: number;
}

function corpus(): string[] {
  const base = texts();
  const docs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < CORPUS_BYTES; i++) {
    const t = base[i % base.length]!;
    docs.push(t);
    bytes += Buffer.byteLength(t);
  }
  return docs;
}

function measure(docs: string[], run: (text: string, i: number) => void): Throughput {
  const w = performance.now();
  const c = process.cpuUsage();
  docs.forEach(run);
  return {
    chars: docs.reduce((n, d) => n + d.length, 0),
    bytes: docs.reduce((n, d) => n + Buffer.byteLength(d), 0),
    docs: docs.length,
    wallMs: performance.now() - w,
    cpuMs: cpuMs(process.cpuUsage(c)),
  };
}

/** Child process: peak RSS of extracting one 50 MB file, or of the CLI over 1,000 files. */
async function child(mode: string, dir: string): Promise<void> {
  const w = performance.now();
  if (mode === 'big') {
    const doc = await readDocumentFile(join(dir, 'big.txt'));
    const out = extractDocument(doc);
    writeFileSync(join(dir, 'big.json'), JSON.stringify(out));
  } else {
    const log = console.log;
    console.log = () => undefined;
    await runCli(['--out', join(dir, 'out'), join(dir, 'many')]);
    console.log = log;
  }
  const ms = performance.now() - w;
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, ms }));
}

function spawnChild(mode: string, dir: string, nodeArgs: string[] = []): { maxRssMb: number; ms: number } {
  const res = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, dir],
    {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 1 << 20,
    },
  );
  if (res.status !== 0) throw new Error(`bench child ${mode} failed: ${res.stderr.split('\n')[0]}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

function prepareFiles(dir: string): { bigChars: number } {
  const base = texts();
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < BIG_BYTES; i++) {
    const t = base[i % base.length]!;
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
  }
  const big = parts.join('\n\n');
  writeFileSync(join(dir, 'big.txt'), big);
  mkdirSync(join(dir, 'many'));
  for (let i = 0; i < MANY; i++) {
    // mostly short news items, every tenth one the long feature
    const t = i % 10 === 0 ? base[0]! : base[1 + (i % 3)]!;
    writeFileSync(join(dir, 'many', `doc_${String(i).padStart(4, '0')}.txt`), t);
  }
  return { bigChars: big.length };
}

function section(r: Record<string, string>): string {
  return [
    `Measured ${r.date} with \`npm run bench -- extract\` on ${r.cpu} (${r.cores} cores, shared with other work: load average ${r.load} at the start), Node ${r.node}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| corpus | ${r.corpus} |`,
    `| extractDocument, CPU time | **${r.cpuRate} chars/s** per core |`,
    `| extractDocument, wall clock | ${r.wallRate} chars/s |`,
    `| baseline: jieba \`tag()\` alone, CPU time | ${r.baseRate} chars/s |`,
    `| extraction cost relative to the baseline | ${r.ratio}× the time of tagging alone |`,
    `| one 50 MB file (${r.bigChars} chars): peak RSS | ${r.bigRss} MB (${r.bigSec} s) |`,
    `| the same file with \`--max-old-space-size=${CAPPED_HEAP_MB}\`: peak RSS | ${r.cappedRss} MB (${r.cappedSec} s) |`,
    `| 1,000 files through the CLI: peak RSS | ${r.manyRss} MB (${r.manySec} s) |`,
    '',
    'CPU time (user + system of the process) is the figure for "one core": the machine was shared, so wall-clock',
    'time includes waiting for a core. Documents longer than 100,000 characters are extracted block by block',
    '(blocks end at paragraph breaks), which bounds memory for very large files; the reader refuses files over 256 MB.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const load = loadavg()[0]!.toFixed(1);
  const docs = corpus();
  for (const d of docs.slice(0, 8)) extractDocument({ id: 'warm', text: d, date: '2025-03-28' });
  const ex = measure(docs, (text, i) => void extractDocument({ id: `d${i}`, text, date: '2025-03-28' }));
  const base = measure(docs, (text) => void tagOnly(text));
  const dir = mkdtempSync(join(tmpdir(), 'dongxi-bench-extract-'));
  try {
    const { bigChars } = prepareFiles(dir);
    const big = spawnChild('big', dir);
    // the same file with V8's heap capped: the live set is small, the default heap just collects late
    const capped = spawnChild('big', dir, [`--max-old-space-size=${CAPPED_HEAP_MB}`]);
    const many = spawnChild('many', dir);
    const rate = (chars: number, ms: number): string =>
      Math.round((chars / ms) * 1000).toLocaleString('en-US');
    const r = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: String(cpus().length),
      load,
      node: process.version,
      corpus: `${ex.docs} documents, ${(ex.bytes / 1024 / 1024).toFixed(1)} MB, ${ex.chars.toLocaleString('en-US')} chars`,
      cpuRate: rate(ex.chars, ex.cpuMs),
      wallRate: rate(ex.chars, ex.wallMs),
      baseRate: rate(base.chars, base.cpuMs),
      ratio: (ex.cpuMs / base.cpuMs).toFixed(1),
      bigChars: bigChars.toLocaleString('en-US'),
      bigRss: big.maxRssMb.toFixed(0),
      bigSec: (big.ms / 1000).toFixed(1),
      cappedRss: capped.maxRssMb.toFixed(0),
      cappedSec: (capped.ms / 1000).toFixed(1),
      manyRss: many.maxRssMb.toFixed(0),
      manySec: (many.ms / 1000).toFixed(1),
    };
    const text = section(r);
    console.log(text);
    if (!args.includes('--no-write')) writeResultsSection('extract', text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
