// Stats computations on small inline tables: zones, zone flows, and brokers (exact betweenness, and the
// sampled estimate, which equals the exact value when every node is a source).
import { describe, expect, it } from 'vitest';
import { entityZones, topBrokers, zoneFlows, type FactRow } from '../../server/graph/stats-compute.ts';

const zones = entityZones({
  regions: [
    { id: 'region:1', name: '东省', zone: 'East' },
    { id: 'region:2', name: '西省', zone: 'West' },
    { id: 'region:3', name: '无区', zone: null },
  ],
  locatedIn: [{ id: 'company:a', regionId: 'region:1' }],
  regionNames: [
    { id: 'company:a', region: '西省' },
    { id: 'university:b', region: '西省' },
    { id: 'fund:c', region: '不存在' },
  ],
});

describe('stats computations', () => {
  it('takes a region zone, else LOCATED_IN, else the region property', () => {
    expect(Object.fromEntries(zones)).toEqual({
      'region:1': 'East',
      'region:2': 'West',
      'company:a': 'East',
      'university:b': 'West',
    });
  });

  it('counts facts between different zones by direction and type', () => {
    const facts: FactRow[] = [
      { source: 'company:a', target: 'university:b', type: 'COOPERATION' },
      { source: 'region:1', target: 'region:2', type: 'PAIRED_ASSISTANCE' },
      { source: 'region:1', target: 'university:b', type: 'PAIRED_ASSISTANCE' },
      { source: 'university:b', target: 'company:a', type: 'COOPERATION' },
      { source: 'region:2', target: 'university:b', type: 'COOPERATION' },
      { source: 'fund:c', target: 'company:a', type: 'INVESTMENT' },
    ];
    expect(zoneFlows(facts, zones)).toEqual([
      { fromZone: 'East', toZone: 'West', type: 'PAIRED_ASSISTANCE', count: 2 },
      { fromZone: 'East', toZone: 'West', type: 'COOPERATION', count: 1 },
      { fromZone: 'West', toZone: 'East', type: 'COOPERATION', count: 1 },
    ]);
  });

  it('ranks brokers by betweenness; the sampled estimate matches exact when all nodes are sources', () => {
    // A star a—hub—{b,c,d} plus a tail d—e: hub lies on 9 shortest paths, d on 4.
    const facts: FactRow[] = ['a', 'b', 'c', 'd'].map((x) => ({
      source: 'hub',
      target: x,
      type: 'COOPERATION',
    }));
    facts.push({ source: 'd', target: 'e', type: 'COOPERATION' });
    const exact = topBrokers(facts, { top: 5, exactLimit: 100, samples: 0 });
    expect(exact).toEqual([
      { id: 'hub', betweenness: 9 },
      { id: 'd', betweenness: 4 },
    ]);
    const sampled = topBrokers(facts, { top: 5, exactLimit: 1, samples: 6 });
    expect(sampled.map((b) => [b.id, Math.round(b.betweenness * 1000) / 1000])).toEqual([
      ['hub', 9],
      ['d', 4],
    ]);
  });
});
