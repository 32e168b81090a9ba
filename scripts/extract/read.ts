// Reads a source document from disk: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK without
// declaration, simple HTML; metadata from a `<name>.meta.json` sidecar or an `index.yaml` beside it.
// Empty, binary or undecodable input throws InputError naming the file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { inferDocumentDate } from './dates.ts';
import { InputError } from './errors.ts';
import { declaredCharset, htmlTitle, htmlToText, looksLikeHtml } from './html.ts';

export interface SourceDocument {
  /** File name without extension. */
  id: string;
  path: string;
  /** Decoded text (UTF-16 string). */
  text: string;
  title: string;
  date: string | null;
  source?: string;
  sha256: string;
}

const Meta = z.object({
  title: z.string().optional(),
  date: z.union([z.string(), z.date()]).optional().nullable(),
  source: z.string().optional(),
});
type Meta = z.infer<typeof Meta>;

const MAX_BYTES = 256 * 1024 * 1024;

/** Control characters and backslashes would make ids that print badly or look like paths. */
const BAD_NAME = /[\\\p{Cc}]/u;

/** Reads a document; `maxBytes` (default 256 MB) is checked on the file size before anything is read. */
export async function readDocumentFile(
  path: string,
  options: { maxBytes?: number } = {},
): Promise<SourceDocument> {
  const name = basename(path);
  const id = basename(path, extname(path));
  if (BAD_NAME.test(name))
    throw new InputError(
      name.replace(/\p{Cc}/gu, '?'),
      'the file name contains a backslash or a control character; rename the file',
    );
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  let bytes: Buffer;
  try {
    // Size first, so an oversized file is refused without being read into memory.
    const info = await stat(path);
    // A FIFO, socket or device named like a document would block the read or never end.
    if (!info.isFile()) throw new NotAFile();
    if (info.size > maxBytes) throw new TooLarge();
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof TooLarge) throw new InputError(name, `larger than ${formatMb(maxBytes)}, not loaded`);
    if (err instanceof NotAFile) throw new InputError(name, 'not a regular file');
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new InputError(name, `cannot read the file (${code})`);
  }
  if (bytes.length > maxBytes) throw new InputError(name, `larger than ${formatMb(maxBytes)}, not loaded`);
  let text = decode(bytes, name);
  const isHtml =
    /^\.x?html?$/i.test(extname(path)) || looksLikeHtml(text.slice(0, 2000)) || hasScriptBlock(text);
  let htmlTitleText: string | null = null;
  if (isHtml) {
    const charset = declaredCharset(text.slice(0, 4000));
    if (charset && /gb|big5/.test(charset) && iconv.encodingExists(charset))
      text = iconv.decode(bytes, charset);
    htmlTitleText = htmlTitle(text);
    text = htmlToText(text);
  }
  if (text.trim().length === 0) throw new InputError(name, 'the document is empty');
  const meta = readMeta(path, id);
  const date = normalizeDate(meta?.date) ?? inferDocumentDate(text);
  return {
    id,
    path,
    text,
    title: meta?.title ?? htmlTitleText ?? firstLine(text),
    date,
    ...(meta?.source ? { source: meta.source } : {}),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function decode(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new InputError(name, 'the file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), name);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16-be');
  if (bytes.includes(0)) throw new InputError(name, 'binary content (NUL bytes), not a text document');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: try the Chinese legacy encodings
  }
  const mixed = decodeMixedLines(bytes);
  if (mixed !== null) return mixed;
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const candidates = [guess, 'gb18030', 'big5'].filter((e) => e && iconv.encodingExists(e));
  for (const enc of candidates) {
    const text = iconv.decode(bytes, enc);
    if (plausible(text)) return text;
  }
  throw new InputError(name, 'not valid text in UTF-8, GB18030/GBK or Big5');
}

class TooLarge extends Error {}
class NotAFile extends Error {}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** A plain-text file that carries <script>/<style> blocks is read as HTML, so their content is dropped. */
function hasScriptBlock(text: string): boolean {
  return /<(?:script|style)\b/i.test(text);
}

/**
 * Files pasted together from a UTF-8 and a GBK/GB18030 source: when some lines are valid UTF-8 with
 * non-ASCII text and others are not UTF-8 at all, each line is decoded on its own (UTF-8 if valid, else
 * GB18030). Returns null when the file is not of that kind. Best effort: a very short GBK line that is
 * also valid UTF-8 would be misread, which is rare for Chinese text.
 */
function decodeMixedLines(bytes: Buffer): string | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let utf8Lines = 0;
  let legacyLines = 0;
  for (let start = 0; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const line = bytes.subarray(start, end);
    start = end;
    try {
      const text = strict.decode(line);
      if (/\P{ASCII}/u.test(text)) utf8Lines++;
      parts.push(text);
    } catch {
      legacyLines++;
      parts.push(iconv.decode(line, 'gb18030'));
    }
  }
  if (utf8Lines === 0 || legacyLines === 0) return null;
  const text = parts.join('');
  return plausible(text) ? text : null;
}

function utf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(name, 'declares UTF-8 (BOM) but is not valid UTF-8');
  }
}

/** Decoded text is plausible when it has no replacement or control characters to speak of. */
function plausible(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c)) bad++;
  }
  return bad / text.length < 0.005;
}

function readMeta(path: string, id: string): Meta | null {
  const sidecar = join(dirname(path), `${id}.meta.json`);
  try {
    if (existsSync(sidecar)) return Meta.parse(JSON.parse(readFileSync(sidecar, 'utf8')));
    const index = join(dirname(path), 'index.yaml');
    if (existsSync(index)) {
      const all = z.record(z.string(), Meta).safeParse(parseYaml(readFileSync(index, 'utf8')));
      if (all.success) return all.data[id] ?? null;
    }
  } catch {
    throw new InputError(basename(path), 'its metadata file is not valid (title, date, source)');
  }
  return null;
}

function normalizeDate(d: string | Date | null | undefined): string | null {
  if (!d) return null;
  if (d instanceof Date) return d.toISOString().slice(0, 10);
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(d.trim());
  if (!m) return null;
  return [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

function firstLine(text: string): string {
  return (
    text
      .slice(0, 4000)
      .split(/\r?\n/)
      .find((l) => l.trim().length > 0) ?? ''
  )
    .trim()
    .slice(0, 200);
}
