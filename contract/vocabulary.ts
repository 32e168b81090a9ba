// The graph's vocabulary: entity labels, relationship types and zones, with Chinese and English names.
// Everything that puts a label or a type into Cypher must take it from these lists.
import { z } from 'zod';

export const ENTITY_TYPES = [
  'Region',
  'University',
  'ResearchInstitute',
  'Company',
  'Fund',
  'GovernmentAgency',
  'Platform',
  'Event',
  'Person',
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

/** Extraction may also say Other (not scored, not loaded as its own label). */
export const ExtractedEntityType = z.enum([...ENTITY_TYPES, 'Other']);
export type ExtractedEntityType = z.infer<typeof ExtractedEntityType>;

export const RELATION_TYPES = [
  'AGREEMENT',
  'INVESTMENT',
  'TECH_TRANSFER',
  'COOPERATION',
  'PAIRED_ASSISTANCE',
  'LOCATED_IN',
  'PART_OF',
  'ESTABLISHED',
  'MANAGES',
  'PARTICIPATED_IN',
  'AFFILIATED_WITH',
] as const;
export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const ExtractedRelationType = z.enum([...RELATION_TYPES, 'OTHER']);
export type ExtractedRelationType = z.infer<typeof ExtractedRelationType>;

/** Relations with no direction in the world; the graph stores them in a canonical order. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(['AGREEMENT', 'COOPERATION']);

/** The administrative hierarchy: hops of these types between regions are not "actors". */
export const HIERARCHY_RELATIONS: ReadonlySet<RelationType> = new Set(['PART_OF', 'LOCATED_IN']);

export const ZONES = ['East', 'Central', 'West', 'Northeast'] as const;
export const Zone = z.enum(ZONES);
export type Zone = z.infer<typeof Zone>;

export const REGION_LEVELS = ['country', 'province', 'prefecture', 'county'] as const;
export const RegionLevel = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevel>;

export const ENTITY_TYPE_NAMES: Record<EntityType, { zh: string; en: string }> = {
  Region: { zh: '地区', en: 'Region' },
  University: { zh: '高校', en: 'University' },
  ResearchInstitute: { zh: '科研院所', en: 'Research institute' },
  Company: { zh: '企业', en: 'Company' },
  Fund: { zh: '基金', en: 'Fund' },
  GovernmentAgency: { zh: '政府机构', en: 'Government agency' },
  Platform: { zh: '平台', en: 'Platform' },
  Event: { zh: '活动', en: 'Event' },
  Person: { zh: '人物', en: 'Person' },
};

export const RELATION_TYPE_NAMES: Record<RelationType, { zh: string; en: string }> = {
  AGREEMENT: { zh: '签约', en: 'Agreement' },
  INVESTMENT: { zh: '投资', en: 'Investment' },
  TECH_TRANSFER: { zh: '技术转移', en: 'Technology transfer' },
  COOPERATION: { zh: '合作', en: 'Cooperation' },
  PAIRED_ASSISTANCE: { zh: '对口协作', en: 'Paired assistance' },
  LOCATED_IN: { zh: '位于', en: 'Located in' },
  PART_OF: { zh: '隶属', en: 'Part of' },
  ESTABLISHED: { zh: '设立', en: 'Established' },
  MANAGES: { zh: '管理', en: 'Manages' },
  PARTICIPATED_IN: { zh: '参与', en: 'Participated in' },
  AFFILIATED_WITH: { zh: '任职', en: 'Affiliated with' },
};

export const ZONE_NAMES: Record<Zone, { zh: string; en: string }> = {
  East: { zh: '东部', en: 'East' },
  Central: { zh: '中部', en: 'Central' },
  West: { zh: '西部', en: 'West' },
  Northeast: { zh: '东北', en: 'Northeast' },
};

/** The id prefix of each entity type: ids look like `company:宁波某某有限公司`. */
export const ID_PREFIX: Record<EntityType | 'Other', string> = {
  Region: 'region',
  University: 'university',
  ResearchInstitute: 'institute',
  Company: 'company',
  Fund: 'fund',
  GovernmentAgency: 'agency',
  Platform: 'platform',
  Event: 'event',
  Person: 'person',
  Other: 'other',
};
