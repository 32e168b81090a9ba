// The read-only Cypher console (POST /api/cypher, rate-limited) and the saved queries
// (GET /api/queries, POST /api/queries/:name), which run through the same read-only console.
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import {
  CypherRequest,
  SavedQueryParams,
  SavedQueryRunRequest,
  type SavedQuery,
} from '../../contract/api.ts';
import { AppError } from '../errors.ts';
import { runConsoleQuery, type ConsoleLimits } from '../graph/cypher-console.ts';
import { bindParams, loadSavedQueries, SavedQueryError } from '../graph/queries.ts';
import { cypherRateLimit } from '../middleware/rate-limit.ts';
import { parseRequest } from '../middleware/validate.ts';
import type { ApiDeps } from './explore.ts';

export const QUERIES_DIR = fileURLToPath(new URL('../../cypher/queries', import.meta.url));

export function cypherRouter({ db, config }: ApiDeps, queriesDir = QUERIES_DIR): Router {
  const router = Router();
  const limits: ConsoleLimits = {
    timeoutMs: config.cypherTimeoutMs,
    maxRows: config.cypherMaxRows,
    maxQueryChars: config.cypherMaxQueryChars,
  };
  let saved: Promise<SavedQuery[]> | undefined;
  const savedQueries = () => (saved ??= loadSavedQueries(queriesDir));

  router.post('/cypher', cypherRateLimit(), async (req, res) => {
    const { query, params } = parseRequest(CypherRequest, req.body, 'body');
    res.json(await runConsoleQuery(db, query, params, limits));
  });
  router.get('/queries', async (_req, res) => {
    res.json({ queries: await savedQueries() });
  });
  router.post('/queries/:name', async (req, res) => {
    const { name } = parseRequest(SavedQueryParams, req.params, 'params');
    const { params } = parseRequest(SavedQueryRunRequest, req.body, 'body');
    const query = (await savedQueries()).find((candidate) => candidate.name === name);
    if (!query) throw new AppError('NOT_FOUND', `No saved query named ${name}.`, { name });
    let bound: Record<string, unknown>;
    try {
      bound = bindParams(query, params);
    } catch (err) {
      if (!(err instanceof SavedQueryError)) throw err;
      throw new AppError('BAD_REQUEST', err.message, { in: 'body', param: err.message.split(':')[0] });
    }
    res.json(await runConsoleQuery(db, query.query, bound, limits));
  });
  return router;
}
