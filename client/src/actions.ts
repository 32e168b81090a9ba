// What the user can do to the canvas (add, expand, collapse, remove, find paths, run Cypher, replay a
// shared link): each fetches through the API, then commits one undoable step to the store.
import type { Graph } from '../../contract/graph.ts';
import type { CypherResponse, NodeResponse, PathsResponse } from '../../contract/api.ts';
import { api } from './api.ts';
import type { Settings } from './config.ts';
import { EMPTY_STATE, withExpansion, withGraph, withoutNodes } from './store.ts';
import type { CanvasState, Store } from './store.ts';
import type { PathQuery, ViewState } from './url-state.ts';

export interface ActionUi {
  /** Shows a loading state while `work` runs; errors are shown and rethrown. */
  busy<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** Asks before drawing a large graph; resolves true to go on. */
  confirm(message: string): Promise<boolean>;
}

export interface NeighbourInfo {
  omitted: number;
  total: number;
  limit: number;
  relTypes: string[];
}

export type Actions = ReturnType<typeof createActions>;

export function createActions(store: Store, ui: ActionUi, settings: Settings) {
  /** The last expansion answer per node, for "show more". */
  const neighbourInfo = new Map<string, NeighbourInfo>();
  const nodeInfo = new Map<string, NodeResponse>();

  async function allowSize(graph: Graph): Promise<boolean> {
    const s = store.state;
    const onCanvas = new Set(s.nodes);
    const newNodes = graph.nodes.filter((n) => !onCanvas.has(n.id)).length;
    const total = s.nodes.length + s.edges.length + newNodes + graph.edges.length;
    if (total <= settings.maxElementsWarn) return true;
    return ui.confirm(
      `将在画布上绘制约 ${total} 个元素（上限设置为 ${settings.maxElementsWarn}），可能变慢。\n` +
        `About ${total} elements will be drawn (configured limit ${settings.maxElementsWarn}); this may be slow.`,
    );
  }

  async function loadNode(id: string): Promise<NodeResponse> {
    const res = await api.node(id);
    nodeInfo.set(id, res);
    return res;
  }

  function commitGraph(graph: Graph, view: Partial<ViewState>): void {
    const next = withGraph(store.state, store.cache, graph);
    store.commit({ ...next, view: { ...next.view, ...view } });
  }

  return {
    neighbourInfo,
    nodeInfo,
    loadNode,

    async addNode(id: string): Promise<void> {
      const res = await ui.busy('加载节点 Loading node', () => loadNode(id));
      const seeds = store.state.view.seeds.includes(id)
        ? store.state.view.seeds
        : [...store.state.view.seeds, id];
      commitGraph({ nodes: [res.node], edges: [] }, { seeds, selected: id });
    },

    async expand(
      id: string,
      relTypes: string[] = [],
      limit = settings.expandLimit,
    ): Promise<NeighbourInfo | null> {
      const res = await ui.busy('展开邻居 Expanding', () => api.neighbors(id, { relTypes, limit }));
      if (!(await allowSize(res.graph))) return null;
      const info = { omitted: res.omitted, total: res.total, limit, relTypes };
      neighbourInfo.set(id, info);
      const next = withGraph(store.state, store.cache, res.graph);
      store.commit({ ...next, view: withExpansion(next.view, { id, relTypes, limit }) });
      return info;
    },

    /** Removes the neighbours that hang only on this node, and forgets its expansion. */
    collapse(id: string): void {
      const s = store.state;
      const degree = new Map<string, number>();
      const neighbours = new Set<string>();
      for (const eid of s.edges) {
        const e = store.cache.edges.get(eid);
        if (!e) continue;
        degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
        degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
        if (e.source === id) neighbours.add(e.target);
        if (e.target === id) neighbours.add(e.source);
      }
      const seeds = new Set(s.view.seeds);
      const leaves = [...neighbours].filter((n) => (degree.get(n) ?? 0) <= 1 && !seeds.has(n));
      const next = withoutNodes(s, store.cache, leaves);
      neighbourInfo.delete(id);
      store.commit({
        ...next,
        view: { ...next.view, expansions: next.view.expansions.filter((x) => x.id !== id) },
      });
    },

    remove(ids: string[]): void {
      if (ids.length) store.commit(withoutNodes(store.state, store.cache, ids));
    },

    async findPaths(pq: PathQuery): Promise<PathsResponse> {
      const res = await ui.busy('查找路径 Finding paths', () =>
        api.paths(pq.from, pq.to, { k: pq.k, exclude: pq.exclude }),
      );
      commitGraph(res.graph, { path: pq });
      return res;
    },

    async runCypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResponse> {
      const res = await ui.busy('运行查询 Running query', () => api.cypher(query, params));
      if (res.graph.nodes.length > 0 && (await allowSize(res.graph)))
        commitGraph(res.graph, { cypher: query });
      return res;
    },

    /**
     * Fetches into the cache (not onto the canvas) the regions named by organizations on the canvas, so
     * the map can place them near their region.
     */
    async ensureRegions(): Promise<void> {
      const names = new Set<string>();
      for (const id of store.state.nodes) {
        const region = store.cache.nodes.get(id)?.properties['region'];
        if (typeof region === 'string' && !store.cache.regionByName(region)) names.add(region);
      }
      if (names.size === 0) return;
      const res = await api.cypher('MATCH (r:Region)\nWHERE r.name IN $names\nRETURN r', {
        names: [...names],
      });
      store.cache.merge(res.graph);
    },

    clear(): void {
      store.commit({
        ...EMPTY_STATE,
        view: { ...EMPTY_STATE.view, layout: store.state.view.layout, lang: store.state.view.lang },
      });
    },

    /**
     * Rebuilds a shared view: replays its operations in order, then applies removals and the display
     * settings. One step, not undoable (it is where the session starts).
     */
    async replay(view: ViewState): Promise<void> {
      let s: CanvasState = { ...EMPTY_STATE };
      const cache = store.cache;
      await ui.busy('恢复视图 Restoring the shared view', async () => {
        for (const id of view.seeds) {
          const r = await loadNode(id).catch(() => null);
          if (r) s = withGraph(s, cache, { nodes: [r.node], edges: [] });
        }
        for (const x of view.expansions) {
          const r = await api.neighbors(x.id, { relTypes: x.relTypes, limit: x.limit }).catch(() => null);
          if (!r) continue;
          neighbourInfo.set(x.id, {
            omitted: r.omitted,
            total: r.total,
            limit: x.limit,
            relTypes: x.relTypes,
          });
          s = withGraph(s, cache, r.graph);
        }
        if (view.path) {
          const p = view.path;
          const r = await api.paths(p.from, p.to, { k: p.k, exclude: p.exclude }).catch(() => null);
          if (r) s = withGraph(s, cache, r.graph);
        }
        if (view.cypher) {
          const r = await api.cypher(view.cypher, view.cypherParams ?? {}).catch(() => null);
          if (r) s = withGraph(s, cache, r.graph);
        }
      });
      s = withoutNodes(s, cache, view.removed);
      store.commit({ ...s, view }, { history: false });
    },
  };
}
