// Request validation with the contract's zod schemas: a failure becomes a 400 BAD_REQUEST whose message
// names the offending parameter, e.g. `query parameter "k": Too big: expected number to be <=10`.
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export type RequestPart = 'query' | 'params' | 'body';

const PART_NAMES: Record<RequestPart, string> = {
  query: 'query parameter',
  params: 'path parameter',
  body: 'body field',
};

export function parseRequest<T extends z.ZodType>(schema: T, value: unknown, part: RequestPart): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    param: issue.path.map(String).join('.') || part,
    message: issue.message,
  }));
  const first = issues[0] ?? { param: part, message: 'invalid' };
  throw new AppError('BAD_REQUEST', `${PART_NAMES[part]} "${first.param}": ${first.message}`, {
    in: part,
    param: first.param,
    issues,
  });
}
