// Legend: each node type's shape and colour, the zone colours of regions and the map, and each
// relationship type's colour (width grows with the amount).
import {
  ENTITY_TYPE_NAMES,
  ENTITY_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  ZONES,
  ZONE_NAMES,
} from '../../../contract/vocabulary.ts';
import { EDGE_COLORS, NODE_STYLES, ZONE_COLORS } from '../graph/style.ts';
import { el } from './dom.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Unit polygons (in a 16×16 box) approximating Cytoscape's shapes. */
const POLYGONS: Record<string, string> = {
  diamond: '8,1 15,8 8,15 1,8',
  'round-hexagon': '4,2 12,2 15,8 12,14 4,14 1,8',
  star: '8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6',
  'round-pentagon': '8,1 15,6.5 12.5,15 3.5,15 1,6.5',
  'round-tag': '1,3 11,3 15,8 11,13 1,13',
  'round-triangle': '8,2 15,14 1,14',
};

function swatch(shape: string, color: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 16 16');
  let s: SVGElement;
  if (POLYGONS[shape]) {
    s = document.createElementNS(SVG_NS, 'polygon');
    s.setAttribute('points', POLYGONS[shape]);
  } else if (shape === 'ellipse') {
    s = document.createElementNS(SVG_NS, 'circle');
    s.setAttribute('cx', '8');
    s.setAttribute('cy', '8');
    s.setAttribute('r', '7');
  } else {
    s = document.createElementNS(SVG_NS, 'rect');
    s.setAttribute('x', '1');
    s.setAttribute('y', '2');
    s.setAttribute('width', '14');
    s.setAttribute('height', '12');
    if (shape.startsWith('round')) s.setAttribute('rx', '3');
  }
  s.setAttribute('fill', color);
  svg.append(s);
  return svg;
}

export function mountLegend(panel: HTMLElement): void {
  const types = el('ul', { class: 'legend' });
  for (const t of ENTITY_TYPES) {
    const s = NODE_STYLES[t];
    types.append(
      el('li', {}, swatch(s.shape, s.color), ` ${ENTITY_TYPE_NAMES[t].zh} ${ENTITY_TYPE_NAMES[t].en}`),
    );
  }
  const zones = el('ul', { class: 'legend' });
  for (const z of ZONES)
    zones.append(
      el('li', {}, swatch('round-hexagon', ZONE_COLORS[z]), ` ${ZONE_NAMES[z].zh} ${ZONE_NAMES[z].en}`),
    );
  const rels = el('ul', { class: 'legend' });
  for (const r of RELATION_TYPES) {
    const line = el('span', { class: 'edge-swatch' });
    line.style.background = EDGE_COLORS[r];
    rels.append(el('li', {}, line, ` ${RELATION_TYPE_NAMES[r].zh} ${RELATION_TYPE_NAMES[r].en}`));
  }
  panel.append(
    el(
      'details',
      { open: '' },
      el('summary', {}, '显示 Show'),
      types,
      el('h3', {}, '地区按区域着色 Regions by zone'),
      zones,
      el('h3', {}, '关系 Relationships（线宽 ∝ 金额 width ∝ amount；虚线 = 行政隶属 dashed = hierarchy）'),
      rels,
    ),
  );
}
