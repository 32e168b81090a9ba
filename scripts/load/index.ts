// The loader's public API: load files or folders into Neo4j (one transaction per document), remove a
// document, load the seeds at start-up when they changed, and hash the graph's content.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Database } from '../../server/db/database.ts';
import {
  extractDocument,
  readDocumentFile,
  segmentSentences,
  type SourceDocument,
} from '../extract/index.ts';
import { ancestorsOf, regionByCode } from '../extract/gazetteer/index.ts';
import { applyCuration, EMPTY_CURATION, readCuration, type Curation } from './curation.ts';
import { documentFiles } from './files.ts';
import { parseExtraction, toDocumentRows, type DocumentRows, type FactRow, type Gazetteer } from './rows.ts';
import { removeDocument as removeWithGazetteer, writeRows, type WriteOptions } from './write.ts';

export { graphContentHash } from './hash.ts';
export { parseCuration, readCuration, applyCuration, CurationError } from './curation.ts';

export interface LoadLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface LoadProgress {
  done: number;
  total: number;
  failed: number;
  entities: number;
  facts: number;
  current: string;
}

export interface LoadOptions extends WriteOptions {
  dryRun?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  logger?: LoadLogger;
  curationPath?: string;
  /** Files larger than this are refused before being read (default MAX_DOCUMENT_BYTES). */
  maxDocumentBytes?: number;
}

export interface DryRunReport {
  labels: Record<string, number>;
  types: Record<string, number>;
  sample: FactRow[];
}

export interface LoadSummary {
  documents: number;
  failed: Array<{ document: string; message: string }>;
  entities: number;
  facts: number;
  skippedFacts: number;
  seconds: number;
  dryRun?: DryRunReport;
}

const SILENT: LoadLogger = { info() {}, warn() {}, error() {} };
const SAMPLE_FACTS = 5;
/**
 * A document is one transaction and its full text one property: 16 MB of UTF-8 is far beyond any article
 * and keeps the loader's and the database's memory bounded. Larger files are refused with a clear error.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export const gazetteer: Gazetteer = { regionByCode, ancestorsOf };

/** Removes a document, the facts only it states and the entities no other document needs. */
export async function removeDocument(db: Database, id: string): Promise<boolean> {
  return removeWithGazetteer(db, id, gazetteer);
}

/** One line, no stack: Neo4j errors keep their code, others their message's first line. */
export function describeError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const first = String(e?.message ?? err)
    .split('\n')[0]!
    .trim();
  return typeof e?.code === 'string' && !first.includes(e.code) ? `${e.code}: ${first}` : first;
}

/** Extraction + curation + rows for one source document (pure apart from the gazetteer). */
export function buildRows(source: SourceDocument, curation: Curation = EMPTY_CURATION): DocumentRows {
  const extraction = parseExtraction(
    extractDocument({
      id: source.id,
      text: source.text,
      title: source.title,
      date: source.date,
      source: source.source,
    }),
  );
  return toDocumentRows(
    source,
    applyCuration(extraction, curation),
    gazetteer,
    segmentSentences(source.text),
  );
}

/** Writes one document given its extraction (validated; curation is the caller's business). */
export async function writeDocument(
  db: Database,
  source: SourceDocument,
  extraction: unknown,
  options: WriteOptions = {},
) {
  return writeRows(
    db,
    toDocumentRows(source, extraction, gazetteer, segmentSentences(source.text)),
    gazetteer,
    options,
  );
}

function addDryRun(report: DryRunReport, rows: DocumentRows): void {
  for (const e of rows.entities) report.labels[e.type] = (report.labels[e.type] ?? 0) + 1;
  report.labels.Document = (report.labels.Document ?? 0) + 1;
  for (const f of rows.facts) report.types[f.type] = (report.types[f.type] ?? 0) + 1;
  if (rows.hierarchy.length > 0)
    report.types['PART_OF (hierarchy)'] = (report.types['PART_OF (hierarchy)'] ?? 0) + rows.hierarchy.length;
  report.types.MENTIONS = (report.types.MENTIONS ?? 0) + rows.mentions.length;
  for (const f of rows.facts) if (report.sample.length < SAMPLE_FACTS) report.sample.push(f);
}

async function loadCuration(options: LoadOptions): Promise<Curation> {
  return options.curationPath ? readCuration(options.curationPath) : EMPTY_CURATION;
}

type Prepared = { rows: DocumentRows } | { name: string; error: unknown };

/** Reads, extracts and curates one file; never rejects (the error is reported when its turn comes). */
async function prepare(file: string, curation: Curation, maxBytes: number): Promise<Prepared> {
  let name = file;
  try {
    const source = await readDocumentFile(file, { maxBytes });
    name = source.id;
    // Yield once so the extraction runs while the previous document's statements are in flight.
    await new Promise((resolve) => setImmediate(resolve));
    return { rows: buildRows(source, curation) };
  } catch (error) {
    return { name, error };
  }
}

