// `npm run eval -- [--gold DIR_OR_FILES...] [--pred DIR] [--verbose]`: extracts the documents that have gold
// (or reads predictions from --pred) and prints P/R/F1 with the matching rules of shared/eval/score.mjs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { extractDocument } from './pipeline/index.ts';
import { readDocumentFile } from './read.ts';
import { scoreAll, type Prf } from './scoring.ts';

const DEFAULT_GOLD = ['../shared/eval', 'tests/fixtures/eval', 'tests/fixtures/extract'];
const DOC_DIRS = ['seeds', 'tests/fixtures/extract'];

const GoldFile = z.object({
  entities: z.array(z.object({ name: z.string(), type: z.string() }).passthrough()),
  relations: z.array(z.object({ source: z.string(), target: z.string(), type: z.string() }).passthrough()),
});
const PredFile = z.object({
  entities: z.array(z.object({ name: z.string(), type: z.string() }).passthrough()),
  relations: z.array(z.object({ source: z.string(), target: z.string(), type: z.string() }).passthrough()),
});

function goldFiles(args: string[]): string[] {
  const list = args.length ? args : DEFAULT_GOLD.filter((d) => existsSync(d));
  const out = new Map<string, string>();
  for (const p of list) {
    const files = statSync(p).isDirectory() ? readdirSync(p).map((f) => join(p, f)) : [p];
    // the same gold reached twice (shared copy and fixture copy) is scored once
    for (const f of files) if (f.endsWith('.gold.json') && !out.has(basename(f))) out.set(basename(f), f);
  }
  return [...out.values()].sort();
}

async function prediction(id: string, predDir: string | null): Promise<unknown> {
  if (predDir) return JSON.parse(readFileSync(join(predDir, `${id}.json`), 'utf8'));
  const dir = DOC_DIRS.find((d) => existsSync(join(d, `${id}.txt`)));
  if (!dir) throw new Error(`no source document for ${id}`);
  return extractDocument(await readDocumentFile(join(dir, `${id}.txt`)));
}

const line = (k: string, v: Prf): string =>
  `${k.padEnd(16)} P ${v.precision.toFixed(3)}  R ${v.recall.toFixed(3)}  F1 ${v.f1.toFixed(3)}  (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`;

export async function runEval(argv: string[]): Promise<number> {
  const gold: string[] = [];
  let pred: string | null = null;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--gold') while (argv[i + 1] && !argv[i + 1]!.startsWith('--')) gold.push(argv[++i]!);
    else if (a === '--pred') pred = argv[++i] ?? null;
    else if (a === '--verbose') verbose = true;
    else gold.push(a);
  }
  const pairs = [];
  for (const file of goldFiles(gold)) {
    const id = basename(file, '.gold.json');
    const g = GoldFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    const p = PredFile.parse(await prediction(id, pred));
    const one = scoreAll([{ label: id, gold: g as never, pred: p as never }]);
    console.log(
      `${id}: entities F1 ${one.entities.f1.toFixed(3)}, typed relations F1 ${one.relationsTyped.f1.toFixed(3)}`,
    );
    pairs.push({ label: id, gold: g as never, pred: p as never });
  }
  if (pairs.length === 0) {
    console.error('eval: no gold files found');
    return 2;
  }
  const r = scoreAll(pairs);
  if (verbose) for (const m of r.misses) console.log(m);
  console.log(line('entities', r.entities));
  console.log(line('entitiesTyped', r.entitiesTyped));
  console.log(line('relations', r.relations));
  console.log(line('relationsTyped', r.relationsTyped));
  return 0;
}

if (process.argv[1] && /eval\.ts$/.test(process.argv[1])) {
  runEval(process.argv.slice(2)).then((code) => process.exit(code));
}
