// Path finder, "who links X to Y": two autocomplete fields, k, hubs to exclude; lists the k paths,
// highlights the chosen one on the canvas and shows each hop's evidence sentence.
import type { GraphPath, PathsResponse } from '../../../contract/api.ts';
import { RELATION_TYPE_NAMES } from '../../../contract/vocabulary.ts';
import type { RelationType } from '../../../contract/vocabulary.ts';
import type { Actions } from '../actions.ts';
import { api, describeError } from '../api.ts';
import type { PathQuery } from '../url-state.ts';
import { el, button } from './dom.ts';
import { createAutocomplete } from './search.ts';

export interface PathsPanelDeps {
  actions: Actions;
  highlight(ids: string[]): void;
  showEdge(id: string): void;
  debounceMs: number;
}

export interface PathsPanel {
  /** Fills the form and lists the paths again (after a shared link was replayed), without a new step. */
  restore(pq: PathQuery): Promise<void>;
  setEndpoint(which: 'from' | 'to', node: { id: string; name: string }): void;
}

export function mountPaths(panel: HTMLElement, deps: PathsPanelDeps): PathsPanel {
  const fromInput = el('input', {
    type: 'search',
    id: 'path-from',
    placeholder: '起点 From: 宁夏',
    'aria-label': '起点 From',
  });
  const toInput = el('input', {
    type: 'search',
    id: 'path-to',
    placeholder: '终点 To: 杭州',
    'aria-label': '终点 To',
  });
  const k = el('select', { id: 'path-k', 'aria-label': 'k' });
  for (const n of [1, 2, 3, 5, 8])
    k.append(el('option', n === 3 ? { value: String(n), selected: '' } : { value: String(n) }, `k = ${n}`));
  const exclude = el('input', {
    type: 'text',
    id: 'path-exclude',
    placeholder: '排除枢纽 Exclude hubs (逗号分隔)',
    'aria-label': '排除 Exclude hubs',
  });
  const results = el('div', { class: 'path-results', id: 'path-results', 'aria-live': 'polite' });
  const from = createAutocomplete(fromInput, () => undefined, deps.debounceMs);
  const to = createAutocomplete(toInput, () => undefined, deps.debounceMs);
  const go = button('查找路径 Find paths', () => void find(), { id: 'path-go', class: 'primary' });
  panel.append(
    el('div', { class: 'ac' }, fromInput),
    el('div', { class: 'ac' }, toInput),
    el('div', { class: 'row' }, k, exclude),
    go,
    results,
  );

  function query(): PathQuery | null {
    const f = from.picked()?.id ?? fromInput.value.trim();
    const t = to.picked()?.id ?? toInput.value.trim();
    if (!f || !t) return null;
    const ex = exclude.value
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return { from: f, to: t, k: Number(k.value), exclude: ex };
  }

  async function find(): Promise<void> {
    const pq = query();
    if (!pq) {
      results.replaceChildren(el('p', { class: 'hint' }, '请填写起点和终点。Fill in both ends.'));
      return;
    }
    try {
      render(await deps.actions.findPaths(pq));
    } catch (err) {
      results.replaceChildren(el('p', { class: 'error' }, describeError(err)));
    }
  }

  function render(res: PathsResponse): void {
    results.replaceChildren();
    if (res.paths.length === 0) {
      results.append(
        el('p', { class: 'empty' }, `没有找到 ${res.from.name} 与 ${res.to.name} 之间的路径。No path found.`),
      );
      deps.highlight([]);
      return;
    }
    const items = res.paths.map((p, i) => renderPath(p, i));
    items.forEach((item, i) => {
      item.querySelector('.path-head')?.addEventListener('click', () => choose(i));
      results.append(item);
    });
    function choose(i: number): void {
      items.forEach((item, j) => item.classList.toggle('active', i === j));
      const p = res.paths[i];
      if (p) deps.highlight([...p.nodes.map((n) => n.id), ...p.hops.map((h) => h.relationship)]);
    }
    choose(0);
  }

  function renderPath(p: GraphPath, i: number): HTMLElement {
    const names = new Map(p.nodes.map((n) => [n.id, String(n.properties['name'] ?? n.id)]));
    const hops = el('ol', { class: 'hops' });
    for (const h of p.hops) {
      const typeName = RELATION_TYPE_NAMES[h.type as RelationType]?.zh ?? h.type;
      const arrow = h.direction === 'forward' ? '→' : '←';
      const li = el(
        'li',
        { class: 'hop' + (h.hierarchy ? ' hierarchy' : '') },
        el('span', { class: 'hop-node' }, names.get(h.from) ?? h.from),
        el('span', { class: `hop-rel r-${h.type}` }, ` ${arrow} ${typeName} ${arrow} `),
        el('span', { class: 'hop-node' }, names.get(h.to) ?? h.to),
      );
      if (h.evidence) {
        const q = el('blockquote', { class: 'evidence' }, h.evidence);
        li.append(q);
      }
      li.append(button('证据 Evidence', () => deps.showEdge(h.relationship), { class: 'link' }));
      hops.append(li);
    }
    const via = p.nodes
      .slice(1, -1)
      .map((n) => names.get(n.id))
      .join(' · ');
    return el(
      'div',
      { class: 'path', 'data-index': String(i) },
      el(
        'button',
        { type: 'button', class: 'path-head' },
        `路径 ${i + 1} · ${p.length} 跳 hops${via ? ' · 经 ' + via : ''}`,
      ),
      hops,
    );
  }

  return {
    async restore(pq) {
      from.set({ id: pq.from, name: pq.from });
      to.set({ id: pq.to, name: pq.to });
      k.value = String(pq.k);
      exclude.value = pq.exclude.join(', ');
      try {
        const res = await api.paths(pq.from, pq.to, { k: pq.k, exclude: pq.exclude });
        from.set({ id: res.from.id, name: res.from.name });
        to.set({ id: res.to.id, name: res.to.name });
        render(res);
      } catch (err) {
        results.replaceChildren(el('p', { class: 'error' }, describeError(err)));
      }
    },
    setEndpoint(which, node) {
      (which === 'from' ? from : to).set(node);
    },
  };
}
