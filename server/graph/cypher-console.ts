// The researchers' Cypher console, read-only by construction: size limit, lexical pre-check, the planner's
// verdict (EXPLAIN: query type 'r', no writing/loading operator, allow-listed procedures only), then a
// READ-mode transaction with a timeout and a row cap. Returns columns, rows and the graph found in them.
import neo4j, { type Node, type Record as Neo4jRecord, type ResultSummary, type Session } from 'neo4j-driver';
import type { CypherResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { toNative } from '../db/to-native.ts';
import { AppError, toAppError } from '../errors.ts';
import { GraphCollector } from './elements.ts';
import { checkPlan, checkQueryText, type PlanLike } from './read-only.ts';
import { readQuery } from './run.ts';

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxQueryChars: number;
}

/** JSON numbers that are whole become Neo4j Integers, so `LIMIT $n` and `range(0, $n)` work. */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toDriverParams(item)]));
  }
  return value;
}

const EXPLAIN_PREFIX = 'EXPLAIN ';

export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * The position of a syntax error in the user's text. The server reports it only inside its message
 * ("(line 1, column 19 (offset: 18))") for the EXPLAIN-prefixed text, so it is read there and shifted back.
 */
export function syntaxPosition(message: string): ErrorPosition | undefined {
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const shift = EXPLAIN_PREFIX.length;
  return {
    line,
    column: line === 1 ? Math.max(1, Number(match[2]) - shift) : Number(match[2]),
    offset: Math.max(0, Number(match[3]) - shift),
  };
}

function queryError(err: unknown): AppError {
  const mapped = toAppError(err);
  if (mapped.code !== 'QUERY_ERROR') return mapped;
  const position = syntaxPosition(mapped.message);
  if (!position) return mapped;
  // Keep the server's explanation, drop its echo of the EXPLAIN-prefixed text.
  const reason = (mapped.message.split(/\s\(line \d+, column/)[0] ?? mapped.message).trim();
  const message = `${reason} (line ${position.line}, column ${position.column})`;
  return new AppError('QUERY_ERROR', message, { ...(mapped.details as object), position }, { cause: err });
}

function refuse(reason: string): AppError {
  return new AppError('READ_ONLY', `Only read queries are allowed in the console: ${reason}.`, { reason });
}

async function explain(session: Session, query: string, params: Record<string, unknown>): Promise<void> {
  let summary: ResultSummary;
  try {
    summary = await session.executeRead(async (tx) => (await tx.run(EXPLAIN_PREFIX + query, params)).summary);
  } catch (err) {
    throw queryError(err);
  }
  const verdict = checkPlan(summary.queryType, summary.plan as PlanLike | false);
  if (!verdict.ok) throw refuse(verdict.reason ?? 'refused');
}

async function execute(
  session: Session,
  query: string,
  params: Record<string, unknown>,
  limits: ConsoleLimits,
): Promise<{ columns: string[]; records: Neo4jRecord[]; truncated: boolean }> {
  return session.executeRead(
    async (tx) => {
      const result = tx.run(query, params);
      const records: Neo4jRecord[] = [];
      let truncated = false;
      for await (const record of result) {
        if (records.length >= limits.maxRows) {
          truncated = true;
          break;
        }
        records.push(record);
      }
      const columns = [...(await result.keys())].map(String);
      return { columns, records, truncated };
    },
    { timeout: limits.timeoutMs },
  );
}

/** Endpoints of relationships whose nodes are not in the rows, fetched so the graph can be drawn. */
async function fetchNodes(db: Database, elementIds: string[]): Promise<Node[]> {
  if (elementIds.length === 0) return [];
  const records = await readQuery(db, 'MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: elementIds });
  return records.map((record) => record.get('n') as Node);
}

export async function runConsoleQuery(
  db: Database,
  query: string,
  rawParams: Record<string, unknown>,
  limits: ConsoleLimits,
): Promise<CypherResponse> {
  if (query.length > limits.maxQueryChars) {
    throw new AppError('PAYLOAD_TOO_LARGE', `query: longer than ${limits.maxQueryChars} characters.`, {
      param: 'query',
      max: limits.maxQueryChars,
    });
  }
  const lexical = checkQueryText(query);
  if (!lexical.ok) throw refuse(lexical.reason ?? 'refused');
  const params = toDriverParams(rawParams) as Record<string, unknown>;
  const started = performance.now();
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  let outcome: Awaited<ReturnType<typeof execute>>;
  try {
    await explain(session, query, params);
    outcome = await execute(session, query, params, limits);
  } finally {
    await session.close();
  }
  const collector = new GraphCollector();
  for (const record of outcome.records) collector.add(record.toObject());
  for (const node of await fetchNodes(db, collector.missingEndpoints())) collector.add(node);
  const known = [...collector.nodes.values()];
  return {
    columns: outcome.columns,
    rows: outcome.records.map((record) => outcome.columns.map((key) => toNative(record.get(key), known))),
    graph: collector.toGraph(),
    truncated: outcome.truncated,
    elapsedMs: Math.round(performance.now() - started),
  };
}
