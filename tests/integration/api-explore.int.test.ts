// API exploration endpoints against the real test Neo4j loaded with the hand-written fixture graph
// (tests/fixtures/api/graph.cypher): search, nodes, neighbours, paths, evidence, documents, validation.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentResponse,
  ErrorResponse,
  NeighborsResponse,
  NodeResponse,
  PathsResponse,
  RelationshipResponse,
  SearchResponse,
} from '../../contract/api.ts';
import { apiApp, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

const LONGI = 'company:宁夏隆基宁光仪表股份有限公司';
const MOST = 'agency:中华人民共和国科学技术部';
const ZJU = 'university:浙江大学';

let db: TestDatabase;
let app: ReturnType<typeof apiApp>;

beforeAll(async () => {
  db = await useTestDatabase();
  await loadApiFixture(db);
  app = apiApp(db);
});

afterAll(async () => {
  await db.close();
});

function expectError(body: unknown, code: string) {
  const parsed = ErrorResponse.parse(body);
  expect(parsed.error.code).toBe(code);
  return parsed.error;
}

describe('GET /api/search', () => {
  it('finds an institute by the short form stored as its alias, ranked first as an exact match', async () => {
    const res = await request(app).get('/api/search').query({ q: '西安光机所' }).expect(200);
    const body = SearchResponse.parse(res.body);
    expect(body.hits[0]?.id).toBe('institute:中国科学院西安光学精密机械研究所');
    expect(body.hits[0]?.match).toBe('exact');
  });

  it('finds a province by pinyin and by its short Chinese name before longer names containing it', async () => {
    const pinyin = SearchResponse.parse((await request(app).get('/api/search?q=ningxia').expect(200)).body);
    expect(pinyin.hits[0]?.id).toBe('region:640000');
    const chinese = SearchResponse.parse(
      (await request(app).get('/api/search').query({ q: '宁夏' }).expect(200)).body,
    );
    expect(chinese.hits[0]?.id).toBe('region:640000');
    expect(chinese.hits.map((hit) => hit.id)).toContain(LONGI);
  });

  it('finds by English name prefix and honours the types filter and limit', async () => {
    const english = SearchResponse.parse(
      (await request(app).get('/api/search?q=zhejiang%20univ').expect(200)).body,
    );
    expect(english.hits.map((hit) => hit.id)).toContain(ZJU);
    const typed = SearchResponse.parse(
      (await request(app).get('/api/search').query({ q: '宁夏', types: 'Company', limit: 1 }).expect(200))
        .body,
    );
    expect(typed.hits).toHaveLength(1);
    expect(typed.hits[0]?.type).toBe('Company');
  });

  it('treats Lucene syntax as text instead of failing', async () => {
    for (const q of ['宁夏(', 'a AND OR', '"*?~^', 'ningxia:[1 TO 2]']) {
      const res = await request(app).get('/api/search').query({ q });
      expect(res.status, q).toBe(200);
      SearchResponse.parse(res.body);
    }
  });

  it('answers 400 naming the parameter for bad input', async () => {
    const missing = expectError((await request(app).get('/api/search').expect(400)).body, 'BAD_REQUEST');
    expect(missing.message).toContain('"q"');
    const badType = expectError(
      (await request(app).get('/api/search?q=a&types=Planet').expect(400)).body,
      'BAD_REQUEST',
    );
    expect(badType.message).toContain('"types');
    const badLimit = expectError(
      (await request(app).get('/api/search?q=a&limit=0').expect(400)).body,
      'BAD_REQUEST',
    );
    expect(badLimit.message).toContain('"limit"');
  });
});

describe('GET /api/nodes/:id and /neighbors', () => {
  it('returns the node with its degree by relationship type and document count', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(ZJU)}`)
      .expect(200);
    const body = NodeResponse.parse(res.body);
    expect(body.node.properties['name']).toBe('浙江大学');
    expect(body.degree.byType).toEqual({ COOPERATION: 2, LOCATED_IN: 1 });
    expect(body.degree.total).toBe(3);
    expect(body.documents).toBe(1);
  });

  it('404s for an unknown node id', async () => {
    const res = await request(app).get('/api/nodes/company%3Anobody').expect(404);
    expectError(res.body, 'NOT_FOUND');
    await request(app).get('/api/nodes/company%3Anobody/neighbors').expect(404);
  });

  it('caps the neighbourhood and counts what was left out', async () => {
    const capped = NeighborsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${encodeURIComponent(ZJU)}/neighbors?limit=1`)
          .expect(200)
      ).body,
    );
    expect(capped).toMatchObject({ truncated: true, omitted: 2, total: 3 });
    expect(capped.graph.edges).toHaveLength(1);
    expect(capped.graph.nodes).toHaveLength(2);
    const full = NeighborsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${encodeURIComponent(ZJU)}/neighbors`)
          .expect(200)
      ).body,
    );
    expect(full.truncated).toBe(false);
    expect(full.graph.nodes.map((n) => n.id).sort()).toEqual(
      [ZJU, MOST, 'institute:中国科学院西安光学精密机械研究所', 'region:330100'].sort(),
    );
    for (const edge of full.graph.edges) expect([edge.source, edge.target]).toContain(ZJU);
  });

  it('filters by relationship type, neighbour type and direction', async () => {
    const path = `/api/nodes/${encodeURIComponent(ZJU)}/neighbors`;
    const coop = NeighborsResponse.parse(
      (await request(app).get(`${path}?relTypes=COOPERATION`).expect(200)).body,
    );
    expect(coop.total).toBe(2);
    const regions = NeighborsResponse.parse(
      (await request(app).get(`${path}?types=Region`).expect(200)).body,
    );
    expect(regions.graph.nodes.map((n) => n.id).sort()).toEqual([ZJU, 'region:330100'].sort());
    const incoming = NeighborsResponse.parse(
      (await request(app).get(`${path}?direction=in`).expect(200)).body,
    );
    expect(incoming.total).toBe(2);
    const bad = expectError(
      (await request(app).get(`${path}?relTypes=KNOWS`).expect(400)).body,
      'BAD_REQUEST',
    );
    expect(bad.message).toContain('relTypes');
  });
});

describe('GET /api/paths', () => {
  it('links 宁夏 to 杭州 through the company and its R&D centre, with evidence on every non-hierarchy hop', async () => {
    const res = await request(app).get('/api/paths').query({ from: '宁夏', to: '杭州' }).expect(200);
    const body = PathsResponse.parse(res.body);
    expect(body.from.id).toBe('region:640000');
    expect(body.to.id).toBe('region:330100');
    const through = body.paths.find((p) => p.nodes.some((n) => n.id === LONGI));
    expect(through).toBeDefined();
    expect(through?.nodes.map((n) => n.id)).toEqual([
      'region:640000',
      LONGI,
      'platform:宁夏隆基宁光仪表股份有限公司杭州研发中心',
      'region:330100',
    ]);
    expect(through?.hops.map((h) => [h.type, h.direction])).toEqual([
      ['LOCATED_IN', 'backward'],
      ['ESTABLISHED', 'forward'],
      ['LOCATED_IN', 'forward'],
    ]);
    for (const p of body.paths) {
      for (const hop of p.hops.filter((h) => !h.hierarchy)) {
        expect(hop.evidence, `${hop.type} ${hop.from}→${hop.to}`).toBeTruthy();
        expect(hop.documentId).toBe('api-fixture-doc');
      }
    }
  });

  it('never answers with the administrative hierarchy alone or through a shared parent region', async () => {
    const body = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: '宁夏', to: '杭州', k: 10, maxHops: 8 })
          .expect(200)
      ).body,
    );
    expect(body.paths.length).toBeGreaterThan(0);
    for (const p of body.paths) {
      const interior = p.nodes.slice(1, -1);
      expect(interior.some((n) => !n.labels.includes('Region'))).toBe(true);
      expect(interior.map((n) => n.id)).not.toContain('region:100000');
    }
    const hierarchy = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: '宁夏', to: '杭州', k: 10, allowHierarchyOnly: true })
          .expect(200)
      ).body,
    );
    expect(hierarchy.paths.some((p) => p.nodes.slice(1, -1).every((n) => n.labels.includes('Region')))).toBe(
      true,
    );
  });

  it('with k=1 still finds an actor path although a hierarchy-only path is as short', async () => {
    for (const exclude of [undefined, '科技部']) {
      const body = PathsResponse.parse(
        (await request(app).get('/api/paths').query({ from: '宁夏', to: '杭州', k: 1, exclude }).expect(200))
          .body,
      );
      expect(body.paths, String(exclude)).toHaveLength(1);
      expect(body.paths[0]?.length).toBe(3);
      expect(body.paths[0]?.nodes.slice(1, -1).some((n) => !n.labels.includes('Region'))).toBe(true);
    }
  });

  it('allows hierarchy hops at the ends (R&D centre → 杭州市 → 浙江省)', async () => {
    const body = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: 'platform:宁夏隆基宁光仪表股份有限公司杭州研发中心', to: '浙江省', k: 1 })
          .expect(200)
      ).body,
    );
    expect(body.paths[0]?.nodes.map((n) => n.id)).toEqual([
      'platform:宁夏隆基宁光仪表股份有限公司杭州研发中心',
      'region:330100',
      'region:330000',
    ]);
  });

  it('removes excluded hubs given by name', async () => {
    const all = PathsResponse.parse(
      (await request(app).get('/api/paths').query({ from: '宁夏', to: '杭州', k: 5 }).expect(200)).body,
    );
    expect(all.paths.some((p) => p.nodes.some((n) => n.id === MOST))).toBe(true);
    const without = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: '宁夏', to: '杭州', k: 5, exclude: '科技部' })
          .expect(200)
      ).body,
    );
    expect(without.paths.length).toBeGreaterThan(0);
    expect(without.paths.some((p) => p.nodes.some((n) => n.id === MOST))).toBe(false);
  });

  it('returns an empty list quickly when no path exists', async () => {
    const started = Date.now();
    const body = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: '宁夏', to: '杭州', relTypes: 'INVESTMENT' })
          .expect(200)
      ).body,
    );
    expect(body.paths).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('validates k, maxHops and the endpoints', async () => {
    const k = expectError(
      (await request(app).get('/api/paths?from=a&to=b&k=11').expect(400)).body,
      'BAD_REQUEST',
    );
    expect(k.message).toContain('"k"');
    const hops = expectError(
      (await request(app).get('/api/paths?from=a&to=b&maxHops=9').expect(400)).body,
      'BAD_REQUEST',
    );
    expect(hops.message).toContain('"maxHops"');
    const to = expectError((await request(app).get('/api/paths?from=宁夏').expect(400)).body, 'BAD_REQUEST');
    expect(to.message).toContain('"to"');
    const unknown = await request(app).get('/api/paths').query({ from: '宁夏', to: 'zzzzqqqq' }).expect(404);
    expect(expectError(unknown.body, 'NOT_FOUND').message).toContain('to');
  });
});

describe('GET /api/relationships/:id and /api/documents/:id', () => {
  it('returns a fact with its evidence, which is the document text at the given offsets', async () => {
    const paths = PathsResponse.parse(
      (
        await request(app)
          .get('/api/paths')
          .query({ from: LONGI, to: 'platform:宁夏隆基宁光仪表股份有限公司杭州研发中心', k: 1 })
      ).body,
    );
    const hop = paths.paths[0]?.hops[0];
    expect(hop?.type).toBe('ESTABLISHED');
    const fact = RelationshipResponse.parse(
      (
        await request(app)
          .get(`/api/relationships/${encodeURIComponent(hop?.relationship ?? '')}`)
          .expect(200)
      ).body,
    );
    expect(fact.source.id).toBe(LONGI);
    expect(fact.evidence).toHaveLength(1);
    const evidence = fact.evidence[0];
    expect(evidence?.documentTitle).toBe('东西部科技合作测试文档');
    const doc = DocumentResponse.parse(
      (
        await request(app)
          .get(`/api/documents/${encodeURIComponent(evidence?.documentId ?? '')}`)
          .expect(200)
      ).body,
    );
    expect(doc.text.slice(evidence?.start ?? 0, evidence?.end ?? 0)).toBe(evidence?.evidence);
    expect(doc.sentences.some((s) => s.start === evidence?.start && s.end === evidence?.end)).toBe(true);
    expect(doc.mentions.map((m) => m.id)).toContain(LONGI);
  });

  it('404s for unknown relationship and document ids', async () => {
    expectError((await request(app).get('/api/relationships/fact%3Anone').expect(404)).body, 'NOT_FOUND');
    expectError((await request(app).get('/api/documents/none').expect(404)).body, 'NOT_FOUND');
  });
});

describe('GET /api/paths with members known only by their region property', () => {
  it('starts from a region member through a derived membership hop, marked virtual and hierarchy', async () => {
    await db.driver.executeQuery(
      `CREATE (u:Entity:University {id: 'university:宁夏大学', name: '宁夏大学', type: 'University', aliases: [],
         region: '宁夏回族自治区', pinyin: 'ningxiadaxue nxdx'})
       WITH u
       MATCH (z:Entity {id: 'university:浙江大学'})
       CREATE (u)-[:COOPERATION {id: 'fact:test-ningxia-zju', hierarchy: false, evidence: '宁夏大学与浙江大学合作。',
         documentId: 'api-fixture-doc', documentIds: ['api-fixture-doc']}]->(z)`,
      {},
      { database: db.database },
    );
    try {
      const body = PathsResponse.parse(
        (await request(app).get('/api/paths').query({ from: '宁夏', to: ZJU, k: 3 }).expect(200)).body,
      );
      const viaMember = body.paths.find((p) => p.nodes[1]?.id === 'university:宁夏大学');
      expect(viaMember?.nodes.map((n) => n.id)).toEqual(['region:640000', 'university:宁夏大学', ZJU]);
      expect(viaMember?.hops[0]).toMatchObject({
        type: 'LOCATED_IN',
        virtual: true,
        hierarchy: true,
        evidence: null,
      });
      expect(viaMember?.hops[1]).toMatchObject({ type: 'COOPERATION', evidence: '宁夏大学与浙江大学合作。' });
      expect(body.graph.edges.some((e) => e.id === 'region-of:university:宁夏大学')).toBe(true);
      expect(body.paths[0]?.length).toBe(2);
      const derived = RelationshipResponse.parse(
        (
          await request(app)
            .get(`/api/relationships/${encodeURIComponent(viaMember?.hops[0]?.relationship ?? '')}`)
            .expect(200)
        ).body,
      );
      expect(derived).toMatchObject({
        relationship: { type: 'LOCATED_IN', source: 'university:宁夏大学', target: 'region:640000' },
        evidence: [],
      });
    } finally {
      await db.driver.executeQuery(
        "MATCH (u:Entity {id: 'university:宁夏大学'}) DETACH DELETE u",
        {},
        { database: db.database },
      );
    }
  });
});
