// The application logger (pino, JSON lines on stdout). Document text and query parameters are never
// logged at info level; callers log ids and counts.
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { app: 'dongxi' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
