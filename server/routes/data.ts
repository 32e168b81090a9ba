// Whole-graph routes: GET /api/stats (counts, zone flows, brokers) and GET /api/export (GraphML, GEXF,
// JSON, CSV) with a Content-Disposition file name.
import { Router } from 'express';
import { ExportQuery } from '../../contract/api.ts';
import { exportGraph, renderExport } from '../graph/export.ts';
import { getStats } from '../graph/stats.ts';
import { parseRequest } from '../middleware/validate.ts';
import type { ApiDeps } from './explore.ts';

export function dataRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await getStats(db));
  });
  router.get('/export', async (req, res) => {
    const query = parseRequest(ExportQuery, req.query, 'query');
    const file = renderExport(await exportGraph(db, query), query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  });
  return router;
}
