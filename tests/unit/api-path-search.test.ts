// The bidirectional path search against brute force: on 6,000 random small graphs (regions,
// hierarchy and fact relationships, multi-edges and self-loops, several starts and ends), the lengths of the
// k paths it returns are exactly the k smallest lengths among all simple paths that follow the rules, and
// every path it returns is simple, real and follows the rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  followsPathRules,
  searchPaths,
  SearchTooLarge,
  type Expansion,
  type FoundPath,
  type GraphSource,
  type RuleContext,
  type Step,
} from '../../server/graph/path-search.ts';

interface Edge {
  id: string;
  s: string;
  t: string;
  type: string;
}

interface Case {
  nodes: number;
  regions: Set<string>;
  edges: Edge[];
  starts: string[];
  ends: string[];
  k: number;
  maxHops: number;
  rules: boolean;
  below: Map<string, ReadonlySet<string>>;
}

const TYPES = ['LOCATED_IN', 'PART_OF', 'COOPERATION', 'AGREEMENT'];

/** The steps of node `n` in an edge list, as the database source would give them. */
function stepsOf(edges: readonly Edge[], n: string): Step[] {
  const steps: Step[] = [];
  for (const e of edges) {
    if (e.s === n) steps.push({ rel: e.id, type: e.type, out: true, to: e.t });
    else if (e.t === n) steps.push({ rel: e.id, type: e.type, out: false, to: e.s });
  }
  return steps;
}

/** An in-memory graph behind the GraphSource interface, counting what it was asked to read. */
function memorySource(c: Case, reads: { expanded: number }): GraphSource {
  const expansion = (pairs: Array<{ from: string } & Step>): Expansion => ({
    steps: pairs,
    regions: pairs.map((p) => p.to).filter((n) => c.regions.has(n)),
    degrees: new Map(pairs.map((p) => [p.to, stepsOf(c.edges, p.to).length])),
  });
  return {
    expand: async (nodes) => {
      reads.expanded += nodes.length;
      return expansion(nodes.flatMap((from) => stepsOf(c.edges, from).map((s) => ({ from, ...s }))));
    },
    connect: async (from, to) =>
      expansion(
        from.flatMap((f) =>
          stepsOf(c.edges, f)
            .filter((s) => to.includes(s.to))
            .map((s) => ({ from: f, ...s })),
        ),
      ),
  };
}

function context(c: Case): RuleContext {
  return {
    isRegion: (n) => c.regions.has(n),
    isBelowStart: (start, region) => c.below.get(start)?.has(region) ?? false,
  };
}

/** Every simple path from a start to an end of at most maxHops hops that follows the rules (if on). */
function bruteForce(c: Case): FoundPath[] {
  const ctx = context(c);
  const ends = new Set(c.ends);
  const out: FoundPath[] = [];
  const walk = (nodes: string[], steps: Step[]) => {
    const here = nodes[nodes.length - 1]!;
    if (steps.length > 0 && ends.has(here)) {
      const path = { nodes: [...nodes], steps: [...steps] };
      if (!c.rules || followsPathRules(ctx, path)) out.push(path);
    }
    if (steps.length === c.maxHops) return;
    for (const step of stepsOf(c.edges, here)) {
      if (nodes.includes(step.to)) continue;
      walk([...nodes, step.to], [...steps, step]);
    }
  };
  for (const s of c.starts) walk([s], []);
  return out;
}

const caseArbitrary = fc
  .record({
    nodes: fc.integer({ min: 2, max: 11 }),
    regionMask: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    rawEdges: fc.array(fc.record({ s: fc.nat(10), t: fc.nat(10), type: fc.constantFrom(...TYPES) }), {
      maxLength: 30,
    }),
    startCount: fc.integer({ min: 1, max: 3 }),
    endCount: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 1, max: 5 }),
    maxHops: fc.integer({ min: 1, max: 6 }),
    rules: fc.boolean(),
    belowMask: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
  })
  .filter((r) => r.startCount + r.endCount <= r.nodes)
  .map((r): Case => {
    const name = (i: number) => `n${i}`;
    const regions = new Set(
      Array.from({ length: r.nodes }, (_, i) => i)
        .filter((i) => r.regionMask[i])
        .map(name),
    );
    const edges = r.rawEdges.map((e, i) => ({
      id: `r${i}`,
      s: name(e.s % r.nodes),
      t: name(e.t % r.nodes),
      type: e.type,
    }));
    const starts = Array.from({ length: r.startCount }, (_, i) => name(i));
    const ends = Array.from({ length: r.endCount }, (_, i) => name(r.nodes - 1 - i));
    const below = new Map<string, ReadonlySet<string>>();
    for (const s of starts.filter((s) => regions.has(s)))
      below.set(s, new Set([...regions].filter((n, i) => n !== s && r.belowMask[i])));
    return {
      nodes: r.nodes,
      regions,
      edges,
      starts,
      ends,
      k: r.k,
      maxHops: r.maxHops,
      rules: r.rules,
      below,
    };
  });

