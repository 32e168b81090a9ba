// `npm run db:schema`: applies cypher/schema/*.cypher to the configured database (idempotent).
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { applySchema, schemaStatements } from '../server/db/schema.ts';

try {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await applySchema(db);
    console.log(`schema: ${schemaStatements().length} statements applied to ${db.uri}`);
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
