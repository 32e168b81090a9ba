// Application errors: every failure that reaches a client is an AppError with a stable code and HTTP status.
// toAppError translates driver, body-parser and zod errors by their fields (code, classification, type),
// never by message text. Only server/middleware/error.ts turns one into a response.
import { Neo4jError } from 'neo4j-driver';
import { ZodError } from 'zod';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  READ_ONLY: 400,
  QUERY_ERROR: 400,
  TIMEOUT: 504,
  DB_UNAVAILABLE: 503,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = ERROR_STATUS[code];
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}

/** Driver-side codes (not from the server) that mean the database cannot be reached. */
const DRIVER_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

const READ_ONLY_CODES = new Set([
  'Neo.ClientError.Statement.AccessMode',
  'Neo.ClientError.Security.Forbidden',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);

/**
 * The database's memory guard (db.memory.transaction.*) stopped the query. Neo4j gives the same code for a
 * query over its own limit and for the pool all running queries share being full (seen with 50 clients
 * searching paths on a 1M graph), so the message covers both.
 */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

function fromNeo4j(err: Neo4jError): AppError {
  const code = err.code ?? '';
  const details = { neo4jCode: code || undefined };
  if (DRIVER_UNAVAILABLE.has(code) || code.startsWith('Neo.ClientError.Security.Unauthorized')) {
    return new AppError('DB_UNAVAILABLE', 'The database is not reachable.', details, { cause: err });
  }
  if (TIMEOUT_CODES.has(code)) {
    return new AppError('TIMEOUT', 'The query took too long and was stopped.', details, { cause: err });
  }
  if (READ_ONLY_CODES.has(code)) {
    return new AppError('READ_ONLY', 'Only read queries are allowed here.', details, { cause: err });
  }
  if (MEMORY_CODES.has(code)) {
    // Transient for the driver, but the same query would fail again: the query's fault, not the database's.
    return new AppError(
      'QUERY_ERROR',
      'The query needed more memory than the database allows at the moment (its own limit or, under load, the memory all running queries share).',
      details,
      {
        cause: err,
      },
    );
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    // Server messages for statement errors explain the query problem and carry no internals.
    return new AppError('QUERY_ERROR', err.message, details, { cause: err });
  }
  if (err.retryable || code.startsWith('Neo.TransientError.')) {
    return new AppError('DB_UNAVAILABLE', 'The database is busy; try again.', details, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new AppError('QUERY_ERROR', 'The database rejected the request.', details, { cause: err });
  }
  return new AppError('INTERNAL', 'The database failed to answer.', details, { cause: err });
}

/** Body-parser and similar http-errors carry `type` and `status`. */
function fromHttpError(err: { type?: unknown; status?: unknown }): AppError | undefined {
  if (err.type === 'entity.too.large' || err.status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.', undefined, { cause: err });
  }
  if (err.type === 'entity.parse.failed') {
    return new AppError('BAD_REQUEST', 'The request body is not valid JSON.', undefined, { cause: err });
  }
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return new AppError('BAD_REQUEST', 'The request could not be read.', undefined, { cause: err });
  }
  return undefined;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError) return fromNeo4j(err);
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return new AppError('BAD_REQUEST', 'The request is invalid.', { issues }, { cause: err });
  }
  if (typeof err === 'object' && err !== null) {
    const mapped = fromHttpError(err as { type?: unknown; status?: unknown });
    if (mapped) return mapped;
  }
  return new AppError('INTERNAL', 'Something went wrong on the server.', undefined, { cause: err });
}

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details ?? null } };
}