/** Loads documents one transaction each; a failing document is reported and the others still load. */
export async function loadFiles(
  db: Database | null,
  files: string[],
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const logger = options.logger ?? SILENT;
  const curation = await loadCuration(options);
  const summary: LoadSummary = {
    documents: 0,
    failed: [],
    entities: 0,
    facts: 0,
    skippedFacts: 0,
    seconds: 0,
  };
  if (options.dryRun) summary.dryRun = { labels: {}, types: {}, sample: [] };
  // The next document is read and extracted while the current one is being written (Node is idle then).
  const maxBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
  let next = files.length > 0 ? prepare(files[0]!, curation, maxBytes) : null;
  for (const [index, file] of files.entries()) {
    let name = file;
    try {
      const prepared = await next!;
      next = index + 1 < files.length ? prepare(files[index + 1]!, curation, maxBytes) : null;
      if ('error' in prepared) {
        name = prepared.name;
        throw prepared.error;
      }
      const rows = prepared.rows;
      name = rows.document.id;
      for (const line of rows.skipped) logger.warn(`${name}: skipped ${line}`);
      summary.skippedFacts += rows.skipped.length;
      if (summary.dryRun) addDryRun(summary.dryRun, rows);
      else if (db) await writeRows(db, rows, gazetteer, options);
      summary.documents += 1;
      summary.entities += rows.entities.length;
      summary.facts += rows.facts.length;
    } catch (err) {
      const message = describeError(err);
      summary.failed.push({ document: name, message });
      logger.error(`${name}: not loaded: ${message}`);
    }
    const progress = { done: index + 1, total: files.length, failed: summary.failed.length, current: name };
    options.onProgress?.({ ...progress, entities: summary.entities, facts: summary.facts });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** `loadPaths(db, ['seeds/', 'more.txt'])`: files or folders. With dryRun, db may be null. */
export async function loadPaths(db: Database | null, paths: readonly string[], options: LoadOptions = {}) {
  return loadFiles(db, await documentFiles(paths), options);
}

async function loadedDocuments(db: Database): Promise<Map<string, { sha256: string; seed: boolean }>> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(
      "MATCH (d:Document) RETURN d.id AS id, d.sha256 AS sha256, d.collection = 'seeds' AS seed",
    );
    return new Map(
      result.records.map((r) => [
        r.get('id') as string,
        { sha256: r.get('sha256') as string, seed: r.get('seed') === true },
      ]),
    );
  } finally {
    await session.close();
  }
}

/** Marks documents as coming from the seeds folder, so a later start may replace or remove them (and only them). */
async function markSeedDocuments(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite((tx) =>
      tx.run("MATCH (d:Document) WHERE d.id IN $ids SET d.collection = 'seeds'", { ids }),
    );
  } finally {
    await session.close();
  }
}

/**
 * At start-up: loads the seeds when the database has no document or the seeds' sha256 set differs from
 * the loaded documents' (changed ones replaced, new ones added, documents no longer in the seeds removed).
 * Returns null when nothing had to be done.
 */
export async function loadSeedsIfNeeded(db: Database, seedsDir: string, logger: LoadLogger = SILENT) {
  const files = await documentFiles([seedsDir]);
  const sources = await Promise.all(files.map(async (file) => ({ file, doc: await readDocumentFile(file) })));
  const loaded = await loadedDocuments(db);
  const changed = sources
    .filter(({ doc }) => loaded.get(doc.id)?.sha256 !== doc.sha256)
    .map(({ file }) => file);
  const seedIds = new Set(sources.map(({ doc }) => doc.id));
  // Only documents that came from the seeds folder are removed with it: documents a researcher loaded
  // by hand (`npm run load`) stay.
  const removed = [...loaded]
    .filter(([id, doc]) => doc.seed && !seedIds.has(id))
    .map(([id]) => id)
    .sort();
  if (changed.length === 0 && removed.length === 0) {
    logger.info(`seeds: ${loaded.size} documents already loaded, nothing to do`);
    return null;
  }
  for (const id of removed) await removeDocument(db, id);
  const curationPath = join(seedsDir, 'curation.yaml');
  const options: LoadOptions = { logger, ...(existsSync(curationPath) ? { curationPath } : {}) };
  const summary = await loadFiles(db, changed, options);
  const failed = new Set(summary.failed.map((f) => f.document));
  await markSeedDocuments(
    db,
    sources.map(({ doc }) => doc.id).filter((id) => !failed.has(id)),
  );
  logger.info(
    `seeds: loaded ${summary.documents}, failed ${summary.failed.length}, removed ${removed.length} ` +
      `(${summary.entities} entities, ${summary.facts} facts, ${summary.seconds.toFixed(1)} s)`,
  );
  return { ...summary, removed };
}
