// The only place an error becomes an HTTP response: `{ "error": { "code", "message", "details" } }`.
// Internal errors are logged with their cause; the client never sees a stack trace or a path.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, errorBody, toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const appError = toAppError(err);
    const log = (req as { log?: Logger }).log ?? logger;
    if (appError.code === 'INTERNAL')
      log.error({ err: appError.cause ?? err, code: appError.code }, 'request failed');
    // Expected under load or outages: one line each, without a stack trace.
    else if (appError.status >= 500)
      log.warn({ code: appError.code, details: appError.details }, 'request failed');
    else log.debug({ code: appError.code }, 'request rejected');
    if (res.headersSent) {
      next(err);
      return;
    }
    res.status(appError.status).json(errorBody(appError));
  };
}

/** Unknown API routes answer JSON, not the SPA page. */
export function apiNotFound(): RequestHandler {
  return (req, _res, next) => {
    next(new AppError('NOT_FOUND', `No API route ${req.method} ${req.baseUrl}${req.path}`));
  };
}
