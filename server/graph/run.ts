// Runs reads in a READ-routed transaction and returns the driver records; services use it so every API read
// goes the same way (database name, routing, no bookmark waits).
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from '../db/database.ts';

/** One query inside a read transaction. */
export type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Neo4jRecord[]>;

/** Several reads in one READ transaction (one timeout for all of them). */
export async function readTransaction<T>(
  db: Database,
  work: (run: Run) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      (tx) => work(async (cypher, params = {}) => (await tx.run(cypher, params)).records),
      options.timeoutMs ? { timeout: options.timeoutMs } : undefined,
    );
  } finally {
    await session.close();
  }
}

export function readQuery(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
  options: { timeoutMs?: number } = {},
): Promise<Neo4jRecord[]> {
  return readTransaction(db, (run) => run(cypher, params), options);
}

/** An integer parameter for LIMIT/SKIP and range bounds (plain JS numbers arrive as floats). */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(value);
}
