// A small Cypher tokenizer for the console's read-only guard: it drops comments, keeps string literals
// as opaque tokens and records what precedes each word, so keywords hidden in comments or strings don't count.

export type TokenKind = 'word' | 'string' | 'param' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** For words: the identifier as written (backticks removed); for symbols: the character. */
  text: string;
  /** Quoted with backticks: never a keyword. */
  quoted: boolean;
  offset: number;
}

function isWordStart(ch: string): boolean {
  return /[\p{L}_]/u.test(ch);
}

function isWordPart(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

/** Index just past the end of a quoted run starting at `start` (quote char at `start`), honouring `\` escapes. */
function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && quote !== '`') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      // Doubled backticks escape a backtick inside a quoted identifier.
      if (quote === '`' && text[i + 1] === '`') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return text.length;
}

/** Tokenizes Cypher text. Unterminated strings or comments run to the end (the planner will reject them). */
export function tokenizeCypher(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (/\s/u.test(ch)) {
      i += 1;
    } else if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === "'" || ch === '"') {
      const end = skipQuoted(text, i, ch);
      tokens.push({ kind: 'string', text: text.slice(i, end), quoted: false, offset: i });
      i = end;
    } else if (ch === '`') {
      const end = skipQuoted(text, i, '`');
      tokens.push({
        kind: 'word',
        text: text.slice(i + 1, end - 1).replace(/``/g, '`'),
        quoted: true,
        offset: i,
      });
      i = end;
    } else if (ch === '$') {
      let j = i + 1;
      while (j < text.length && isWordPart(text[j] as string)) j += 1;
      tokens.push({ kind: 'param', text: text.slice(i, j), quoted: false, offset: i });
      i = j;
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < text.length && isWordPart(text[j] as string)) j += 1;
      tokens.push({ kind: 'word', text: text.slice(i, j), quoted: false, offset: i });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /[0-9a-zA-Z_.]/.test(text[j] as string)) j += 1;
      tokens.push({ kind: 'symbol', text: text.slice(i, j), quoted: false, offset: i });
      i = j;
    } else {
      tokens.push({ kind: 'symbol', text: ch, quoted: false, offset: i });
      i += 1;
    }
  }
  return tokens;
}

/** Dotted names followed by `(`: procedure and function calls such as `db.labels(` or `apoc.create.node(`. */
export function calledNames(tokens: Token[]): Array<{ name: string; afterCall: boolean }> {
  const calls: Array<{ name: string; afterCall: boolean }> = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word' || tokens[i - 1]?.text === '.') continue;
    const parts = [token.text];
    let j = i + 1;
    while (tokens[j]?.text === '.' && tokens[j + 1]?.kind === 'word') {
      parts.push((tokens[j + 1] as Token).text);
      j += 2;
    }
    const previous = tokens[i - 1];
    const afterCall = previous?.kind === 'word' && !previous.quoted && previous.text.toUpperCase() === 'CALL';
    if (parts.length > 1 && (tokens[j]?.text === '(' || afterCall)) {
      calls.push({ name: parts.join('.'), afterCall });
    }
  }
  return calls;
}
