// GET /api/stats: counts by label and relationship type (count store), zone-to-zone fact flows and the
// top brokers by betweenness. The heavy part is cached until the node/relationship counts change.
import type { StatsResponse } from '../../contract/api.ts';
import { ENTITY_TYPES, HIERARCHY_RELATIONS, RELATION_TYPES } from '../../contract/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { readQuery } from './run.ts';
import { entityZones, topBrokers, zoneFlows, type FactRow } from './stats-compute.ts';

const LABELS = ['Entity', 'Document', ...ENTITY_TYPES] as const;
const REL_TYPES = [...RELATION_TYPES, 'MENTIONS'] as const;
const HIERARCHY = [...HIERARCHY_RELATIONS];

/** Count-store lookups only: labels and types come from the vocabulary. */
const COUNTS_CYPHER = `RETURN
  ${LABELS.map((label) => `COUNT { (:${label}) } AS \`label_${label}\``).join(',\n  ')},
  ${REL_TYPES.map((type) => `COUNT { ()-[:${type}]->() } AS \`type_${type}\``).join(',\n  ')},
  COUNT { () } AS allNodes,
  COUNT { ()-->() } AS allRelationships`;

const FACTS_CYPHER = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT type(r) IN $hierarchy
RETURN a.id AS source, b.id AS target, type(r) AS type`;

const ZONE_INPUTS_CYPHER = `
CALL () { MATCH (r:Region) RETURN collect({id: r.id, name: r.name, zone: r.zone}) AS regions }
CALL () { MATCH (e:Entity)-[:LOCATED_IN]->(r:Region) RETURN collect({id: e.id, regionId: r.id}) AS locatedIn }
CALL () { MATCH (e:Entity) WHERE e.region IS NOT NULL RETURN collect({id: e.id, region: e.region}) AS regionNames }
RETURN regions, locatedIn, regionNames`;

const NAMES_CYPHER = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.name AS name, e.type AS type`;

type Heavy = Pick<StatsResponse, 'zoneFlows' | 'brokers'>;

interface CacheEntry {
  fingerprint: string;
  value: Heavy;
}

const cache = new WeakMap<Database, CacheEntry>();

async function computeHeavy(db: Database, top: number): Promise<Heavy> {
  const facts = (await readQuery(db, FACTS_CYPHER, { hierarchy: HIERARCHY })).map((record): FactRow => ({
    source: record.get('source'),
    target: record.get('target'),
    type: record.get('type'),
  }));
  const [inputs] = await readQuery(db, ZONE_INPUTS_CYPHER);
  const zones = entityZones({
    regions: inputs?.get('regions') ?? [],
    locatedIn: inputs?.get('locatedIn') ?? [],
    regionNames: inputs?.get('regionNames') ?? [],
  });
  // Sampled Brandes costs samples × (V + E): keep a large graph's first /api/stats call to seconds.
  const samples = Math.max(16, Math.min(200, Math.floor(20_000_000 / Math.max(1, facts.length * 2))));
  const ranked = topBrokers(facts, { top, exactLimit: 2000, samples });
  const names = await readQuery(db, NAMES_CYPHER, { ids: ranked.map((broker) => broker.id) });
  const info = new Map(names.map((record) => [record.get('id') as string, record]));
  return {
    zoneFlows: zoneFlows(facts, zones),
    brokers: ranked.map(({ id, betweenness }) => ({
      id,
      name: String(info.get(id)?.get('name') ?? id),
      type: String(info.get(id)?.get('type') ?? ''),
      betweenness,
    })),
  };
}

export async function getStats(db: Database, top = 20): Promise<StatsResponse> {
  const [counts] = await readQuery(db, COUNTS_CYPHER);
  const number = (key: string): number => Number(counts?.get(key) ?? 0);
  const fingerprint = `${number('allNodes')}|${number('allRelationships')}|${top}`;
  let entry = cache.get(db);
  if (!entry || entry.fingerprint !== fingerprint) {
    entry = { fingerprint, value: await computeHeavy(db, top) };
    cache.set(db, entry);
  }
  return {
    documents: number('label_Document'),
    labels: LABELS.map((label) => ({ label, count: number(`label_${label}`) })),
    relationshipTypes: REL_TYPES.map((type) => ({ type, count: number(`type_${type}`) })),
    ...entry.value,
  };
}
