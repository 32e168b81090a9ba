// Export buttons: PNG (cy.png) and SVG (cytoscape-svg) of the view, and the drawn subgraph
// (visible nodes and edges, as data from the cache) as GraphML, JSON or CSV.
import type { Core } from 'cytoscape';
import type { Graph } from '../../../contract/graph.ts';
import { download, el } from './dom.ts';
import { toCsv, toGraphml, toJson } from './export-format.ts';

export function mountExport(bar: HTMLElement, deps: { cy(): Core; subgraph(): Graph }): void {
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const png = () => {
    const blob = deps.cy().png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as Blob;
    download(`dongxi-${stamp()}.png`, blob);
  };
  const svg = () => {
    const text = (deps.cy() as unknown as { svg(o: object): string }).svg({
      full: true,
      scale: 1,
      bg: '#ffffff',
    });
    download(`dongxi-${stamp()}.svg`, text, 'image/svg+xml');
  };
  const menu = el(
    'select',
    { id: 'export', 'aria-label': '导出 Export' },
    el('option', { value: '' }, '导出 Export…'),
    el('option', { value: 'png' }, 'PNG 图片'),
    el('option', { value: 'svg' }, 'SVG 矢量图'),
    el('option', { value: 'graphml' }, 'GraphML (Gephi, Cytoscape)'),
    el('option', { value: 'json' }, 'JSON'),
    el('option', { value: 'csv' }, 'CSV (nodes + edges)'),
  );
  menu.addEventListener('change', () => {
    const f = menu.value;
    menu.value = '';
    if (f === 'png') return png();
    if (f === 'svg') return svg();
    const g = deps.subgraph();
    if (f === 'graphml') download(`dongxi-${stamp()}.graphml`, toGraphml(g), 'application/xml');
    if (f === 'json') download(`dongxi-${stamp()}.json`, toJson(g), 'application/json');
    if (f === 'csv') {
      const { nodes, edges } = toCsv(g);
      download(`dongxi-nodes-${stamp()}.csv`, '\ufeff' + nodes, 'text/csv');
      download(`dongxi-edges-${stamp()}.csv`, '\ufeff' + edges, 'text/csv');
    }
  });
  bar.append(menu);
}