describe('searchPaths', () => {
  it('returns exactly the k shortest valid simple paths, compared with brute force', async () => {
    let nonEmpty = 0;
    let ruled = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const expected = bruteForce(c)
          .map((p) => p.steps.length)
          .sort((a, b) => a - b)
          .slice(0, c.k);
        const found = await searchPaths(memorySource(c, { expanded: 0 }), { ...c, regions: c.regions });
        expect(found.map((p) => p.steps.length)).toEqual(expected);
        const ctx = context(c);
        const keys = new Set<string>();
        for (const path of found) {
          expect(c.starts).toContain(path.nodes[0]);
          expect(c.ends).toContain(path.nodes[path.nodes.length - 1]);
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          path.steps.forEach((step, i) => {
            expect(stepsOf(c.edges, path.nodes[i]!)).toContainEqual(step);
            expect(step.to).toBe(path.nodes[i + 1]);
          });
          if (c.rules) expect(followsPathRules(ctx, path)).toBe(true);
          keys.add(path.steps.map((s) => s.rel).join('|'));
        }
        expect(keys.size).toBe(found.length);
        if (found.length > 0) nonEmpty++;
        if (c.rules) {
          const unruled = bruteForce({ ...c, rules: false })
            .map((p) => p.steps.length)
            .sort((a, b) => a - b)
            .slice(0, c.k);
          if (unruled.join() !== expected.join()) ruled++;
        }
      }),
      { numRuns: 6000, seed: 20261128 },
    );
    // The comparison means something only if many cases had paths and the rules changed many answers.
    expect(nonEmpty).toBeGreaterThan(2000);
    expect(ruled).toBeGreaterThan(80);
  });

  it('refuses the shapes the rules name', () => {
    const c: Case = {
      nodes: 5,
      regions: new Set(['city', 'province', 'other']),
      edges: [],
      starts: [],
      ends: [],
      k: 1,
      maxHops: 6,
      rules: true,
      below: new Map([['province', new Set(['city'])]]),
    };
    const ctx = context(c);
    const step = (rel: string, type: string, out: boolean, to: string): Step => ({ rel, type, out, to });
    // A → 杭州市 ← B: a region as a shared container.
    expect(
      followsPathRules(ctx, {
        nodes: ['a', 'city', 'b'],
        steps: [step('1', 'LOCATED_IN', true, 'city'), step('2', 'LOCATED_IN', false, 'b')],
      }),
    ).toBe(false);
    // A → 杭州市 → 浙江省: climbing at the end is an answer.
    expect(
      followsPathRules(ctx, {
        nodes: ['a', 'city', 'province'],
        steps: [step('1', 'LOCATED_IN', true, 'city'), step('2', 'PART_OF', true, 'province')],
      }),
    ).toBe(true);
    // Descending to the end entity is the last hop (… → 甘肃省 ← 甘肃农业大学).
    expect(
      followsPathRules(ctx, {
        nodes: ['a', 'other', 'x'],
        steps: [step('1', 'COOPERATION', true, 'other'), step('2', 'LOCATED_IN', false, 'x')],
      }),
    ).toBe(true);
    // Region-only paths.
    expect(
      followsPathRules(ctx, {
        nodes: ['other', 'province', 'city'],
        steps: [step('1', 'COOPERATION', true, 'province'), step('2', 'PART_OF', false, 'city')],
      }),
    ).toBe(false);
    // A start region may descend through the regions below it.
    expect(
      followsPathRules(ctx, {
        nodes: ['province', 'city', 'x', 'y'],
        steps: [
          step('1', 'PART_OF', false, 'city'),
          step('2', 'LOCATED_IN', false, 'x'),
          step('3', 'COOPERATION', true, 'y'),
        ],
      }),
    ).toBe(true);
    expect(
      followsPathRules(ctx, {
        nodes: ['other', 'city', 'x', 'y'],
        steps: [
          step('1', 'COOPERATION', true, 'city'),
          step('2', 'LOCATED_IN', false, 'x'),
          step('3', 'COOPERATION', true, 'y'),
        ],
      }),
    ).toBe(false);
  });

  it('gives up with SearchTooLarge past its bounds instead of reading without end', async () => {
    // A complete bipartite middle: many equally short paths, none ending where asked within the step bound.
    const edges: Edge[] = [];
    for (let i = 0; i < 30; i++) {
      edges.push({ id: `a${i}`, s: 'start', t: `m${i}`, type: 'COOPERATION' });
      for (let j = 0; j < 30; j++)
        edges.push({ id: `b${i}-${j}`, s: `m${i}`, t: `p${j}`, type: 'COOPERATION' });
    }
    for (let j = 0; j < 30; j++) edges.push({ id: `c${j}`, s: `p${j}`, t: 'end', type: 'COOPERATION' });
    const c: Case = {
      nodes: 62,
      regions: new Set(),
      edges,
      starts: ['start'],
      ends: ['end'],
      k: 10,
      maxHops: 6,
      rules: true,
      below: new Map(),
    };
    const reads = { expanded: 0 };
    const found = await searchPaths(memorySource(c, reads), { ...c });
    expect(found.map((p) => p.steps.length)).toEqual(Array(10).fill(3));
    await expect(searchPaths(memorySource(c, reads), { ...c, maxSteps: 5 })).rejects.toThrow(SearchTooLarge);
    await expect(
      searchPaths(memorySource(c, reads), { ...c, maxExpansion: 10, degrees: new Map([['start', 30]]) }),
    ).rejects.toThrow(SearchTooLarge);
  });
});
