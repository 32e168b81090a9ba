// Word segmentation with part-of-speech tags (@node-rs/jieba) plus the gazetteer's place names,
// with character offsets computed by walking the text (jieba gives none).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { regionDictionaryLines } from './gazetteer/index.ts';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let instance: Jieba | null = null;

/** Place names loaded as ns words, so 黔东南州 or 奉化区 segment as one token. */
function regionDictionary(): Buffer {
  return Buffer.from(regionDictionaryLines().join('\n'), 'utf8');
}

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(regionDictionary());
  }
  return instance;
}

/** Tag a piece of text; offsets are relative to `base`. */
export function tagText(text: string, base = 0): Token[] {
  const tagged = jieba().tag(text, true);
  const out: Token[] = [];
  let pos = 0;
  for (const t of tagged) {
    const at = text.startsWith(t.word, pos) ? pos : text.indexOf(t.word, pos);
    if (at < 0) continue; // jieba never drops characters, but stay safe
    if (at > pos) out.push({ word: text.slice(pos, at), tag: 'x', start: base + pos, end: base + at });
    out.push({ word: t.word, tag: t.tag, start: base + at, end: base + at + t.word.length });
    pos = at + t.word.length;
  }
  if (pos < text.length)
    out.push({ word: text.slice(pos), tag: 'x', start: base + pos, end: base + text.length });
  return out;
}

/** Plain jieba tag() over a text: the benchmark's baseline. */
export function tagOnly(text: string): number {
  return jieba().tag(text, true).length;
}
