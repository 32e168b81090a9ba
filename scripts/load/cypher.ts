// The loader's Cypher: one UNWIND statement per row kind; labels and types come only from the
// contract's vocabulary (checked again here), values only as $rows / $id parameters.
import { RELATION_TYPES, type RelationType } from '../../contract/vocabulary.ts';

/** Inserts each new string of `list` into the sorted list `acc` (no APOC): keeps aliases sorted and distinct. */
function sortedUnion(acc: string, list: string): string {
  return `reduce(acc = ${acc}, x IN ${list} | CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)`;
}

export const UPSERT_DOCUMENT = `
MERGE (d:Document {id: $id})
SET d += $props`;

/**
 * The smaller of two optional strings: values that documents may state differently for one entity (a person's
 * role, an organization's region) do not depend on the order the documents were loaded in.
 */
function smallest(old: string, incoming: string): string {
  return `CASE WHEN ${old} IS NULL OR (${incoming} IS NOT NULL AND ${incoming} < ${old}) THEN ${incoming} ELSE ${old} END`;
}

/**
 * All entity rows of a document in one statement, with the document's MENTIONS of them. The type label is a
 * dynamic label from `row.labels` (the loader puts there only a label of the contract's vocabulary, or
 * nothing for an unknown type). MENTIONS are created, not merged: the document node is new or was just
 * emptied by the removal of its previous version, so none exists yet.
 */
export const UPSERT_ENTITIES = `
MATCH (d:Document {id: $id})
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH d, n, row, coalesce(n.aliases, []) AS oldAliases, [k IN split(coalesce(n.pinyin, ''), ' ') WHERE k <> ''] AS oldKeys,
  n.role AS oldRole, n.region AS oldRegion
WITH d, n, row, ${sortedUnion('oldAliases', 'row.aliases')} AS aliases, ${sortedUnion('oldKeys', 'row.pinyin')} AS keys,
  oldRole, oldRegion
SET n += row.props,
    n.role = ${smallest('oldRole', 'row.props.role')},
    n.region = ${smallest('oldRegion', 'row.props.region')},
    n.aliases = [a IN aliases WHERE a <> row.props.name],
    n.pinyin = reduce(s = '', k IN keys | s + CASE WHEN s = '' THEN '' ELSE ' ' END + k),
    n:$(row.labels)
WITH d, n, row
WHERE row.mention IS NOT NULL
CREATE (d)-[:MENTIONS {count: row.mention.count, aliases: row.mention.aliases}]->(n)`;

export const UPSERT_HIERARCHY = `
UNWIND $rows AS row
MATCH (c:Entity {id: row.child})
MATCH (p:Entity {id: row.parent})
MERGE (c)-[r:PART_OF {id: row.id}]->(p)
SET r.rule = 'gazetteer', r.hierarchy = true`;

/**
 * One UNION ALL branch per relation type, each an index seek on that type's `id` (cypher/schema; the index
 * is per type, and a dynamic type would not use it). One statement for every type keeps the number of
 * statements per document small: each statement costs a round of planning-cache lookup and set-up.
 */
function perTypeBranches(branch: (type: RelationType) => string): string {
  return `CALL () {\n${RELATION_TYPES.map(branch).join('\n  UNION ALL\n')}\n}`;
}

/**
 * The facts among `$ids` (a map: relation type → fact ids) that exist already, with their properties: the
 * loader merges the provenance of those few in memory. (Doing it in Cypher needed an Eager plan that
 * cost more per row than creating a fact.)
 */
export const EXISTING_FACTS = `
${perTypeBranches((t) => `  UNWIND $ids.${t} AS id MATCH ()-[r:${t} {id: id}]->() RETURN r`)}
RETURN r.id AS id, properties(r) AS props`;

/**
 * The properties a fact takes from its first source (FactRow.props); the loader checks every row against
 * this list. Rows go to Neo4j as columns (`$c.key[i]`, one list per key) rather than as a list of maps:
 * repeating every key in every row made encoding the parameters cost more than the writes.
 */
export const FACT_PROP_KEYS = [
  'amount',
  'currency',
  'amountText',
  'amountQualifier',
  'date',
  'dateText',
  'confidence',
  'rule',
  'planned',
  'role',
  'hierarchy',
] as const;

/** Columns every fact batch has besides FACT_PROP_KEYS (offsets are null when unknown). */
export const FACT_COLUMNS = [
  'id',
  'type',
  'source',
  'target',
  'evidence',
  'start',
  'end',
  ...FACT_PROP_KEYS,
] as const;

