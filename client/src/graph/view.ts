// The Cytoscape canvas: mounts it (canvas or WebGL renderer), keeps it in step with the store's state,
// runs layouts, draws the province map under the graph, and reports clicks. Returns a disposer.
import cytoscape from 'cytoscape';
import type { Core, CytoscapeOptions, EventObject, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { CanvasState, GraphCache } from '../store.ts';
import type { LayoutName } from '../url-state.ts';
import { layoutOptions } from './layouts.ts';
import { chinaBox, jitter, mapPositions } from './map-layout.ts';
import type { Point } from './map-layout.ts';
import { createMapLayer } from './map-layer.ts';
import type { MapLayer } from './map-layer.ts';
import { buildStyle } from './style.ts';
import { toEdgeData, toNodeData } from './to-elements.ts';
import type { EdgeData, NodeData } from './to-elements.ts';
import { hiddenIds } from './visibility.ts';

cytoscape.use(fcose);

const MAX_FIT_ZOOM = 1.4;
cytoscape.use(svg);

export interface ViewHandlers {
  onNodeTap(id: string): void;
  onEdgeTap(id: string): void;
  onBackgroundTap(): void;
  onNodeDoubleTap(id: string): void;
  onNodeContext(id: string, at: { x: number; y: number }): void;
}

export interface GraphView {
  readonly cy: Core;
  readonly webgl: boolean;
  readonly large: boolean;
  /** Brings the canvas in line with the state; returns the ids of nodes added. */
  sync(state: CanvasState, cache: GraphCache): string[];
  layout(name: LayoutName, opts?: { incremental?: boolean; roots?: string[] }): Promise<number>;
  setLang(lang: 'zh' | 'en'): void;
  highlight(ids: string[]): void;
  select(id: string | null): void;
  /**
   * Large-view mode: the lighter stylesheet, and (when `webgl`) the WebGL renderer. Switching the
   * renderer recreates Cytoscape, keeping elements, positions and the viewport.
   */
  setLarge(on: boolean, webgl: boolean): void;
  destroy(): void;
}

export function mountGraphView(
  container: HTMLElement,
  mapSvg: SVGSVGElement,
  handlers: ViewHandlers,
  opts: { webgl: boolean; lang: 'zh' | 'en' },
): GraphView {
  let lang = opts.lang;
  let webgl = opts.webgl;
  let large = false;
  let cy = create(container, webgl, lang);
  const map: MapLayer = createMapLayer(mapSvg);
  let bound = bind(cy);

  function create(el: HTMLElement, gl: boolean, l: 'zh' | 'en'): Core {
    const options = {
      container: el,
      style: buildStyle(l, { large }),
      // Large views pan and zoom a cached picture of the graph instead of redrawing every element.
      textureOnViewport: large && !gl,
      hideEdgesOnViewport: large,
      minZoom: 0.05,
      maxZoom: 6,
      // The WebGL renderer is an option of the canvas renderer (Cytoscape ≥ 3.31), missing from its types.
      renderer: gl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
    };
    return cytoscape(options as unknown as CytoscapeOptions);
  }

  function bind(c: Core): () => void {
    const onTap = (e: EventObject) => {
      if (e.target === c) handlers.onBackgroundTap();
      else if (e.target.isNode()) handlers.onNodeTap(e.target.id());
      else handlers.onEdgeTap(e.target.id());
    };
    const onDbl = (e: EventObject) => handlers.onNodeDoubleTap(e.target.id());
    const onCtx = (e: EventObject) => {
      const p = e.renderedPosition ?? e.target.renderedPosition();
      handlers.onNodeContext(e.target.id(), { x: p.x, y: p.y });
    };
    const onViewport = () => map.follow(c.pan(), c.zoom());
    const onOver = (e: EventObject) => e.target.addClass('hover');
    const onOut = (e: EventObject) => e.target.removeClass('hover');
    c.on('tap', onTap);
    c.on('dbltap', 'node', onDbl);
    c.on('cxttap', 'node', onCtx);
    c.on('viewport', onViewport);
    c.on('mouseover', 'edge', onOver);
    c.on('mouseout', 'edge', onOut);
    return () => {
      c.off('mouseover', 'edge', onOver);
      c.off('mouseout', 'edge', onOut);
      c.off('tap', onTap);
      c.off('dbltap', 'node', onDbl);
      c.off('cxttap', 'node', onCtx);
      c.off('viewport', onViewport);
    };
  }

  function sync(state: CanvasState, cache: GraphCache): string[] {
    const wantNodes = new Set(state.nodes);
    const wantEdges = new Set(state.edges);
    const added: string[] = [];
    const nodeData: NodeData[] = [];
    const edgeData: EdgeData[] = [];
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (!(el.isNode() ? wantNodes : wantEdges).has(el.id())) el.remove();
      });
      for (const id of state.nodes) {
        const n = cache.nodes.get(id);
        if (!n) continue;
        const data = toNodeData(n, { regionByName: cache.regionByName });
        nodeData.push(data);
        const existing = cy.getElementById(id);
        if (existing.empty()) {
          cy.add({ group: 'nodes', data: { ...data }, position: placeNear(id, cache) });
          added.push(id);
        } else existing.data(data);
      }
      for (const id of state.edges) {
        const e = cache.edges.get(id);
        if (!e || !wantNodes.has(e.source) || !wantNodes.has(e.target)) continue;
        const data = toEdgeData(e);
        edgeData.push(data);
        if (cy.getElementById(id).empty()) cy.add({ group: 'edges', data: { ...data } });
      }
      const hidden = hiddenIds(nodeData, edgeData, state.view.filters);
      cy.elements().forEach((el) => {
        el.toggleClass('filtered', hidden.has(el.id()));
      });
      const expanded = new Set(state.view.expansions.map((x) => x.id));
      cy.nodes().forEach((n) => {
        n.toggleClass('expanded', expanded.has(n.id()));
      });
    });
    return added;
  }

  /** A new node starts beside an already placed neighbour, so an incremental layout moves little. */
  function placeNear(id: string, cache: GraphCache): Point {
    for (const e of cache.edges.values()) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      if (!other) continue;
      const o = cy.getElementById(other);
      if (o.nonempty()) {
        const p = o.position();
        const j = jitter(id, 90);
        return { x: p.x + j.x, y: p.y + j.y };
      }
    }
    const ext = cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  function layout(name: LayoutName, o: { incremental?: boolean; roots?: string[] } = {}): Promise<number> {
    const t0 = performance.now();
    map.show(name === 'map');
    cy.elements().toggleClass('on-map', name === 'map');
    const elements = cy.elements().not('.filtered');
    const nodes = elements.nodes();
    if (nodes.empty()) return Promise.resolve(0);
    let positions: Map<string, Point> | undefined;
    if (name === 'map') {
      positions = mapPositions(nodes.map((n) => n.data() as NodeData));
    }
    // Incremental: keep every node that was already placed exactly where it is.
    const fixed =
      o.incremental && name === 'fcose'
        ? nodes
            .filter((n) => n.scratch('_placed') === true)
            .map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }))
        : undefined;
    const opts = layoutOptions({
      name,
      elementCount: elements.length,
      ...(positions ? { positions } : {}),
      ...(fixed && fixed.length > 0 && fixed.length < nodes.length ? { fixed } : {}),
      ...(o.roots ? { roots: o.roots.filter((id) => cy.getElementById(id).nonempty()) } : {}),
    });
    return new Promise((resolve) => {
      const l = elements.layout(opts);
      l.one('layoutstop', () => {
        nodes.forEach((n) => {
          n.scratch('_placed', true);
        });
        if (name === 'map') fitBox(union(nodes.boundingBox({}), chinaBox()));
        // A handful of nodes fitted to the window would be drawn huge: cap the zoom.
        else if (cy.zoom() > MAX_FIT_ZOOM) {
          cy.zoom(MAX_FIT_ZOOM);
          cy.center(elements);
        }
        map.follow(cy.pan(), cy.zoom());
        resolve(performance.now() - t0);
      });
      l.run();
    });
  }

  type Box = { x1: number; y1: number; x2: number; y2: number };
  const union = (a: Box, b: Box): Box => ({
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
    x2: Math.max(a.x2, b.x2),
    y2: Math.max(a.y2, b.y2),
  });

  /** Fits a model-coordinate box into the canvas, with a margin. */
  function fitBox(b: Box): void {
    const w = cy.width();
    const h = cy.height();
    const zoom = Math.min((w - 40) / (b.x2 - b.x1), (h - 40) / (b.y2 - b.y1));
    cy.viewport({
      zoom,
      pan: { x: w / 2 - ((b.x1 + b.x2) / 2) * zoom, y: h / 2 - ((b.y1 + b.y2) / 2) * zoom },
    });
  }

  function setLarge(on: boolean, gl: boolean): void {
    const wantGl = on && gl;
    if (on === large && wantGl === webgl) return;
    large = on;
    const els = cy.elements().jsons();
    const pan = cy.pan();
    const zoom = cy.zoom();
    bound();
    cy.destroy();
    webgl = wantGl;
    cy = create(container, webgl, lang);
    cy.add(els as never);
    cy.viewport({ zoom, pan });
    bound = bind(cy);
  }

  return {
    get cy() {
      return cy;
    },
    get webgl() {
      return webgl;
    },
    get large() {
      return large;
    },
    sync,
    layout,
    setLang(l) {
      lang = l;
      cy.style(buildStyle(l, { large }));
    },
    highlight(ids) {
      cy.batch(() => {
        cy.elements('.path-hl').removeClass('path-hl');
        for (const id of ids) cy.getElementById(id).addClass('path-hl');
      });
    },
    select(id) {
      cy.batch(() => {
        cy.elements(':selected').unselect();
        if (id) cy.getElementById(id).select();
      });
    },
    setLarge,
    destroy() {
      bound();
      cy.destroy();
      map.destroy();
    },
  };
}
