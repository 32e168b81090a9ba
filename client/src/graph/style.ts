// Visual encoding, as data: a shape and colour per node type, a colour per relationship type,
// zone colours for regions, and the Cytoscape stylesheet built from them (label language switchable).
import type { StylesheetJson } from 'cytoscape';
import { RELATION_TYPES } from '../../../contract/vocabulary.ts';
import type { RelationType, Zone } from '../../../contract/vocabulary.ts';
import type { NodeKind } from './to-elements.ts';

export interface NodeStyle {
  shape: string;
  color: string;
  size: number;
}

export const NODE_STYLES: Record<NodeKind, NodeStyle> = {
  Region: { shape: 'round-hexagon', color: '#94a3b8', size: 34 },
  University: { shape: 'round-rectangle', color: '#7c5cc4', size: 28 },
  ResearchInstitute: { shape: 'diamond', color: '#2f9e44', size: 30 },
  Company: { shape: 'ellipse', color: '#e8590c', size: 26 },
  Fund: { shape: 'star', color: '#d4a017', size: 30 },
  GovernmentAgency: { shape: 'rectangle', color: '#495057', size: 26 },
  Platform: { shape: 'round-pentagon', color: '#1098ad', size: 28 },
  Event: { shape: 'round-tag', color: '#d6336c', size: 26 },
  Person: { shape: 'round-triangle', color: '#8d6e63', size: 24 },
  Document: { shape: 'round-rectangle', color: '#ced4da', size: 22 },
  Other: { shape: 'ellipse', color: '#adb5bd', size: 22 },
};

/** Fill of region nodes and of the map's provinces. */
export const ZONE_COLORS: Record<Zone, string> = {
  East: '#3b82f6',
  Central: '#eab308',
  West: '#ef4444',
  Northeast: '#14b8a6',
};

/** Lighter fills for the map background. */
export const ZONE_MAP_FILLS: Record<Zone, string> = {
  East: '#dbeafe',
  Central: '#fef9c3',
  West: '#fee2e2',
  Northeast: '#ccfbf1',
};

export const EDGE_COLORS: Record<RelationType, string> = {
  AGREEMENT: '#1c7ed6',
  INVESTMENT: '#2b8a3e',
  TECH_TRANSFER: '#c92a2a',
  COOPERATION: '#7048e8',
  PAIRED_ASSISTANCE: '#f76707',
  LOCATED_IN: '#ced4da',
  PART_OF: '#dee2e6',
  ESTABLISHED: '#8d6e63',
  MANAGES: '#868e96',
  PARTICIPATED_IN: '#e64980',
  AFFILIATED_WITH: '#a9a21a',
};

export const CJK_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif';

export interface StyleOptions {
  /**
   * Large views: straight "haystack" edges without arrows, labels only when zoomed in, no label
   * backgrounds; what keeps thousands of elements cheap to draw.
   */
  large?: boolean;
}

export function buildStyle(lang: 'zh' | 'en', opts: StyleOptions = {}): StylesheetJson {
  const label = lang === 'en' ? 'data(labelEn)' : 'data(labelZh)';
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label,
        'font-family': CJK_FONT,
        'font-size': 11,
        color: '#212529',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        // Long organization names wrap onto a few short lines rather than running into the next label;
        // Chinese has no spaces, so a line may break between any two characters.
        'text-wrap': 'wrap',
        'text-overflow-wrap': 'anywhere',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
  ];
  for (const [kind, s] of Object.entries(NODE_STYLES)) {
    sheet.push({
      selector: `node[type = "${kind}"]`,
      style: { shape: s.shape as never, 'background-color': s.color, width: s.size, height: s.size },
    });
  }
  for (const [zone, color] of Object.entries(ZONE_COLORS)) {
    sheet.push({ selector: `node[type = "Region"][zone = "${zone}"]`, style: { 'background-color': color } });
  }
  sheet.push(
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': '#adb5bd',
        'target-arrow-color': '#adb5bd',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.85,
        'font-family': CJK_FONT,
        'font-size': 9,
      },
    },
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge[?hierarchy]', style: { 'line-style': 'dashed', opacity: 0.6 } },
  );
  for (const t of RELATION_TYPES) {
    sheet.push({
      selector: `edge[kind = "${t}"]`,
      style: { 'line-color': EDGE_COLORS[t], 'target-arrow-color': EDGE_COLORS[t] },
    });
  }
  sheet.push(
    {
      selector: 'edge:selected, edge.hover',
      style: {
        label: 'data(label)',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        color: '#343a40',
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node:selected',
      style: { 'border-color': '#111827', 'border-width': 3, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#111827', 'target-arrow-color': '#111827', opacity: 1 },
    },
    {
      selector: '.path-hl',
      style: { 'border-color': '#facc15', 'border-width': 4, 'z-index': 10, opacity: 1 },
    },
    {
      selector: 'edge.path-hl',
      style: { 'line-color': '#f59f00', 'target-arrow-color': '#f59f00', width: 5, opacity: 1 },
    },
    {
      selector: '.expanded',
      style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#343a40' },
    },
  );
  // On the map the whole country is in view (zoom ≈ 0.3): draw nodes, labels and edges larger.
  for (const [kind, st] of Object.entries(NODE_STYLES)) {
    sheet.push({
      selector: `node.on-map[type = "${kind}"]`,
      style: { width: st.size * 2.4, height: st.size * 2.4 },
    });
  }
  sheet.push(
    { selector: 'node.on-map', style: { 'font-size': 30, 'text-max-width': '420px', 'border-width': 3 } },
    { selector: 'edge.on-map', style: { width: 5, 'arrow-scale': 2.2 } },
    { selector: 'node.on-map.path-hl', style: { 'border-width': 10 } },
    { selector: 'edge.on-map.path-hl', style: { width: 14 } },
  );
  if (opts.large) {
    sheet.push(
      {
        selector: 'node',
        // One cut line per label: wrapping measures every character, too slow for thousands of labels.
        style: {
          'text-background-opacity': 0,
          'min-zoomed-font-size': 12,
          'border-width': 0,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
        },
      },
      {
        selector: 'edge',
        style: {
          'curve-style': 'haystack',
          'haystack-radius': 0,
          'target-arrow-shape': 'none',
          opacity: 0.6,
        },
      },
    );
  }
  return sheet;
}
