// Builds client/public/geo/china-provinces.json: province outlines decoded from Apache ECharts
// 4.9.0 map/json/china.json (its compact string encoding) into plain GeoJSON with {code, name, zone}.
// Run: npx tsx scripts/geo/build-china-outline.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { regionByCode } from '../extract/gazetteer/index.ts';

type Position = [number, number];
type Ring = Position[];

/**
 * ECharts stores each ring as a string of character pairs: every char code minus 64 is a
 * zigzag-encoded integer delta from the previous point (the first from the ring's offset);
 * integers are degrees times the scale (1024 by default).
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Ring {
  const ring: Ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    x += unzigzag(encoded.charCodeAt(i) - 64);
    y += unzigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/** Perpendicular distance of p from the segment a–b (in degrees; fine for simplification). */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker with an explicit stack (rings have thousands of points). */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4 || tolerance <= 0) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(ring[i] as Position, ring[from] as Position, ring[to] as Position);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

/** Rounds to 3 decimals, drops repeated points and closes the ring as GeoJSON requires. */
export function finishRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

const Offset = z.tuple([z.number(), z.number()]);
const EncodedGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.string()), encodeOffsets: z.array(Offset) }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(z.string())),
    encodeOffsets: z.array(z.array(Offset)),
  }),
]);
const EncodedMap = z.object({
  UTF8Encoding: z.boolean().optional(),
  UTF8Scale: z.number().optional(),
  features: z.array(
    z.object({ properties: z.object({ id: z.string(), name: z.string() }), geometry: EncodedGeometry }),
  ),
});

export interface ProvinceFeature {
  type: 'Feature';
  properties: { code: string; name: string; zone: string | null };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Decodes every province into a MultiPolygon; rings that collapse below 4 points are dropped. */
export function decodeChinaMap(raw: unknown, tolerance: number): ProvinceFeature[] {
  const map = EncodedMap.parse(raw);
  const scale = map.UTF8Scale ?? 1024;
  const ring = (s: string, o: readonly [number, number]) =>
    finishRing(simplifyRing(decodeRing(s, o, scale), tolerance));
  return map.features.map((f) => {
    const g = f.geometry;
    const polygons: Ring[][] =
      g.type === 'Polygon'
        ? [g.coordinates.map((s, i) => ring(s, g.encodeOffsets[i] ?? [0, 0]))]
        : g.coordinates.map((poly, i) => poly.map((s, j) => ring(s, g.encodeOffsets[i]?.[j] ?? [0, 0])));
    const coordinates = polygons
      .map((poly) => poly.filter((r) => r.length >= 4))
      .filter((poly) => poly.length > 0 && (poly[0]?.length ?? 0) >= 4);
    const region = regionByCode(f.properties.id);
    return {
      type: 'Feature' as const,
      properties: {
        code: f.properties.id,
        name: region?.name ?? f.properties.name,
        zone: region?.zone ?? null,
      },
      geometry: { type: 'MultiPolygon' as const, coordinates },
    };
  });
}

export const ATTRIBUTION = 'Province outlines derived from Apache ECharts 4.9.0 map data, Apache-2.0';
const MAX_BYTES = 400_000;

export function buildOutline(raw: unknown): string {
  // Start lossless and simplify more until the file fits the size budget.
  for (const tolerance of [0, 0.005, 0.01, 0.02, 0.04]) {
    const features = decodeChinaMap(raw, tolerance).sort((a, b) =>
      a.properties.code.localeCompare(b.properties.code),
    );
    const text = JSON.stringify({ type: 'FeatureCollection', attribution: ATTRIBUTION, tolerance, features });
    if (text.length <= MAX_BYTES) return `${text}\n`;
  }
  throw new Error('build-china-outline: outline stays above the size budget');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const raw: unknown = JSON.parse(readFileSync(require.resolve('echarts/map/json/china.json'), 'utf8'));
  const out = fileURLToPath(new URL('../../client/public/geo/china-provinces.json', import.meta.url));
  const text = buildOutline(raw);
  writeFileSync(out, text);
  console.log(`china-provinces.json: ${(text.length / 1024).toFixed(0)} KB`);
}
