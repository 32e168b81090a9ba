// GET /api/health: 200 with the database's version and edition, or 503 DB_UNAVAILABLE when it does not
// answer within a few seconds. Uses an auto-commit query, which the driver does not retry.
import { Router } from 'express';
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { AppError, toAppError } from '../errors.ts';

const HEALTH_TIMEOUT_MS = 4000;

export interface HealthDeps {
  db: Database;
}

/** The URI without user name or password, safe to show. */
export function publicUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//');
  }
}

async function databaseInfo(db: Database): Promise<{ version: string; edition: string }> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = session.run(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      {},
      { timeout: HEALTH_TIMEOUT_MS },
    );
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('DB_UNAVAILABLE', 'The database did not answer in time.')),
        HEALTH_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([query, deadline]);
    const record = result.records[0];
    return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => {});
  }
}

export function healthRouter({ db }: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const info = await databaseInfo(db);
      res.json({ status: 'ok', database: { ...info, uri: publicUri(db.uri) } });
    } catch (err) {
      const cause = toAppError(err);
      throw new AppError(
        'DB_UNAVAILABLE',
        'The database is not reachable.',
        { uri: publicUri(db.uri), reason: cause.code },
        { cause: err },
      );
    }
  });
  return router;
}
