// The one place that gives the rest of the code a database: a remote Neo4j when NEO4J_URI is set,
// otherwise the local launcher started (and built) on demand and stopped when the process exits.
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import type { AppConfig } from '../config.ts';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.ts';

export interface Database {
  driver: Driver;
  database: string | undefined;
  uri: string;
  local: boolean;
  version(): Promise<string>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  uri: string;
  username?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  /** A launcher to stop when the database is closed. */
  local?: LocalNeo4j | undefined;
  /** How long one connection attempt may take; short so health checks answer fast. */
  connectionTimeoutMs?: number;
}

export interface OpenOptions {
  /** Receives launcher and build output lines. */
  onLog?: (line: string) => void;
  /** How long to keep trying until Bolt answers. */
  waitMs?: number;
}

/** Wraps a driver for the given URI; does not check that the server answers. */
export function connectDatabase(options: ConnectOptions): Database {
  // Without a password we send no credentials: the local launcher runs with auth off by default.
  const auth: AuthToken | undefined = options.password
    ? neo4j.auth.basic(options.username ?? 'neo4j', options.password)
    : undefined;
  const driver = neo4j.driver(options.uri, auth, {
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    // Bounded so a request against a stopped database fails fast with 503 instead of hanging: managed
    // transactions retry ServiceUnavailable for maxTransactionRetryTime (driver default 30 s).
    connectionAcquisitionTimeout: 3000,
    maxTransactionRetryTime: 1000,
    userAgent: 'dongxi',
  });
  let closed = false;
  return {
    driver,
    database: options.database,
    uri: options.uri,
    local: options.local !== undefined,
    async version() {
      const result = await driver.executeQuery(
        'CALL dbms.components() YIELD versions RETURN versions[0] AS version',
        {},
        { database: options.database, routing: neo4j.routing.READ },
      );
      return String(result.records[0]?.get('version') ?? 'unknown');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await driver.close();
      } finally {
        await options.local?.stop();
      }
    },
  };
}

/** Retries verifyConnectivity until Bolt answers or the time is up (the server may still be starting). */
export async function waitForBolt(db: Database, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await db.driver.verifyConnectivity({ database: db.database });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function openDatabase(config: AppConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.neo4jUri) {
    const db = connectDatabase({
      uri: config.neo4jUri,
      username: config.neo4jUsername,
      password: config.neo4jPassword,
      database: config.neo4jDatabase,
    });
    await waitForBolt(db, options.waitMs ?? 30_000).catch(async (err: unknown) => {
      await db.close();
      throw err;
    });
    return db;
  }
  const local = await startLocalNeo4j({
    port: config.localPort,
    dataDir: config.localData,
    password: config.localPassword,
    heap: config.localHeap,
    onLog: options.onLog,
  });
  const db = connectDatabase({
    uri: local.uri,
    username: 'neo4j',
    password: config.localPassword,
    database: config.neo4jDatabase,
    local,
  });
  await waitForBolt(db, options.waitMs ?? 30_000).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });
  return db;
}
