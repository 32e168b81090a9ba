// Search box with autocomplete (debounced GET /api/search, keyboard navigation), reused by the path
// finder's two fields. Hits are rendered with textContent only: names come from documents.
import type { SearchHit } from '../../../contract/api.ts';
import { ENTITY_TYPE_NAMES } from '../../../contract/vocabulary.ts';
import type { EntityType } from '../../../contract/vocabulary.ts';
import { api, describeError } from '../api.ts';
import { el } from './dom.ts';

export interface Autocomplete {
  readonly input: HTMLInputElement;
  /** The hit picked last (null after the text was edited by hand). */
  picked(): SearchHit | null;
  set(hit: { id: string; name: string } | null): void;
  destroy(): void;
}

let listCounter = 0;

export function createAutocomplete(
  input: HTMLInputElement,
  onPick: (hit: SearchHit) => void,
  debounceMs: number,
): Autocomplete {
  const listId = `ac-list-${++listCounter}`;
  const list = el('ul', { class: 'ac-list', id: listId, role: 'listbox', hidden: '' });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  let picked: SearchHit | null = null;

  function close(): void {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
  }

  function render(message?: string): void {
    list.replaceChildren();
    if (message) {
      list.append(el('li', { class: 'ac-empty' }, message));
    }
    hits.forEach((h, i) => {
      const typeName = ENTITY_TYPE_NAMES[h.type as EntityType]?.zh ?? h.type;
      const li = el(
        'li',
        { class: 'ac-item' + (i === active ? ' active' : ''), role: 'option', 'data-id': h.id },
        el('span', { class: 'ac-name' }, h.name),
        el('span', { class: `ac-type t-${h.type}` }, typeName),
        el('span', { class: 'ac-sub' }, [h.nameEn, h.region].filter(Boolean).join(' · ')),
      );
      li.setAttribute('aria-selected', String(i === active));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(i);
      });
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function choose(i: number): void {
    const h = hits[i];
    if (!h) return;
    picked = h;
    input.value = h.name;
    close();
    onPick(h);
  }

  async function lookup(text: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const res = await api.search(text, 10, controller.signal);
      if (input.value.trim() !== text) return;
      hits = res.hits;
      active = hits.length ? 0 : -1;
      render(hits.length ? undefined : `没有结果 No results for “${text}”`);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      hits = [];
      render(describeError(err));
    }
  }

  const onInput = () => {
    picked = null;
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void lookup(text), debounceMs);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && active >= 0) choose(active);
    } else if (e.key === 'Escape') close();
  };
  const onBlur = () => setTimeout(close, 150);
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', onBlur);

  return {
    input,
    picked: () => picked,
    set(hit) {
      input.value = hit?.name ?? '';
      picked = hit ? ({ ...hit } as SearchHit) : null;
    },
    destroy() {
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKey);
      input.removeEventListener('blur', onBlur);
      list.remove();
    },
  };
}

export function mountSearch(
  panel: HTMLElement,
  onAdd: (id: string) => void,
  debounceMs: number,
): Autocomplete {
  const input = el('input', {
    type: 'search',
    id: 'search',
    placeholder: '宁夏、ningxia、西安光机所…',
    'aria-label': '检索 Search',
  }) as HTMLInputElement;
  panel.append(el('div', { class: 'ac' }, input));
  panel.append(
    el(
      'p',
      { class: 'hint' },
      '中文、拼音或英文；回车加入画布，双击节点展开。Enter adds, double-click expands.',
    ),
  );
  return createAutocomplete(input, (hit) => onAdd(hit.id), debounceMs);
}
