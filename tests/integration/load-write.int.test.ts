// The loader's write path on a real Neo4j: idempotent loads, one relationship per fact with provenance
// from every document, removal of only what a document alone contributed, and rollback of a failing document.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ancestorsOf, regionByCode } from '../../scripts/extract/gazetteer/index.ts';
import { graphContentHash } from '../../scripts/load/hash.ts';
import { toDocumentRows, type Gazetteer } from '../../scripts/load/rows.ts';
import { removeDocument, writeRows } from '../../scripts/load/write.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { fixture } from '../unit/load-helpers.ts';

const gazetteer: Gazetteer = { regionByCode, ancestorsOf };
let db: TestDatabase;

function rows(name: 'a' | 'b', patch: (x: ReturnType<typeof fixture>['extraction']) => unknown = (x) => x) {
  const { source, extraction } = fixture(name);
  return toDocumentRows(source, patch(extraction), gazetteer, [{ start: 0, end: 10 }]);
}

async function load(...names: Array<'a' | 'b'>) {
  for (const name of names) await writeRows(db, rows(name), gazetteer);
}

async function query(cypher: string, params = {}) {
  const result = await db.driver.executeQuery(cypher, params, { database: db.database });
  return result.records.map((r) => r.toObject());
}

async function counts() {
  const [nodes] = await query('MATCH (n) RETURN count(n) AS n');
  const [rels] = await query('MATCH ()-[r]->() RETURN count(r) AS n');
  return { nodes: Number(nodes!.n), relationships: Number(rels!.n) };
}

beforeAll(async () => {
  db = await useTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.clean();
});

