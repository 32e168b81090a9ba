// The explorer end to end: real headless Chromium against the real app and the real test Neo4j with
// the seed loaded by the loader. Each test drives the page as a user would and saves a screenshot
// under test-output/e2e/.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/database.ts';
import { loadPaths } from '../../scripts/load/index.ts';
import { launchBrowser, screenshot, startTestServer, type TestServer } from '../helpers/browser.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const SEED = 'seeds/000_c33f146bbfe86eac.txt';
const LONGI = '宁夏隆基宁光仪表股份有限公司';
const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_ID = 'company:' + XSS_NAME;

let db: TestDatabase;
let server: TestServer;
let browser: Browser;

/** What the page's store and canvas hold, read through the handle main.ts exposes for tests. */
interface PageState {
  nodes: string[];
  edges: string[];
  layout: string;
  filters: unknown;
  drawnNodes: string[];
  highlighted: string[];
}

function readState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi;
    const s = d.store.state;
    return {
      nodes: [...s.nodes].sort(),
      edges: [...s.edges].sort(),
      layout: s.view.layout,
      filters: s.view.filters,
      drawnNodes: d.view.cy.nodes().map((n) => n.id()),
      highlighted: d.view.cy.$('.path-hl').map((e) => e.id()),
    };
  });
}

interface DongxiHandle {
  store: {
    state: { nodes: string[]; edges: string[]; view: { layout: string; filters: unknown } };
  };
  view: {
    cy: {
      nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
      $(sel: string): { map<T>(f: (n: { id(): string }) => T): T[] };
      getElementById(id: string): {
        renderedPosition(): { x: number; y: number };
        position(): { x: number; y: number };
      };
    };
  };
}

async function openPage(path = '/'): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  // The console's editor loads lazily; let it settle before typing anywhere.
  await page.waitForSelector('#cypher-editor[data-ready]', { timeout: 60_000 });
  return { page, dialogs, errors };
}

