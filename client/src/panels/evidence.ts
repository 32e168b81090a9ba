// Right-hand panel: an edge's facts with each evidence sentence highlighted inside its document text,
// or a node's properties, aliases, degree by relationship type (expand by type) and documents.
import type { DocumentResponse, EvidenceItem } from '../../../contract/api.ts';
import { ENTITY_TYPE_NAMES, RELATION_TYPE_NAMES, ZONE_NAMES } from '../../../contract/vocabulary.ts';
import type { EntityType, RelationType, Zone } from '../../../contract/vocabulary.ts';
import type { Actions } from '../actions.ts';
import { api, describeError } from '../api.ts';
import { el, button } from './dom.ts';

export interface DetailsDeps {
  actions: Actions;
  pathEndpoint(which: 'from' | 'to', node: { id: string; name: string }): void;
}

export interface DetailsPanel {
  showEdge(id: string): Promise<void>;
  showNode(id: string): Promise<void>;
  clear(): void;
}

const CONTEXT_CHARS = 120;
const HIDDEN_PROPS = new Set([
  'pinyin',
  'sentenceStarts',
  'sentenceEnds',
  'text',
  'evidences',
  'starts',
  'ends',
]);

export function mountDetails(panel: HTMLElement, deps: DetailsDeps): DetailsPanel {
  const docs = new Map<string, Promise<DocumentResponse>>();
  const body = el('div', { class: 'details-body', id: 'details' });
  panel.append(body);
  const hint = () =>
    el(
      'p',
      { class: 'hint' },
      '点击节点或关系查看属性与证据原文。Click a node or an edge to see its properties and the sentences that state it.',
    );
  body.append(hint());
  let token = 0;

  const loadDoc = (id: string) => {
    let p = docs.get(id);
    if (!p) {
      p = api.document(id);
      p.catch(() => docs.delete(id));
      docs.set(id, p);
    }
    return p;
  };

  function loading(): number {
    body.replaceChildren(el('p', { class: 'hint' }, '加载中… Loading…'));
    return ++token;
  }

  function propTable(props: Record<string, unknown>): HTMLElement {
    const t = el('table', { class: 'props' });
    for (const [k, v] of Object.entries(props)) {
      if (HIDDEN_PROPS.has(k) || v === null || v === undefined || v === '') continue;
      const text = Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      t.append(el('tr', {}, el('th', {}, k), el('td', {}, text)));
    }
    return t;
  }

  /** The sentence in its context: text before, <mark>sentence</mark>, text after; a button shows the whole text. */
  function excerpt(doc: DocumentResponse, item: EvidenceItem): HTMLElement {
    let start = item.start;
    let end = item.end;
    if (start === null || end === null || doc.text.slice(start, end) !== item.evidence) {
      const at = doc.text.indexOf(item.evidence);
      if (at >= 0) [start, end] = [at, at + item.evidence.length];
    }
    const box = el('div', { class: 'doc-text' });
    const draw = (full: boolean) => {
      box.replaceChildren();
      if (start === null || end === null) {
        box.append(
          el('p', { class: 'hint' }, '原文中未找到该句。The sentence was not found in the text.'),
          item.evidence,
        );
        return;
      }
      const a = full ? 0 : Math.max(0, start - CONTEXT_CHARS);
      const b = full ? doc.text.length : Math.min(doc.text.length, end + CONTEXT_CHARS);
      box.append(
        a > 0 ? '…' : '',
        doc.text.slice(a, start),
        el('mark', { class: 'evidence-mark' }, doc.text.slice(start, end)),
        doc.text.slice(end, b),
        b < doc.text.length ? '…' : '',
      );
      // Once in the page, scroll the text box (not the page) to the sentence.
      requestAnimationFrame(() => {
        const mark = box.querySelector('mark');
        if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 40);
      });
    };
    draw(false);
    const toggle = button(
      '显示全文 Full text',
      () => {
        const full = toggle.dataset['full'] !== 'true';
        toggle.dataset['full'] = String(full);
        toggle.textContent = full ? '只看上下文 Context only' : '显示全文 Full text';
        draw(full);
      },
      { class: 'link' },
    );
    return el('div', {}, box, toggle);
  }

  async function showEdge(id: string): Promise<void> {
    const my = loading();
    try {
      const res = await api.relationship(id);
      if (my !== token) return;
      const r = res.relationship;
      const p = r.properties;
      const typeName = RELATION_TYPE_NAMES[r.type as RelationType];
      const nameOf = (n: { id: string; properties: Record<string, unknown> }) =>
        String(n.properties['name'] ?? n.id);
      const facts: Array<[string, unknown]> = [
        [
          '金额 Amount',
          p['amountText'] ??
            (p['amount'] != null ? `${String(p['amount'])} ${String(p['currency'] ?? '')}` : null),
        ],
        ['日期 Date', p['dateText'] ? `${String(p['dateText'])} (${String(p['date'] ?? '')})` : p['date']],
        ['置信度 Confidence', typeof p['confidence'] === 'number' ? p['confidence'].toFixed(2) : null],
        ['计划 Planned', p['planned'] === true ? '是（计划或意向）yes, a plan or intention' : null],
        ['角色 Role', p['role']],
        ['规则 Rule', p['rule']],
      ];
      body.replaceChildren(
        el(
          'h3',
          { class: 'edge-title' },
          nameOf(res.source),
          el(
            'span',
            { class: `rel r-${r.type}` },
            ` —${typeName ? typeName.zh + ' ' + typeName.en : r.type}→ `,
          ),
          nameOf(res.target),
        ),
        el(
          'dl',
          { class: 'facts' },
          ...facts
            .filter(([, v]) => v != null && v !== '')
            .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]),
        ),
        el('h4', {}, `证据 Evidence (${res.evidence.length})`),
      );
      if (res.evidence.length === 0)
        body.append(
          el(
            'p',
            { class: 'hint' },
            '这条关系没有原文证据（例如行政区划层级）。No source sentence (e.g. the administrative hierarchy).',
          ),
        );
      for (const item of res.evidence) {
        const block = el(
          'section',
          { class: 'evidence-item' },
          el(
            'div',
            { class: 'doc-meta' },
            item.documentTitle ?? item.documentId,
            item.documentDate ? ` · ${item.documentDate}` : '',
          ),
          el('blockquote', { class: 'evidence' }, item.evidence),
        );
        body.append(block);
        loadDoc(item.documentId)
          .then((doc) => {
            if (my !== token) return;
            if (doc.source) block.querySelector('.doc-meta')?.append(` · ${doc.source}`);
            block.querySelector('blockquote')?.replaceWith(excerpt(doc, item));
          })
          .catch((err) => block.append(el('p', { class: 'error' }, describeError(err))));
      }
    } catch (err) {
      if (my === token) body.replaceChildren(el('p', { class: 'error' }, describeError(err)));
    }
  }

  async function showNode(id: string): Promise<void> {
    const my = loading();
    try {
      const res = await deps.actions.loadNode(id);
      if (my !== token) return;
      const n = res.node;
      const p = n.properties;
      const name = String(p['name'] ?? n.id);
      const type = String(p['type'] ?? n.labels[0] ?? '');
      const zone = p['zone'] as Zone | undefined;
      const aliases = Array.isArray(p['aliases']) ? (p['aliases'] as unknown[]).map(String) : [];
      body.replaceChildren(
        el('h3', { class: 'node-title' }, name),
        el(
          'p',
          { class: 'node-sub' },
          ENTITY_TYPE_NAMES[type as EntityType]?.zh ?? type,
          p['nameEn'] ? ` · ${String(p['nameEn'])}` : '',
          zone && ZONE_NAMES[zone] ? ` · ${ZONE_NAMES[zone].zh}` : '',
        ),
      );
      if (aliases.length) body.append(el('p', { class: 'aliases' }, '别名 Aliases: ', aliases.join('、')));
      const actions = el(
        'div',
        { class: 'node-actions' },
        button('展开 Expand', () => void deps.actions.expand(id).then(() => showNode(id)), {
          id: 'expand-node',
        }),
        button('收起 Collapse', () => deps.actions.collapse(id)),
        button('移除 Remove', () => deps.actions.remove([id])),
        button('设为起点 Path from', () => deps.pathEndpoint('from', { id, name })),
        button('设为终点 Path to', () => deps.pathEndpoint('to', { id, name })),
      );
      body.append(actions);
      const info = deps.actions.neighbourInfo.get(id);
      if (info && info.omitted > 0) {
        body.append(
          el(
            'p',
            { class: 'more' },
            `还有 ${info.omitted} 个关系未显示 ${info.omitted} more not shown `,
            button(
              '显示更多 Show more',
              () => void deps.actions.expand(id, info.relTypes, info.limit * 2).then(() => showNode(id)),
              { id: 'show-more' },
            ),
          ),
        );
      }
      const byType = el('ul', { class: 'degree' });
      for (const [t, count] of Object.entries(res.degree.byType).sort((a, b) => b[1] - a[1])) {
        const tn = RELATION_TYPE_NAMES[t as RelationType]?.zh ?? t;
        byType.append(
          el(
            'li',
            {},
            button(
              `${tn} ${t} (${count})`,
              () => void deps.actions.expand(id, [t]).then(() => showNode(id)),
              { class: 'link' },
            ),
          ),
        );
      }
      body.append(
        el('h4', {}, `关系 Relationships (${res.degree.total}) — 点击按类型展开 click to expand by type`),
        byType,
      );
      body.append(el('h4', {}, '属性 Properties'), propTable(p));
      const docList = el('ul', { class: 'docs' });
      body.append(el('h4', {}, `文档 Documents (${res.documents})`), docList);
      if (res.documents > 0) void listDocuments(id, docList, my);
    } catch (err) {
      if (my === token) body.replaceChildren(el('p', { class: 'error' }, describeError(err)));
    }
  }

  async function listDocuments(id: string, list: HTMLElement, my: number): Promise<void> {
    try {
      const res = await api.cypher(
        'MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: $id})\nRETURN d.id AS id, d.title AS title, d.date AS date, m.count AS count\nORDER BY d.date DESC\nLIMIT 50',
        { id },
      );
      if (my !== token) return;
      for (const [docId, title, date, count] of res.rows) {
        list.append(
          el(
            'li',
            {},
            String(title ?? docId),
            date ? ` · ${String(date)}` : '',
            count ? ` · ${String(count)}×` : '',
          ),
        );
      }
    } catch (err) {
      list.append(el('li', { class: 'error' }, describeError(err)));
    }
  }

  return {
    showEdge,
    showNode,
    clear() {
      token++;
      body.replaceChildren(hint());
    },
  };
}
