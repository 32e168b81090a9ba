// Entry point: wires the store, the graph view and the panels; keeps the URL in step with the view;
// restores a shared link on load; shows loading, empty and error states (database down).
import { api, ApiError, describeError } from './api.ts';
import { createActions } from './actions.ts';
import type { ActionUi } from './actions.ts';
import { resolveSettings } from './config.ts';
import { toEdgeData } from './graph/to-elements.ts';
import { yearRange } from './graph/visibility.ts';
import { mountGraphView } from './graph/view.ts';
import { mountContextMenu } from './panels/context-menu.ts';
import { mountCypher } from './panels/cypher.ts';
import { el } from './panels/dom.ts';
import { mountDetails } from './panels/evidence.ts';
import { mountExport } from './panels/export.ts';
import { mountFilters } from './panels/filters.ts';
import { mountLegend } from './panels/legend.ts';
import { mountPaths } from './panels/paths.ts';
import { mountSearch } from './panels/search.ts';
import { Store } from './store.ts';
import type { CanvasState } from './store.ts';
import { fromSearchParams, LAYOUTS, toSearchParams } from './url-state.ts';
import type { LayoutName } from './url-state.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const settings = resolveSettings(window.localStorage);
const store = new Store();
const banner = $('banner');
const loading = $('loading');
let pending = 0;

function showBanner(text: string, action?: { label: string; run(): void }): void {
  banner.replaceChildren(el('span', {}, text));
  if (action) {
    const b = el('button', { type: 'button' }, action.label);
    b.addEventListener('click', action.run);
    banner.append(' ', b);
  }
  const close = el('button', { type: 'button', class: 'close', 'aria-label': '关闭 Close' }, '×');
  close.addEventListener('click', () => (banner.hidden = true));
  banner.append(close);
  banner.hidden = false;
}

const ui: ActionUi = {
  async busy(label, work) {
    pending++;
    $('loading-text').textContent = label + '…';
    loading.hidden = false;
    try {
      return await work();
    } catch (err) {
      showBanner(describeError(err));
      throw err;
    } finally {
      if (--pending === 0) loading.hidden = true;
    }
  },
  confirm(message) {
    const modal = $('modal');
    $('modal-text').textContent = message;
    modal.hidden = false;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        modal.hidden = true;
        $('modal-ok').removeEventListener('click', yes);
        $('modal-cancel').removeEventListener('click', no);
        resolve(ok);
      };
      const yes = () => done(true);
      const no = () => done(false);
      $('modal-ok').addEventListener('click', yes);
      $('modal-cancel').addEventListener('click', no);
    });
  },
};

const actions = createActions(store, ui, settings);
const report = (err: unknown) => showBanner(describeError(err));
const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

const view = mountGraphView(
  $('cy'),
  document.getElementById('map-layer') as unknown as SVGSVGElement,
  {
    onNodeTap: (id) => store.setView({ selected: id }, { history: false }),
    onEdgeTap: (id) => store.setView({ selected: id }, { history: false }),
    onBackgroundTap: () => store.setView({ selected: null }, { history: false }),
    onNodeDoubleTap: (id) => quiet(actions.expand(id)),
    onNodeContext: (id, at) => menu.open(id, at),
  },
  { webgl: false, lang: 'zh' },
);

const details = mountDetails($('details-panel'), {
  actions,
  pathEndpoint: (w, n) => paths.setEndpoint(w, n),
});
const menu = mountContextMenu($('ctx-menu'), {
  actions,
  pathEndpoint: (w, n) => paths.setEndpoint(w, n),
  report,
});
const search = mountSearch($('search-panel'), (id) => quiet(actions.addNode(id)), settings.searchDebounceMs);
const paths = mountPaths($('paths-panel'), {
  actions,
  highlight: (ids) => view.highlight(ids),
  showEdge: (id) => store.setView({ selected: id }, { history: false }),
  debounceMs: settings.searchDebounceMs,
});
const filters = mountFilters($('filters-panel'), (f, coalesce) =>
  store.setView({ filters: f }, coalesce ? { coalesce } : {}),
);
mountLegend($('legend-panel'));
const cypher = mountCypher($('cypher-panel'), { actions, historySize: settings.historySize });
$('overview-button').addEventListener(
  'click',
  () => void cypher.runSavedByName('east-west-pairs').catch(report),
);
mountExport($('export-bar'), {
  cy: () => view.cy,
  subgraph: () => {
    const visible = view.cy.elements().not('.filtered');
    return store.cache.subgraph(
      visible.nodes().map((n) => n.id()),
      visible.edges().map((e) => e.id()),
    );
  },
});
void search;

// ---- rendering the state -------------------------------------------------------------------
const layoutSelect = $<HTMLSelectElement>('layout');
const langBox = $<HTMLInputElement>('lang-en');

let layoutRuns = 0;

/**
 * WebGL only pays off on a GPU: with a software rasterizer (SwiftShader, llvmpipe) the canvas renderer
 * with its cached viewport texture pans faster (bench/RESULTS.md, "## ui").
 */
const gpuWebgl = (() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
})();

