// Types of the region gazetteer: the record every consumer sees and the kinds of surface forms.
import type { RegionLevel, Zone } from '../../../contract/vocabulary.ts';

export interface RegionRecord {
  /** 6-digit official code; the country is '100000'. */
  code: string;
  /** Official full name. */
  name: string;
  shortNames: string[];
  /** One-character abbreviations and literary names. */
  abbreviations: string[];
  level: RegionLevel;
  parentCode: string | null;
  provinceCode: string | null;
  zone: Zone | null;
  lat: number | null;
  lon: number | null;
  /** Pinyin (e.g. 'Ningxia Huizu Zizhiqu') or conventional English for provinces. */
  nameEn: string;
}

/** How a surface names a region: ranked full > short > literary > abbreviation when resolving. */
export type SurfaceKind = 'full' | 'short' | 'literary' | 'abbreviation';

export interface SurfaceMatch {
  region: RegionRecord;
  kind: SurfaceKind;
  /** Weak forms are common characters or words that name the region only with other evidence. */
  weak: boolean;
}
