// toAppError maps driver errors by code (never by message), plus zod and body-parser errors.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, ERROR_STATUS, errorBody, toAppError } from '../../server/errors.ts';

const neo4jError = (code: string, message = 'some server message') =>
  new Neo4jError(message, code, '50N42', 'error');

describe('toAppError', () => {
  it.each([
    ['Neo.ClientError.Statement.AccessMode', 'READ_ONLY', 400],
    ['Neo.ClientError.Statement.SyntaxError', 'QUERY_ERROR', 400],
    ['Neo.ClientError.Procedure.ProcedureNotFound', 'QUERY_ERROR', 400],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT', 504],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT', 504],
    ['ServiceUnavailable', 'DB_UNAVAILABLE', 503],
    ['SessionExpired', 'DB_UNAVAILABLE', 503],
    ['Neo.ClientError.Security.Unauthorized', 'DB_UNAVAILABLE', 503],
    ['Neo.TransientError.General.DatabaseUnavailable', 'DB_UNAVAILABLE', 503],
    ['Neo.DatabaseError.General.UnknownError', 'INTERNAL', 500],
  ])('maps %s to %s', (neo4jCode, code, status) => {
    const err = toAppError(neo4jError(neo4jCode));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.details).toMatchObject({ neo4jCode });
  });

  it('does not look at message text', () => {
    expect(toAppError(neo4jError('Neo.ClientError.Statement.SyntaxError', 'timed out, read only')).code).toBe(
      'QUERY_ERROR',
    );
  });

  it('keeps AppErrors and hides unknown errors behind INTERNAL', () => {
    const mine = new AppError('NOT_FOUND', 'no such node');
    expect(toAppError(mine)).toBe(mine);
    const hidden = toAppError(new Error('/secret/path.ts exploded'));
    expect(hidden.code).toBe('INTERNAL');
    expect(hidden.message).not.toContain('/secret');
  });

  it('maps zod errors to BAD_REQUEST with the issue paths', () => {
    const parsed = z.object({ limit: z.number() }).safeParse({ limit: 'x' });
    const err = toAppError(parsed.error);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.details).toEqual({ issues: [expect.objectContaining({ path: 'limit' })] });
  });

  it('maps body-parser errors by type', () => {
    expect(toAppError(Object.assign(new Error('x'), { type: 'entity.too.large', status: 413 })).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(toAppError(Object.assign(new Error('x'), { type: 'entity.parse.failed', status: 400 })).code).toBe(
      'BAD_REQUEST',
    );
  });

  it('gives every code its status and writes the agreed body', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(new AppError(code as keyof typeof ERROR_STATUS, 'm').status).toBe(status);
    }
    expect(errorBody(new AppError('TIMEOUT', 'slow', { ms: 5 }))).toEqual({
      error: { code: 'TIMEOUT', message: 'slow', details: { ms: 5 } },
    });
    expect(errorBody(new AppError('NOT_FOUND', 'gone'))).toEqual({
      error: { code: 'NOT_FOUND', message: 'gone', details: null },
    });
  });
});
