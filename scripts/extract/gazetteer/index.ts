// Public interface of the region gazetteer (the only module other areas import): lookups by code
// and surface form, context resolution, hierarchy, abbreviation compounds and dictionary lines.
import { gazetteer } from './store.ts';

export type { RegionRecord, SurfaceKind, SurfaceMatch } from './types.ts';
export type { AbbreviationRole } from './abbreviations.ts';
export { regionsBySurface, resolveRegion, ancestorsOf, lookupSurface } from './resolve.ts';
export { splitAbbreviationCompound, splitCompoundInContext, abbreviationInWord } from './abbreviations.ts';
export { regionDictionaryLines } from './dictionary.ts';
import type { RegionRecord } from './types.ts';

export function allRegions(): readonly RegionRecord[] {
  return gazetteer().regions;
}

export function regionByCode(code: string): RegionRecord | null {
  return gazetteer().byCode.get(code) ?? null;
}

export function regionId(code: string): string {
  return `region:${code}`;
}

export interface RegionSurfaceOptions {
  /** Include one-character abbreviations (鲁, 甬 …), which name a region only inside compounds. */
  includeSingleCharacters?: boolean;
}

/** Every surface form (full, short, literary names); one-character forms only when asked for. */
export function* regionSurfaces(options: RegionSurfaceOptions = {}): Iterable<string> {
  for (const surface of gazetteer().bySurface.keys()) {
    if (options.includeSingleCharacters || [...surface].length >= 2) yield surface;
  }
}

/** Provenance note of regions.json (sources and generation date). */
export function gazetteerSource(): { source: string; generatedBy: string; generatedAt: string } {
  return gazetteer().header;
}
