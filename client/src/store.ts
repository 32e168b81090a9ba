// The explorer's state: which nodes and edges are on the canvas plus the view (layout, filters, …),
// with undo/redo over immutable snapshots. Data fetched from the API lives in a cache that only grows.
import type { Graph, GraphEdge, GraphNode } from '../../contract/graph.ts';
import { DEFAULT_VIEW } from './url-state.ts';
import type { Expansion, ViewState } from './url-state.ts';

export interface CanvasState {
  readonly view: ViewState;
  /** Node ids on the canvas, in the order they arrived. */
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_STATE: CanvasState = { view: DEFAULT_VIEW, nodes: [], edges: [] };

/** Everything the API has returned so far, by id. Never mutated for display purposes. */
export class GraphCache {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  private regions = new Map<string, GraphNode>();

  merge(graph: Graph): void {
    for (const n of graph.nodes) {
      const old = this.nodes.get(n.id);
      // A later answer may carry more properties (a node read in full after a search hit).
      this.nodes.set(n.id, old ? { ...n, properties: { ...old.properties, ...n.properties } } : n);
      if (n.labels.includes('Region') || n.properties['type'] === 'Region') {
        const name = n.properties['name'];
        if (typeof name === 'string') this.regions.set(name, n);
      }
    }
    for (const e of graph.edges) this.edges.set(e.id, e);
  }

  regionByName = (name: string): GraphNode | undefined => this.regions.get(name);

  /** Cached edges whose two ends are in `ids`. */
  edgesAmong(ids: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const e of this.edges.values()) if (ids.has(e.source) && ids.has(e.target)) out.push(e.id);
    return out;
  }

  subgraph(nodeIds: readonly string[], edgeIds: readonly string[]): Graph {
    return {
      nodes: nodeIds.map((id) => this.nodes.get(id)).filter((n): n is GraphNode => n !== undefined),
      edges: edgeIds.map((id) => this.edges.get(id)).filter((e): e is GraphEdge => e !== undefined),
    };
  }
}

/** Adds a graph's nodes to the canvas, then every cached edge between canvas nodes. */
export function withGraph(state: CanvasState, cache: GraphCache, graph: Graph): CanvasState {
  cache.merge(graph);
  const nodes = [...state.nodes];
  const present = new Set(nodes);
  for (const n of graph.nodes) {
    if (!present.has(n.id)) {
      present.add(n.id);
      nodes.push(n.id);
    }
  }
  const edgeSet = new Set(state.edges);
  const edges = [...state.edges];
  for (const id of cache.edgesAmong(present)) {
    if (!edgeSet.has(id)) {
      edgeSet.add(id);
      edges.push(id);
    }
  }
  // A node brought back is no longer "removed".
  const removed = state.view.removed.filter((id) => !graph.nodes.some((n) => n.id === id));
  return { view: { ...state.view, removed }, nodes, edges };
}

/** Removes nodes and every edge touching them; they are remembered so a shared link removes them too. */
export function withoutNodes(state: CanvasState, cache: GraphCache, ids: readonly string[]): CanvasState {
  const drop = new Set(ids);
  const nodes = state.nodes.filter((id) => !drop.has(id));
  const edges = state.edges.filter((id) => {
    const e = cache.edges.get(id);
    return e !== undefined && !drop.has(e.source) && !drop.has(e.target);
  });
  const removed = [...state.view.removed, ...ids.filter((id) => state.nodes.includes(id))];
  const seeds = state.view.seeds.filter((id) => !drop.has(id));
  const expansions = state.view.expansions.filter((x) => !drop.has(x.id));
  const selected = state.view.selected && drop.has(state.view.selected) ? null : state.view.selected;
  return {
    view: { ...state.view, removed: [...new Set(removed)], seeds, expansions, selected },
    nodes,
    edges,
  };
}

/** Records an expansion; asking again for the same node and types replaces it (show more). */
export function withExpansion(view: ViewState, x: Expansion): ViewState {
  const same = (a: Expansion) => a.id === x.id && a.relTypes.join(',') === x.relTypes.join(',');
  return { ...view, expansions: [...view.expansions.filter((a) => !same(a)), x] };
}

type Listener = (state: CanvasState, previous: CanvasState) => void;

export interface CommitOptions {
  /** False for changes that should not be undoable (selection). */
  history?: boolean;
  /** Consecutive commits with the same key make one undo step (dragging a slider). */
  coalesce?: string;
}

export class Store {
  readonly cache = new GraphCache();
  private past: CanvasState[] = [];
  private future: CanvasState[] = [];
  private lastKey: string | undefined;
  private listeners = new Set<Listener>();

  constructor(
    private current: CanvasState = EMPTY_STATE,
    private readonly maxHistory = 100,
  ) {}

  get state(): CanvasState {
    return this.current;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  commit(next: CanvasState, opts: CommitOptions = {}): void {
    if (next === this.current) return;
    const prev = this.current;
    if (opts.history !== false) {
      if (!(opts.coalesce && opts.coalesce === this.lastKey)) {
        this.past.push(prev);
        if (this.past.length > this.maxHistory) this.past.shift();
      }
      this.future = [];
      this.lastKey = opts.coalesce;
    }
    this.current = next;
    this.emit(prev);
  }

  /** Changes only the view part of the state. */
  setView(patch: Partial<ViewState>, opts?: CommitOptions): void {
    this.commit({ ...this.current, view: { ...this.current.view, ...patch } }, opts);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): void {
    const prev = this.past.pop();
    if (!prev) return;
    this.future.push(this.current);
    this.move(prev);
  }

  redo(): void {
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.current);
    this.move(next);
  }

  private move(to: CanvasState): void {
    const prev = this.current;
    this.current = to;
    this.lastKey = undefined;
    this.emit(prev);
  }

  private emit(prev: CanvasState): void {
    for (const fn of this.listeners) fn(this.current, prev);
  }
}
