// Synthetic graph for the API benchmark: the real region hierarchy from the gazetteer plus ~100,000
// generated organizations and ≥ 1,000,000 relationships (LOCATED_IN + facts with skewed degrees), written
// with plain UNWIND batches. Deterministic (seeded PRNG), so runs are comparable.
import neo4j from 'neo4j-driver';
import { RELATION_TYPES, type RelationType } from '../contract/vocabulary.ts';
import type { Database } from '../server/db/database.ts';
import { allRegions } from '../scripts/extract/gazetteer/index.ts';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['Company', 'University', 'ResearchInstitute', 'Fund', 'GovernmentAgency', 'Platform'] as const;
const SUFFIX: Record<(typeof TYPES)[number], string> = {
  Company: '科技有限公司',
  University: '大学',
  ResearchInstitute: '研究院',
  Fund: '投资基金',
  GovernmentAgency: '科学技术局',
  Platform: '创新中心',
};
const FACT_TYPES = RELATION_TYPES.filter((t) => t !== 'PART_OF' && t !== 'LOCATED_IN') as RelationType[];
const SYLLABLES = '东西南北中华新科技创智联信达远航天光电材料能源生物医药数据云网星海山河金银铁龙凤'.split(
  '',
);
const PINYIN =
  'dong xi nan bei zhong hua xin ke ji chuang zhi lian xin da yuan hang tian guang dian cai liao neng yuan sheng wu yi yao shu ju yun wang xing hai shan he jin yin tie long feng'.split(
    ' ',
  );

export interface BenchEntity {
  id: string;
  name: string;
  alias: string;
  pinyin: string;
  type: (typeof TYPES)[number];
}

/** The i-th synthetic organization: a 3-syllable stem (its alias) + a type suffix, made unique by i. */
export function benchEntity(i: number): BenchEntity {
  const type = TYPES[i % TYPES.length] as (typeof TYPES)[number];
  const digits = [i % 40, Math.floor(i / 40) % 40, Math.floor(i / 1600) % 40, Math.floor(i / 64000) % 40];
  const stem = digits.map((d) => SYLLABLES[d]).join('');
  const pinyin = digits.map((d) => PINYIN[d]).join('');
  return { id: `bench:${i}`, name: `${stem}${SUFFIX[type]}`, alias: stem, pinyin, type };
}

export interface GraphSize {
  entities: number;
  relationships: number;
}

async function write(db: Database, cypher: string, rows: unknown[]): Promise<void> {
  await db.driver.executeQuery(cypher, { rows }, { database: db.database });
}

async function writeRegions(db: Database): Promise<string[]> {
  const regions = allRegions().filter((r) => r.level !== 'county');
  const rows = regions.map((r) => ({
    id: `region:${r.code}`,
    name: r.name,
    aliases: [...r.shortNames, ...r.abbreviations],
    nameEn: r.nameEn,
    pinyin: r.nameEn.toLowerCase().replace(/[^a-z ]/g, ''),
    code: r.code,
    level: r.level,
    zone: r.zone,
    parent: r.parentCode ? `region:${r.parentCode}` : null,
  }));
  await write(
    db,
    `UNWIND $rows AS row
     CREATE (n:Entity:Region {id: row.id, name: row.name, type: 'Region', aliases: row.aliases, nameEn: row.nameEn,
       pinyin: row.pinyin, code: row.code, level: row.level, zone: row.zone})`,
    rows,
  );
  await write(
    db,
    `UNWIND $rows AS row
     MATCH (c:Region {id: row.id}), (p:Region {id: row.parent})
     CREATE (c)-[:PART_OF {id: 'hierarchy:' + row.code, rule: 'gazetteer', hierarchy: true}]->(p)`,
    rows.filter((r) => r.parent),
  );
  return rows.filter((r) => r.level === 'prefecture').map((r) => r.id);
}

