// Right-click menu on a node: expand (all, or one relationship type with its count), collapse, remove,
// use as an end of the path finder. Closed by Escape, a click elsewhere, or picking an item.
import { RELATION_TYPE_NAMES } from '../../../contract/vocabulary.ts';
import type { RelationType } from '../../../contract/vocabulary.ts';
import type { Actions } from '../actions.ts';
import { describeError } from '../api.ts';
import { el } from './dom.ts';

export interface ContextMenu {
  open(id: string, at: { x: number; y: number }): void;
  close(): void;
  destroy(): void;
}

export function mountContextMenu(
  menu: HTMLElement,
  deps: {
    actions: Actions;
    pathEndpoint(which: 'from' | 'to', node: { id: string; name: string }): void;
    report(err: unknown): void;
  },
): ContextMenu {
  const close = () => {
    menu.hidden = true;
    menu.replaceChildren();
  };
  const item = (label: string, run: () => unknown, attrs: Record<string, string> = {}) => {
    const b = el('button', { type: 'button', role: 'menuitem', ...attrs }, label);
    b.addEventListener('click', () => {
      close();
      Promise.resolve()
        .then(run)
        .catch((err: unknown) => deps.report(err));
    });
    return b;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  const onDown = (e: MouseEvent) => {
    if (!menu.contains(e.target as Node)) close();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('mousedown', onDown);

  return {
    open(id, at) {
      const a = deps.actions;
      menu.replaceChildren(
        item('展开全部 Expand all', () => a.expand(id), { 'data-action': 'expand' }),
        el('div', { class: 'ctx-types' }, el('span', { class: 'muted' }, '按关系类型 By type…')),
        item('收起 Collapse', () => a.collapse(id)),
        item('移除 Remove', () => a.remove([id])),
        item('设为起点 Path from here', () => deps.pathEndpoint('from', { id, name: nameOf(id) })),
        item('设为终点 Path to here', () => deps.pathEndpoint('to', { id, name: nameOf(id) })),
      );
      menu.style.left = `${at.x}px`;
      menu.style.top = `${at.y}px`;
      menu.hidden = false;
      const slot = menu.querySelector('.ctx-types');
      a.loadNode(id)
        .then((res) => {
          if (!slot || menu.hidden) return;
          slot.replaceChildren();
          for (const [t, n] of Object.entries(res.degree.byType).sort((x, y) => y[1] - x[1])) {
            const name = RELATION_TYPE_NAMES[t as RelationType]?.zh ?? t;
            slot.append(item(`· ${name} ${t} (${n})`, () => a.expand(id, [t])));
          }
        })
        .catch((err: unknown) => slot?.replaceChildren(el('span', { class: 'error' }, describeError(err))));
      function nameOf(nid: string): string {
        const n = a.nodeInfo.get(nid)?.node;
        return String(n?.properties['name'] ?? nid);
      }
    },
    close,
    destroy() {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
      close();
    },
  };
}
