// Rate limit for the Cypher console (each request may hold a database transaction for seconds).
// Refusals go through the error middleware as RATE_LIMITED.
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export interface RateLimitOptions {
  windowMs: number;
  limit: number;
}

export const CYPHER_RATE_LIMIT: RateLimitOptions = { windowMs: 60_000, limit: 120 };

export function cypherRateLimit(options: RateLimitOptions = CYPHER_RATE_LIMIT): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(new AppError('RATE_LIMITED', 'Too many console queries; wait a minute and try again.'));
    },
  });
}