async function writeEntities(db: Database, count: number, prefectures: string[], random: () => number) {
  for (let start = 0; start < count; start += 10_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 10_000); i += 1) {
      const e = benchEntity(i);
      const region = prefectures[Math.floor(random() * prefectures.length)] as string;
      rows.push({ ...e, region, pinyin: `${e.pinyin} ${e.pinyin.slice(0, 3)}` });
    }
    for (const type of TYPES) {
      await write(
        db,
        `UNWIND $rows AS row
         CREATE (n:Entity:${type} {id: row.id, name: row.name, type: row.type, aliases: [row.alias], pinyin: row.pinyin,
           nameEn: null})
         WITH n, row
         MATCH (r:Region {id: row.region})
         SET n.region = r.name
         CREATE (n)-[:LOCATED_IN {id: 'loc:' + row.id, hierarchy: false, rule: 'bench', evidence: n.name + '位于' + r.name + '。',
           documentId: 'bench-doc'}]->(r)`,
        rows.filter((r) => r.type === type),
      );
    }
  }
}

/** Endpoint index with a skewed distribution: a few hubs, a long tail (like real cooperation graphs). */
function skewed(random: () => number, n: number): number {
  return Math.floor(n * random() ** 2.2);
}

async function writeFacts(
  db: Database,
  count: number,
  entities: number,
  random: () => number,
  log: (s: string) => void,
) {
  const batch = 20_000;
  for (let start = 0; start < count; start += batch) {
    const byType = new Map<RelationType, unknown[]>();
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      const s = skewed(random, entities);
      let t = Math.floor(random() * entities);
      if (t === s) t = (t + 1) % entities;
      const type = FACT_TYPES[i % FACT_TYPES.length] as RelationType;
      const list = byType.get(type) ?? [];
      list.push({ id: `fact:bench:${i}`, s: `bench:${s}`, t: `bench:${t}`, start: (i % 500) * 40 });
      byType.set(type, list);
    }
    for (const [type, rows] of byType) {
      await write(
        db,
        `UNWIND $rows AS row
         MATCH (a:Entity {id: row.s}), (b:Entity {id: row.t})
         CREATE (a)-[:${type} {id: row.id, hierarchy: false, rule: 'bench', documentId: 'bench-doc', start: row.start,
           end: row.start + 30, evidence: a.name + '与' + b.name + '开展合作。', documentIds: ['bench-doc'],
           date: '2024'}]->(b)`,
        rows,
      );
    }
    if ((start / batch) % 10 === 0) log(`  facts ${start + batch} / ${count}`);
  }
}

export async function graphSize(db: Database): Promise<GraphSize> {
  const result = await db.driver.executeQuery(
    'RETURN COUNT { (:Entity) } AS entities, COUNT { ()-->() } AS relationships',
    {},
    { database: db.database, routing: neo4j.routing.READ },
  );
  const record = result.records[0];
  return { entities: Number(record?.get('entities')), relationships: Number(record?.get('relationships')) };
}

/** Writes the graph unless one of at least the requested size is already there. Returns the final size. */
export async function ensureBenchGraph(
  db: Database,
  want: { entities: number; facts: number },
  log: (line: string) => void,
): Promise<GraphSize & { generatedSeconds: number | null }> {
  const before = await graphSize(db);
  if (before.entities >= want.entities && before.relationships >= want.facts)
    return { ...before, generatedSeconds: null };
  const started = performance.now();
  const session = db.driver.session({ database: db.database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run), not executeQuery.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  const random = prng(20_251_127);
  log('writing regions');
  const prefectures = await writeRegions(db);
  const organizations = want.entities - (await graphSize(db)).entities;
  log(`writing ${organizations} organizations`);
  await writeEntities(db, organizations, prefectures, random);
  const size = await graphSize(db);
  log(`writing ${want.facts - size.relationships} facts`);
  await writeFacts(db, want.facts - size.relationships, organizations, random, log);
  await db.driver.executeQuery('CALL db.awaitIndexes(600)', {}, { database: db.database });
  return { ...(await graphSize(db)), generatedSeconds: (performance.now() - started) / 1000 };
}
