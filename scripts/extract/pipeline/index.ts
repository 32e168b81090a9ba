// extractDocument(): normalize → sentences → tokens → mentions → entities → relations → contract output.
// Pure: no I/O. Offsets in the output point into the original text.
import type { Extraction } from '../../../contract/extraction.ts';
import type { SentenceContext } from '../entities/types.ts';
import { normalizeText } from '../normalize.ts';
import { splitSentences } from '../sentences.ts';
import { tagText } from '../tokens.ts';
import { documentMentions, sentenceMentions } from './mentions.ts';
import { resolveEntities } from '../resolve.ts';
import { toParties } from './parties.ts';
import { runRules } from './rules.ts';
import { buildEntities, buildRelations, hierarchyRelations } from './output.ts';

export interface ExtractInput {
  id: string;
  text: string;
  title?: string;
  date?: string | null;
  source?: string;
  sha256?: string;
}

export function extractDocument(input: ExtractInput): Extraction {
  const norm = normalizeText(input.text);
  const sentences: SentenceContext[] = splitSentences(norm.text).map((s, index) => {
    const text = norm.text.slice(s.start, s.end);
    return { index, start: s.start, end: s.end, text, heading: s.heading, tokens: tagText(text, s.start) };
  });
  const first = sentences.map(sentenceMentions);
  const mentions = documentMentions(sentences, first);
  const groups = resolveEntities(mentions);
  const parties = toParties(mentions, groups, sentences.length);
  const raw = runRules(sentences, parties, groups);
  const date = input.date ?? null;
  const entities = buildEntities(groups, norm);
  const relations = buildRelations(raw, sentences, norm, input.text, date).concat(
    hierarchyRelations(entities),
  );
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

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  ).slice(0, 200);
}
