// Sentence segmentation on normalized text (。！？ and paragraph breaks), with headings flagged,
// and the public segmentSentences() that returns spans in the ORIGINAL text.
import { normalizeText, toOriginalSpan } from './normalize.ts';

export interface Sentence {
  /** Normalized offsets. */
  start: number;
  end: number;
  /** A short line without final punctuation: a title or section heading, not a statement. */
  heading: boolean;
}

const FINAL = new Set(['。', '!', '?', '！', '？']);
const CLOSERS = new Set(['”', '’', '」', '』', ')', '）', '"', "'", '》']);
const HEADING_MAX = 40;
const PUNCT_END = /[。!?！？；;:：…”」』)）,，]$/;

/** Split normalized text into sentences; paragraphs end sentences, headings are their own sentence. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paraStart = 0;
  while (paraStart <= text.length) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    splitParagraph(text, paraStart, paraEnd, out);
    paraStart = paraEnd + 1;
  }
  return out;
}

function splitParagraph(text: string, start: number, end: number, out: Sentence[]): void {
  if (end <= start) return;
  const para = text.slice(start, end);
  if (para.length <= HEADING_MAX && !PUNCT_END.test(para)) {
    out.push({ start, end, heading: true });
    return;
  }
  let s = start;
  for (let i = start; i < end; i++) {
    if (!FINAL.has(text[i] ?? '')) continue;
    let e = i + 1;
    while (e < end && (FINAL.has(text[e] ?? '') || CLOSERS.has(text[e] ?? ''))) e++;
    pushTrimmed(text, s, e, out);
    s = e;
    i = e - 1;
  }
  if (s < end) pushTrimmed(text, s, end, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end > start) out.push({ start, end, heading: false });
}

/** Sentence spans in the original text (offsets into `text` as given). */
export function segmentSentences(text: string): Array<{ start: number; end: number }> {
  const norm = normalizeText(text);
  return splitSentences(norm.text).map((s) => toOriginalSpan(norm, s.start, s.end));
}
