// useTestDatabase(): a connection to the per-run test Neo4j (see neo4j-global-setup.ts), cleaned and with
// the schema applied. Call it in beforeAll and close it in afterAll; clean() resets between tests.
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../server/db/database.ts';
import { applySchema } from '../../server/db/schema.ts';

export interface TestDatabase extends Database {
  /** DETACH DELETE everything, then apply the schema again. */
  clean(): Promise<void>;
}

/** The connection settings of the per-run test database. */
export function testDatabaseSettings(): { uri: string; username: string; password: string | undefined } {
  const password = inject('neo4jPassword');
  return { uri: inject('neo4jUri'), username: inject('neo4jUsername'), password: password || undefined };
}

export async function cleanDatabase(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    // Batched so a large graph left by a previous file does not need one huge transaction.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(db);
}

export async function useTestDatabase(): Promise<TestDatabase> {
  const db = connectDatabase({ ...testDatabaseSettings(), connectionTimeoutMs: 10_000 });
  const testDb: TestDatabase = { ...db, clean: () => cleanDatabase(db) };
  await testDb.clean();
  return testDb;
}
