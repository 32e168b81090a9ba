// Exploration routes: search, a node and its neighbourhood, "who links X to Y", a fact with its evidence,
// and a document with sentence offsets. Every request is validated with the contract's schemas.
import pLimit from 'p-limit';
import { Router } from 'express';
import {
  DocumentParams,
  NeighborsQuery,
  NodeParams,
  PathsQuery,
  RelationshipParams,
  SearchQuery,
} from '../../contract/api.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { getDocument } from '../graph/documents.ts';
import { getNeighbors, getNode } from '../graph/nodes.ts';
import { AppError } from '../errors.ts';
import { findPaths } from '../graph/paths.ts';
import { getRelationship } from '../graph/relationships.ts';
import { searchEntities } from '../graph/search.ts';
import { parseRequest } from '../middleware/validate.ts';

export interface ApiDeps {
  db: Database;
  config: AppConfig;
}

/** Path searches that may wait per running one before new ones are turned away. */
const PATHS_QUEUE_PER_SLOT = 16;
/** A queued path search that waited longer than this is turned away when its turn comes. */
const PATHS_MAX_WAIT_MS = 5000;

export function exploreRouter({ db, config }: ApiDeps): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    res.json(await searchEntities(db, parseRequest(SearchQuery, req.query, 'query')));
  });
  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseRequest(NodeParams, req.params, 'params');
    res.json(await getNode(db, id));
  });
  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseRequest(NodeParams, req.params, 'params');
    res.json(await getNeighbors(db, id, parseRequest(NeighborsQuery, req.query, 'query')));
  });
  // Path searches are the API's heaviest reads: a few at a time, the others queued, so a burst of them
  // neither starves the other requests nor fills the database's transaction memory. A full queue, or a turn
  // that comes too late, answers 429 rather than a search the client has likely given up on.
  const limitPaths = pLimit(config.pathsConcurrency);
  const maxWaiting = config.pathsConcurrency * PATHS_QUEUE_PER_SLOT;
  const busy = (waiting: number) =>
    new AppError('RATE_LIMITED', 'Too many path searches at once; try again in a few seconds.', { waiting });
  router.get('/paths', async (req, res) => {
    const query = parseRequest(PathsQuery, req.query, 'query');
    if (limitPaths.pendingCount >= maxWaiting) throw busy(limitPaths.pendingCount);
    const queued = performance.now();
    const result = await limitPaths(() => {
      if (performance.now() - queued > PATHS_MAX_WAIT_MS) throw busy(limitPaths.pendingCount);
      return findPaths(db, query, config.cypherTimeoutMs);
    });
    res.json(result);
  });
  router.get('/relationships/:id', async (req, res) => {
    const { id } = parseRequest(RelationshipParams, req.params, 'params');
    res.json(await getRelationship(db, id));
  });
  router.get('/documents/:id', async (req, res) => {
    const { id } = parseRequest(DocumentParams, req.params, 'params');
    res.json(await getDocument(db, id));
  });
  return router;
}
