// Loads regions.json once (lazily, on first use) and builds the lookup maps: by code, by surface
// form and by parent. Every query afterwards is a map lookup.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RegionLevel, Zone } from '../../../contract/vocabulary.ts';
import { ABBREVIATIONS } from './abbreviation-table.ts';
import { GENERIC_FULL_NAMES } from './short-names.ts';
import type { RegionRecord, SurfaceMatch } from './types.ts';

const RegionRecordSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  shortNames: z.array(z.string()),
  abbreviations: z.array(z.string()),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  zone: Zone.nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  nameEn: z.string(),
});
const RegionsFile = z.object({
  header: z.object({ source: z.string(), generatedBy: z.string(), generatedAt: z.string() }),
  regions: z.array(RegionRecordSchema),
});

export interface GazetteerStore {
  regions: readonly RegionRecord[];
  byCode: ReadonlyMap<string, RegionRecord>;
  bySurface: ReadonlyMap<string, readonly SurfaceMatch[]>;
  header: z.infer<typeof RegionsFile>['header'];
}

const REGIONS_URL = new URL('../data/regions.json', import.meta.url);

function addSurface(map: Map<string, SurfaceMatch[]>, surface: string, match: SurfaceMatch): void {
  const list = map.get(surface);
  if (!list) map.set(surface, [match]);
  else if (!list.some((m) => m.region === match.region && m.kind === match.kind)) list.push(match);
}

function buildStore(): GazetteerStore {
  const file = RegionsFile.parse(JSON.parse(readFileSync(REGIONS_URL, 'utf8')));
  const regions = file.regions.map((r) => Object.freeze(r) as RegionRecord);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const bySurface = new Map<string, SurfaceMatch[]>();
  for (const region of regions) {
    if (GENERIC_FULL_NAMES.has(region.name)) continue;
    addSurface(bySurface, region.name, { region, kind: 'full', weak: false });
  }
  for (const region of regions) {
    for (const s of region.shortNames) addSurface(bySurface, s, { region, kind: 'short', weak: false });
  }
  for (const a of ABBREVIATIONS) {
    const region = byCode.get(a.code);
    if (!region) continue;
    const kind = a.kind === 'literary' ? 'literary' : 'abbreviation';
    addSurface(bySurface, a.surface, { region, kind, weak: a.strength === 'weak' });
  }
  return { regions, byCode, bySurface, header: file.header };
}

let store: GazetteerStore | undefined;

/** The loaded gazetteer; built on first call. */
export function gazetteer(): GazetteerStore {
  store ??= buildStore();
  return store;
}
