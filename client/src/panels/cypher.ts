// Cypher console: a lazily loaded Neo4j Cypher editor (CodeMirror 6; a plain textarea until it loads or
// if it fails), results as a table and on the canvas, readable errors, saved queries and a local history.
import type { CypherResponse, SavedQuery } from '../../../contract/api.ts';
import { ENTITY_TYPES, RELATION_TYPES } from '../../../contract/vocabulary.ts';
import type { Actions } from '../actions.ts';
import { ApiError, api, describeError } from '../api.ts';
import { caretLines, errorPosition, formatCell, pushHistory } from './cypher-format.ts';
import { el, button } from './dom.ts';

const HISTORY_KEY = 'dongxi.cypherHistory';
const TABLE_MAX_ROWS = 500;
const PROPERTY_KEYS = [
  'id',
  'name',
  'type',
  'aliases',
  'nameEn',
  'pinyin',
  'region',
  'code',
  'level',
  'zone',
  'lat',
  'lon',
  'role',
  'title',
  'source',
  'date',
  'sha256',
  'chars',
  'count',
  'evidence',
  'documentId',
  'start',
  'end',
  'amount',
  'currency',
  'amountText',
  'amountQualifier',
  'dateText',
  'confidence',
  'rule',
  'planned',
  'hierarchy',
  'documentIds',
];

export const DEFAULT_QUERY =
  'MATCH (a:Entity)-[r:INVESTMENT|TECH_TRANSFER|PAIRED_ASSISTANCE]->(b:Entity)\nRETURN a, r, b\nLIMIT 25';

interface Editor {
  getValue(): string;
  setValue(v: string): void;
}

export interface CypherPanel {
  /** Shows a query (and its parameters) in the editor, e.g. the one of a shared link. */
  setQuery(q: string, p?: Record<string, unknown> | null): void;
  /** Runs a saved query by name with its default parameters. */
  runSavedByName(name: string): Promise<void>;
}

