// CLI: `npm run load -- [--dry-run] [--remove DOC_ID] [--curation FILE] PATH...` loads documents into Neo4j.
// Errors are one line (stack traces only with DEBUG=1); the exit code is non-zero if any document failed.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { applySchema } from '../server/db/schema.ts';
import { describeError, loadPaths, removeDocument } from './load/index.ts';
import { documentFiles } from './load/files.ts';
import { createProgress, formatSummary } from './load/progress.ts';

const USAGE = 'usage: npm run load -- [--dry-run] [--remove DOC_ID]... [--curation FILE] PATH...';
const DEFAULT_CURATION = 'seeds/curation.yaml';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      remove: { type: 'string', multiple: true, default: [] },
      curation: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (positionals.length === 0 && values.remove.length === 0)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const curationPath = values.curation ?? (existsSync(DEFAULT_CURATION) ? DEFAULT_CURATION : undefined);
  const dryRun = values['dry-run'];
  const logger = {
    info: console.log,
    warn: (m: string) => console.error(`warning: ${m}`),
    error: console.error,
  };
  let db: Database | null = null;
  try {
    if (!dryRun) {
      db = await openDatabase(loadConfig());
      await applySchema(db);
    }
    for (const id of values.remove) {
      if (dryRun) console.log(`would remove ${id}`);
      else
        console.log((await removeDocument(db!, id)) ? `removed ${id}` : `${id}: not loaded, nothing removed`);
    }
    if (positionals.length === 0) return 0;
    const files = await documentFiles(positionals);
    const progress = createProgress(Boolean(process.stderr.isTTY), files.length, (l) => console.error(l));
    const summary = await loadPaths(db, files, {
      dryRun,
      logger,
      onProgress: (p) => progress.update(p),
      ...(curationPath ? { curationPath } : {}),
    });
    progress.stop();
    for (const line of formatSummary(summary)) console.log(line);
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    await db?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`load: ${describeError(err)}`);
    if (process.env.DEBUG === '1') console.error(err);
    process.exit(1);
  },
);
