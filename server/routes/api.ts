// The API area's routers for app.ts: guards first (CORS, optional bearer token), then the endpoints.
import { Router } from 'express';
import { bearerAuth } from '../middleware/auth.ts';
import { corsPolicy } from '../middleware/cors.ts';
import { cypherRouter } from './cypher.ts';
import { dataRouter } from './data.ts';
import { exploreRouter, type ApiDeps } from './explore.ts';
import { openApiRouter } from './openapi.ts';

/** Mounted under /api before every other router, so health is covered by CORS too. */
export function apiGuards({ config }: ApiDeps): Router {
  const router = Router();
  router.use(corsPolicy(config.corsOrigins));
  router.use(bearerAuth(config.apiToken));
  return router;
}

export function apiRoutes(deps: ApiDeps): Router[] {
  return [openApiRouter(), exploreRouter(deps), cypherRouter(deps), dataRouter(deps)];
}
