// The internal mention record shared by the entity finders, the resolver and the relation rules.
import type { ExtractedEntityType } from '../../../contract/vocabulary.ts';
import type { Token } from '../tokens.ts';

export interface Mention {
  /** Normalized offsets (document-wide). */
  start: number;
  end: number;
  surface: string;
  type: ExtractedEntityType;
  /** Proposed canonical name (expanded abbreviations); the resolver may replace it. */
  canonical: string;
  sentence: number;
  /** Region code for resolved regions. */
  regionCode?: string;
  /** A candidate kept only if it resolves to a fully named entity (产业母基金 → 某某产业母基金). */
  weak?: boolean;
  /** A collective party standing for a region (12家苏州企业, 甬企): relations attach to the region. */
  collective?: boolean;
  /** From an abbreviation compound (鲁甘): counts for relations, not as an alias. */
  fromCompound?: boolean;
  /** 我们, 我厅 in a speaker's answer: stands for the speaker's organization; counts for relations, not as an alias. */
  pronoun?: boolean;
  /** Persons: role words and the organization/region they act for. */
  role?: string;
  /** Dependent unit (X公司苏州研发中心): the parent organization's mention. */
  parent?: Mention;
  /** Region codes of places inside the name (宁夏 in 宁夏某某公司). */
  innerRegions?: string[];
  /** Not a party of relations: a region inside an agency name, or a province qualifying its city (云南保山). */
  nested?: boolean;
  /** Another surface of the same region written with its parent (宁波市奉化区). */
  longSurface?: string;
  /** Filled by the resolver. */
  entityId?: string;
}

export interface SentenceContext {
  index: number;
  /** Normalized offsets. */
  start: number;
  end: number;
  text: string;
  heading: boolean;
  tokens: Token[];
}
