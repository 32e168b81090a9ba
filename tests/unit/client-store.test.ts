// Unit tests of the client store: canvas membership, removal, expansion records and undo/redo.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../contract/graph.ts';
import { Store, withExpansion, withGraph, withoutNodes } from '../../client/src/store.ts';
import { hiddenIds, yearRange } from '../../client/src/graph/visibility.ts';
import { DEFAULT_FILTERS } from '../../client/src/graph/visibility.ts';
import { toEdgeData, toNodeData } from '../../client/src/graph/to-elements.ts';

const node = (id: string, type = 'Company', extra: Record<string, unknown> = {}) => ({
  id,
  labels: ['Entity', type],
  properties: { name: id, type, ...extra },
});
const edge = (
  id: string,
  source: string,
  target: string,
  type = 'COOPERATION',
  extra: Record<string, unknown> = {},
) => ({
  id,
  type,
  source,
  target,
  properties: extra,
});

const star: Graph = {
  nodes: [node('a'), node('b'), node('c', 'Region', { zone: 'East' })],
  edges: [
    edge('ab', 'a', 'b', 'INVESTMENT', { date: '2021-05', confidence: 0.9 }),
    edge('ac', 'a', 'c', 'AGREEMENT', { date: '2024', confidence: 0.4 }),
  ],
};

describe('store operations', () => {
  it('adds nodes and every cached edge among canvas nodes', () => {
    const s = new Store();
    const one = withGraph(s.state, s.cache, { nodes: [node('a')], edges: [] });
    expect(one.nodes).toEqual(['a']);
    const all = withGraph(one, s.cache, star);
    expect(all.nodes).toEqual(['a', 'b', 'c']);
    expect([...all.edges].sort()).toEqual(['ab', 'ac']);
  });

  it('removes nodes with their edges and remembers them', () => {
    const s = new Store();
    const all = withGraph(s.state, s.cache, star);
    const less = withoutNodes(all, s.cache, ['b']);
    expect(less.nodes).toEqual(['a', 'c']);
    expect(less.edges).toEqual(['ac']);
    expect(less.view.removed).toEqual(['b']);
    // bringing it back clears the removal
    expect(withGraph(less, s.cache, { nodes: [node('b')], edges: [] }).view.removed).toEqual([]);
  });

  it('replaces an expansion of the same node and types (show more)', () => {
    const v1 = withExpansion(new Store().state.view, { id: 'a', relTypes: [], limit: 25 });
    const v2 = withExpansion(v1, { id: 'a', relTypes: [], limit: 50 });
    const v3 = withExpansion(v2, { id: 'a', relTypes: ['INVESTMENT'], limit: 25 });
    expect(v3.expansions).toEqual([
      { id: 'a', relTypes: [], limit: 50 },
      { id: 'a', relTypes: ['INVESTMENT'], limit: 25 },
    ]);
  });
});

describe('undo/redo', () => {
  it('undoes and redoes commits in order, and a new commit clears redo', () => {
    const s = new Store();
    s.commit(withGraph(s.state, s.cache, { nodes: [node('a')], edges: [] }));
    s.commit(withGraph(s.state, s.cache, star));
    expect(s.state.nodes).toHaveLength(3);
    s.undo();
    expect(s.state.nodes).toEqual(['a']);
    s.undo();
    expect(s.state.nodes).toEqual([]);
    expect(s.canUndo).toBe(false);
    s.redo();
    expect(s.state.nodes).toEqual(['a']);
    s.setView({ layout: 'map' });
    expect(s.canRedo).toBe(false);
    s.undo();
    expect(s.state.view.layout).toBe('fcose');
  });

  it('keeps selection out of history and coalesces slider drags into one step', () => {
    const s = new Store();
    s.setView({ selected: 'a' }, { history: false });
    expect(s.canUndo).toBe(false);
    for (const mc of [0.1, 0.2, 0.3])
      s.setView({ filters: { ...DEFAULT_FILTERS, minConfidence: mc } }, { coalesce: 'mc' });
    expect(s.state.view.filters.minConfidence).toBe(0.3);
    s.undo();
    expect(s.state.view.filters.minConfidence).toBe(0);
    expect(s.canUndo).toBe(false);
  });

  it('notifies subscribers with the previous state', () => {
    const s = new Store();
    const seen: Array<[number, number]> = [];
    s.subscribe((now, prev) => seen.push([now.nodes.length, prev.nodes.length]));
    s.commit(withGraph(s.state, s.cache, star));
    s.undo();
    expect(seen).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });
});

describe('filters as derived visibility', () => {
  const nodes = star.nodes.map((n) => toNodeData(n));
  const edges = star.edges.map(toEdgeData);

  it('hides nodes by type or zone and the edges touching them', () => {
    const h = hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, hiddenZones: ['East'] });
    expect([...h].sort()).toEqual(['ac', 'c']);
    const t = hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, hiddenTypes: ['Company'] });
    expect([...t].sort()).toEqual(['a', 'ab', 'ac', 'b']);
  });

  it('hides facts outside the year range, below the confidence, or of a hidden type', () => {
    expect([...hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, yearFrom: 2022 })]).toEqual(['ab']);
    expect([...hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, yearTo: 2022 })]).toEqual(['ac']);
    expect([...hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, minConfidence: 0.5 })]).toEqual(['ac']);
    expect([...hiddenIds(nodes, edges, { ...DEFAULT_FILTERS, hiddenRels: ['INVESTMENT'] })]).toEqual(['ab']);
    expect(hiddenIds(nodes, edges, DEFAULT_FILTERS).size).toBe(0);
  });

  it('reports the year range of dated facts', () => {
    expect(yearRange(edges)).toEqual({ min: 2021, max: 2024 });
    expect(yearRange([])).toBeNull();
  });
});