export function mountCypher(
  panel: HTMLElement,
  deps: { actions: Actions; historySize: number },
): CypherPanel {
  const host = el('div', { class: 'cypher-editor', id: 'cypher-editor' });
  const fallback = el('textarea', {
    id: 'cypher-input',
    spellcheck: 'false',
    'aria-label': 'Cypher',
    rows: '4',
  });
  fallback.value = DEFAULT_QUERY;
  host.append(fallback);
  let editor: Editor = { getValue: () => fallback.value, setValue: (v) => (fallback.value = v) };
  const params = el('input', {
    type: 'text',
    id: 'cypher-params',
    placeholder: '参数 Params (JSON), e.g. {"name": "宁夏"}',
    'aria-label': 'Params',
  });
  const run = button('运行 Run ▶', () => void execute(), {
    id: 'cypher-run',
    class: 'primary',
    title: 'Ctrl+Enter',
  });
  const saved = el('div', { class: 'saved', id: 'saved-queries' });
  const historySel = el('select', { id: 'cypher-history', 'aria-label': '历史 History' });
  const out = el('div', { class: 'cypher-out', id: 'cypher-out', 'aria-live': 'polite' });
  const toggle = button('▾', () => panel.classList.toggle('collapsed'), {
    class: 'collapse',
    title: '收起/展开 Collapse',
  });
  panel.append(
    el('div', { class: 'console-head' }, el('h2', {}, 'Cypher 控制台 console'), saved, toggle),
    el(
      'div',
      { class: 'console-body' },
      el('div', { class: 'console-input' }, host, el('div', { class: 'row' }, params, run, historySel)),
      out,
    ),
  );

  let history: string[] = [];
  try {
    history = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as string[];
  } catch {
    history = [];
  }
  const drawHistory = () => {
    historySel.replaceChildren(el('option', { value: '' }, `历史 History (${history.length})`));
    history.forEach((h, i) =>
      historySel.append(el('option', { value: String(i) }, h.replace(/\s+/g, ' ').slice(0, 80))),
    );
  };
  drawHistory();
  historySel.addEventListener('change', () => {
    const h = history[Number(historySel.value)];
    if (historySel.value !== '' && h) editor.setValue(h);
    historySel.value = '';
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });

  void loadEditor();
  void loadSaved();

  async function loadEditor(): Promise<void> {
    try {
      const [{ createCypherEditor }, stats] = await Promise.all([
        import('@neo4j-cypher/codemirror'),
        api.stats().catch(() => null),
      ]);
      await import('@neo4j-cypher/codemirror/css/cypher-codemirror.css');
      const labels = new Set<string>([
        ...ENTITY_TYPES,
        'Entity',
        'Document',
        ...(stats?.labels.map((l) => l.label) ?? []),
      ]);
      const types = new Set<string>([
        ...RELATION_TYPES,
        'MENTIONS',
        ...(stats?.relationshipTypes.map((t) => t.type) ?? []),
      ]);
      const value = fallback.value;
      const made = createCypherEditor(host, {
        value,
        schema: { labels: [...labels], relationshipTypes: [...types], propertyKeys: PROPERTY_KEYS },
        lineNumbers: true,
        lineWrapping: true,
        // The console must not take the focus from the search box when it finishes loading.
        autofocus: false,
        theme: 'light',
      }) as unknown as {
        editor: { setValue(v: string): void; codemirror: { state: { doc: { toString(): string } } } };
      };
      fallback.remove();
      // The editor API sets the value; reading it goes through the CodeMirror view it wraps.
      editor = {
        getValue: () => made.editor.codemirror.state.doc.toString(),
        setValue: (v) => made.editor.setValue(v),
      };
      host.dataset['ready'] = 'true';
    } catch {
      host.dataset['ready'] = 'fallback';
    }
  }

  async function loadSaved(): Promise<void> {
    try {
      const res = await api.queries();
      saved.replaceChildren(el('span', { class: 'muted' }, '保存的查询 Saved:'));
      for (const q of res.queries)
        saved.append(button(q.name, () => void runSaved(q), { class: 'chip', title: q.description }));
    } catch (err) {
      saved.replaceChildren(el('span', { class: 'error' }, describeError(err)));
    }
  }

  function runSaved(q: SavedQuery): Promise<void> {
    const defaults: Record<string, unknown> = {};
    for (const p of q.params) if (p.default !== undefined) defaults[p.name] = p.default;
    editor.setValue(q.query);
    params.value = Object.keys(defaults).length ? JSON.stringify(defaults) : '';
    return execute();
  }

  async function execute(): Promise<void> {
    const query = editor.getValue().trim();
    if (!query) return;
    let p: Record<string, unknown> = {};
    if (params.value.trim()) {
      try {
        p = JSON.parse(params.value) as Record<string, unknown>;
      } catch {
        out.replaceChildren(
          el('div', { class: 'error-box' }, '参数不是合法的 JSON。Params must be a JSON object.'),
        );
        return;
      }
    }
    history = pushHistory(history, query, deps.historySize);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
    drawHistory();
    out.replaceChildren(el('p', { class: 'hint' }, '运行中… Running…'));
    try {
      showResult(await deps.actions.runCypher(query, p));
    } catch (err) {
      showError(err, query);
    }
  }

  function showResult(res: CypherResponse): void {
    const summary = `${res.rows.length} 行 rows${res.truncated ? '（已截断 truncated）' : ''} · ${res.graph.nodes.length} 节点 nodes, ${res.graph.edges.length} 关系 relationships 已加入画布 added to the canvas · ${Math.round(res.elapsedMs)} ms`;
    const table = el('table', { class: 'result-table', id: 'cypher-table' });
    table.append(el('thead', {}, el('tr', {}, ...res.columns.map((c) => el('th', {}, c)))));
    const tbody = el('tbody');
    for (const row of res.rows.slice(0, TABLE_MAX_ROWS))
      tbody.append(el('tr', {}, ...row.map((c) => el('td', {}, formatCell(c)))));
    table.append(tbody);
    out.replaceChildren(
      el('p', { class: 'summary' }, summary),
      res.rows.length ? table : el('p', { class: 'empty' }, '没有结果 No rows.'),
    );
  }

  function showError(err: unknown, query: string): void {
    const box = el('div', { class: 'error-box', id: 'cypher-error', role: 'alert' });
    if (err instanceof ApiError) {
      const explain: Record<string, string> = {
        READ_ONLY:
          '控制台只允许读取。This console is read-only: writes, schema changes and admin procedures are refused.',
        TIMEOUT: '查询超时。The query ran out of time: add a LIMIT or narrow the pattern.',
        QUERY_ERROR: '查询有误。The query has an error.',
      };
      box.append(
        el('strong', { class: 'code' }, err.code),
        ' ',
        explain[err.code] ?? '',
        el('pre', { class: 'message' }, err.message),
      );
      const pos = errorPosition(err.details, err.message);
      const caret = pos ? caretLines(query, pos) : null;
      if (pos) box.append(el('p', {}, `位置 Position: line ${pos.line}, column ${pos.column}`));
      if (caret) box.append(el('pre', { class: 'caret' }, caret.join('\n')));
    } else box.append(describeError(err));
    out.replaceChildren(box);
  }

  return {
    /** Runs a saved query by name with its default parameters (the empty canvas offers an overview). */
    async runSavedByName(name: string): Promise<void> {
      const res = await api.queries();
      const q = res.queries.find((x) => x.name === name);
      if (q) await runSaved(q);
    },
    setQuery(q, p) {
      editor.setValue(q);
      params.value = p && Object.keys(p).length ? JSON.stringify(p) : '';
    },
  };
}
