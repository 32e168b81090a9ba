// Whole-graph endpoints against the real test Neo4j with the fixture graph: stats (counts, zone flows,
// brokers), exports (GraphML/GEXF parse, JSON matches the contract, CSV), saved queries, OpenAPI, guards.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponse, ErrorResponse, SavedQueryList, StatsResponse } from '../../contract/api.ts';
import { Graph } from '../../contract/graph.ts';
import { apiApp, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;
let app: ReturnType<typeof apiApp>;
let entityCount = 0;
let factCount = 0;

async function count(cypher: string): Promise<number> {
  const result = await db.driver.executeQuery(cypher, {}, { database: db.database });
  return Number(result.records[0]?.get(0));
}

beforeAll(async () => {
  db = await useTestDatabase();
  await loadApiFixture(db);
  app = apiApp(db);
  entityCount = await count('MATCH (n:Entity) RETURN count(n)');
  factCount = await count('MATCH (:Entity)-[r]->(:Entity) RETURN count(r)');
});

afterAll(async () => {
  await db.close();
});

describe('GET /api/stats', () => {
  it('counts labels and types, East→West flows and brokers by betweenness', async () => {
    const body = StatsResponse.parse((await request(app).get('/api/stats').expect(200)).body);
    expect(body.labels.find((l) => l.label === 'Entity')?.count).toBe(entityCount);
    expect(body.labels.find((l) => l.label === 'Region')?.count).toBe(10);
    expect(body.relationshipTypes.find((t) => t.type === 'MENTIONS')?.count).toBe(9);
    expect(body.documents).toBe(1);
    // 山东省 → 甘肃省 and 山东农业大学 — 甘肃农业大学; 科技部 (no zone) → 宁夏 does not count.
    expect(body.zoneFlows).toEqual(
      expect.arrayContaining([
        { fromZone: 'East', toZone: 'West', type: 'PAIRED_ASSISTANCE', count: 1 },
        { fromZone: 'East', toZone: 'West', type: 'COOPERATION', count: 1 },
      ]),
    );
    expect(body.zoneFlows.find((f) => f.type === 'AGREEMENT')).toBeUndefined();
    // In the fact graph 宁夏—科技部—浙江大学—西安光机所, each middle node lies on two shortest paths.
    expect(body.brokers.slice(0, 2)).toEqual([
      {
        id: 'agency:中华人民共和国科学技术部',
        name: '中华人民共和国科学技术部',
        type: 'GovernmentAgency',
        betweenness: 2,
      },
      { id: 'university:浙江大学', name: '浙江大学', type: 'University', betweenness: 2 },
    ]);
  });
});

describe('GET /api/export', () => {
  it('GraphML is well-formed XML with every entity and fact', async () => {
    const res = await request(app).get('/api/export?format=graphml').expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="dongxi-graph.graphml"');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
    }).parse(res.text);
    expect(xml.graphml.graph.node).toHaveLength(entityCount);
    expect(xml.graphml.graph.edge).toHaveLength(factCount);
  });

  it('GEXF is well-formed XML with every entity', async () => {
    const res = await request(app).get('/api/export?format=gexf').expect(200);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge'].includes(name),
    }).parse(res.text);
    expect(xml.gexf.graph.nodes.node).toHaveLength(entityCount);
    expect(xml.gexf.graph.edges.edge).toHaveLength(factCount);
  });

  it('JSON matches contract/graph.ts; ids= gives the induced subgraph; hierarchy=false drops PART_OF', async () => {
    const whole = Graph.parse(
      JSON.parse((await request(app).get('/api/export?format=json').expect(200)).text),
    );
    expect(whole.nodes).toHaveLength(entityCount);
    expect(whole.edges).toHaveLength(factCount);
    const ids = 'university:浙江大学,agency:中华人民共和国科学技术部,region:330100';
    const res = await request(app).get('/api/export').query({ format: 'json', ids }).expect(200);
    expect(res.headers['content-disposition']).toContain('dongxi-subgraph.json');
    const sub = Graph.parse(JSON.parse(res.text));
    expect(sub.nodes.map((n) => n.id).sort()).toEqual(ids.split(',').sort());
    expect(sub.edges.map((e) => e.type).sort()).toEqual(['COOPERATION', 'LOCATED_IN']);
    const flat = Graph.parse(
      JSON.parse((await request(app).get('/api/export?format=json&hierarchy=false').expect(200)).text),
    );
    expect(flat.edges.some((e) => e.type === 'PART_OF')).toBe(false);
    expect(flat.edges.length).toBe(factCount - 9);
  });

  it('CSV gives nodes and edges tables with a header', async () => {
    const nodes = await request(app).get('/api/export?format=csv&part=nodes').expect(200);
    expect(nodes.headers['content-disposition']).toContain('dongxi-graph-nodes.csv');
    const nodeLines = nodes.text.trim().split('\r\n');
    expect(nodeLines[0]?.startsWith('id,labels,')).toBe(true);
    expect(nodeLines).toHaveLength(entityCount + 1);
    const edges = await request(app).get('/api/export?format=csv&part=edges').expect(200);
    expect(edges.text.split('\r\n')[0]?.startsWith('id,source,target,type')).toBe(true);
    const bad = await request(app).get('/api/export?format=xlsx').expect(400);
    expect(ErrorResponse.parse(bad.body).error.message).toContain('"format"');
  });
});

