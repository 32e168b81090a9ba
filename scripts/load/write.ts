// Writes one document's rows in one transaction: first removes what an earlier version of the document
// contributed, then upserts document, entities, mentions, hierarchy and facts in batches.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';
import { RELATION_TYPES, type RelationType } from '../../contract/vocabulary.ts';
import * as Q from './cypher.ts';
import { pinyinKeys } from './pinyin.ts';
import type { DocumentRows, FactRow, Gazetteer } from './rows.ts';

export const DEFAULT_BATCH_SIZE = 2000;

export interface WriteOptions {
  batchSize?: number;
  /** When given, statements run one at a time and their milliseconds add up here per kind (benchmarks). */
  timings?: Record<string, number>;
}

/** Region short names come back from the gazetteer when aliases are recomputed after a removal. */
export type ShortNames = Pick<Gazetteer, 'regionByCode'>;

export interface WriteResult {
  documentId: string;
  entities: number;
  facts: number;
  /** True when an earlier version of the document was replaced. */
  replaced: boolean;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Offsets and counts go in as Neo4j integers (plain JS numbers would be stored as floats). */
const int = (n: number) => neo4j.int(n);

function factParams(row: FactRow) {
  return { ...row, start: int(row.start), end: int(row.end) };
}

type Queue = (kind: string, query: string, params: Record<string, unknown>) => void;

/**
 * Statements are queued without waiting for each answer (the driver pipelines them, still in order, and any
 * failure rejects the transaction); with `timings` they run one by one and are timed instead.
 */
function createQueue(tx: ManagedTransaction, timings?: Record<string, number>) {
  let chain: Promise<unknown> = Promise.resolve();
  const pending: Promise<unknown>[] = [];
  const queue: Queue = (kind, query, params) => {
    if (!timings) {
      pending.push(tx.run(query, params).summary());
      return;
    }
    chain = chain.then(async () => {
      const started = performance.now();
      await tx.run(query, params).summary();
      timings[kind] = (timings[kind] ?? 0) + performance.now() - started;
    });
  };
  return { queue, done: () => Promise.all([...pending, chain]) };
}

function queueBatches(
  queue: Queue,
  kind: string,
  query: string,
  rows: object[],
  size: number,
  extra = {},
): void {
  for (const batch of chunks(rows, size)) queue(kind, query, { ...extra, rows: batch });
}

/** Recomputes aliases and pinyin of entities whose MENTIONS changed: the union of what remaining documents say. */
async function recomputeAliases(tx: ManagedTransaction, ids: string[], gazetteer: ShortNames): Promise<void> {
  if (ids.length === 0) return;
  const result = await tx.run(Q.ALIAS_SOURCES, { ids });
  const rows = result.records.map((r) => {
    const name = r.get('name') as string;
    const code = r.get('code') as string | null;
    const fromGazetteer =
      r.get('type') === 'Region' && code ? (gazetteer.regionByCode(code)?.shortNames ?? []) : [];
    const all = new Set([...(r.get('lists') as string[][]).flat(), ...fromGazetteer]);
    all.delete(name);
    const aliases = [...all].sort();
    return { id: r.get('id') as string, aliases, pinyin: pinyinKeys([name, ...aliases]).join(' ') };
  });
  await tx.run(Q.SET_ALIASES, { rows });
}

/** Removes a document's contribution inside `tx`; false when it was not loaded. */
export async function removeInTransaction(
  tx: ManagedTransaction,
  id: string,
  gazetteer: ShortNames,
): Promise<boolean> {
  const found = await tx.run(Q.DOCUMENT_ENTITIES, { id });
  if (found.records.length === 0) return false;
  const mentioned = found.records[0]!.get('ids') as string[];
  await tx.run(Q.DELETE_OWN_FACTS, { id });
  await tx.run(Q.UNLINK_SHARED_FACTS, { id });
  await tx.run(Q.DELETE_DOCUMENT, { id });
  // Each round may free the parent regions of the regions it deleted (county → … → country).
  let candidates = mentioned;
  while (candidates.length > 0) {
    const result = await tx.run(Q.DELETE_ORPHANS, { ids: candidates });
    candidates = [...new Set(result.records.flatMap((r) => r.get('parents') as string[]))];
  }
  await recomputeAliases(tx, mentioned, gazetteer);
  return true;
}

export async function writeRowsInTransaction(
  tx: ManagedTransaction,
  rows: DocumentRows,
  gazetteer: ShortNames,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const id = rows.document.id;
  const started = performance.now();
  const replaced = await removeInTransaction(tx, id, gazetteer);
  if (options.timings) options.timings.removal = (options.timings.removal ?? 0) + performance.now() - started;
  const props = {
    ...rows.document.props,
    chars: int(Number(rows.document.props.chars)),
    sentenceStarts: (rows.document.props.sentenceStarts as number[]).map(int),
    sentenceEnds: (rows.document.props.sentenceEnds as number[]).map(int),
  };
  const { queue, done } = createQueue(tx, options.timings);
  queue('document', Q.UPSERT_DOCUMENT, { id, props });
  queueBatches(queue, 'entities', Q.UPSERT_ENTITIES, rows.entities, size);
  const mentions = rows.mentions.map((m) => ({ ...m, count: int(m.count) }));
  queueBatches(queue, 'mentions', Q.UPSERT_MENTIONS, mentions, size, { id });
  queueBatches(queue, 'hierarchy', Q.UPSERT_HIERARCHY, rows.hierarchy, size);
  const byType = groupBy<FactRow, RelationType>(rows.facts, (f) => f.type);
  for (const type of RELATION_TYPES) {
    const group = byType.get(type);
    if (group) queueBatches(queue, 'facts', Q.upsertFacts(type), group.map(factParams), size);
  }
  await done();
  return { documentId: id, entities: rows.entities.length, facts: rows.facts.length, replaced };
}

function session(db: Database) {
  return db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
}

const TRANSIENT_ATTEMPTS = 8;

/** Deadlocks and other transient conflicts, e.g. two loaders writing the same entities at once. */
function isTransientConflict(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    code.startsWith('Neo.TransientError.') &&
    !code.endsWith('.Terminated') &&
    !code.endsWith('.LockClientStopped')
  );
}

/**
 * Runs a managed write and retries it on transient conflicts. The driver's own retry window is kept
 * short (1 s) for the API's sake, which is less than one document's transaction takes; without this a
 * deadlock against a concurrent loader made the document fail.
 */
async function writeWithRetry<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const s = session(db);
    try {
      return await s.executeWrite(work);
    } catch (err) {
      if (attempt >= TRANSIENT_ATTEMPTS || !isTransientConflict(err)) throw err;
      // Jittered back-off so two loaders that deadlocked do not collide again in step.
      const delay = Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    } finally {
      await s.close();
    }
  }
}

/** One transaction per document: on any error nothing of this document is left. */
export async function writeRows(
  db: Database,
  rows: DocumentRows,
  gazetteer: ShortNames,
  options: WriteOptions = {},
): Promise<WriteResult> {
  return writeWithRetry(db, (tx) => writeRowsInTransaction(tx, rows, gazetteer, options));
}

/** Removes a document, its MENTIONS, the facts only it states, and entities left with no source. */
export async function removeDocument(db: Database, id: string, gazetteer: ShortNames): Promise<boolean> {
  return writeWithRetry(db, (tx) => removeInTransaction(tx, id, gazetteer));
}
