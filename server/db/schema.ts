// Applies cypher/schema/*.cypher in file-name order. Every statement uses IF NOT EXISTS, so running
// it again (each start-up, `npm run db:schema`, each test file) changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const SCHEMA_DIR = resolve(fileURLToPath(new URL('../../cypher/schema', import.meta.url)));

/** Splits a schema file into statements: `//` comment lines dropped, statements end with `;`. */
export function splitStatements(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function schemaStatements(dir: string = SCHEMA_DIR): Array<{ file: string; statement: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .flatMap((file) =>
      splitStatements(readFileSync(join(dir, file), 'utf8')).map((statement) => ({ file, statement })),
    );
}

export async function applySchema(db: Database, dir: string = SCHEMA_DIR): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    // Schema commands cannot share a transaction with each other: one auto-commit call each.
    for (const { statement } of schemaStatements(dir)) await session.run(statement);
    // New indexes populate in the background; wait so the first query can use them.
    await session.run('CALL db.awaitIndexes(120)');
  } finally {
    await session.close();
  }
}
