// The map layout: a fixed projection of longitude/latitude into canvas coordinates, node positions
// from a region's coordinates (organizations near their region, with a small deterministic jitter),
// and the province outlines turned into SVG paths in the same coordinates.
import type { NodeData } from './to-elements.ts';

/** Canvas units per degree of latitude. */
export const MAP_SCALE = 60;
const LON0 = 104;
const LAT0 = 35;
// Equirectangular with the parallels' shrink at 35°N: China keeps a familiar shape.
const COS_LAT0 = Math.cos((LAT0 * Math.PI) / 180);

export interface Point {
  x: number;
  y: number;
}

export function project(lon: number, lat: number): Point {
  return { x: (lon - LON0) * MAP_SCALE * COS_LAT0, y: -(lat - LAT0) * MAP_SCALE };
}

/** A stable 32-bit hash of a string (FNV-1a), so the same id always gets the same jitter. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An offset within `radius` of the centre, the same for the same id on every run. */
export function jitter(id: string, radius: number): Point {
  const h = hashString(id);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const r = radius * (0.35 + 0.65 * ((h >>> 16) / 0x10000));
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/**
 * Positions for the map: regions at their coordinates, other nodes near their region's, and nodes
 * with no known place in a grid off the east coast, in the order given.
 */
export function mapPositions(nodes: NodeData[]): Map<string, Point> {
  const out = new Map<string, Point>();
  const unplaced: NodeData[] = [];
  for (const n of nodes) {
    if (n.lat === null || n.lon === null) {
      unplaced.push(n);
      continue;
    }
    const p = project(n.lon, n.lat);
    if (n.type === 'Region') {
      out.set(n.id, p);
    } else {
      const j = jitter(n.id, MAP_SCALE * 0.9);
      out.set(n.id, { x: p.x + j.x, y: p.y + j.y });
    }
  }
  const origin = project(128, 30);
  const cols = 6;
  const step = MAP_SCALE * 0.8;
  unplaced.forEach((n, i) => {
    out.set(n.id, { x: origin.x + (i % cols) * step, y: origin.y + Math.floor(i / cols) * step });
  });
  return out;
}

/** Mainland China and its islands, in map coordinates: the map layout always shows all of it. */
export function chinaBox(): { x1: number; y1: number; x2: number; y2: number } {
  const nw = project(73, 54);
  const se = project(135, 17);
  return { x1: nw.x, y1: nw.y, x2: se.x, y2: se.y };
}

type Ring = number[][];
interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface ProvinceFeature {
  properties: { code?: string; name?: string; zone?: string | null };
  geometry: Geometry | null;
}

function ringPath(ring: Ring): string {
  let d = '';
  ring.forEach((pt, i) => {
    const [lon, lat] = pt;
    if (typeof lon !== 'number' || typeof lat !== 'number') return;
    const p = project(lon, lat);
    d += `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
  });
  return d ? d + 'Z' : '';
}

/** SVG path data of a Polygon or MultiPolygon in map coordinates ('' for anything else). */
export function geometryPath(g: Geometry | null): string {
  if (!g) return '';
  if (g.type === 'Polygon') return (g.coordinates as Ring[]).map(ringPath).join('');
  if (g.type === 'MultiPolygon') {
    return (g.coordinates as Ring[][]).map((poly) => poly.map(ringPath).join('')).join('');
  }
  return '';
}
