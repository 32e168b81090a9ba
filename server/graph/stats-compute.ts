// Pure parts of /api/stats: each entity's zone, the zone-to-zone fact flows and betweenness over the
// non-hierarchy fact graph (exact with graphology-metrics for small graphs, sampled Brandes for large ones).
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { ZONES, type Zone } from '../../contract/vocabulary.ts';

// The package is CommonJS (`module.exports = fn`); under NodeNext its typings present that as `.default`.
const betweennessCentrality = betweennessModule as unknown as (
  graph: UndirectedGraph,
  options: { normalized: boolean },
) => Record<string, number>;

export interface FactRow {
  source: string;
  target: string;
  type: string;
}

export interface ZoneInputs {
  /** Regions: id, name and own zone. */
  regions: Array<{ id: string; name: string; zone: string | null }>;
  /** LOCATED_IN: entity id → region id. */
  locatedIn: Array<{ id: string; regionId: string }>;
  /** The `region` property: entity id → canonical region name. */
  regionNames: Array<{ id: string; region: string }>;
}

function asZone(value: string | null | undefined): Zone | null {
  return value && (ZONES as readonly string[]).includes(value) ? (value as Zone) : null;
}

/** Entity id → zone: a region's own zone, else the zone of the region it is located in, else of its `region`. */
export function entityZones(inputs: ZoneInputs): Map<string, Zone> {
  const zones = new Map<string, Zone>();
  const byName = new Map<string, Zone>();
  const byId = new Map<string, Zone>();
  for (const region of inputs.regions) {
    const zone = asZone(region.zone);
    if (!zone) continue;
    byId.set(region.id, zone);
    if (!byName.has(region.name)) byName.set(region.name, zone);
    zones.set(region.id, zone);
  }
  for (const { id, regionId } of inputs.locatedIn) {
    const zone = byId.get(regionId);
    if (zone && !zones.has(id)) zones.set(id, zone);
  }
  for (const { id, region } of inputs.regionNames) {
    const zone = byName.get(region);
    if (zone && !zones.has(id)) zones.set(id, zone);
  }
  return zones;
}

export interface ZoneFlow {
  fromZone: Zone;
  toZone: Zone;
  type: string;
  count: number;
}

/** Facts whose endpoints lie in different zones, counted by (fromZone, toZone, type), largest first. */
export function zoneFlows(facts: FactRow[], zones: ReadonlyMap<string, Zone>): ZoneFlow[] {
  const counts = new Map<string, ZoneFlow>();
  for (const fact of facts) {
    const fromZone = zones.get(fact.source);
    const toZone = zones.get(fact.target);
    if (!fromZone || !toZone || fromZone === toZone) continue;
    const key = `${fromZone}|${toZone}|${fact.type}`;
    const flow = counts.get(key) ?? { fromZone, toZone, type: fact.type, count: 0 };
    flow.count += 1;
    counts.set(key, flow);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

function factGraph(facts: FactRow[]): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const { source, target } of facts) {
    if (source === target) continue;
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.mergeEdge(source, target);
  }
  return graph;
}

/** A simple undirected graph in compressed sparse rows: node i's neighbours are adj[offsets[i] .. offsets[i+1]). */
interface Csr {
  ids: string[];
  offsets: Int32Array;
  adj: Int32Array;
}

function toCsr(facts: FactRow[]): Csr {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const pairs = new Set<string>();
  const ends: Array<[number, number]> = [];
  const at = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const { source, target } of facts) {
    if (source === target) continue;
    const a = at(source);
    const b = at(target);
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    ends.push([a, b]);
  }
  const degree = new Int32Array(ids.length + 1);
  for (const [a, b] of ends) {
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const offsets = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i += 1) offsets[i + 1] = (offsets[i] as number) + (degree[i] as number);
  const fill = offsets.slice(0, ids.length);
  const adj = new Int32Array(ends.length * 2);
  for (const [a, b] of ends) {
    adj[fill[a] as number] = b;
    fill[a] = (fill[a] as number) + 1;
    adj[fill[b] as number] = a;
    fill[b] = (fill[b] as number) + 1;
  }
  return { ids, offsets, adj };
}

/**
 * Brandes' accumulation from a subset of sources (unweighted BFS over typed arrays; predecessors are found
 * again from distances instead of stored), scaled up to estimate the sum over all sources.
 */
function sampledBetweenness({ ids, offsets, adj }: Csr, sources: number[]): Map<string, number> {
  const n = ids.length;
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n);
  const order = new Int32Array(n);
  for (const source of sources) {
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++] as number;
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e += 1) {
        const w = adj[e] as number;
        if (dist[w] === -1) {
          dist[w] = (dist[v] as number) + 1;
          order[tail++] = w;
        }
        if (dist[w] === (dist[v] as number) + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    for (let i = tail - 1; i > 0; i -= 1) {
      const w = order[i] as number;
      for (let e = offsets[w] as number; e < (offsets[w + 1] as number); e += 1) {
        const v = adj[e] as number;
        if (dist[v] === (dist[w] as number) - 1) {
          delta[v] =
            (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
        }
      }
      score[w] = (score[w] as number) + (delta[w] as number);
    }
  }
  // Undirected: each pair is counted from both ends; scale the sample up to all sources.
  const factor = n / Math.max(1, sources.length) / 2;
  return new Map(ids.map((id, i) => [id, (score[i] as number) * factor]));
}

/** Evenly spread, deterministic source sample (stable results between calls). */
function sampleSources(csr: Csr, size: number): number[] {
  const sorted = csr.ids
    .map((id, i) => [id, i] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const step = sorted.length / size;
  return Array.from(
    { length: size },
    (_, i) => (sorted[Math.floor(i * step)] as readonly [string, number])[1],
  );
}

export interface BrokerOptions {
  top: number;
  /** Above this many nodes, betweenness is estimated from `samples` BFS sources. */
  exactLimit: number;
  samples: number;
}

/** Top entities by betweenness over the fact graph (ties by id). */
export function topBrokers(
  facts: FactRow[],
  options: BrokerOptions,
): Array<{ id: string; betweenness: number }> {
  const csr = toCsr(facts);
  if (csr.ids.length === 0) return [];
  const scores =
    csr.ids.length <= options.exactLimit
      ? new Map(Object.entries(betweennessCentrality(factGraph(facts), { normalized: false })))
      : sampledBetweenness(csr, sampleSources(csr, Math.min(options.samples, csr.ids.length)));
  return [...scores.entries()]
    .filter(([, betweenness]) => betweenness > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.top)
    .map(([id, betweenness]) => ({ id, betweenness }));
}
