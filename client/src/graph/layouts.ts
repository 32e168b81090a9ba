// Layout options per layout name. Chosen so a layout never holds the page for long:
// no animation, fcose at 'default' quality, and a cheap preset/grid above a size threshold.
import type { LayoutOptions } from 'cytoscape';
import type { LayoutName } from '../url-state.ts';
import type { Point } from './map-layout.ts';

export const LAYOUT_LABELS: Record<LayoutName, { zh: string; en: string }> = {
  fcose: { zh: '力导向', en: 'Force' },
  concentric: { zh: '同心圆', en: 'Concentric' },
  breadthfirst: { zh: '层次', en: 'Hierarchy' },
  map: { zh: '地图', en: 'Map' },
};

/** Above this many elements a force layout would take seconds: use a grid instead. */
export const FORCE_LAYOUT_MAX_ELEMENTS = 8000;
/** Up to this many elements fcose keeps labels apart as well as node shapes. */
const LABEL_AWARE_MAX_ELEMENTS = 400;

/** Above this many elements fcose runs its fast spectral 'draft' pass only, without force refinement. */
export const FORCE_DRAFT_ELEMENTS = 2000;

export interface LayoutRequest {
  name: LayoutName;
  elementCount: number;
  /** For the map: the position of every node. */
  positions?: Map<string, Point>;
  /** Incremental force layout: keep these nodes where they are. */
  fixed?: Array<{ nodeId: string; position: Point }>;
  /** Nodes to put at the root of the hierarchy (selection or seeds). */
  roots?: string[];
}

export function layoutOptions(req: LayoutRequest): LayoutOptions {
  const common = { animate: false, fit: true, padding: 40 };
  switch (req.name) {
    case 'map': {
      const positions = req.positions ?? new Map<string, Point>();
      return {
        name: 'preset',
        ...common,
        positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 },
      } as unknown as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 18,
        concentric: (node: { degree(b: boolean): number }) => node.degree(false),
        levelWidth: () => 2,
      } as unknown as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
        ...(req.roots && req.roots.length > 0
          ? { roots: req.roots.map((id) => `#${cssId(id)}`).join(',') }
          : {}),
      } as unknown as LayoutOptions;
    case 'fcose':
    default: {
      if (req.elementCount > FORCE_LAYOUT_MAX_ELEMENTS) return { name: 'grid', ...common } as LayoutOptions;
      const incremental = (req.fixed?.length ?? 0) > 0;
      return {
        name: 'fcose',
        ...common,
        // Incremental runs must start from the current positions, which fcose allows only at 'proof' quality.
        quality: incremental ? 'proof' : req.elementCount > FORCE_DRAFT_ELEMENTS ? 'draft' : 'default',
        randomize: !incremental,
        // Small views leave room for the labels; large ones skip it (measuring every label costs time), and so
        // do incremental runs, where fcose would shift the fixed nodes by their label's offset.
        nodeDimensionsIncludeLabels: !incremental && req.elementCount <= LABEL_AWARE_MAX_ELEMENTS,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 6500,
        numIter: req.elementCount > 2000 ? 1000 : 2500,
        ...(incremental ? { fixedNodeConstraint: req.fixed } : {}),
      } as unknown as LayoutOptions;
    }
  }
}

/** Escapes an id for a Cytoscape selector (ids hold colons and Chinese). */
export function cssId(id: string): string {
  return id.replace(/([^A-Za-z0-9_\-\u00a0-\uffff])/g, '\\$1');
}