const propsOf = (i: string) => FACT_PROP_KEYS.map((k) => `${k}: $c.${k}[${i}]`).join(', ');
/** The provenance lists keep -1 for an unknown offset (lists cannot hold null). A CASE here put an Eager in the plan. */
const listOffset = (key: 'start' | 'end', i: string) => `toInteger(coalesce($c.${key}[${i}], -1))`;

/**
 * New facts, created with every property at once: this document ($doc) is the only source. The type is a
 * dynamic type from `$c.type` (the loader puts there only types of the contract's vocabulary). A literal
 * map of named keys (not SET r = map) keeps the plan free of an Eager.
 */
export const CREATE_FACTS = `
UNWIND range(0, size($c.id) - 1) AS i
MATCH (a:Entity {id: $c.source[i]})
MATCH (b:Entity {id: $c.target[i]})
CREATE (a)-[:$($c.type[i]) {id: $c.id[i], ${propsOf('i')},
  documentIds: [$doc], evidences: [$c.evidence[i]], starts: [${listOffset('start', 'i')}], ends: [${listOffset('end', 'i')}],
  documentId: $doc, evidence: $c.evidence[i], start: toInteger($c.start[i]), end: toInteger($c.end[i])}]->(b)`;

/**
 * Existing facts that this document states too get the properties the loader computed (`$props`, in the
 * order of `$ids`; `$k` maps each relation type to the indexes of its facts there).
 */
export const UPDATE_FACTS = `
${perTypeBranches((t) => `  UNWIND $k.${t} AS j MATCH ()-[r:${t} {id: $ids[j]}]->() RETURN r, j`)}
SET r = $props[j]`;

const FIRST_SOURCE = `SET r.documentId = r.documentIds[0],
    r.evidence = r.evidences[0],
    r.start = CASE WHEN r.starts[0] < 0 THEN null ELSE r.starts[0] END,
    r.end = CASE WHEN r.ends[0] < 0 THEN null ELSE r.ends[0] END`;

/**
 * The first statement of a document's transaction: creates or write-locks its Document node, so a second
 * loader of the same document waits here until the first commits (and then replaces its version) instead
 * of adding its provenance a second time. `loaded` is false for a document not loaded before.
 */
export const LOCK_DOCUMENT = `
MERGE (d:Document {id: $id})
SET d.id = $id
RETURN d.sha256 IS NOT NULL AS loaded`;

/** The entities a document mentions (removal candidates); no row when the document is not loaded. */
export const DOCUMENT_ENTITIES = `
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
RETURN d.id AS document, collect(e.id) AS ids`;

/** Facts only this document states. Facts join entities it mentions, so the search starts there. */
export const DELETE_OWN_FACTS = `
MATCH (:Document {id: $id})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE r.documentIds = [$id]
DELETE r`;

export const UNLINK_SHARED_FACTS = `
MATCH (:Document {id: $id})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE $id IN r.documentIds
WITH r, r.documentIds AS ids, r.evidences AS evs, r.starts AS ss, r.ends AS es
WITH r, ids, evs, ss, es, [k IN range(0, size(ids) - 1) WHERE ids[k] <> $id] AS keep
SET r.documentIds = [k IN keep | ids[k]],
    r.evidences = [k IN keep | evs[k]],
    r.starts = [k IN keep | ss[k]],
    r.ends = [k IN keep | es[k]]
${FIRST_SOURCE}`;

export const DELETE_DOCUMENT = `
MATCH (d:Document {id: $id})
DETACH DELETE d`;

/**
 * Deletes candidates left with no source: not mentioned, no fact, no region below them in the
 * hierarchy. Returns the parents of deleted regions, which become the next candidates.
 */
export const DELETE_ORPHANS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)<-[:MENTIONS]-(:Document) }
  AND NOT EXISTS { (e)-[r]-(:Entity) WHERE coalesce(r.hierarchy, false) = false }
  AND NOT EXISTS { (e)<-[:PART_OF {hierarchy: true}]-(:Entity) }
WITH e, [(e)-[:PART_OF {hierarchy: true}]->(p:Entity) | p.id] AS parents
DETACH DELETE e
RETURN parents`;

/** What the aliases of the remaining candidates are recomputed from, after a removal. */
export const ALIAS_SOURCES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Document)
RETURN e.id AS id, e.name AS name, e.code AS code, e.type AS type, collect(m.aliases) AS lists`;

export const SET_ALIASES = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.aliases = row.aliases, e.pinyin = row.pinyin`;
