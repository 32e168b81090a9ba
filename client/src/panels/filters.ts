// Filters panel: node types, relationship types, zones, a year range over fact dates and a minimum
// confidence. It edits display state only (store view.filters); visibility is derived from it.
import {
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  ZONES,
  ZONE_NAMES,
} from '../../../contract/vocabulary.ts';
import type { Filters } from '../graph/visibility.ts';
import { DEFAULT_FILTERS } from '../graph/visibility.ts';
import { el, button } from './dom.ts';

export interface FiltersPanel {
  /** Redraws the controls for the current filters and the year range of the facts on the canvas. */
  update(filters: Filters, years: { min: number; max: number } | null): void;
}

export function mountFilters(
  panel: HTMLElement,
  onChange: (f: Filters, coalesce?: string) => void,
): FiltersPanel {
  let current: Filters = DEFAULT_FILTERS;
  const group = (
    title: string,
    key: 'hiddenTypes' | 'hiddenRels' | 'hiddenZones',
    values: readonly string[],
    label: (v: string) => string,
  ) => {
    const box = el('fieldset', { class: 'checks' }, el('legend', {}, title));
    const inputs = new Map<string, HTMLInputElement>();
    for (const v of values) {
      const input = el('input', { type: 'checkbox', checked: '', 'data-filter': key, value: v });
      input.addEventListener('change', () => {
        const hidden = new Set(current[key]);
        if (input.checked) hidden.delete(v);
        else hidden.add(v);
        onChange({ ...current, [key]: values.filter((x) => hidden.has(x)) });
      });
      inputs.set(v, input);
      box.append(el('label', {}, input, label(v)));
    }
    return { box, sync: (f: Filters) => inputs.forEach((i, v) => (i.checked = !f[key].includes(v))) };
  };
  const types = group(
    '节点类型 Node types',
    'hiddenTypes',
    ENTITY_TYPES,
    (v) => ENTITY_TYPE_NAMES[v as keyof typeof ENTITY_TYPE_NAMES].zh,
  );
  const rels = group(
    '关系类型 Relationships',
    'hiddenRels',
    RELATION_TYPES,
    (v) => RELATION_TYPE_NAMES[v as keyof typeof RELATION_TYPE_NAMES].zh,
  );
  const zones = group('区域 Zones', 'hiddenZones', ZONES, (v) => ZONE_NAMES[v as keyof typeof ZONE_NAMES].zh);

  const y0 = el('input', { type: 'range', id: 'year-from', 'aria-label': '起始年份 From year' });
  const y1 = el('input', { type: 'range', id: 'year-to', 'aria-label': '截止年份 To year' });
  const yearLabel = el('span', { class: 'value' });
  let bounds: { min: number; max: number } | null = null;
  const onYears = () => {
    if (!bounds) return;
    let a = Number(y0.value);
    let b = Number(y1.value);
    if (a > b) [a, b] = [b, a];
    onChange(
      { ...current, yearFrom: a <= bounds.min ? null : a, yearTo: b >= bounds.max ? null : b },
      'filter-years',
    );
  };
  y0.addEventListener('input', onYears);
  y1.addEventListener('input', onYears);

  const conf = el('input', {
    type: 'range',
    id: 'min-confidence',
    min: '0',
    max: '1',
    step: '0.05',
    value: '0',
    'aria-label': '最低置信度 Minimum confidence',
  });
  const confLabel = el('span', { class: 'value' });
  conf.addEventListener('input', () =>
    onChange({ ...current, minConfidence: Number(conf.value) }, 'filter-confidence'),
  );

  const years = el('fieldset', { class: 'range' }, el('legend', {}, '日期 Fact dates '), yearLabel, y0, y1);
  panel.append(
    types.box,
    rels.box,
    zones.box,
    years,
    el('fieldset', { class: 'range' }, el('legend', {}, '最低置信度 Min. confidence '), confLabel, conf),
    button('重置筛选 Reset filters', () => onChange(DEFAULT_FILTERS), { class: 'link', id: 'filters-reset' }),
  );

  return {
    update(f, yrs) {
      current = f;
      bounds = yrs;
      types.sync(f);
      rels.sync(f);
      zones.sync(f);
      years.disabled = yrs === null;
      if (yrs) {
        for (const r of [y0, y1]) {
          r.min = String(yrs.min);
          r.max = String(yrs.max);
        }
        y0.value = String(f.yearFrom ?? yrs.min);
        y1.value = String(f.yearTo ?? yrs.max);
        yearLabel.textContent = `${f.yearFrom ?? yrs.min} – ${f.yearTo ?? yrs.max}（无日期的事实始终显示 undated facts always shown）`;
      } else yearLabel.textContent = '画布上没有带日期的事实 No dated facts on the canvas';
      conf.value = String(f.minConfidence);
      confLabel.textContent = f.minConfidence.toFixed(2);
    },
  };
}
