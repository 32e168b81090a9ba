// extractDocument(): normalize → sentences → tokens → mentions → entities → relations → contract output.
// Pure: no I/O. Offsets in the output point into the original text.
import type { Extraction } from '../../../contract/extraction.ts';
import type { SentenceContext } from '../entities/types.ts';
import { normalizeText } from '../normalize.ts';
import { splitSentences } from '../sentences.ts';
import { splitPlaceToken } from '../entities/regions.ts';
import { tagText, type Token } from '../tokens.ts';
import {
  anaphoricUnits,
  documentMentions,
  regionPronouns,
  sentenceMentions,
  speakerPronouns,
} from './mentions.ts';
import { resolveEntities } from '../resolve.ts';
import { toParties } from './parties.ts';
import { runRules } from './rules.ts';
import { buildEntities, buildRelations, hierarchyRelations, regionsReachedByRelations } from './output.ts';

export interface ExtractInput {
  id: string;
  text: string;
  title?: string;
  date?: string | null;
  source?: string;
  sha256?: string;
}

/**
 * Texts longer than this are processed block by block (blocks end at paragraph breaks), so memory and the
 * per-document alias matching stay bounded; entities and facts of the blocks are merged by id.
 */
export const BLOCK_CHARS = 100_000;

export function extractDocument(input: ExtractInput): Extraction {
  const date = input.date ?? null;
  const parts = splitBlocks(input.text).map((b) =>
    extractBlock(input.text.slice(b.start, b.end), b.start, date),
  );
  const { entities, relations } = parts.length === 1 ? parts[0]! : mergeBlocks(parts);
  return {
    document: {
      id: input.id,
      title: input.title ?? firstLine(input.text),
      date,
      chars: input.text.length,
      ...(input.source ? { source: input.source } : {}),
      ...(input.sha256 ? { sha256: input.sha256 } : {}),
    },
    entities,
    relations,
  };
}

type Block = Pick<Extraction, 'entities' | 'relations'>;

function extractBlock(text: string, base: number, date: string | null): Block {
  const norm = normalizeText(text);
  // one segmenter call per block (per-sentence calls cost more than the segmentation itself)
  const tokens = tagText(norm.text, 0).flatMap(splitPlaceToken);
  let k = 0;
  const sentences: SentenceContext[] = splitSentences(norm.text).map((s, index) => {
    const t = norm.text.slice(s.start, s.end);
    while (k < tokens.length && tokens[k]!.end <= s.start) k++;
    const own: Token[] = [];
    for (let j = k; j < tokens.length && tokens[j]!.start < s.end; j++)
      own.push(clip(tokens[j]!, s.start, s.end, norm.text));
    return { index, start: s.start, end: s.end, text: t, heading: s.heading, tokens: own };
  });
  const first = sentences.map(sentenceMentions);
  const mentions = regionPronouns(
    sentences,
    speakerPronouns(sentences, anaphoricUnits(sentences, documentMentions(sentences, first)), norm.text),
  );
  const groups = resolveEntities(mentions);
  const parties = toParties(mentions, groups, sentences);
  const raw = runRules(sentences, parties, groups);
  const entities = buildEntities(groups, norm);
  entities.push(...regionsReachedByRelations(raw, entities));
  const relations = buildRelations(raw, sentences, norm, text, date).concat(hierarchyRelations(entities));
  if (base > 0) {
    for (const e of entities) {
      for (const m of e.mentions) {
        m.start += base;
        m.end += base;
      }
    }
    for (const r of relations) {
      if (r.start !== undefined) r.start += base;
      if (r.end !== undefined) r.end += base;
    }
  }
  return { entities, relations };
}

/** Block boundaries at paragraph breaks near every BLOCK_CHARS characters. */
export function splitBlocks(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (text.length - start > BLOCK_CHARS) {
    const limit = start + BLOCK_CHARS;
    let cut = text.lastIndexOf('\n\n', limit);
    if (cut <= start + BLOCK_CHARS / 2) cut = text.lastIndexOf('\n', limit);
    if (cut <= start + BLOCK_CHARS / 2) cut = limit; // one enormous line: cut anyway
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: text.length });
  return out;
}

function mergeBlocks(parts: Block[]): Block {
  const entities = new Map<string, Extraction['entities'][number]>();
  const relations = new Map<string, Extraction['relations'][number]>();
  for (const p of parts) {
    for (const e of p.entities) {
      const seen = entities.get(e.id);
      if (!seen) entities.set(e.id, e);
      else {
        seen.mentions.push(...e.mentions);
        seen.aliases = [...new Set([...seen.aliases, ...e.aliases])];
        seen.implied = seen.implied && e.implied;
      }
    }
    for (const r of p.relations) {
      const key = `${r.type}|${r.source}|${r.target}`;
      if (!relations.has(key)) relations.set(key, r);
    }
  }
  return { entities: [...entities.values()], relations: [...relations.values()] };
}

function firstLine(text: string): string {
  return (
    text
      .slice(0, 4000)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  ).slice(0, 200);
}

/** A token cut to a sentence (a heading glued to the next line can share a token with it). */
function clip(t: Token, start: number, end: number, text: string): Token {
  if (t.start >= start && t.end <= end) return t;
  const s = Math.max(t.start, start);
  const e = Math.min(t.end, end);
  return { word: text.slice(s, e), tag: 'x', start: s, end: e };
}
