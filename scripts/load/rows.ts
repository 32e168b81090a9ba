// Turns one document and its (curated) extraction into the rows the loader writes: pure, no I/O,
// so every choice about the graph model is unit-tested without a database.
import { Extraction, type ExtractedEntity, type ExtractedRelation } from '../../contract/extraction.ts';
import {
  ENTITY_TYPES,
  HIERARCHY_RELATIONS,
  type EntityType,
  type RelationType,
} from '../../contract/vocabulary.ts';
import { factId, hierarchyId, orientFact } from './ids.ts';
import { pinyinKeys } from './pinyin.ts';

/** The part of a gazetteer record the loader uses (scripts/extract/gazetteer RegionRecord). */
export interface RegionInfo {
  code: string;
  name: string;
  shortNames: string[];
  level: string;
  zone: string | null;
  lat: number | null;
  lon: number | null;
  nameEn: string;
}

export interface Gazetteer {
  regionByCode(code: string): RegionInfo | null | undefined;
  /** Parent first, up to the country. */
  ancestorsOf(code: string): RegionInfo[];
}

/** The part of scripts/extract SourceDocument the loader uses. */
export interface SourceInfo {
  id: string;
  title: string;
  text: string;
  date: string | null;
  source?: string | undefined;
  sha256: string;
}

export type Scalar = string | number | boolean | null;

export interface DocumentRow {
  id: string;
  props: Record<string, Scalar | number[]>;
}

export interface EntityRow {
  id: string;
  type: EntityType | 'Other';
  /** Null values are left out: a document that does not know a value does not erase it. */
  props: Record<string, Scalar>;
  aliases: string[];
  pinyin: string[];
}

export interface MentionRow {
  id: string;
  count: number;
  /** The other names this document uses for the entity: kept per document so a removal can take them back. */
  aliases: string[];
}

export interface FactRow {
  id: string;
  type: RelationType;
  source: string;
  target: string;
  documentId: string;
  evidence: string;
  start: number;
  end: number;
  /** Every key present (null when unknown): the first source defines them all. */
  props: Record<string, Scalar>;
}

export interface HierarchyRow {
  id: string;
  child: string;
  parent: string;
}

export interface DocumentRows {
  document: DocumentRow;
  entities: EntityRow[];
  mentions: MentionRow[];
  facts: FactRow[];
  hierarchy: HierarchyRow[];
  /** Relations left out, with the reason (one line each). */
  skipped: string[];
}

export class InvalidExtractionError extends Error {
  readonly code = 'INVALID_EXTRACTION';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidExtractionError';
  }
}

const KNOWN_TYPES = new Set<string>(ENTITY_TYPES);

export function regionEntityId(code: string): string {
  return 'region:' + code;
}

function sortedUnique(values: Iterable<string>, exclude?: string): string[] {
  const set = new Set<string>();
  for (const v of values) if (v.length > 0 && v !== exclude) set.add(v);
  return [...set].sort();
}

function withoutNulls(props: Record<string, Scalar | undefined>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(props))
    if (value !== null && value !== undefined) out[key] = value;
  return out;
}

export function regionRow(record: RegionInfo, aliases: string[]): EntityRow {
  const all = sortedUnique([...aliases, ...record.shortNames], record.name);
  return {
    id: regionEntityId(record.code),
    type: 'Region',
    props: withoutNulls({
      name: record.name,
      type: 'Region',
      nameEn: record.nameEn,
      region: record.name,
      code: record.code,
      level: record.level,
      zone: record.zone,
      lat: record.lat,
      lon: record.lon,
    }),
    aliases: all,
    pinyin: pinyinKeys([record.name, ...all]),
  };
}

function entityRow(entity: ExtractedEntity): EntityRow {
  const type = KNOWN_TYPES.has(entity.type) ? (entity.type as EntityType) : 'Other';
  const aliases = sortedUnique(entity.aliases, entity.name);
  return {
    id: entity.id,
    type,
    props: withoutNulls({
      name: entity.name,
      type,
      nameEn: entity.nameEn,
      region: entity.region,
      code: entity.code,
      level: entity.level,
      zone: entity.zone,
      lat: entity.lat,
      lon: entity.lon,
      role: entity.role,
    }),
    aliases,
    pinyin: pinyinKeys([entity.name, ...aliases]),
  };
}

/** Folds entities that share an id (an extractor may list one twice). */
function uniqueEntities(entities: ExtractedEntity[]): ExtractedEntity[] {
  const byId = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (!seen) byId.set(e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] });
    else {
      seen.aliases.push(e.name, ...e.aliases);
      seen.mentions.push(...e.mentions);
    }
  }
  return [...byId.values()];
}

