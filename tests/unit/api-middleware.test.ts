// API middleware without a database: the console's rate limit answers RATE_LIMITED through the error
// middleware, and request validation names the offending parameter.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorResponse, PathsQuery } from '../../contract/api.ts';
import { createLogger } from '../../server/logger.ts';
import { errorMiddleware } from '../../server/middleware/error.ts';
import { cypherRateLimit } from '../../server/middleware/rate-limit.ts';
import { parseRequest } from '../../server/middleware/validate.ts';

describe('API middleware', () => {
  it('rate-limits with RATE_LIMITED 429 after the configured number of requests', async () => {
    const app = express();
    app.post('/api/cypher', cypherRateLimit({ windowMs: 60_000, limit: 2 }), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorMiddleware(createLogger('silent')));
    await request(app).post('/api/cypher').expect(200);
    await request(app).post('/api/cypher').expect(200);
    const limited = await request(app).post('/api/cypher').expect(429);
    expect(ErrorResponse.parse(limited.body).error.code).toBe('RATE_LIMITED');
  });

  it('names the parameter and where it was in a BAD_REQUEST', () => {
    try {
      parseRequest(PathsQuery, { from: 'a', to: 'b', k: '0' }, 'query');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'BAD_REQUEST', status: 400, details: { in: 'query', param: 'k' } });
      expect((err as Error).message).toMatch(/^query parameter "k": /);
    }
    expect(() => parseRequest(z.object({ query: z.string() }), {}, 'body')).toThrow(/^body field "query"/);
    expect(parseRequest(PathsQuery, { from: 'a', to: 'b' }, 'query')).toMatchObject({ k: 3, maxHops: 6 });
  });
});
