// GET /api/openapi.json: the OpenAPI 3.1 document generated from the contract (built once, on first request).
import { Router } from 'express';
import { buildOpenApiDocument } from '../openapi.ts';

export function openApiRouter(): Router {
  const router = Router();
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument();
    res.json(document);
  });
  return router;
}
