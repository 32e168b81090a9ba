import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase } from '../server/db/database.ts';
import { startLocalNeo4j } from '../server/db/local-neo4j.ts';
import { applySchema } from '../server/db/schema.ts';
import * as Q from '../scripts/load/cypher.ts';
const local = await startLocalNeo4j({ port: 27111, dataDir: mkdtempSync(join(tmpdir(), 'exp-')), heap: '1g' });
const db = connectDatabase({ uri: local.uri, local });
await applySchema(db);
function show(p: any, d = 0): string { return '  '.repeat(d) + p.operatorType + ' ' + (p.arguments?.Details ?? '') + '\n' + (p.children ?? []).map((c: any) => show(c, d + 1)).join(''); }
for (const [name, q] of Object.entries({ exist: Q.EXISTING_FACTS, create: Q.CREATE_FACTS, add: Q.UPDATE_FACTS, ent: Q.UPSERT_ENTITIES, ...(process.argv[2] ? { extra: process.argv[2] } : {}) })) {
  const r = await db.driver.executeQuery('EXPLAIN ' + q, { ids: { COOPERATION: [], INVESTMENT: [] }, rows: [], id: 'x', c: { eid: [], id: [] }, k: {}, doc: 'x' }, { database: db.database });
  console.log('== ' + name + '\n' + show(r.summary.plan));
}
await db.close();
process.exit(0);
