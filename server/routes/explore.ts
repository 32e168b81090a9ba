// Exploration routes: search, a node and its neighbourhood, "who links X to Y", a fact with its evidence,
// and a document with sentence offsets. Every request is validated with the contract's schemas.
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
import { findPaths } from '../graph/paths.ts';
import { getRelationship } from '../graph/relationships.ts';
import { searchEntities } from '../graph/search.ts';
import { parseRequest } from '../middleware/validate.ts';

export interface ApiDeps {
  db: Database;
  config: AppConfig;
}

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
  router.get('/paths', async (req, res) => {
    res.json(await findPaths(db, parseRequest(PathsQuery, req.query, 'query'), config.cypherTimeoutMs));
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
