// A write inside a read transaction is refused by the server itself (Neo4j's access-mode error), which is
// what the read-only Cypher console relies on; toAppError turns it into READ_ONLY.
import neo4j, { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../server/errors.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await useTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

async function countNodes(): Promise<number> {
  const result = await db.driver.executeQuery(
    'MATCH (n) RETURN count(n) AS n',
    {},
    { database: db.database },
  );
  return result.records[0]!.get('n').toNumber();
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected the write to be refused');
}

describe('read transactions', () => {
  it('refuses CREATE inside session.executeRead with Neo.ClientError.Statement.AccessMode', async () => {
    const session = db.driver.session({ database: db.database });
    try {
      const err = await caught(() =>
        session.executeRead((tx) => tx.run("CREATE (:Entity {id: 'x:written'})")),
      );
      expect(err).toBeInstanceOf(Neo4jError);
      expect((err as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
      expect(toAppError(err)).toMatchObject({ code: 'READ_ONLY', status: 400 });
    } finally {
      await session.close();
    }
    expect(await countNodes()).toBe(0);
  });

  it('refuses MERGE/SET/DELETE in a READ access-mode session', async () => {
    await db.driver.executeQuery(
      "CREATE (:Entity {id: 'x:kept', name: 'kept'})",
      {},
      { database: db.database },
    );
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      for (const write of [
        "MERGE (:Entity {id: 'x:merged'})",
        "MATCH (n:Entity {id: 'x:kept'}) SET n.name = 'changed'",
        'MATCH (n) DETACH DELETE n',
      ]) {
        const err = await caught(() => session.run(write));
        expect((err as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
      }
    } finally {
      await session.close();
    }
    const kept = await db.driver.executeQuery(
      'MATCH (n:Entity) RETURN n.id AS id, n.name AS name',
      {},
      {
        database: db.database,
      },
    );
    expect(kept.records.map((r) => r.toObject())).toEqual([{ id: 'x:kept', name: 'kept' }]);
  });

  it('still allows reads in a read transaction', async () => {
    const session = db.driver.session({ database: db.database });
    try {
      const result = await session.executeRead((tx) => tx.run('RETURN 1 + 1 AS two'));
      expect(result.records[0]!.get('two').toNumber()).toBe(2);
    } finally {
      await session.close();
    }
  });
});
