// The HTTP server: listens on HOST:PORT and shuts down cleanly on SIGTERM/SIGINT (closing the server,
// then the database, which also stops a local Neo4j). Run directly by `npm run dev`; `npm start`
// (scripts/start.ts) prepares the database and the client first and then calls serve().
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createApp } from './app.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { createLogger, type Logger } from './logger.ts';

export interface Serving {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Source-mapped stack traces only when debugging. tsx turns them on, and the Neo4j driver captures a stack
 * trace for every query it runs: mapping those costs about a quarter of the server's CPU per request (a
 * neighbourhood read: 2.8 → 2.1 ms of CPU). With LOG_LEVEL=debug or trace they stay on; otherwise the stack of
 * a logged internal error names the functions of the transpiled code, with its line numbers.
 */
export function useSourceMapsFor(logLevel: string): void {
  process.setSourceMapsEnabled(logLevel === 'debug' || logLevel === 'trace');
}

export async function serve(deps: { db: Database; config: AppConfig; logger: Logger }): Promise<Serving> {
  const app = createApp(deps);
  const server = await new Promise<Server>((resolvePromise, reject) => {
    const s = app.listen(deps.config.port, deps.config.host, (err?: Error) =>
      err ? reject(err) : resolvePromise(s),
    );
  });
  const shownHost =
    deps.config.host === '127.0.0.1' || deps.config.host === '0.0.0.0' ? 'localhost' : deps.config.host;
  const url = `http://${shownHost}:${deps.config.port}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await deps.db.close();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      deps.logger.info({ signal }, 'shutting down');
      server.closeAllConnections();
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          deps.logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { server, url, close };
}

async function main(): Promise<void> {
  const config = loadConfig();
  useSourceMapsFor(config.logLevel);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, { onLog: (line) => logger.debug({ neo4j: line }, 'neo4j-local') });
  await applySchema(db);
  const { url } = await serve({ db, config, logger });
  logger.info({ url }, 'listening');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
