// The schema applies twice without error, leaves the constraints and the cjk full-text index in place,
// and they behave: duplicate ids are refused, Chinese names are found by a part of the name or an alias.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../contract/vocabulary.ts';
import { applySchema } from '../../server/db/schema.ts';
import { useTestDatabase, type TestDatabase } from '../helpers/db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await useTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

async function rows(query: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(query, params, { database: db.database });
  return result.records.map((r) => r.toObject());
}

describe('schema', () => {
  it('applies twice without error', async () => {
    await applySchema(db);
    await applySchema(db);
  });

  it('has a uniqueness constraint on id for Entity, Document and every entity label', async () => {
    const constraints = await rows(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties",
    );
    const labels = constraints.filter((c) => JSON.stringify(c.properties) === '["id"]').map((c) => c.label);
    for (const label of ['Entity', 'Document', ...ENTITY_TYPES]) expect(labels).toContain(label);
  });

  it('has the entity_names full-text index with the cjk analyzer, online', async () => {
    const [index] = await rows(
      "SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties, options WHERE name = 'entity_names' RETURN *",
    );
    expect(index?.state).toBe('ONLINE');
    expect(index?.labelsOrTypes).toEqual(['Entity']);
    expect(index?.properties).toEqual(['name', 'aliases', 'nameEn', 'pinyin']);
    expect(
      (index?.options as { indexConfig: Record<string, unknown> }).indexConfig['fulltext.analyzer'],
    ).toBe('cjk');
  });

  it('refuses a second entity with the same id', async () => {
    await db.clean();
    await rows("CREATE (:Entity:University {id: 'university:测试大学', name: '测试大学'})");
    await expect(
      rows("CREATE (:Entity:Company {id: 'university:测试大学', name: '另一个'})"),
    ).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
  });

  it('finds Chinese names by a part of the name and by an alias', async () => {
    await db.clean();
    await rows(
      `CREATE (:Entity:University {id: 'university:西安交通大学', name: '西安交通大学', aliases: ['西安交大'],
        nameEn: "Xi'an Jiaotong University", pinyin: 'xianjiaotongdaxue xajtdx'})
       CREATE (:Entity:Region {id: 'region:610000', name: '陕西省', aliases: ['陕', '秦'], nameEn: 'Shaanxi Sheng',
        pinyin: 'shanxisheng sxs'})`,
    );
    await rows('CALL db.awaitIndexes(60)');
    const search = (q: string) =>
      rows("CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id", { q });
    expect(await search('交通')).toEqual([{ id: 'university:西安交通大学' }]);
    expect(await search('交大')).toEqual([{ id: 'university:西安交通大学' }]);
    expect(await search('Jiaotong')).toEqual([{ id: 'university:西安交通大学' }]);
    expect(await search('陕西')).toEqual([{ id: 'region:610000' }]);
  });
});
