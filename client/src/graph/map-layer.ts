// The offline map under the graph: province outlines (client/public/geo/china-provinces.json) drawn
// as SVG in map coordinates, shaded by zone, and moved with Cytoscape's pan and zoom.
import type { Zone } from '../../../contract/vocabulary.ts';
import { geometryPath } from './map-layout.ts';
import type { ProvinceFeature } from './map-layout.ts';
import { ZONE_MAP_FILLS } from './style.ts';

export interface MapLayer {
  show(on: boolean): void;
  follow(pan: { x: number; y: number }, zoom: number): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export const GEO_URL = '/geo/china-provinces.json';

export function createMapLayer(svg: SVGSVGElement): MapLayer {
  const g = document.createElementNS(SVG_NS, 'g');
  svg.appendChild(g);
  svg.style.display = 'none';
  let loaded: Promise<void> | null = null;

  function load(): Promise<void> {
    loaded ??= fetch(GEO_URL)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((geo: { features?: ProvinceFeature[] }) => {
        for (const f of geo.features ?? []) {
          const d = geometryPath(f.geometry);
          if (!d) continue;
          const path = document.createElementNS(SVG_NS, 'path');
          path.setAttribute('d', d);
          const zone = f.properties.zone as Zone | null | undefined;
          path.setAttribute('fill', zone && zone in ZONE_MAP_FILLS ? ZONE_MAP_FILLS[zone] : '#f1f3f5');
          path.setAttribute('stroke', '#adb5bd');
          path.setAttribute('stroke-width', '0.8');
          path.setAttribute('vector-effect', 'non-scaling-stroke');
          path.setAttribute('fill-rule', 'evenodd');
          const title = document.createElementNS(SVG_NS, 'title');
          title.textContent = f.properties.name ?? '';
          path.appendChild(title);
          g.appendChild(path);
        }
        svg.dataset['loaded'] = 'true';
      })
      .catch(() => {
        // Without outlines the map layout still places nodes; say so on the layer.
        svg.dataset['loaded'] = 'error';
      });
    return loaded;
  }

  return {
    show(on) {
      svg.style.display = on ? 'block' : 'none';
      if (on) void load();
    },
    follow(pan, zoom) {
      g.setAttribute('transform', `translate(${pan.x},${pan.y}) scale(${zoom})`);
    },
    destroy() {
      g.remove();
    },
  };
}
