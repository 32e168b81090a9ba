// Fact ids and pinyin keys: stable, order-independent for symmetric relations, distinct per date/amount.
import { describe, expect, it } from 'vitest';
import { factId, orientFact } from '../../scripts/load/ids.ts';
import { pinyinKeys, pinyinKeysOf } from '../../scripts/load/pinyin.ts';

describe('factId', () => {
  it('is the same for both directions of a symmetric relation', () => {
    const ab = factId({ type: 'AGREEMENT', source: 'company:a', target: 'university:b' });
    const ba = factId({ type: 'AGREEMENT', source: 'university:b', target: 'company:a' });
    expect(ab).toBe(ba);
    expect(ab).toMatch(/^fact:[0-9a-f]{40}$/);
  });

  it('keeps direction for directed relations', () => {
    const ab = factId({ type: 'INVESTMENT', source: 'fund:a', target: 'company:b' });
    expect(ab).not.toBe(factId({ type: 'INVESTMENT', source: 'company:b', target: 'fund:a' }));
  });

  it('separates facts by date and by amount', () => {
    const base = { type: 'AGREEMENT' as const, source: 'a', target: 'b' };
    const ids = new Set([
      factId(base),
      factId({ ...base, date: '2023' }),
      factId({ ...base, date: '2024' }),
      factId({ ...base, date: '2024', amount: 1000 }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('orients symmetric facts with the smaller id first', () => {
    expect(orientFact({ type: 'COOPERATION', source: 'z', target: 'a' })).toMatchObject({
      source: 'a',
      target: 'z',
    });
    expect(orientFact({ type: 'ESTABLISHED', source: 'z', target: 'a' })).toMatchObject({
      source: 'z',
      target: 'a',
    });
  });
});

describe('pinyin keys', () => {
  it('gives full pinyin and initials without tones', () => {
    expect(pinyinKeysOf('宁夏回族自治区')).toEqual(['ningxiahuizuzizhiqu', 'nxhzzzq']);
    expect(pinyinKeysOf('重庆市')).toContain('chongqingshi');
  });

  it('merges names into sorted distinct keys', () => {
    expect(pinyinKeys(['宁夏', '宁夏'])).toEqual(['ningxia', 'nx']);
    expect(pinyinKeys(['ABC公司'])).toEqual(['abcgongsi', 'abcgs']);
  });
});
