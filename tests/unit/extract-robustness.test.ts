// Property test: any text (mixed CJK, punctuation, breaks, astral characters) extracts without throwing,
// the output satisfies the contract, and every span lies inside the original text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Extraction } from '../../contract/extraction.ts';
import { extractDocument } from '../../scripts/extract/index.ts';

const pieces = [
  '江苏省',
  '与',
  '陕西省科技厅',
  '签署',
  '合作协议',
  '。',
  ',',
  '、',
  '\n',
  '\n\n',
  '“',
  '”',
  '(',
  ')',
  '有限公司',
  '大学',
  '投资',
  '5亿元',
  '3月26日',
  '将',
  '由',
  '联合发起的',
  '基金',
  '会上',
  '副市长',
  '王伟',
  '表示',
  ' ',
  '𠀋',
  'ABC',
  '甬企',
  '鲁甘',
];

describe('extractDocument on arbitrary text', () => {
  it('never throws, keeps the contract and the spans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 60 }),
        (parts) => {
          const text = parts.join('');
          const out = Extraction.parse(extractDocument({ id: 'p', text, date: '2025-01-01' }));
          for (const e of out.entities)
            for (const m of e.mentions) expect(m.end).toBeLessThanOrEqual(text.length);
          for (const r of out.relations)
            if (r.end !== undefined) expect(text.slice(r.start, r.end)).toBe(r.evidence);
        },
      ),
      { numRuns: 300 },
    );
  });
});
