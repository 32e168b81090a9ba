// The read-only Cypher console against the real test Neo4j: a table of write and admin attempts that must
// all be refused with the graph unchanged, plus rows, graph, row cap, timeout, syntax errors and size limit.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponse, ErrorResponse } from '../../contract/api.ts';
import { apiApp, graphCounts, loadApiFixture } from '../fixtures/api/setup.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

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

type Expected = 'READ_ONLY' | 'READ_ONLY|QUERY_ERROR';

/** Write, schema, admin and file attempts; QUERY_ERROR is accepted only where the text is not valid Cypher. */
const ATTEMPTS: Array<[string, string, Expected]> = [
  ['create', "CREATE (n:Entity {id: 'x:hack'})", 'READ_ONLY'],
  ['merge', "MERGE (n:Entity {id: 'x:hack'}) RETURN n", 'READ_ONLY'],
  ['set', 'MATCH (n:Entity) SET n.hacked = true', 'READ_ONLY'],
  ['set map', 'MATCH (n:Entity) SET n += {hacked: true} RETURN n', 'READ_ONLY'],
  ['delete', 'MATCH ()-[r:COOPERATION]->() DELETE r', 'READ_ONLY'],
  ['remove', 'MATCH (n:Entity) REMOVE n.name', 'READ_ONLY'],
  ['remove label', 'MATCH (n:Company) REMOVE n:Company', 'READ_ONLY'],
  ['detach delete', 'MATCH (n) DETACH DELETE n', 'READ_ONLY'],
  ['foreach', 'FOREACH (i IN range(1, 3) | CREATE (:Hack))', 'READ_ONLY'],
  ['call subquery create', 'CALL () { CREATE (:Hack) } RETURN 1 AS x', 'READ_ONLY'],
  ['old call subquery create', 'MATCH (n) CALL { WITH n CREATE (:Hack) } RETURN 1', 'READ_ONLY'],
  ['in transactions', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS', 'READ_ONLY'],
  ['in transactions read body', 'CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n', 'READ_ONLY'],
  ['load csv file', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'READ_ONLY'],
  ['load csv url', "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row", 'READ_ONLY'],
  ['create index', 'CREATE INDEX hack IF NOT EXISTS FOR (n:Entity) ON (n.hacked)', 'READ_ONLY'],
  ['drop constraint', 'DROP CONSTRAINT entity_id', 'READ_ONLY'],
  ['drop index', 'DROP INDEX entity_names', 'READ_ONLY'],
  ['create database', 'CREATE DATABASE hack', 'READ_ONLY'],
  ['create user', "CREATE USER hacker SET PASSWORD 'secret-secret'", 'READ_ONLY'],
  ['alter user', "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'", 'READ_ONLY'],
  ['grant', 'GRANT ROLE admin TO hacker', 'READ_ONLY'],
  ['stop database', 'STOP DATABASE neo4j', 'READ_ONLY'],
  ['terminate', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'READ_ONLY'],
  ['dbms create user', "CALL dbms.security.createUser('h', 'p', false)", 'READ_ONLY'],
  ['dbms config', "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'READ_ONLY'],
  ['dbms components', 'CALL dbms.components()', 'READ_ONLY'],
  ['db.createLabel', "CALL db.createLabel('Hacked')", 'READ_ONLY'],
  ['db.createProperty', "CALL db.createProperty('hacked')", 'READ_ONLY'],
  ['db.clearQueryCaches', 'CALL db.clearQueryCaches()', 'READ_ONLY'],
  ['apoc procedure', "CALL apoc.create.node(['Hack'], {})", 'READ_ONLY'],
  ['apoc function', "RETURN apoc.cypher.runFirstColumnMany('CREATE (:Hack)', {})", 'READ_ONLY'],
  [
    'write after allowed procedure',
    "CALL db.index.fulltext.queryNodes('entity_names', '宁夏') YIELD node SET node.x = 1",
    'READ_ONLY',
  ],
  ['use another database', 'USE system SHOW USERS', 'READ_ONLY'],
  ['write after comment', 'MATCH (n) /* read only, promise */ SET n.x = 1 // done', 'READ_ONLY'],
  ['write after line comment', '// MATCH (n) RETURN n\nCREATE (:Hack)', 'READ_ONLY'],
  ['write next to a string', "MATCH (n) WHERE n.name = 'CREATE' CREATE (:Hack)", 'READ_ONLY'],
  [
    'escaped quote in string',
    "RETURN 'it\\'s fine' AS a UNION MATCH (n) DETACH DELETE n RETURN 1 AS a",
    'READ_ONLY',
  ],
  ['mixed case', 'cReAtE (:Hack)', 'READ_ONLY'],
  ['line breaks', 'MATCH (n)\nDETACH\nDELETE\nn', 'READ_ONLY'],
  ['backtick tricks', 'MATCH (`CREATE`) WITH `CREATE` MERGE (:Hack)', 'READ_ONLY'],
  ['two statements', 'MATCH (n) RETURN n; CREATE (:Hack)', 'READ_ONLY'],
  ['two statements reversed', 'RETURN 1; MATCH (n) DETACH DELETE n', 'READ_ONLY'],
  ['GQL insert', 'INSERT (:Hack)', 'READ_ONLY'],
  ['merge relationship', 'MATCH (n:Region) WITH n LIMIT 1 MERGE (n)-[:COOPERATION]->(n)', 'READ_ONLY'],
  ['profile write', 'PROFILE CREATE (:Hack)', 'READ_ONLY'],
  ['unicode escape outside a string', '\\u0043REATE (:Hack)', 'READ_ONLY|QUERY_ERROR'],
  ['full-width letters', 'ＣＲＥＡＴＥ (:Hack)', 'READ_ONLY|QUERY_ERROR'],
  ['show users (admin)', 'SHOW USERS', 'READ_ONLY|QUERY_ERROR'],
];

async function labelsNow(): Promise<string[]> {
  const res = await request(app)
    .post('/api/cypher')
    .send({ query: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
  return CypherResponse.parse(res.body).rows.map((row) => String(row[0]));
}

describe('POST /api/cypher refuses writes and admin commands', () => {
  it(`refuses all ${ATTEMPTS.length} attempts and leaves the graph unchanged`, async () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30);
    const before = await graphCounts(db);
    const labelsBefore = await labelsNow();
    const outcomes: string[] = [];
    for (const [name, query, expected] of ATTEMPTS) {
      const res = await request(app).post('/api/cypher').send({ query });
      const code = res.status === 400 ? ErrorResponse.parse(res.body).error.code : `HTTP ${res.status}`;
      if (!expected.split('|').includes(code)) outcomes.push(`${name}: got ${code}`);
      expect(await graphCounts(db), name).toEqual(before);
    }
    expect(outcomes).toEqual([]);
    expect(await labelsNow()).toEqual(labelsBefore);
  });
});

describe('POST /api/cypher runs read queries', () => {
  it('returns columns, rows as plain JSON and the graph found in them', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (a:Company)-[r:ESTABLISHED]->(b) RETURN a.name AS name, a, r, b, 1 + 1 AS two' })
      .expect(200);
    const body = CypherResponse.parse(res.body);
    expect(body.columns).toEqual(['name', 'a', 'r', 'b', 'two']);
    expect(body.rows[0]?.[0]).toBe('宁夏隆基宁光仪表股份有限公司');
    expect(body.rows[0]?.[4]).toBe(2);
    expect(body.graph.nodes).toHaveLength(2);
    expect(body.graph.edges).toEqual([
      expect.objectContaining({
        type: 'ESTABLISHED',
        source: 'company:宁夏隆基宁光仪表股份有限公司',
        target: 'platform:宁夏隆基宁光仪表股份有限公司杭州研发中心',
      }),
    ]);
    expect(body.truncated).toBe(false);
  });

  it('adds the endpoints of relationships returned without their nodes', async () => {
    const body = CypherResponse.parse(
      (
        await request(app)
          .post('/api/cypher')
          .send({ query: 'MATCH ()-[r:PAIRED_ASSISTANCE]->() RETURN r' })
          .expect(200)
      ).body,
    );
    expect(body.graph.edges[0]).toMatchObject({ source: 'region:370000', target: 'region:620000' });
    expect(body.graph.nodes.map((n) => n.id).sort()).toEqual(['region:370000', 'region:620000']);
  });

  it('passes parameters, integers included', async () => {
    const body = CypherResponse.parse(
      (
        await request(app)
          .post('/api/cypher')
          .send({
            query: 'MATCH (n:Region) RETURN n.name AS name ORDER BY name LIMIT $limit',
            params: { limit: 2 },
          })
          .expect(200)
      ).body,
    );
    expect(body.rows).toHaveLength(2);
  });

  it('caps rows and says so', async () => {
    const capped = apiApp(db, { CYPHER_MAX_ROWS: '5' });
    const body = CypherResponse.parse(
      (
        await request(capped)
          .post('/api/cypher')
          .send({ query: 'UNWIND range(1, 100) AS x RETURN x' })
          .expect(200)
      ).body,
    );
    expect(body.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(body.truncated).toBe(true);
    const exact = CypherResponse.parse(
      (
        await request(capped)
          .post('/api/cypher')
          .send({ query: 'UNWIND range(1, 5) AS x RETURN x' })
          .expect(200)
      ).body,
    );
    expect(exact.truncated).toBe(false);
  });

  it('stops a runaway query with TIMEOUT within bounds', async () => {
    const quick = apiApp(db, { CYPHER_TIMEOUT_MS: '1500' });
    const started = Date.now();
    const res = await request(quick)
      .post('/api/cypher')
      .send({ query: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n' });
    expect(res.status).toBe(504);
    expect(ErrorResponse.parse(res.body).error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1500 + 8000);
  });

  it('reports a syntax error as QUERY_ERROR with its position in the user text', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (n)\nRETRUN n' }).expect(400);
    const error = ErrorResponse.parse(res.body).error;
    expect(error.code).toBe('QUERY_ERROR');
    expect(error.details).toMatchObject({ position: { line: 2, column: 1, offset: 10 } });
    expect(error.message).not.toContain('EXPLAIN');
  });

  it('refuses a query longer than the configured size, and a body without query', async () => {
    const small = apiApp(db, { CYPHER_MAX_QUERY_CHARS: '100' });
    const res = await request(small)
      .post('/api/cypher')
      .send({ query: `RETURN 1 ${' '.repeat(200)}` })
      .expect(413);
    expect(ErrorResponse.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await request(app).post('/api/cypher').send({ params: {} }).expect(400);
    expect(ErrorResponse.parse(missing.body).error.message).toContain('"query"');
  });
});