describe('writeRows', () => {
  it('gives exactly the same graph when the same documents load twice, in any order', async () => {
    await load('a', 'b');
    const first = { hash: await graphContentHash(db), ...(await counts()) };
    await load('a', 'b');
    expect({ hash: await graphContentHash(db), ...(await counts()) }).toEqual(first);
    await db.clean();
    await load('b', 'a');
    expect(await graphContentHash(db)).toBe(first.hash);
  });

  it('gives the same graph in any order when two documents state an entity differently', async () => {
    const ids = (name: 'a' | 'b') => new Set(fixture(name).extraction.entities.map((e) => e.id));
    const shared = [...ids('a')].find((id) => ids('b').has(id) && !id.startsWith('region:'));
    expect(shared).toBeDefined();
    // Two documents naming one organization with a different role and region (a person's 厅长 / 副书记).
    const stating = (role: string, region: string) => (x: ReturnType<typeof fixture>['extraction']) => ({
      ...x,
      entities: x.entities.map((e) => (e.id === shared ? { ...e, role, region } : e)),
    });
    const write = async (order: Array<['a' | 'b', string, string]>) => {
      await db.clean();
      for (const [name, role, region] of order)
        await writeRows(db, rows(name, stating(role, region)), gazetteer);
      return graphContentHash(db);
    };
    const forward = await write([
      ['a', '厅长', '宁夏回族自治区'],
      ['b', '副书记', '甘肃省'],
    ]);
    const backward = await write([
      ['b', '副书记', '甘肃省'],
      ['a', '厅长', '宁夏回族自治区'],
    ]);
    expect(backward).toBe(forward);
    const [node] = await query('MATCH (n:Entity {id: $id}) RETURN n.role AS role, n.region AS region', {
      id: shared,
    });
    // Whatever the order, the smaller value in code-point order (副 U+526F < 厅 U+5385, 宁 U+5B81 < 甘 U+7518).
    expect(node).toEqual({ role: '副书记', region: '宁夏回族自治区' });
  });

  it('writes entity labels, region data and the hierarchy up to the country', async () => {
    await load('a');
    const [hz] = await query(
      "MATCH (r:Entity:Region {id: 'region:330100'}) RETURN r.name AS name, r.level AS level, r.zone AS zone, r.pinyin AS pinyin",
    );
    expect(hz).toMatchObject({ name: '杭州市', level: 'prefecture', zone: 'East' });
    expect(String(hz!.pinyin).split(' ')).toEqual(expect.arrayContaining(['hangzhoushi', 'hz']));
    const chain = await query(
      "MATCH p = (:Region {id: 'region:330100'})-[:PART_OF*]->(:Region {id: 'region:100000'}) " +
        'WHERE all(r IN relationships(p) WHERE r.hierarchy = true) RETURN [n IN nodes(p) | n.name] AS names',
    );
    expect(chain.map((c) => c.names)).toEqual([['杭州市', '浙江省', '中华人民共和国']]);
    const [company] = await query(
      "MATCH (c:Entity:Company {id: 'company:甲乙科技有限公司'}) RETURN c.type AS type",
    );
    expect(company!.type).toBe('Company');
  });

  it('keeps the same fact from two documents as one relationship with both sources', async () => {
    await load('b', 'a');
    const facts = await query(
      'MATCH (a)-[r:AGREEMENT]->(b) RETURN a.id AS source, b.id AS target, r.documentIds AS documentIds, ' +
        'r.documentId AS documentId, r.evidences AS evidences, r.confidence AS confidence, r.hierarchy AS hierarchy',
    );
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      source: 'company:甲乙科技有限公司',
      target: 'university:丙丁大学',
      documentIds: ['doc-a', 'doc-b'],
      documentId: 'doc-a',
      confidence: 0.9,
      hierarchy: false,
    });
    expect(facts[0]!.evidences).toHaveLength(2);
    const [company] = await query("MATCH (c {id: 'company:甲乙科技有限公司'}) RETURN c.aliases AS aliases");
    expect(company!.aliases).toEqual(['甲乙公司', '甲乙科技']);
  });

  it('removes only what a document alone contributed', async () => {
    await load('b');
    const onlyB = await graphContentHash(db);
    await db.clean();
    await load('a', 'b');
    expect(await removeDocument(db, 'doc-a', gazetteer)).toBe(true);
    const ids = (await query('MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).map((r) => r.id);
    expect(ids).toContain('company:甲乙科技有限公司');
    expect(ids).toContain('university:丙丁大学');
    expect(ids).not.toContain('platform:甲乙科技有限公司杭州研发中心');
    expect(ids).not.toContain('region:330100');
    expect(ids).toContain('region:100000');
    const [agreement] = await query(
      'MATCH ()-[r:AGREEMENT]->() RETURN r.documentIds AS ids, r.documentId AS doc',
    );
    expect(agreement).toEqual({ ids: ['doc-b'], doc: 'doc-b' });
    expect(await query('MATCH ()-[r:COOPERATION]->() RETURN r.id')).toHaveLength(1);
    const [company] = await query("MATCH (c {id: 'company:甲乙科技有限公司'}) RETURN c.aliases AS aliases");
    expect(company!.aliases).toEqual(['甲乙公司']);
    // Apart from the first source's confidence/rule (see the loader README), the graph is as if A never loaded.
    await removeDocument(db, 'doc-b', gazetteer);
    expect(await counts()).toEqual({ nodes: 0, relationships: 0 });
    await load('b');
    expect(await graphContentHash(db)).toBe(onlyB);
    expect(await removeDocument(db, 'doc-a', gazetteer)).toBe(false);
  });

  it('leaves no trace of a document that fails mid-way, and keeps its previous version', async () => {
    await load('b');
    const before = await graphContentHash(db);
    // A name too large for the range index on :Person(name) fails inside Neo4j after earlier batches ran.
    const huge = (x: ReturnType<typeof fixture>['extraction']) => ({
      ...x,
      entities: [
        ...x.entities,
        { id: 'person:x', name: '很'.repeat(12_000), type: 'Person', mentions: [{ start: 0, end: 1 }] },
      ],
    });
    await expect(writeRows(db, rows('a', huge), gazetteer, { batchSize: 1 })).rejects.toMatchObject({
      code: expect.stringMatching(/^Neo\./),
    });
    expect(await graphContentHash(db)).toBe(before);
    await load('a');
    const loaded = await graphContentHash(db);
    await expect(writeRows(db, rows('a', huge), gazetteer, { batchSize: 1 })).rejects.toThrow();
    expect(await graphContentHash(db)).toBe(loaded);
  });
});
