// Normalization and sentences: layout breaks joined, headings kept apart, offsets mapped back exactly.
import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from '../../scripts/extract/normalize.ts';
import { segmentSentences, splitSentences } from '../../scripts/extract/sentences.ts';

describe('normalizeText', () => {
  const cases: Array<[string, string, string]> = [
    ['full-width punctuation to ASCII', '苏州，无锡（江苏）！', '苏州,无锡(江苏)!'],
    [
      'a word cut by a page break inside a long line is joined',
      `${'甲'.repeat(45)}南京工\n\n业大学。`,
      `${'甲'.repeat(45)}南京工业大学。`,
    ],
    [
      'a fragment with a comma is joined across the break',
      '5月8日,由某某公司、某某集\n\n团有限公司发起。',
      '5月8日,由某某公司、某某集团有限公司发起。',
    ],
    [
      'a heading stays its own paragraph',
      '闽宁协作结硕果\n\n近年来,两地合作不断深化。',
      '闽宁协作结硕果\n近年来,两地合作不断深化。',
    ],
    [
      'a paragraph ending in a quote is not glued to the next',
      `“${'乙'.repeat(42)}。”\n\n标题行`,
      `“${'乙'.repeat(42)}。”\n标题行`,
    ],
    [
      'English words across a break keep a space',
      `${'丙'.repeat(41)}Hello\nWorld`,
      `${'丙'.repeat(41)}Hello World`,
    ],
    ['whitespace runs collapse', '甲  乙\t丙', '甲 乙 丙'],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    expect(normalizeText(raw).text).toBe(expected);
  });

  it('maps every normalized character back to the original character', () => {
    const raw = '由甲公司、成都交\n\n子金（集团）有限公司，\u3000投资５亿元';
    const norm = normalizeText(raw);
    for (let i = 0; i < norm.text.length; i++) {
      const orig = raw[norm.toOriginal[i]!]!;
      expect(orig.normalize('NFKC').replace(/\s/, ' ')).toContain(norm.text[i]!.replace(/\s/, ' '));
    }
    const at = norm.text.indexOf('成都交子金');
    const span = toOriginalSpan(norm, at, at + 5);
    expect(raw.slice(span.start, span.end)).toBe('成都交\n\n子金');
  });
});

describe('sentences', () => {
  it('splits on final punctuation, keeps closing quotes, flags headings', () => {
    const text = '标题在这里\n他说:“很好。”然后离开了!第三句?';
    const s = splitSentences(normalizeText(text).text);
    expect(s.map((x) => x.heading)).toEqual([true, false, false, false]);
  });
  it('segmentSentences returns spans of the original text', () => {
    const raw = '第一句在这里，继续说明。\n\n第二句也在这里！';
    const spans = segmentSentences(raw);
    expect(spans.map((s) => raw.slice(s.start, s.end))).toEqual([
      '第一句在这里，继续说明。',
      '第二句也在这里！',
    ]);
  });
});