async function searchAndAdd(page: Page, text: string, expectName: string): Promise<void> {
  await page.fill('#search', text);
  await page.waitForSelector(`.ac-item:has-text("${expectName}")`, { timeout: 15_000 });
  // Keyboard navigation: move to the wanted hit, then Enter.
  const names = await page.$$eval('#search-panel .ac-item .ac-name', (els) => els.map((e) => e.textContent));
  const index = names.indexOf(expectName);
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function typeCypher(page: Page, query: string): Promise<void> {
  await page.waitForSelector('#cypher-editor[data-ready]');
  const target = (await page.$('#cypher-editor .cm-content')) ?? (await page.$('#cypher-input'));
  await target!.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText: no key events, so neither autocomplete nor bracket closing interferes.
  await page.keyboard.insertText(query);
}

beforeAll(async () => {
  db = await useTestDatabase();
  const summary = await loadPaths(db, [SEED]);
  expect(summary.failed).toEqual([]);
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(
      `MERGE (c:Entity:Company {id: $id})
       SET c.name = $name, c.type = 'Company', c.aliases = [], c.region = '宁夏回族自治区', c.pinyin = 'xsstest'`,
      { id: XSS_ID, name: XSS_NAME },
    );
  } finally {
    await session.close();
  }
  server = await startTestServer(db);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('explorer in a real browser', () => {
  it('searches 宁夏, adds it, expands it by double-click, and undoes/redoes the expansion', async () => {
    const { page, errors } = await openPage();
    await expect(page.locator('#empty-state').isVisible()).resolves.toBe(true);
    await searchAndAdd(page, '宁夏', '宁夏回族自治区');
    await page.waitForFunction(
      () => (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.store.state.nodes.length === 1,
    );
    await page.waitForSelector('#details .node-title');
    expect(await page.textContent('#details .node-title')).toBe('宁夏回族自治区');
    await page.waitForTimeout(300);

    const box = (await page.locator('#cy').boundingBox())!;
    const at = await page.evaluate(() =>
      (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.view.cy
        .getElementById('region:640000')
        .renderedPosition(),
    );
    const placed = await page.evaluate(() =>
      (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.view.cy
        .getElementById('region:640000')
        .position(),
    );
    const layoutsBefore = Number(await page.getAttribute('body', 'data-layouts'));
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      () => (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.store.state.nodes.length > 1,
      null,
      {
        timeout: 20_000,
      },
    );
    const expanded = await readState(page);
    expect(expanded.nodes).toContain('region:640000');
    // Positions are kept when expanding: the expanded node stays where it was.
    await page.waitForFunction(`Number(document.body.dataset.layouts) > ${layoutsBefore}`);
    const moved = await page.evaluate(() =>
      (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.view.cy
        .getElementById('region:640000')
        .position(),
    );
    expect(Math.abs(moved.x - placed.x) + Math.abs(moved.y - placed.y)).toBeLessThan(1);
    expect(expanded.edges.length).toBeGreaterThan(0);
    expect(expanded.drawnNodes.sort()).toEqual(expanded.nodes);
    expect(decodeURIComponent(page.url())).toContain('x=25~~region:640000');
    await page.waitForTimeout(800);
    await screenshot(page, '01-search-expand');

    await page.click('#undo');
    expect((await readState(page)).nodes).toEqual(['region:640000']);
    await page.click('#redo');
    expect((await readState(page)).nodes).toEqual(expanded.nodes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it(`finds the path 宁夏 → 杭州 through ${LONGI}, highlighted, with its evidence sentence`, async () => {
    const { page, errors } = await openPage();
    await page.fill('#path-from', '宁夏');
    await page.fill('#path-to', '杭州');
    await page.click('#path-go');
    await page.waitForSelector('.path.active', { timeout: 30_000 });
    const paths = await page.$$eval('.path', (els) => els.map((e) => e.textContent ?? ''));
    const index = paths.findIndex((t) => t.includes(LONGI));
    expect(index, paths.join('\n')).toBeGreaterThanOrEqual(0);
    await page.click(`.path[data-index="${index}"] .path-head`);
    const state = await readState(page);
    const longiId = state.nodes.find((id) => id.includes(LONGI) && !id.includes('研发中心'));
    expect(longiId).toBeDefined();
    expect(state.highlighted).toContain(longiId);
    expect(state.highlighted).toContain('region:640000');

    // Every fact hop of the chosen path shows its sentence; open the evidence of a hop at the company.
    const hop = page
      .locator(`.path[data-index="${index}"] .hop:has(blockquote.evidence)`, { hasText: LONGI })
      .first();
    const sentence = (await hop.locator('blockquote.evidence').textContent())?.trim() ?? '';
    expect(sentence.length).toBeGreaterThan(5);
    await hop.locator('button.link').click();
    await page.waitForSelector('#details mark.evidence-mark', { timeout: 20_000 });
    const marks = await page.$$eval('#details mark.evidence-mark', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(marks).toContain(sentence);
    await page.waitForTimeout(500);
    await screenshot(page, '02-path-ningxia-hangzhou');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a Cypher query and shows the result as a table and on the canvas', async () => {
    const { page, errors } = await openPage();
    await typeCypher(page, "MATCH (r:Region {code: '640000'})-[p:PART_OF]->(c:Region)\nRETURN r, p, c");
    await page.click('#cypher-run');
    await page.waitForSelector('#cypher-table', { timeout: 30_000 });
    expect(await page.$$eval('#cypher-table th', (els) => els.map((e) => e.textContent))).toEqual([
      'r',
      'p',
      'c',
    ]);
    expect(await page.textContent('#cypher-table tbody')).toContain('宁夏回族自治区');
    const state = await readState(page);
    expect(state.nodes).toEqual(['region:100000', 'region:640000']);
    expect(state.edges).toHaveLength(1);
    await page.waitForTimeout(500);
    await screenshot(page, '03-cypher-graph-table');

    // The drawn subgraph exports as GraphML and the view as PNG.
    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      page.selectOption('#export', 'graphml'),
    ]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<node id="region:640000">');
    expect(xml).toContain('<edge id=');
    const [png] = await Promise.all([page.waitForEvent('download'), page.selectOption('#export', 'png')]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers an East → West overview on the empty canvas that draws eastern and western parties', async () => {
    const { page, errors } = await openPage();
    expect(await page.isVisible('#empty-state')).toBe(true);
    await page.click('#overview-button');
    await page.waitForSelector('#cypher-table tbody tr', { timeout: 30_000 });
    const state = await readState(page);
    expect(state.nodes.length).toBeGreaterThan(0);
    expect(state.edges.length).toBeGreaterThan(0);
    // The paired assistance of the seed's Shandong → Gansu story is an East → West fact.
    expect(state.nodes).toEqual(expect.arrayContaining(['region:370000', 'region:620000']));
    expect(await page.isVisible('#empty-state')).toBe(false);
    await screenshot(page, '04b-east-west-overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a write query with a readable READ_ONLY error and writes nothing', async () => {
    const { page } = await openPage();
    await typeCypher(page, "CREATE (n:Entity {id: 'e2e-write', name: 'written'}) RETURN n");
    await page.click('#cypher-run');
    await page.waitForSelector('#cypher-error', { timeout: 30_000 });
    expect(await page.textContent('#cypher-error .code')).toBe('READ_ONLY');
    expect(await page.textContent('#cypher-error')).toContain('read-only');
    await screenshot(page, '04-cypher-read-only');
    const session = db.driver.session({ database: db.database });
    try {
      const r = await session.run("MATCH (n {id: 'e2e-write'}) RETURN count(n) AS c");
      expect(Number(r.records[0]!.get('c'))).toBe(0);
    } finally {
      await session.close();
    }
    await page.close();
  });

  it('switches to the map layout: province outlines shaded by zone, Ningxia west of Hangzhou', async () => {
    const { page, errors } = await openPage();
    await page.fill('#path-from', '宁夏');
    await page.fill('#path-to', '杭州');
    await page.click('#path-go');
    await page.waitForSelector('.path.active', { timeout: 30_000 });
    await page.selectOption('#layout', 'map');
    await page.waitForSelector('body[data-layout="map"]', { timeout: 20_000 });
    await page.waitForSelector('#map-layer[data-loaded="true"]', { timeout: 20_000 });
    expect(await page.locator('#map-layer path').count()).toBeGreaterThan(30);
    const fills = await page.$$eval(
      '#map-layer path',
      (els) => new Set(els.map((e) => e.getAttribute('fill'))).size,
    );
    expect(fills).toBeGreaterThanOrEqual(4);
    const [ningxia, hangzhou] = await page.evaluate(() => {
      const cy = (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.view.cy;
      return [cy.getElementById('region:640000').position(), cy.getElementById('region:330100').position()];
    });
    expect(ningxia!.x).toBeLessThan(hangzhou!.x);
    expect(ningxia!.y).toBeLessThan(hangzhou!.y);
    expect(decodeURIComponent(page.url())).toContain('layout=map');
    await screenshot(page, '05-map-layout');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloads a shared URL and gets the same view', async () => {
    const first = await openPage();
    await searchAndAdd(first.page, '宁夏', '宁夏回族自治区');
    await first.page.waitForSelector('#details #expand-node');
    await first.page.click('#details #expand-node');
    await first.page.waitForFunction(
      () => (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.store.state.nodes.length > 1,
    );
    await first.page.fill('#path-from', '宁夏');
    await first.page.fill('#path-to', '杭州');
    await first.page.click('#path-go');
    await first.page.waitForSelector('.path.active', { timeout: 30_000 });
    const edgesBefore = (await readState(first.page)).edges;
    await first.page.uncheck('input[data-filter="hiddenRels"][value="PART_OF"]');
    // Filters are display state: the data on the canvas stays, PART_OF edges are hidden.
    expect((await readState(first.page)).edges).toEqual(edgesBefore);
    const hiddenKinds = await first.page.evaluate(() =>
      (
        globalThis as unknown as {
          __dongxi: {
            view: { cy: { edges(s: string): { map<T>(f: (e: { data(k: string): string }) => T): T[] } } };
          };
        }
      ).__dongxi.view.cy
        .edges('.filtered')
        .map((e) => e.data('type')),
    );
    expect(hiddenKinds.length).toBeGreaterThan(0);
    expect(new Set(hiddenKinds)).toEqual(new Set(['PART_OF']));
    await first.page.selectOption('#layout', 'concentric');
    await first.page.waitForSelector('body[data-layout="concentric"]');
    const before = await readState(first.page);
    const url = first.page.url();
    expect(url).toContain('hr=PART_OF');
    await first.page.close();

    const second = await openPage(url.slice(server.url.length));
    await second.page.waitForSelector('body[data-layout="concentric"]', { timeout: 20_000 });
    await second.page.waitForSelector('.path.active', { timeout: 30_000 });
    const after = await readState(second.page);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.layout).toBe('concentric');
    expect(after.filters).toEqual(before.filters);
    expect(await second.page.isChecked('input[data-filter="hiddenRels"][value="PART_OF"]')).toBe(false);
    expect(second.page.url()).toBe(url);
    await screenshot(second.page, '06-shared-url-reloaded');
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it('asks before drawing more elements than the configured limit', async () => {
    const { page } = await openPage();
    await page.evaluate("localStorage.setItem('dongxi.settings', JSON.stringify({ maxElementsWarn: 3 }))");
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await searchAndAdd(page, '宁夏', '宁夏回族自治区');
    await page.waitForSelector('#details #expand-node');
    await page.click('#details #expand-node');
    await page.waitForSelector('#modal:not([hidden])');
    expect(await page.textContent('#modal-text')).toContain('3');
    await page.click('#modal-cancel');
    expect((await readState(page)).nodes).toEqual(['region:640000']);
    await page.click('#details #expand-node');
    await page.waitForSelector('#modal:not([hidden])');
    await page.click('#modal-ok');
    await page.waitForFunction(
      () => (globalThis as unknown as { __dongxi: DongxiHandle }).__dongxi.store.state.nodes.length > 1,
    );
    await page.evaluate("localStorage.removeItem('dongxi.settings')");
    await page.close();
  });

  it('renders an organization named like markup as text, and no script runs', async () => {
    const { page, dialogs } = await openPage(
      `/?n=${encodeURIComponent(XSS_ID)}&sel=${encodeURIComponent(XSS_ID)}`,
    );
    await page.waitForSelector('#details .node-title', { timeout: 20_000 });
    expect(await page.textContent('#details .node-title')).toBe(XSS_NAME);
    expect(await page.locator('#details img, #search-panel img').count()).toBe(0);
    await page.fill('#search', 'xsstest');
    await page.waitForSelector('.ac-item, .ac-empty', { timeout: 15_000 });
    expect(await page.locator('.ac-list img').count()).toBe(0);
    await page.waitForTimeout(500);
    await screenshot(page, '07-xss-as-text');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('says clearly when the database is down', async () => {
    const down = connectDatabase({
      uri: 'bolt://127.0.0.1:9',
      username: 'neo4j',
      password: undefined,
      connectionTimeoutMs: 1000,
    });
    const downServer = await startTestServer(down);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(downServer.url);
      await page.waitForSelector('#banner:not([hidden])', { timeout: 30_000 });
      expect(await page.textContent('#banner')).toContain('数据库不可用');
      expect(await page.getAttribute('#status', 'class')).toContain('down');
      await screenshot(page, '08-database-down');
    } finally {
      await page.close();
      await downServer.close();
      await down.close();
    }
  });
});
