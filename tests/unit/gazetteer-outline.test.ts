// China outline: the ECharts ring decoder, simplification, and the committed GeoJSON file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION,
  buildOutline,
  decodeRing,
  finishRing,
  simplifyRing,
} from '../../scripts/geo/build-china-outline.ts';

/** Test-side encoder of the ECharts format: zigzag deltas, each plus 64, as characters. */
function encodeRing(points: Array<[number, number]>, offset: [number, number]): string {
  const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);
  let [px, py] = offset;
  let out = '';
  for (const [x, y] of points) {
    out += String.fromCharCode(zigzag(x - px) + 64, zigzag(y - py) + 64);
    [px, py] = [x, y];
  }
  return out;
}

describe('decodeRing', () => {
  it('inverts the zigzag delta encoding, starting from the offset', () => {
    const ints: Array<[number, number]> = [
      [105000, 30000],
      [105010, 29990],
      [104990, 30020],
      [105000, 30000],
    ];
    const ring = decodeRing(encodeRing(ints, [105000, 30000]), [105000, 30000], 1024);
    expect(ring).toEqual(ints.map(([x, y]) => [x / 1024, y / 1024]));
  });
});

describe('ring helpers', () => {
  it('simplifies collinear points away and keeps corners', () => {
    const line: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
      [0, 0],
    ];
    expect(simplifyRing(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 0],
    ]);
  });

  it('rounds to 3 decimals, drops repeats and closes the ring', () => {
    expect(
      finishRing([
        [1.00001, 2.00004],
        [1.0, 2.0],
        [3.12345, 4.5],
        [5, 6],
      ]),
    ).toEqual([
      [1, 2],
      [3.123, 4.5],
      [5, 6],
      [1, 2],
    ]);
  });
});

describe('client/public/geo/china-provinces.json', () => {
  const text = readFileSync(new URL('../../client/public/geo/china-provinces.json', import.meta.url), 'utf8');
  const geo = JSON.parse(text) as {
    attribution: string;
    features: Array<{
      properties: { code: string; name: string; zone: string | null };
      geometry: { coordinates: number[][][][] };
    }>;
  };

  it('is what the build script produces from the ECharts data, under 400 KB, with attribution', () => {
    const require = createRequire(import.meta.url);
    const raw: unknown = JSON.parse(readFileSync(require.resolve('echarts/map/json/china.json'), 'utf8'));
    expect(buildOutline(raw)).toBe(text);
    expect(text.length).toBeLessThan(400_000);
    expect(geo.attribution).toBe(ATTRIBUTION);
  });

  it('has 34 provincial units with official names and zones, closed rings inside China', () => {
    expect(geo.features).toHaveLength(34);
    const ningxia = geo.features.find((f) => f.properties.code === '640000');
    expect(ningxia?.properties).toEqual({ code: '640000', name: '宁夏回族自治区', zone: 'West' });
    for (const f of geo.features) {
      expect(f.geometry.coordinates.length, f.properties.name).toBeGreaterThan(0);
      for (const ring of f.geometry.coordinates.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lon, lat] of ring) expect(lon! > 73 && lon! < 136 && lat! > 3 && lat! < 54).toBe(true);
      }
    }
  });
});
