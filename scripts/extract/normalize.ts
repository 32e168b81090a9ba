// Normalization for matching: NFKC, whitespace runs collapsed, stray line/page breaks inside sentences joined,
// with a map from every normalized offset back to the original text so spans point at the exact source.

export interface NormalizedText {
  /** Normalized text: paragraphs separated by a single '\n'. */
  text: string;
  /** toOriginal[i] = offset in the original text of normalized char i; toOriginal[text.length] = original length. */
  toOriginal: Int32Array;
}

/** A line this long that ends without final punctuation was cut by layout, not ended by the author. */
const LONG_LINE = 40;
const CLOSING = /[”’」』)）"'》]+$/;
const INNER_PUNCT = /[,，、;；]/;
/** An outline number opening a line (一、 (二) 3. 4、): its 、 or dot is not sentence-internal punctuation. */
const OUTLINE_MARK =
  /^\s*(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）])/;
const TERMINAL = new Set('。！？!?；;…：:'.split(''));
const nfkcCache = new Map<string, string>();

function nfkc(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // CJK ideographs and plain ASCII never change: skip the normalizer on the hot path.
  if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) return ch;
  let out = nfkcCache.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFKC');
    nfkcCache.set(ch, out);
  }
  return out;
}

/** Cells of a table flattened to text: two or more space runs beside Chinese text in one line. */
const CELL_GAP = /[\u4e00-\u9fff)）]\s+\S|\S\s+[\u4e00-\u9fff(（]/g;
/** A line of a flattened table (序号 名称 单位 金额) is a row of its own, never a sentence cut by layout. */
function isTableRow(line: string): boolean {
  return (line.trim().match(CELL_GAP)?.length ?? 0) >= 2;
}

const isAsciiWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Normalize a text, joining breaks that split a sentence and keeping real paragraph breaks. */
export function normalizeText(raw: string): NormalizedText {
  const out: string[] = [];
  const map = new GrowableMap(Math.min(raw.length + 16, 1 << 20));
  const lines = splitLines(raw);
  let pendingBreak = -1; // original offset of a paragraph break waiting to be written
  let lastLine = '';
  for (const line of lines) {
    const content = raw.slice(line.start, line.end);
    if (content.trim() === '') continue;
    if (map.length > 0) {
      const lastOut = out.at(-1) ?? '';
      const prev = lastLine.trimEnd().replace(CLOSING, '');
      const last = prev.at(-1) ?? '';
      // a line cut by layout: long, or holding sentence-internal punctuation, and not ended
      const joined =
        !isTableRow(prev) &&
        (prev.length >= LONG_LINE || INNER_PUNCT.test(prev.replace(OUTLINE_MARK, ''))) &&
        !TERMINAL.has(nfkc(last));
      if (!joined) {
        out.push('\n');
        map.push(pendingBreak);
      } else if (isAsciiWord(lastOut.at(-1)) && isAsciiWord(content.trimStart()[0])) {
        out.push(' ');
        map.push(pendingBreak);
      }
    }
    appendLine(raw, line.start, line.end, out, map);
    lastLine = content;
    pendingBreak = line.end;
  }
  map.push(raw.length);
  return { text: out.join(''), toOriginal: map.finish() };
}

/** An Int32Array that doubles when full: one int per normalized char, no per-char objects. */
class GrowableMap {
  private data: Int32Array;
  length = 0;
  constructor(initial: number) {
    this.data = new Int32Array(Math.max(16, initial));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function splitLines(raw: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  const re = /\r\n|[\n\r\f\u2028\u2029\v]/g;
  let start = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: raw.length });
  return lines;
}

function appendLine(raw: string, start: number, end: number, lines: string[], map: GrowableMap): void {
  const out: string[] = [];
  let i = start;
  // leading whitespace of a line carries no meaning
  while (i < end && /\s/.test(raw[i] ?? '')) i++;
  let lastEnd = end;
  while (lastEnd > i && /\s/.test(raw[lastEnd - 1] ?? '')) lastEnd--;
  let inSpace = false;
  while (i < lastEnd) {
    const code = raw.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    const width = ch.length;
    if (/\s/.test(ch) || code === 0x3000 || code === 0xfeff) {
      if (!inSpace && code !== 0xfeff) {
        out.push(' ');
        map.push(i);
      }
      inSpace = code !== 0xfeff || inSpace;
      i += width;
      continue;
    }
    inSpace = false;
    const norm = nfkc(ch);
    for (const c of norm) {
      out.push(c);
      map.push(i);
      if (c.length === 2) map.push(i); // astral char: two UTF-16 units
    }
    i += width;
  }
  lines.push(out.join(''));
}

/** Map a normalized span back to the original text. */
export function toOriginalSpan(
  norm: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const s = norm.toOriginal[start] ?? 0;
  const lastIdx = Math.max(start, end - 1);
  const last = norm.toOriginal[lastIdx] ?? s;
  return { start: s, end: end > start ? last + 1 + extraUnits(norm, lastIdx) : s };
}

/** An astral character takes two UTF-16 units; both normalized units map to its first original unit. */
function extraUnits(norm: NormalizedText, idx: number): number {
  const code = norm.text.charCodeAt(idx);
  return code >= 0xdc00 && code <= 0xdfff ? 1 : 0;
}