/** Runs the view's layout; the map first fetches the regions that place organizations. */
async function runLayout(s: CanvasState, incremental: boolean): Promise<void> {
  if (s.view.layout === 'map') {
    await actions.ensureRegions().catch(() => undefined);
    view.sync(store.state, store.cache);
  }
  await view.layout(s.view.layout, { incremental, roots: s.view.seeds });
  // Finished layouts are counted on <body> so tests can wait for one.
  document.body.dataset['layout'] = s.view.layout;
  document.body.dataset['layouts'] = String(++layoutRuns);
}

function render(s: CanvasState, prev: CanvasState): void {
  view.setLarge(
    s.nodes.length + s.edges.length > settings.largeThreshold,
    settings.webglForLarge && gpuWebgl,
  );
  if (s.view.lang !== prev.view.lang) view.setLang(s.view.lang);
  const added = view.sync(s, store.cache);
  const relayout = s.view.layout !== prev.view.layout || (added.length > 0 && prev.nodes.length === 0);
  if (relayout || added.length > 0) quiet(runLayout(s, !relayout));
  if (s.view.selected !== prev.view.selected) {
    view.select(s.view.selected);
    const sel = s.view.selected;
    if (!sel) details.clear();
    else if (store.cache.nodes.has(sel)) quiet(details.showNode(sel));
    else quiet(details.showEdge(sel));
  }
  const edgeData = s.edges
    .map((id) => store.cache.edges.get(id))
    .filter((e) => e !== undefined)
    .map(toEdgeData);
  filters.update(s.view.filters, yearRange(edgeData));
  layoutSelect.value = s.view.layout;
  langBox.checked = s.view.lang === 'en';
  $<HTMLButtonElement>('undo').disabled = !store.canUndo;
  $<HTMLButtonElement>('redo').disabled = !store.canRedo;
  $('empty-state').hidden = s.nodes.length > 0;
  const shown = view.cy.elements().not('.filtered');
  $('counts').textContent =
    `${shown.nodes().length}/${s.nodes.length} 节点 nodes · ${shown.edges().length}/${s.edges.length} 关系 edges` +
    (view.large ? ' · 大图模式 large view' : '') +
    (view.webgl ? ' · WebGL' : '');
  const qs = toSearchParams(s.view).toString();
  const url = location.pathname + (qs ? '?' + qs : '');
  if (url !== location.pathname + location.search) history.replaceState(null, '', url);
}
store.subscribe(render);

// ---- toolbar and keys ----------------------------------------------------------------------
$('undo').addEventListener('click', () => store.undo());
$('redo').addEventListener('click', () => store.redo());
$('clear').addEventListener('click', () => actions.clear());
$('fit').addEventListener('click', () => view.cy.fit(undefined, 40));
$('relayout').addEventListener('click', () => quiet(runLayout(store.state, false)));
layoutSelect.addEventListener('change', () => {
  const v = layoutSelect.value;
  if ((LAYOUTS as readonly string[]).includes(v)) store.setView({ layout: v as LayoutName });
});
langBox.addEventListener('change', () => store.setView({ lang: langBox.checked ? 'en' : 'zh' }));
document.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  if (t.closest('input, textarea, select, .cm-editor')) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (e.shiftKey) store.redo();
    else store.undo();
  } else if (mod && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    store.redo();
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && store.state.view.selected) {
    const sel = store.state.view.selected;
    if (store.state.nodes.includes(sel)) actions.remove([sel]);
  }
});

// ---- start-up ------------------------------------------------------------------------------
async function checkHealth(): Promise<boolean> {
  const status = $('status');
  try {
    const h = await api.health();
    const db = h['database'] as { version?: unknown } | undefined;
    const version =
      typeof db?.version === 'string' ? db.version : typeof h['version'] === 'string' ? h['version'] : '';
    status.textContent = `● 数据库正常 Database up${version ? ' · Neo4j ' + version : ''}`;
    status.className = 'status ok';
    return true;
  } catch (err) {
    status.textContent = '● 数据库不可用 Database down';
    status.className = 'status down';
    const down = err instanceof ApiError && (err.code === 'DB_UNAVAILABLE' || err.status === 503);
    showBanner(
      down
        ? '数据库不可用，请稍后重试。The database is unavailable: ' + (err as ApiError).message
        : '无法连接服务器。The server cannot be reached. ' + describeError(err),
      { label: '重试 Retry', run: () => void start() },
    );
    return false;
  }
}

async function start(): Promise<void> {
  banner.hidden = true;
  if (!(await checkHealth())) return;
  const shared = fromSearchParams(new URLSearchParams(location.search));
  if (shared.seeds.length || shared.expansions.length || shared.path || shared.cypher) {
    await actions.replay(shared).catch(report);
    if (shared.cypher) cypher.setQuery(shared.cypher, shared.cypherParams);
    if (shared.path) await paths.restore(shared.path);
  } else {
    store.setView(shared, { history: false });
  }
  document.body.dataset['ready'] = 'true';
}

// Tests and the benchmark drive the page through this handle.
Object.assign(window, { __dongxi: { store, view, actions, settings } });
void start();
