// CLI: `npm run extract -- --out DIR FILE_OR_DIR...` writes DIR/<name>.json per document (contract
// Extraction, validated with zod). A bad file gets a one-line error on stderr; the others still run.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Extraction } from '../../contract/extraction.ts';
import { InputError } from './errors.ts';
import { extractDocument } from './pipeline/index.ts';
import { readDocumentFile } from './read.ts';

const DOC_EXT = /\.(?:txt|text|html?|xhtml)$/i;

export interface CliOptions {
  out: string;
  inputs: string[];
}

export function parseArgs(argv: string[]): CliOptions | string {
  const inputs: string[] = [];
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out' || a === '-o') out = argv[++i] ?? '';
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--help' || a === '-h') return 'usage: npm run extract -- --out DIR FILE_OR_DIR...';
    else inputs.push(a);
  }
  if (!out || inputs.length === 0) return 'usage: npm run extract -- --out DIR FILE_OR_DIR...';
  return { out, inputs };
}

/** Files named on the command line; directories contribute their document files (not recursive). */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const p of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      files.push(p); // reported as unreadable when read
      continue;
    }
    if (!isDir) files.push(p);
    else for (const f of readdirSync(p).sort()) if (DOC_EXT.test(f)) files.push(join(p, f));
  }
  return files;
}

export async function runCli(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    console.error(opts);
    return 2;
  }
  mkdirSync(opts.out, { recursive: true });
  let failed = 0;
  for (const file of expandInputs(opts.inputs)) {
    try {
      const doc = await readDocumentFile(file);
      const result = Extraction.parse(extractDocument(doc));
      writeFileSync(join(opts.out, `${doc.id}.json`), JSON.stringify(result, null, 2) + '\n');
      console.log(`${file}: ${result.entities.length} entities, ${result.relations.length} relations`);
    } catch (err) {
      failed++;
      const msg =
        err instanceof InputError ? err.message : `${file}: extraction failed (${(err as Error).name})`;
      console.error(`error: ${msg}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
