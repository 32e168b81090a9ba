// The path query text: k and maxHops validated as literals, types only from the vocabulary, and the path rules
// inside the parenthesized SHORTEST pattern (so they filter during the search, not the k results afterwards).
import { describe, expect, it } from 'vitest';
import { pathsCypher } from '../../server/graph/paths.ts';

describe('pathsCypher', () => {
  it('puts the actor and shared-container rules inside the SHORTEST pattern', () => {
    const cypher = pathsCypher(3, 6, undefined, true);
    const open = cypher.indexOf('SHORTEST 3 (');
    const close = cypher.indexOf('\n)\nRETURN p');
    expect(open).toBeGreaterThan(0);
    for (const rule of ['any(n IN y WHERE NOT n:Region)', 'none(i IN range(0, size(r) - 2)']) {
      const at = cypher.indexOf(rule);
      expect(at, rule).toBeGreaterThan(open);
      expect(at, rule).toBeLessThan(close);
    }
    expect(cypher).toContain('{1,6}');
  });

  it('leaves the rules out when hierarchy-only paths are allowed, and filters excluded nodes inline', () => {
    const cypher = pathsCypher(2, 4, ['COOPERATION', 'LOCATED_IN'], false, true);
    expect(cypher).not.toContain('none(');
    expect(cypher).toContain('-[r:COOPERATION|LOCATED_IN]-');
    expect(cypher).toContain('WHERE NOT y.id IN $exclude');
    expect(cypher).toContain('SHORTEST 2');
  });

  it('refuses k and maxHops outside the validated range, and types outside the vocabulary', () => {
    expect(() => pathsCypher(11, 6, undefined, true)).toThrow(RangeError);
    expect(() => pathsCypher(1, 9, undefined, true)).toThrow(RangeError);
    expect(() => pathsCypher(1.5, 6, undefined, true)).toThrow(RangeError);
    expect(pathsCypher(1, 6, ['COOPERATION', 'DROP'], true)).toContain('-[r:COOPERATION]-');
  });
});
