// Unit tests of the client's pure helpers: map projection and jitter, exports, Cypher console formatting.
import { describe, expect, it } from 'vitest';
import { geometryPath, jitter, mapPositions, project } from '../../client/src/graph/map-layout.ts';
import { toNodeData } from '../../client/src/graph/to-elements.ts';
import { layoutOptions } from '../../client/src/graph/layouts.ts';
import { csvCell, toCsv, toGraphml } from '../../client/src/panels/export-format.ts';
import { caretLines, errorPosition, formatCell, pushHistory } from '../../client/src/panels/cypher-format.ts';
import {
  DEFAULT_SETTINGS,
  SettingsError,
  resolveSettings,
  validateSettings,
} from '../../client/src/config.ts';

describe('map layout', () => {
  it('puts the east to the right and the north up', () => {
    const shanghai = project(121.47, 31.23);
    const urumqi = project(87.62, 43.83);
    expect(shanghai.x).toBeGreaterThan(urumqi.x);
    expect(urumqi.y).toBeLessThan(shanghai.y);
  });

  it('places organizations near their region, deterministically, and unplaced nodes apart', () => {
    const region = toNodeData({ id: 'r', labels: ['Region'], properties: { name: 'R', lat: 30, lon: 120 } });
    const org = { ...region, id: 'company:x', type: 'Company' as const };
    const lost = { ...region, id: 'company:y', type: 'Company' as const, lat: null, lon: null };
    const a = mapPositions([region, org, lost]);
    const b = mapPositions([region, org, lost]);
    expect(a).toEqual(b);
    const r = a.get('r')!;
    const o = a.get('company:x')!;
    const d = Math.hypot(o.x - r.x, o.y - r.y);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(60);
    expect(a.get('company:y')).toBeDefined();
    expect(jitter('same', 10)).toEqual(jitter('same', 10));
    expect(jitter('one', 10)).not.toEqual(jitter('two', 10));
  });

  it('turns polygons and multipolygons into path data', () => {
    const square = [
      [100, 30],
      [101, 30],
      [101, 31],
      [100, 30],
    ];
    expect(geometryPath({ type: 'Polygon', coordinates: [square] })).toMatch(
      /^M[-\d.]+,[-\d.]+(L[-\d.]+,[-\d.]+){3}Z$/,
    );
    expect(geometryPath({ type: 'MultiPolygon', coordinates: [[square], [square]] }).split('Z')).toHaveLength(
      3,
    );
    expect(geometryPath({ type: 'Point', coordinates: [1, 2] })).toBe('');
  });
});

describe('exports', () => {
  const g = {
    nodes: [
      {
        id: 'a&<b>',
        labels: ['Entity', 'Company'],
        properties: { name: '名"称', amount: 5, aliases: ['x', 'y'] },
      },
    ],
    edges: [
      {
        id: 'e1',
        type: 'INVESTMENT',
        source: 'a&<b>',
        target: 'a&<b>',
        properties: { amount: 10, evidence: '甲,乙' },
      },
    ],
  };

  it('escapes XML and types numeric keys in GraphML', () => {
    const xml = toGraphml(g);
    expect(xml).toContain('<node id="a&amp;&lt;b&gt;">');
    expect(xml).toContain('attr.name="amount" attr.type="double"');
    expect(xml).toContain('名&quot;称');
    expect(xml).not.toContain('<b>');
  });

  it('quotes CSV cells that need it and keeps one column per property', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const { nodes, edges } = toCsv(g);
    expect(nodes.split('\r\n')[0]).toBe('id,labels,aliases,amount,name');
    expect(edges).toContain('"甲,乙"');
  });
});

describe('cypher console helpers', () => {
  it('formats nodes, relationships and lists', () => {
    expect(formatCell({ id: 'n', labels: ['Region'], properties: { name: '宁夏' } })).toBe('(宁夏)');
    expect(formatCell({ id: 'r', type: 'PART_OF', source: 'a', target: 'b', properties: {} })).toBe(
      '[:PART_OF]',
    );
    expect(formatCell([1, 'a', null])).toBe('[1, a, ]');
  });

  it('finds an error position in details or in the message, and draws a caret', () => {
    expect(errorPosition({ position: { line: 2, column: 3, offset: 9 } })).toEqual({
      line: 2,
      column: 3,
      offset: 9,
    });
    expect(errorPosition(undefined, "Invalid input 'RETUR' (line 1, column 10 (offset: 9))")).toEqual({
      line: 1,
      column: 10,
      offset: 9,
    });
    expect(errorPosition({ other: 1 })).toBeNull();
    expect(caretLines('MATCH (n)\nRETUR n', { line: 2, column: 1 })).toEqual(['RETUR n', '^']);
  });

  it('keeps history newest first, unique and bounded', () => {
    expect(pushHistory(['b', 'a'], 'a', 3)).toEqual(['a', 'b']);
    expect(pushHistory(['c', 'b', 'a'], 'd', 3)).toEqual(['d', 'c', 'b']);
    expect(pushHistory(['a'], '   ', 3)).toEqual(['a']);
  });
});

describe('client settings', () => {
  it('takes valid overrides, names the setting in errors, and falls back to defaults', () => {
    expect(validateSettings({ maxElementsWarn: 10, webglForLarge: false })).toMatchObject({
      maxElementsWarn: 10,
      webglForLarge: false,
      expandLimit: DEFAULT_SETTINGS.expandLimit,
    });
    expect(() => validateSettings({ expandLimit: -1 })).toThrow(/expandLimit/);
    expect(() => validateSettings({ webglForLarge: 'yes' })).toThrow(SettingsError);
    expect(resolveSettings({ getItem: () => '{"expandLimit": "many"}' })).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ getItem: () => '{"expandLimit": 50}' }).expandLimit).toBe(50);
    expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('layout options', () => {
  const opt = (o: object) => o as Record<string, unknown>;

  it('keeps force layouts bounded: default quality, spectral draft above 2,000 elements, grid above 8,000', () => {
    expect(opt(layoutOptions({ name: 'fcose', elementCount: 100 }))).toMatchObject({
      name: 'fcose',
      quality: 'default',
      animate: false,
      randomize: true,
    });
    expect(opt(layoutOptions({ name: 'fcose', elementCount: 5000 }))).toMatchObject({
      name: 'fcose',
      quality: 'draft',
    });
    expect(opt(layoutOptions({ name: 'fcose', elementCount: 20000 }))).toMatchObject({ name: 'grid' });
  });

  it('runs incrementally with the placed nodes fixed when expanding', () => {
    const fixed = [{ nodeId: 'a', position: { x: 1, y: 2 } }];
    expect(opt(layoutOptions({ name: 'fcose', elementCount: 10, fixed }))).toMatchObject({
      randomize: false,
      quality: 'proof',
      fixedNodeConstraint: fixed,
    });
  });

  it('places the map from the given positions', () => {
    const positions = new Map([['a', { x: 5, y: 6 }]]);
    const o = opt(layoutOptions({ name: 'map', elementCount: 1, positions }));
    expect(o['name']).toBe('preset');
    const at = o['positions'] as (n: { id(): string }) => { x: number; y: number };
    expect(at({ id: () => 'a' })).toEqual({ x: 5, y: 6 });
  });
});
