// Unit tests of the client's pure conversion from the wire graph to Cytoscape elements.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../contract/graph.ts';
import {
  amountWidth,
  nodeKind,
  toEdgeData,
  toElements,
  toNodeData,
} from '../../client/src/graph/to-elements.ts';

const region: GraphNode = {
  id: 'region:640000',
  labels: ['Entity', 'Region'],
  properties: {
    name: '宁夏回族自治区',
    type: 'Region',
    zone: 'West',
    lat: 38.47,
    lon: 106.26,
    nameEn: 'Ningxia',
  },
};
const company: GraphNode = {
  id: 'company:宁夏隆基宁光仪表股份有限公司',
  labels: ['Entity', 'Company'],
  properties: { name: '宁夏隆基宁光仪表股份有限公司', type: 'Company', region: '宁夏回族自治区' },
};
const fact: GraphEdge = {
  id: 'fact:1',
  type: 'INVESTMENT',
  source: company.id,
  target: region.id,
  properties: { amount: 6_800_000, date: '2025-03-26', confidence: 0.8, hierarchy: false },
};

describe('toNodeData', () => {
  it('takes type, zone and coordinates from a region', () => {
    const d = toNodeData(region);
    expect(d).toMatchObject({ type: 'Region', zone: 'West', lat: 38.47, lon: 106.26, labelEn: 'Ningxia' });
  });

  it("gives an organization its region's zone and coordinates when the region is known", () => {
    const d = toNodeData(company, { regionByName: (n) => (n === '宁夏回族自治区' ? region : undefined) });
    expect(d).toMatchObject({ type: 'Company', zone: 'West', lat: 38.47, lon: 106.26 });
    expect(d.labelEn).toBe(d.labelZh);
  });

  it('leaves zone and place empty when the region is unknown', () => {
    expect(toNodeData(company)).toMatchObject({ zone: null, lat: null, lon: null, region: '宁夏回族自治区' });
  });

  it('falls back from the type property to labels, Document and Other', () => {
    expect(nodeKind({ id: 'a', labels: ['Entity', 'University'], properties: {} })).toBe('University');
    expect(nodeKind({ id: 'b', labels: ['Document'], properties: { title: 't' } })).toBe('Document');
    expect(nodeKind({ id: 'c', labels: ['Entity'], properties: { type: 'Other' } })).toBe('Other');
    expect(nodeKind({ id: 'd', labels: ['Entity'], properties: { type: 'Bogus' } })).toBe('Other');
  });

  it('keeps a hostile name as plain data (rendering decides how to show it)', () => {
    const d = toNodeData({
      id: 'x',
      labels: ['Company'],
      properties: { name: '<img src=x onerror=alert(1)>' },
    });
    expect(d.labelZh).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('toEdgeData', () => {
  it('derives year, width and flags without changing the source edge', () => {
    const before = JSON.stringify(fact);
    const d = toEdgeData(fact);
    expect(d).toMatchObject({
      kind: 'INVESTMENT',
      year: 2025,
      confidence: 0.8,
      symmetric: false,
      hierarchy: false,
    });
    expect(d.width).toBeGreaterThan(amountWidth(null));
    expect(JSON.stringify(fact)).toBe(before);
  });

  it('marks symmetric relations and unknown types', () => {
    expect(toEdgeData({ ...fact, type: 'COOPERATION' }).symmetric).toBe(true);
    expect(toEdgeData({ ...fact, type: 'MENTIONS' }).kind).toBe('OTHER');
  });

  it('grows width monotonically with the amount, within bounds', () => {
    const widths = [1e4, 1e6, 1e8, 1e10, 1e14].map(amountWidth);
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThanOrEqual(widths[i - 1]!);
    expect(Math.max(...widths)).toBeLessThanOrEqual(9);
    expect(amountWidth(0)).toBe(1.5);
  });
});

describe('toElements', () => {
  it('drops edges whose ends are not both present', () => {
    const els = toElements({ nodes: [company], edges: [fact] });
    expect(els.map((e) => e.group)).toEqual(['nodes']);
    expect(
      toElements({ nodes: [company, region], edges: [fact] }).filter((e) => e.group === 'edges'),
    ).toHaveLength(1);
  });
});