describe('saved queries', () => {
  it('lists at least six parameterised queries with descriptions', async () => {
    const body = SavedQueryList.parse((await request(app).get('/api/queries').expect(200)).body);
    expect(body.queries.length).toBeGreaterThanOrEqual(6);
    for (const query of body.queries) expect(query.description.length).toBeGreaterThan(10);
  });

  it('runs every saved query through the read-only console', async () => {
    const { queries } = SavedQueryList.parse((await request(app).get('/api/queries')).body);
    const values: Record<string, Record<string, unknown>> = {
      'partners-of-organization': { id: 'university:浙江大学' },
      'region-cooperation-by-year': { region: '宁夏回族自治区' },
      'document-facts': { documentId: 'api-fixture-doc' },
    };
    for (const query of queries) {
      const res = await request(app)
        .post(`/api/queries/${query.name}`)
        .send({ params: values[query.name] ?? {} });
      expect(res.status, `${query.name}: ${JSON.stringify(res.body)}`).toBe(200);
      CypherResponse.parse(res.body);
    }
  });

  it('answers with the facts the fixture states', async () => {
    const run = async (name: string, params: Record<string, unknown>) =>
      CypherResponse.parse(
        (await request(app).post(`/api/queries/${name}`).send({ params }).expect(200)).body,
      );
    const partners = await run('partners-of-organization', { id: '浙江大学' });
    expect(partners.rows.map((row) => row[partners.columns.indexOf('name')]).sort()).toEqual(
      ['中华人民共和国科学技术部', '中国科学院西安光学精密机械研究所'].sort(),
    );
    const flows = await run('paired-assistance-flows', {});
    expect(
      flows.rows.map((row) => [
        row[flows.columns.indexOf('helperName')],
        row[flows.columns.indexOf('helpedName')],
      ]),
    ).toEqual([['山东省', '甘肃省']]);
    const big = await run('investments-above', { minAmount: 100000000 });
    expect(big.rows).toHaveLength(1);
    const none = await run('investments-above', { minAmount: 500000000 });
    expect(none.rows).toHaveLength(0);
    const pairs = await run('east-west-pairs', {});
    expect(pairs.rows.map((row) => row[pairs.columns.indexOf('type')]).sort()).toEqual([
      'COOPERATION',
      'COOPERATION',
      'ESTABLISHED',
      'PAIRED_ASSISTANCE',
    ]);
    const doc = await run('document-facts', { documentId: 'api-fixture-doc' });
    expect(doc.rows).toHaveLength(11);
  });

  it('validates names and parameters', async () => {
    await request(app).post('/api/queries/no-such-query').send({}).expect(404);
    const missing = await request(app)
      .post('/api/queries/partners-of-organization')
      .send({ params: {} })
      .expect(400);
    expect(ErrorResponse.parse(missing.body).error.message).toContain('params.id');
    const wrong = await request(app)
      .post('/api/queries/investments-above')
      .send({ params: { minAmount: 'lots' } })
      .expect(400);
    expect(ErrorResponse.parse(wrong.body).error.message).toContain('params.minAmount');
    const extra = await request(app)
      .post('/api/queries/brokers')
      .send({ params: { query: 'MATCH (n) DETACH DELETE n' } })
      .expect(400);
    expect(ErrorResponse.parse(extra.body).error.code).toBe('BAD_REQUEST');
  });
});

describe('OpenAPI and guards', () => {
  it('serves an OpenAPI 3.1 document covering every endpoint', async () => {
    const body = (await request(app).get('/api/openapi.json').expect(200)).body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/search',
      '/api/nodes/{id}',
      '/api/nodes/{id}/neighbors',
      '/api/paths',
      '/api/relationships/{id}',
      '/api/documents/{id}',
      '/api/cypher',
      '/api/queries',
      '/api/queries/{name}',
      '/api/stats',
      '/api/export',
    ]) {
      expect(body.paths[path], path).toBeDefined();
    }
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['PathsResponse', 'ErrorResponse']),
    );
  });

  it('requires the bearer token when API_TOKEN is set (health stays open)', async () => {
    const guarded = apiApp(db, { API_TOKEN: 'test-token-123' });
    const denied = await request(guarded).get('/api/search?q=宁夏').expect(401);
    expect(ErrorResponse.parse(denied.body).error.code).toBe('UNAUTHORIZED');
    await request(guarded).get('/api/search?q=宁夏').set('Authorization', 'Bearer wrong').expect(401);
    await request(guarded)
      .get('/api/search?q=宁夏')
      .set('Authorization', 'Bearer test-token-123')
      .expect(200);
    await request(guarded).get('/api/health').expect(200);
  });

  it('sends CORS headers only to configured origins', async () => {
    const closed = await request(app).get('/api/search?q=宁夏').set('Origin', 'http://evil.example');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const open = apiApp(db, { CORS_ORIGINS: 'http://localhost:5173' });
    const ok = await request(open)
      .get('/api/search?q=宁夏')
      .set('Origin', 'http://localhost:5173')
      .expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const preflight = await request(open)
      .options('/api/cypher')
      .set('Origin', 'http://localhost:5173')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    const other = await request(open).get('/api/search?q=宁夏').set('Origin', 'http://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