interface Resolved {
  rows: Map<string, EntityRow>;
  /** Extraction id, name or alias → graph id. */
  lookup: Map<string, string>;
  mentions: MentionRow[];
  hierarchy: Map<string, HierarchyRow>;
  /** Graph id → region codes of its ancestors (for the hierarchy-fact check). */
  ancestors: Map<string, Set<string>>;
}

function resolveEntities(entities: ExtractedEntity[], gazetteer: Gazetteer): Resolved {
  const r: Resolved = {
    rows: new Map(),
    lookup: new Map(),
    mentions: [],
    hierarchy: new Map(),
    ancestors: new Map(),
  };
  const counts = new Map<string, number>();
  const surfaces = new Map<string, string[]>();
  for (const entity of entities) {
    const record = entity.type === 'Region' && entity.code ? gazetteer.regionByCode(entity.code) : null;
    const row = record ? regionRow(record, [entity.name, ...entity.aliases]) : entityRow(entity);
    const seen = r.rows.get(row.id);
    if (seen) seen.aliases = sortedUnique([...seen.aliases, ...row.aliases], String(seen.props.name));
    else r.rows.set(row.id, row);
    counts.set(row.id, (counts.get(row.id) ?? 0) + entity.mentions.length);
    surfaces.set(row.id, [...(surfaces.get(row.id) ?? []), entity.name, ...entity.aliases]);
    r.lookup.set(entity.id, row.id);
    if (record) addHierarchy(r, record, gazetteer);
  }
  for (const entity of entities) {
    const id = r.lookup.get(entity.id)!;
    for (const surface of [entity.name, ...entity.aliases])
      if (!r.lookup.has(surface)) r.lookup.set(surface, id);
  }
  r.mentions = [...counts]
    .map(([id, count]) => ({
      id,
      count,
      aliases: sortedUnique(surfaces.get(id)!, String(r.rows.get(id)!.props.name)),
    }))
    .sort((a, b) => cmp(a.id, b.id));
  return r;
}

function addHierarchy(r: Resolved, record: RegionInfo, gazetteer: Gazetteer): void {
  const chain = [record, ...gazetteer.ancestorsOf(record.code)];
  r.ancestors.set(regionEntityId(record.code), new Set(chain.slice(1).map((a) => a.code)));
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i]!;
    const parent = chain[i + 1]!;
    const parentId = regionEntityId(parent.code);
    if (!r.rows.has(parentId)) r.rows.set(parentId, regionRow(parent, []));
    const id = hierarchyId(child.code);
    r.hierarchy.set(id, { id, child: regionEntityId(child.code), parent: parentId });
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function locate(relation: ExtractedRelation, text: string): { start: number; end: number } {
  if (relation.start !== undefined && relation.end !== undefined)
    return { start: relation.start, end: relation.end };
  const at = relation.evidence ? text.indexOf(relation.evidence) : -1;
  return at < 0 ? { start: -1, end: -1 } : { start: at, end: at + relation.evidence.length };
}

function factRow(
  relation: ExtractedRelation,
  type: RelationType,
  ends: { source: string; target: string },
  doc: SourceInfo,
): FactRow {
  const oriented = orientFact({ type, ...ends });
  const offsets = locate(relation, doc.text);
  return {
    id: factId({ ...oriented, date: relation.date?.value, amount: relation.amount?.value }),
    type,
    source: oriented.source,
    target: oriented.target,
    documentId: doc.id,
    evidence: relation.evidence,
    start: offsets.start,
    end: offsets.end,
    props: {
      amount: relation.amount?.value ?? null,
      currency: relation.amount?.currency ?? null,
      amountText: relation.amount?.text ?? null,
      amountQualifier: relation.amount?.qualifier ?? null,
      date: relation.date?.value ?? null,
      dateText: relation.date?.text ?? null,
      confidence: relation.confidence ?? null,
      rule: relation.rule ?? null,
      planned: relation.planned ?? false,
      role: relation.role ?? null,
      hierarchy: false,
    },
  };
}

function isCoveredByHierarchy(r: Resolved, type: RelationType, source: string, target: string): boolean {
  if (!HIERARCHY_RELATIONS.has(type)) return false;
  const code = target.startsWith('region:') ? target.slice('region:'.length) : null;
  return code !== null && (r.ancestors.get(source)?.has(code) ?? false);
}

