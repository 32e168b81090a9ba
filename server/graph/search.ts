// Entity search for the search box: the full-text index `entity_names` (cjk analyzer over name, aliases,
// nameEn, pinyin) plus a name-prefix lookup, ranked exact name/alias first, then prefix, then score.
import type { SearchHit, SearchMatch, SearchQuery, SearchResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode } from './elements.ts';
import { int, readQuery } from './run.ts';
import type { Node } from 'neo4j-driver';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene's query syntax so user text is matched literally. */
export function escapeLucene(text: string): string {
  return text
    .replace(LUCENE_SPECIAL, (ch) => `\\${ch}`)
    .replace(/\b(AND|OR|NOT|TO)\b/g, (word) => word.toLowerCase());
}

/** The Lucene query for `q`: its analysed terms, plus prefix terms for Latin words (pinyin, English). */
export function toLuceneQuery(q: string): string {
  const escaped = escapeLucene(q.trim());
  const latinWords = q
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => /^[a-z0-9]{2,}$/.test(word));
  return [escaped, ...latinWords.map((word) => `${word}*`)].join(' ');
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** How a node's surface forms match the query text. */
export function matchClass(q: string, props: Record<string, unknown>): SearchMatch {
  const needle = normalize(q);
  const names = [props['name'], ...(Array.isArray(props['aliases']) ? props['aliases'] : []), props['nameEn']]
    .filter((value): value is string => typeof value === 'string')
    .map(normalize);
  const pinyin = typeof props['pinyin'] === 'string' ? props['pinyin'].toLowerCase().split(/\s+/) : [];
  if (names.includes(needle) || pinyin.includes(needle)) return 'exact';
  if ([...names, ...pinyin].some((name) => name.startsWith(needle))) return 'prefix';
  return 'fulltext';
}

const RANK: Record<SearchMatch, number> = { exact: 0, prefix: 1, fulltext: 2 };

export function rankHits(hits: SearchHit[]): SearchHit[] {
  return [...hits].sort(
    (a, b) =>
      RANK[a.match] - RANK[b.match] ||
      b.score - a.score ||
      a.name.length - b.name.length ||
      a.name.localeCompare(b.name),
  );
}

const SEARCH_CYPHER = `
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $fetch})
  YIELD node, score
  RETURN node, score
  UNION
  MATCH (node:Entity)
  WHERE node.name STARTS WITH $q
  RETURN node, 0.0 AS score
  LIMIT $limit
}
WITH node, max(score) AS score
WHERE $types IS NULL OR node.type IN $types
RETURN node, score
ORDER BY score DESC
LIMIT $fetch`;

export async function searchEntities(db: Database, query: SearchQuery): Promise<SearchResponse> {
  const fetch = Math.min(200, Math.max(50, query.limit * 5));
  const records = await readQuery(db, SEARCH_CYPHER, {
    lucene: toLuceneQuery(query.q),
    q: query.q,
    fetch: int(fetch),
    limit: int(query.limit),
    types: query.types && query.types.length > 0 ? query.types : null,
  });
  const hits = records.map((record): SearchHit => {
    const node = toGraphNode(record.get('node') as Node);
    const props = node.properties;
    return {
      id: node.id,
      name: typeof props['name'] === 'string' ? props['name'] : node.id,
      type:
        typeof props['type'] === 'string'
          ? props['type']
          : (node.labels.find((l) => l !== 'Entity') ?? 'Entity'),
      labels: node.labels,
      aliases: Array.isArray(props['aliases']) ? props['aliases'].map(String) : [],
      nameEn: typeof props['nameEn'] === 'string' ? props['nameEn'] : null,
      region: typeof props['region'] === 'string' ? props['region'] : null,
      match: matchClass(query.q, props),
      score: Number(record.get('score')),
    };
  });
  return { q: query.q, hits: rankHits(hits).slice(0, query.limit) };
}
