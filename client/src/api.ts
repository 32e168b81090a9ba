// The client's only door to the server: fetch, then parse every answer with the contract's zod schemas,
// turning error bodies ({ error: { code, message, details } }) and network failures into ApiError.
import type { z } from 'zod';
import {
  CypherResponse,
  DocumentResponse,
  ErrorResponse,
  HealthResponse,
  NeighborsResponse,
  NodeResponse,
  PathsResponse,
  RelationshipResponse,
  SavedQueryList,
  SearchResponse,
  StatsResponse,
} from '../../contract/api.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** A contract error code, or NETWORK / BAD_RESPONSE for failures before or after the server. */
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  init?: RequestInit,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('NETWORK', 'The server cannot be reached.', 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ErrorResponse.safeParse(body);
    if (parsed.success) {
      const e = parsed.data.error;
      throw new ApiError(e.code, e.message, res.status, e.details);
    }
    throw new ApiError('HTTP_' + res.status, `The server answered ${res.status}.`, res.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'BAD_RESPONSE',
      `Unexpected answer from ${path.split('?')[0]}.`,
      res.status,
      parsed.error,
    );
  }
  return parsed.data;
}

const q = (params: Record<string, string | number | boolean | string[] | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  return p.toString();
};

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const api = {
  health: () => request(HealthResponse, '/api/health'),
  stats: () => request(StatsResponse, '/api/stats'),
  search: (text: string, limit = 10, signal?: AbortSignal) =>
    request(SearchResponse, `/api/search?${q({ q: text, limit })}`, signal ? { signal } : undefined),
  node: (id: string) => request(NodeResponse, `/api/nodes/${encodeURIComponent(id)}`),
  neighbors: (id: string, opts: { relTypes?: string[]; limit?: number } = {}) =>
    request(
      NeighborsResponse,
      `/api/nodes/${encodeURIComponent(id)}/neighbors?${q({ relTypes: opts.relTypes, limit: opts.limit })}`,
    ),
  paths: (from: string, to: string, opts: { k?: number; exclude?: string[] } = {}) =>
    request(PathsResponse, `/api/paths?${q({ from, to, k: opts.k, exclude: opts.exclude })}`),
  relationship: (id: string) => request(RelationshipResponse, `/api/relationships/${encodeURIComponent(id)}`),
  document: (id: string) => request(DocumentResponse, `/api/documents/${encodeURIComponent(id)}`),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request(CypherResponse, '/api/cypher', json({ query, params })),
  queries: () => request(SavedQueryList, '/api/queries'),
  runQuery: (name: string, params: Record<string, unknown> = {}) =>
    request(CypherResponse, `/api/queries/${encodeURIComponent(name)}`, json({ params })),
};

/** One readable line for an error, for the UI. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return `${err.code}: ${err.message}`;
  return 'Unexpected error: ' + (err instanceof Error ? err.message : String(err));
}
