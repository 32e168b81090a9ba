// A source document with its text, sentence offsets (for highlighting an evidence sentence) and the entities
// it mentions.
import type { DocumentMention, DocumentResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { toNative } from '../db/to-native.ts';
import { AppError } from '../errors.ts';
import { readQuery } from './run.ts';

const DOCUMENT_CYPHER = `
MATCH (d:Document {id: $id})
RETURN d {.id, .title, .date, .source, .text, .sentenceStarts, .sentenceEnds} AS doc,
  COLLECT {
    MATCH (d)-[m:MENTIONS]->(e:Entity)
    RETURN {id: e.id, name: e.name, type: e.type, count: coalesce(m.count, 1)} AS mention
    ORDER BY mention.count DESC, mention.name
  } AS mentions`;

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export async function getDocument(db: Database, id: string): Promise<DocumentResponse> {
  const [record] = await readQuery(db, DOCUMENT_CYPHER, { id });
  if (!record) throw new AppError('NOT_FOUND', `No document with id ${id}.`, { id });
  const doc = toNative(record.get('doc')) as Record<string, unknown>;
  const starts = Array.isArray(doc['sentenceStarts']) ? (doc['sentenceStarts'] as number[]) : [];
  const ends = Array.isArray(doc['sentenceEnds']) ? (doc['sentenceEnds'] as number[]) : [];
  return {
    id: String(doc['id']),
    title: textOrNull(doc['title']),
    date: textOrNull(doc['date']),
    source: textOrNull(doc['source']),
    text: typeof doc['text'] === 'string' ? doc['text'] : '',
    sentences: starts.map((start, i) => ({ start: Number(start), end: Number(ends[i] ?? start) })),
    mentions: (toNative(record.get('mentions')) as DocumentMention[]).map((m) => ({
      id: String(m.id),
      name: String(m.name ?? m.id),
      type: String(m.type ?? ''),
      count: Number(m.count),
    })),
  };
}
