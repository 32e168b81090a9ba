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

/** Brandes' accumulation from a subset of sources (unweighted BFS); scaled to estimate the full sum. */
function sampledBetweenness(graph: UndirectedGraph, sources: string[]): Map<string, number> {
  const score = new Map<string, number>();
  graph.forEachNode((node) => score.set(node, 0));
  for (const source of sources) {
    const stack: string[] = [];
    const preds = new Map<string, string[]>();
    const sigma = new Map<string, number>([[source, 1]]);
    const dist = new Map<string, number>([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head += 1) {
      const v = queue[head] as string;
      stack.push(v);
      graph.forEachNeighbor(v, (w) => {
        if (!dist.has(w)) {
          dist.set(w, (dist.get(v) as number) + 1);
          queue.push(w);
        }
        if (dist.get(w) === (dist.get(v) as number) + 1) {
          sigma.set(w, (sigma.get(w) ?? 0) + (sigma.get(v) as number));
          const list = preds.get(w);
          if (list) list.push(v);
          else preds.set(w, [v]);
        }
      });
    }
    const delta = new Map<string, number>();
    while (stack.length > 0) {
      const w = stack.pop() as string;
      for (const v of preds.get(w) ?? []) {
        const share = ((sigma.get(v) as number) / (sigma.get(w) as number)) * (1 + (delta.get(w) ?? 0));
        delta.set(v, (delta.get(v) ?? 0) + share);
      }
      if (w !== source) score.set(w, (score.get(w) as number) + (delta.get(w) ?? 0));
    }
  }
  // Undirected: each pair is counted from both ends; scale the sample up to all sources.
  const factor = graph.order / Math.max(1, sources.length) / 2;
  for (const [node, value] of score) score.set(node, value * factor);
  return score;
}

/** Evenly spread, deterministic source sample (stable results between calls). */
function sampleSources(graph: UndirectedGraph, size: number): string[] {
  const nodes = graph.nodes().sort();
  const step = nodes.length / size;
  return Array.from({ length: size }, (_, i) => nodes[Math.floor(i * step)] as string);
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
  const graph = factGraph(facts);
  if (graph.order === 0) return [];
  const scores =
    graph.order <= options.exactLimit
      ? new Map(Object.entries(betweennessCentrality(graph, { normalized: false })))
      : sampledBetweenness(graph, sampleSources(graph, Math.min(options.samples, graph.order)));
  return [...scores.entries()]
    .filter(([, betweenness]) => betweenness > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.top)
    .map(([id, betweenness]) => ({ id, betweenness }));
}
