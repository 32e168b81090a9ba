// Optional bearer-token check: when API_TOKEN is set, every /api request except health and the OpenAPI
// document must carry `Authorization: Bearer <token>`; compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

const OPEN_PATHS = new Set(['/health', '/openapi.json']);

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function bearerAuth(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(token);
  return (req, _res, next) => {
    if (req.method === 'OPTIONS' || OPEN_PATHS.has(req.path)) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match && timingSafeEqual(digest((match[1] as string).trim()), expected)) return next();
    next(new AppError('UNAUTHORIZED', 'A valid bearer token is required (Authorization: Bearer …).'));
  };
}