function resolveFacts(
  relations: ExtractedRelation[],
  r: Resolved,
  doc: SourceInfo,
  skipped: string[],
): FactRow[] {
  const facts = new Map<string, FactRow>();
  for (const relation of relations) {
    if (relation.type === 'OTHER') continue;
    const source = r.lookup.get(relation.source);
    const target = r.lookup.get(relation.target);
    const what = `${relation.type} ${relation.source} → ${relation.target}`;
    if (!source || !target) {
      skipped.push(`${what}: unknown ${source ? 'target' : 'source'} entity`);
      continue;
    }
    if (source === target) {
      skipped.push(`${what}: both ends are the same entity`);
      continue;
    }
    if (isCoveredByHierarchy(r, relation.type, source, target)) continue;
    const row = factRow(relation, relation.type, { source, target }, doc);
    const seen = facts.get(row.id);
    // The same fact stated twice in one document: keep the earliest statement.
    if (!seen || (row.start >= 0 && (seen.start < 0 || row.start < seen.start))) facts.set(row.id, row);
  }
  return [...facts.values()].sort((a, b) => cmp(a.id, b.id));
}

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Entity types whose `region` attribute says where they are (a person's region says less). */
const LOCATED_TYPES = new Set([
  'University',
  'ResearchInstitute',
  'Company',
  'Fund',
  'GovernmentAgency',
  'Platform',
  'Event',
]);
export const REGION_RULE = 'entity-region';

/**
 * The extractor's `region` attribute of an organization, platform or event as a LOCATED_IN fact, so the
 * graph links it to its region (and through the hierarchy to the province): only when the extraction has no
 * LOCATED_IN / PART_OF from it, the region is an entity of the same document, and a sentence mentions it
 * (that sentence is the evidence). Rule `entity-region`, confidence 0.6.
 */
function regionFacts(
  entities: ExtractedEntity[],
  relations: ExtractedRelation[],
  r: Resolved,
  doc: SourceInfo,
  sentences: SentenceSpan[],
): ExtractedRelation[] {
  const placed = new Set(
    relations
      .filter((x) => HIERARCHY_RELATIONS.has(x.type as RelationType))
      .map((x) => r.lookup.get(x.source)),
  );
  const out: ExtractedRelation[] = [];
  for (const e of entities) {
    const id = r.lookup.get(e.id)!;
    const region = e.region ? r.lookup.get(e.region) : undefined;
    const mention = [...e.mentions].sort((a, b) => a.start - b.start)[0];
    if (
      !LOCATED_TYPES.has(e.type) ||
      !region?.startsWith('region:') ||
      region === id ||
      placed.has(id) ||
      !mention
    )
      continue;
    const sentence = sentences.find((s) => s.start <= mention.start && mention.start < s.end);
    if (!sentence) continue;
    const evidence = doc.text.slice(sentence.start, sentence.end).trim();
    if (!evidence) continue;
    placed.add(id);
    out.push({
      source: e.id,
      target: region,
      type: 'LOCATED_IN',
      evidence,
      start: sentence.start,
      end: sentence.end,
      confidence: 0.6,
      rule: REGION_RULE,
    });
  }
  return out;
}

/** Validates an extraction with the contract's zod schema; the error names the first wrong field. */
export function parseExtraction(extraction: unknown): Extraction {
  const parsed = Extraction.safeParse(extraction);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidExtractionError(
    `invalid extraction at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
  );
}

/** Validates the extraction (zod) and builds the rows of one document. */
export function toDocumentRows(
  source: SourceInfo,
  extraction: unknown,
  gazetteer: Gazetteer,
  sentences: SentenceSpan[],
): DocumentRows {
  const data = parseExtraction(extraction);
  if (data.document.id !== source.id) {
    throw new InvalidExtractionError(`extraction is for document ${data.document.id}, not ${source.id}`);
  }
  const resolved = resolveEntities(uniqueEntities(data.entities), gazetteer);

  const skipped: string[] = [];
  const entities = uniqueEntities(data.entities);
  const derived = regionFacts(entities, data.relations, resolved, source, sentences);
  const facts = resolveFacts([...data.relations, ...derived], resolved, source, skipped);
  const document: DocumentRow = {
    id: source.id,
    props: {
      title: source.title,
      source: source.source ?? null,
      date: source.date,
      sha256: source.sha256,
      chars: source.text.length,
      text: source.text,
      sentenceStarts: sentences.map((s) => s.start),
      sentenceEnds: sentences.map((s) => s.end),
    },
  };
  return {
    document,
    entities: [...resolved.rows.values()].sort((a, b) => cmp(a.id, b.id)),
    mentions: resolved.mentions,
    facts,
    hierarchy: [...resolved.hierarchy.values()].sort((a, b) => cmp(a.id, b.id)),
    skipped,
  };
}
