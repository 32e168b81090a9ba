// Writes one document's rows in one transaction: first removes what an earlier version of the document
// contributed, then upserts document, entities, mentions, hierarchy and facts in batches.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../contract/vocabulary.ts';
import * as Q from './cypher.ts';
import { pinyinKeys } from './pinyin.ts';
import type { DocumentRows, FactRow, Gazetteer } from './rows.ts';

export const DEFAULT_BATCH_SIZE = 2000;
const CREATE_BATCH = 250;

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

type Props = Record<string, unknown>;

/** The facts of `facts` that exist already, by id, with their properties (one statement per batch). */
async function existingFacts(
  tx: ManagedTransaction,
  facts: FactRow[],
  size: number,
): Promise<Map<string, Props>> {
  const asks = chunks(facts, size).map((batch) => {
    const ids = groupBy(batch, (f) => f.type);
    const param = Object.fromEntries([...ids].map(([type, rows]) => [type, rows.map((f) => f.id)]));
    return tx
      .run(Q.EXISTING_FACTS, { ids: param })
      .then((r) => r.records.map((x) => [x.get('id') as string, x.get('props') as Props] as const));
  });
  return new Map((await Promise.all(asks)).flat());
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Adds this document as one more source of an existing fact: the provenance lists stay sorted by
 * documentId (this one inserted at its place) and the first source defines evidence, offsets and the
 * other properties.
 */
export function withSource(old: Props, row: FactRow): Props {
  const ids = list(old.documentIds) as string[];
  const at = ids.filter((d) => d < row.documentId).length;
  const insert = <T>(values: T[], value: T) => [...values.slice(0, at), value, ...values.slice(at)];
  const documentIds = insert(ids, row.documentId);
  const evidences = insert(list(old.evidences), row.evidence);
  const starts = insert(list(old.starts), int(row.start));
  const ends = insert(list(old.ends), int(row.end));
  const offset = (v: unknown) => (neo4j.integer.toNumber(v as number) < 0 ? null : v);
  const merged: Props = { ...old, ...(at === 0 ? row.props : {}) };
  return {
    ...merged,
    documentIds,
    evidences,
    starts,
    ends,
    documentId: documentIds[0],
    evidence: evidences[0],
    start: offset(starts[0]),
    end: offset(ends[0]),
  };
}

const FACT_PROP_KEYS = new Set<string>(Q.FACT_PROP_KEYS);
const RELATION_SET = new Set<string>(RELATION_TYPES);

/** A batch of facts as the columns `createFacts` and `addFactSources` read (`$c.key[i]`). */
function factColumns(rows: FactRow[]): Record<string, unknown[]> {
  const c: Record<string, unknown[]> = Object.fromEntries(Q.FACT_COLUMNS.map((k) => [k, []]));
  for (const row of rows) {
    // The type becomes a dynamic relationship type in CREATE_FACTS: only the vocabulary's.
    if (!RELATION_SET.has(row.type)) throw new Error(`unknown relation type ${row.type}`);
    for (const key of Object.keys(row.props))
      if (!FACT_PROP_KEYS.has(key)) throw new Error(`fact property ${key} is not in FACT_PROP_KEYS`);
    c.id!.push(row.id);
    c.type!.push(row.type);
    c.source!.push(row.source);
    c.target!.push(row.target);
    c.evidence!.push(row.evidence);
    // Plain numbers (floats on the wire, toInteger in Cypher) pack much faster than driver Integers.
    c.start!.push(row.start < 0 ? null : row.start);
    c.end!.push(row.end < 0 ? null : row.end);
    for (const key of Q.FACT_PROP_KEYS) c[key]!.push(row.props[key] ?? null);
  }
  return c;
}

const LABELS = new Set<string>(ENTITY_TYPES);

/** An entity row as UPSERT_ENTITIES takes it: its type label (only from the vocabulary) and its mention. */
function entityParams(rows: DocumentRows) {
  const mentions = new Map(rows.mentions.map((m) => [m.id, m]));
  return rows.entities.map((e) => {
    const m = mentions.get(e.id);
    return {
      ...e,
      labels: LABELS.has(e.type) ? [e.type] : [],
      mention: m ? { count: int(m.count), aliases: m.aliases } : null,
    };
  });
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
  const lock = await tx.run(Q.LOCK_DOCUMENT, { id });
  const replaced = lock.records[0]!.get('loaded') === true && (await removeInTransaction(tx, id, gazetteer));
  if (options.timings) options.timings.removal = (options.timings.removal ?? 0) + performance.now() - started;
  const props = {
    ...rows.document.props,
    chars: int(Number(rows.document.props.chars)),
    sentenceStarts: (rows.document.props.sentenceStarts as number[]).map(int),
    sentenceEnds: (rows.document.props.sentenceEnds as number[]).map(int),
  };
  const { queue, done } = createQueue(tx, options.timings);
  queue('document', Q.UPSERT_DOCUMENT, { id, props });
  // Entity upserts write-lock every entity of the document before its facts are looked up, so a concurrent
  // loader stating the same fact waits for this one and then finds the fact.
  queueBatches(queue, 'entities', Q.UPSERT_ENTITIES, entityParams(rows), size, { id });
  queueBatches(queue, 'hierarchy', Q.UPSERT_HIERARCHY, rows.hierarchy, size);
  // The lookup runs after the entity statements (the transaction keeps their order); only its answer is
  // awaited, so the statements above need no round trip of their own. Their failure surfaces at the end
  // (the lookup fails too then); the catch only keeps it from counting as unhandled meanwhile.
  const written = done();
  written.catch(() => undefined);
  // Timed statements run on a promise chain of their own: the lookup must not overtake them.
  if (options.timings) await written;
  const lookup = performance.now();
  const existing = await existingFacts(tx, rows.facts, size);
  if (options.timings) options.timings.lookup = (options.timings.lookup ?? 0) + performance.now() - lookup;
  const facts = createQueue(tx, options.timings);
  // Smaller batches here let Neo4j write one while the next is being encoded.
  for (const batch of chunks(
    rows.facts.filter((f) => !existing.has(f.id)),
    CREATE_BATCH,
  ))
    facts.queue('facts', Q.CREATE_FACTS, { doc: id, c: factColumns(batch) });
  for (const batch of chunks(
    rows.facts.filter((f) => existing.has(f.id)),
    size,
  )) {
    const k: Record<string, ReturnType<typeof int>[]> = {};
    batch.forEach((f, j) => (k[f.type] ??= []).push(int(j)));
    const props = batch.map((f) => withSource(existing.get(f.id)!, f));
    facts.queue('sources', Q.UPDATE_FACTS, { ids: batch.map((f) => f.id), props, k });
  }
  await Promise.all([written, facts.done()]);
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
  let end = 0;
  const result = await writeWithRetry(db, async (tx) => {
    const written = await writeRowsInTransaction(tx, rows, gazetteer, options);
    end = performance.now();
    return written;
  });
  if (options.timings) options.timings.commit = (options.timings.commit ?? 0) + performance.now() - end;
  return result;
}

/** Removes a document, its MENTIONS, the facts only it states, and entities left with no source. */
export async function removeDocument(db: Database, id: string, gazetteer: ShortNames): Promise<boolean> {
  return writeWithRetry(db, (tx) => removeInTransaction(tx, id, gazetteer));
}
