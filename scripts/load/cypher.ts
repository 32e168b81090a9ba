// The loader's Cypher: one UNWIND statement per row kind; labels and types come only from the
// contract's vocabulary (checked again here), values only as $rows / $id parameters.
import { ENTITY_TYPES, RELATION_TYPES, type RelationType } from '../../contract/vocabulary.ts';

const TYPES = new Set<string>(RELATION_TYPES);

/** Inserts each new string of `list` into the sorted list `acc` (no APOC): keeps aliases sorted and distinct. */
function sortedUnion(acc: string, list: string): string {
  return `reduce(acc = ${acc}, x IN ${list} | CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)`;
}

export const UPSERT_DOCUMENT = `
MERGE (d:Document {id: $id})
SET d += $props`;

/** Each row's type label is set by one FOREACH per vocabulary label (no APOC, no dynamic labels). */
const SET_TYPE_LABEL = ENTITY_TYPES.map(
  (label) => `FOREACH (_ IN CASE WHEN row.type = '${label}' THEN [1] ELSE [] END | SET n:${label})`,
).join('\n');

/** All entity rows of a document in one statement (type labels from the allow-list above). */
export const UPSERT_ENTITIES = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, coalesce(n.aliases, []) AS oldAliases, [k IN split(coalesce(n.pinyin, ''), ' ') WHERE k <> ''] AS oldKeys
WITH n, row, ${sortedUnion('oldAliases', 'row.aliases')} AS aliases, ${sortedUnion('oldKeys', 'row.pinyin')} AS keys
SET n += row.props,
    n.aliases = [a IN aliases WHERE a <> row.props.name],
    n.pinyin = reduce(s = '', k IN keys | s + CASE WHEN s = '' THEN '' ELSE ' ' END + k)
${SET_TYPE_LABEL}`;

export const UPSERT_MENTIONS = `
MATCH (d:Document {id: $id})
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count, m.aliases = row.aliases`;

export const UPSERT_HIERARCHY = `
UNWIND $rows AS row
MATCH (c:Entity {id: row.child})
MATCH (p:Entity {id: row.parent})
MERGE (c)-[r:PART_OF {id: row.id}]->(p)
SET r.rule = 'gazetteer', r.hierarchy = true`;

/**
 * Adds this document as one source of each fact: the provenance lists stay sorted by documentId
 * (inserted at their place) and the first source defines evidence, offsets and the other properties.
 * The fact is found by an index seek on its id (cypher/schema) rather than MERGE, whose plan can turn into
 * a scan of every relationship of the type once the store grows; all reads come before the one SET so the
 * plan needs no Eager between writes.
 */
export function upsertFacts(type: RelationType): string {
  if (!TYPES.has(type)) throw new Error(`upsertFacts: unknown relation type ${type}`);
  return `
UNWIND $rows AS row
OPTIONAL MATCH ()-[old:${type} {id: row.id}]->()
CALL (row, old) {
  WITH row, old
  WHERE old IS NULL
  MATCH (a:Entity {id: row.source})
  MATCH (b:Entity {id: row.target})
  CREATE (a)-[r:${type} {id: row.id}]->(b)
  RETURN r
UNION ALL
  WITH row, old
  WHERE old IS NOT NULL
  RETURN old AS r
}
WITH r, row, coalesce(r.documentIds, []) AS ids, coalesce(r.evidences, []) AS evs,
     coalesce(r.starts, []) AS ss, coalesce(r.ends, []) AS es
WITH r, row, ids, evs, ss, es, size([d IN ids WHERE d < row.documentId]) AS i
WITH r, row, i,
     ids[0..i] + [row.documentId] + ids[i..] AS nids,
     evs[0..i] + [row.evidence] + evs[i..] AS nevs,
     ss[0..i] + [row.start] + ss[i..] AS nss,
     es[0..i] + [row.end] + es[i..] AS nes
SET r += CASE WHEN i = 0 THEN row.props ELSE {} END,
    r.documentIds = nids,
    r.evidences = nevs,
    r.starts = nss,
    r.ends = nes,
    r.documentId = nids[0],
    r.evidence = nevs[0],
    r.start = CASE WHEN nss[0] < 0 THEN null ELSE nss[0] END,
    r.end = CASE WHEN nes[0] < 0 THEN null ELSE nes[0] END`;
}

const FIRST_SOURCE = `SET r.documentId = r.documentIds[0],
    r.evidence = r.evidences[0],
    r.start = CASE WHEN r.starts[0] < 0 THEN null ELSE r.starts[0] END,
    r.end = CASE WHEN r.ends[0] < 0 THEN null ELSE r.ends[0] END`;

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
