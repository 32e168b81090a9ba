// Pure helpers of the Cypher console: result cells as text, the position of a syntax error, and history.

/** A cell of a result row as one line of text (nodes by name, relationships by type). */
export function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(formatCell).join(', ') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const props = o['properties'] as Record<string, unknown> | undefined;
    if (props && Array.isArray(o['labels'])) return `(${String(props['name'] ?? props['title'] ?? o['id'])})`;
    if (props && typeof o['type'] === 'string') return `[:${o['type']}]`;
    return JSON.stringify(v);
  }
  return String(v);
}

export interface ErrorPosition {
  line: number;
  column: number;
  offset?: number;
}

/**
 * Finds {line, column[, offset]} in an error's details, directly or under `position`; else in Neo4j's
 * message text ("line 1, column 8 (offset: 7)"), which is only shown to the user, never branched on.
 */
export function errorPosition(details: unknown, message = ''): ErrorPosition | null {
  if (!details || typeof details !== 'object') {
    const m = /line (\d+), column (\d+)(?: \(offset: (\d+)\))?/.exec(message);
    if (!m) return null;
    const pos: ErrorPosition = { line: Number(m[1]), column: Number(m[2]) };
    if (m[3] !== undefined) pos.offset = Number(m[3]);
    return pos;
  }
  const d = details as Record<string, unknown>;
  const src = (d['position'] && typeof d['position'] === 'object' ? d['position'] : d) as Record<
    string,
    unknown
  >;
  const line = src['line'];
  const column = src['column'];
  if (typeof line !== 'number' || typeof column !== 'number') return errorPosition(null, message);
  const offset = src['offset'];
  return typeof offset === 'number' ? { line, column, offset } : { line, column };
}

/** The query's line at an error, and a caret under the column (1-based). */
export function caretLines(query: string, pos: ErrorPosition): [string, string] | null {
  const text = query.split('\n')[pos.line - 1];
  if (text === undefined) return null;
  return [text, ' '.repeat(Math.max(0, pos.column - 1)) + '^'];
}

/** Newest first, without duplicates, at most `max` entries. */
export function pushHistory(history: readonly string[], query: string, max: number): string[] {
  const q = query.trim();
  if (!q) return [...history];
  return [q, ...history.filter((h) => h !== q)].slice(0, max);
}
