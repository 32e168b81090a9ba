// Unit tests of the shareable URL state: a view survives the round trip, bad input falls back to defaults.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VIEW, fromSearchParams, toSearchParams } from '../../client/src/url-state.ts';
import type { ViewState } from '../../client/src/url-state.ts';

const full: ViewState = {
  seeds: ['region:640000', 'company:A,B|C~D'],
  expansions: [
    { id: 'region:640000', relTypes: [], limit: 25 },
    { id: 'company:A,B|C~D', relTypes: ['INVESTMENT', 'TECH_TRANSFER'], limit: 50 },
  ],
  removed: ['region:100000'],
  path: { from: '宁夏', to: 'region:330100', k: 5, exclude: ['agency:科学技术部'] },
  cypher: 'MATCH (n) WHERE n.name = $name RETURN n LIMIT 5',
  cypherParams: { name: '宁夏', min: 2 },
  layout: 'map',
  lang: 'en',
  filters: {
    hiddenTypes: ['Person'],
    hiddenRels: ['PART_OF', 'LOCATED_IN'],
    hiddenZones: ['Northeast'],
    yearFrom: 2021,
    yearTo: 2024,
    minConfidence: 0.6,
  },
  selected: 'fact:abc',
};

describe('URL state', () => {
  it('round-trips a full view through a URL string', () => {
    const url = '/?' + toSearchParams(full).toString();
    const back = fromSearchParams(new URL(url, 'http://x').searchParams);
    expect(back).toEqual(full);
  });

  it('writes nothing for the default view and reads the default from nothing', () => {
    expect(toSearchParams(DEFAULT_VIEW).toString()).toBe('');
    expect(fromSearchParams(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });

  it('ignores malformed values field by field', () => {
    const v = fromSearchParams(
      new URLSearchParams('layout=cola&mc=abc&pk=99&pf=a&pt=b&x=bad&y0=20x1&lang=fr'),
    );
    expect(v.layout).toBe('fcose');
    expect(v.filters.minConfidence).toBe(0);
    expect(v.path?.k).toBe(10);
    expect(v.expansions).toEqual([]);
    expect(v.filters.yearFrom).toBeNull();
    expect(v.lang).toBe('zh');
  });

  it('drops Cypher parameters that are not a JSON object', () => {
    for (const qp of ['[1]', 'not json', '"text"', 'null']) {
      const v = fromSearchParams(new URLSearchParams({ q: 'RETURN $x', qp }));
      expect(v.cypher).toBe('RETURN $x');
      expect(v.cypherParams).toBeNull();
    }
  });

  it('round-trips any ids in seeds and expansions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (ids, limit) => {
          const v: ViewState = {
            ...DEFAULT_VIEW,
            seeds: ids,
            expansions: ids.map((id) => ({ id, relTypes: ['AGREEMENT'], limit })),
          };
          const back = fromSearchParams(new URLSearchParams(toSearchParams(v).toString()));
          expect(back.seeds).toEqual(ids);
          expect(back.expansions).toEqual(v.expansions);
        },
      ),
    );
  });
});
