// The "Must show" lines on the real seed: the seed document is loaded with the loader
// (loadPaths) into the test Neo4j and the API answers the Ningxia → Hangzhou question with evidence.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathsResponse, SearchResponse, StatsResponse } from '../../contract/api.ts';
import { loadPaths } from '../../scripts/load/index.ts';
import { apiApp } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const SEED = 'seeds/000_c33f146bbfe86eac.txt';
const LONGI = '宁夏隆基宁光仪表股份有限公司';

let db: TestDatabase;
let app: ReturnType<typeof apiApp>;

beforeAll(async () => {
  db = await useTestDatabase();
  const summary = await loadPaths(db, [SEED]);
  expect(summary.failed).toEqual([]);
  app = apiApp(db);
});

afterAll(async () => {
  await db.close();
});

describe('the API on the seed document', () => {
  it('GET /api/paths?from=宁夏&to=杭州 goes through 宁夏隆基宁光仪表股份有限公司 with evidence on every fact hop', async () => {
    const res = await request(app).get('/api/paths').query({ from: '宁夏', to: '杭州' }).expect(200);
    const body = PathsResponse.parse(res.body);
    expect(body.from.name).toBe('宁夏回族自治区');
    expect(body.to.name).toBe('杭州市');
    const through = body.paths.filter((p) => p.nodes.some((n) => n.properties['name'] === LONGI));
    expect(through.length).toBeGreaterThan(0);
    for (const path of through) {
      for (const hop of path.hops.filter((h) => !h.hierarchy)) {
        expect(hop.evidence, `${hop.type} ${hop.from} → ${hop.to}`).toBeTruthy();
      }
    }
  });

  it('GET /api/paths?from=浙江&to=宁夏 may start by descending from the province to a city and an actor in it', async () => {
    const res = await request(app).get('/api/paths').query({ from: '浙江', to: '宁夏' }).expect(200);
    const body = PathsResponse.parse(res.body);
    expect(body.from.name).toBe('浙江省');
    const through = body.paths.find((p) => p.nodes.some((n) => n.properties['name'] === LONGI));
    expect(
      through,
      JSON.stringify(body.paths.map((p) => p.nodes.map((n) => n.properties['name']))),
    ).toBeDefined();
    const names = through!.nodes.map((n) => String(n.properties['name']));
    // 浙江省 ← 杭州市 ← (the R&D centre located in 杭州市) … : the descent happens at the start only.
    expect(names[0]).toBe('浙江省');
    expect(names[1]).toBe('杭州市');
  });

  it('search finds 西安光机所 by its short form and 宁夏 by pinyin', async () => {
    const short = SearchResponse.parse(
      (await request(app).get('/api/search').query({ q: '西安光机所' }).expect(200)).body,
    );
    expect(short.hits[0]?.name).toBe('中国科学院西安光学精密机械研究所');
    const pinyin = SearchResponse.parse((await request(app).get('/api/search?q=ningxia').expect(200)).body);
    expect(pinyin.hits[0]?.name).toBe('宁夏回族自治区');
  });

  it('stats count the loaded graph and find East–West flows', async () => {
    const body = StatsResponse.parse((await request(app).get('/api/stats').expect(200)).body);
    expect(body.documents).toBe(1);
    expect(body.labels.find((l) => l.label === 'Entity')?.count).toBeGreaterThan(50);
    expect(body.zoneFlows.some((f) => f.fromZone === 'East' && f.toZone === 'West')).toBe(true);
    expect(body.brokers.length).toBeGreaterThan(0);
  });
});
