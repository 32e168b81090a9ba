// Builds the Express application without listening, so tests can drive it with supertest.
// Order: security headers, request logging, JSON body, the API under /api (ending in a JSON 404 for unknown
// API routes), the built client (dist/client) with SPA fallback, then the single error middleware.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';
import { apiNotFound, errorMiddleware } from './middleware/error.ts';
import { healthRouter } from './routes/health.ts';
import { apiGuards, apiRoutes } from './routes/api.ts';

export const CLIENT_DIR = resolve(fileURLToPath(new URL('../dist/client', import.meta.url)));

export interface AppDeps {
  db: Database;
  config: AppConfig;
  logger: Logger;
  /** Where the built client lives; defaults to dist/client. */
  clientDir?: string;
}

const JSON_LIMIT = '256kb';
const REQUEST_ID = /^[\w.-]{1,64}$/;

/** The API: one router mounted at /api holding the guards, each area's router and the JSON 404. */
function apiRouter(deps: AppDeps): Router {
  const api = express.Router();
  // New areas add their router in apiRoutes (routes/api.ts).
  api.use(apiGuards(deps), healthRouter(deps), ...apiRoutes(deps), apiNotFound());
  return api;
}

function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The graph view and the Cypher editor insert <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Served over plain http on localhost: upgrading would break it.
        upgradeInsecureRequests: null,
      },
    },
  });
}

function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // Query strings can carry search terms and Cypher parameters: log the path only.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => !(req.url ?? '').startsWith('/api') },
  });
}

function clientFiles(clientDir: string): express.RequestHandler {
  const index = join(clientDir, 'index.html');
  const assets = express.static(clientDir, {
    index: false,
    setHeaders: (res, path) => {
      // Vite puts a content hash in every asset name under assets/: safe to cache for good.
      if (path.includes(`${join(clientDir, 'assets')}`))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (req, res, next) => {
    assets(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (!existsSync(index)) {
        res
          .status(200)
          .type('html')
          .send(
            '<!doctype html><meta charset="utf-8"><title>Dongxi 东西</title>' +
              '<h1>Dongxi 东西</h1><p>The server is running, but the explorer has not been built yet: ' +
              'run <code>npm run build:client</code>. The API answers at <a href="/api/health">/api/health</a>.</p>',
          );
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are computed per request: an ETag would hash every body (about 0.08 ms for a 50 KB
  // neighbourhood) for a 304 that still runs the query. The client's static files keep their own validators.
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(requestLogger(deps.logger));
  app.use(express.json({ limit: JSON_LIMIT }));
  app.use('/api', apiRouter(deps));
  app.use(clientFiles(deps.clientDir ?? CLIENT_DIR));
  app.use(errorMiddleware(deps.logger));
  return app;
}
