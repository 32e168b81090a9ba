// toNative: driver values become plain JSON (numbers, ISO strings, the graph wire format).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { recordToNative, toNative } from '../../server/db/to-native.ts';

const { Node, Relationship, Path, PathSegment, Date: Neo4jDate, DateTime, Duration, Point } = neo4j.types;

const xian = new Node(
  neo4j.int(1),
  ['Entity', 'Region'],
  { id: 'region:610100', name: '西安市', lat: 34.3 },
  'e:1',
);
const foshan = new Node(neo4j.int(2), ['Entity', 'Region'], { id: 'region:440600', name: '佛山市' }, 'e:2');
const anon = new Node(neo4j.int(3), ['Document'], { title: '无编号' }, 'e:3');
const coop = new Relationship(
  neo4j.int(10),
  neo4j.int(1),
  neo4j.int(2),
  'COOPERATION',
  { id: 'fact:abc', amount: neo4j.int(5), starts: [neo4j.int(3), neo4j.int(9)] },
  'r:10',
  'e:1',
  'e:2',
);

describe('toNative', () => {
  it('turns Integers into numbers, and ones beyond 2^53 into strings', () => {
    expect(toNative(neo4j.int(42))).toBe(42);
    expect(toNative(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toNative({ a: [neo4j.int(1), neo4j.int(-2)] })).toEqual({ a: [1, -2] });
  });

  it('turns temporals into ISO strings and points into plain objects', () => {
    expect(toNative(new Neo4jDate(2024, 5, 1))).toBe('2024-05-01');
    expect(toNative(new DateTime(2024, 5, 1, 8, 30, 0, 0, 0))).toBe('2024-05-01T08:30:00Z');
    expect(toNative(new Duration(0, 3, 90, 0))).toBe('P3DT1M30S');
    expect(toNative(new Point(neo4j.int(4326), 108.9, 34.3))).toEqual({ srid: 4326, x: 108.9, y: 34.3 });
  });

  it('passes null, strings, booleans and floats through', () => {
    expect(toNative(null)).toBeNull();
    expect(toNative(undefined)).toBeNull();
    expect(toNative({ s: '东西', b: true, f: 1.5 })).toEqual({ s: '东西', b: true, f: 1.5 });
  });

  it('gives nodes their id property, or the element id when they have none', () => {
    expect(toNative(xian)).toEqual({
      id: 'region:610100',
      labels: ['Entity', 'Region'],
      properties: { id: 'region:610100', name: '西安市', lat: 34.3 },
    });
    expect(toNative(anon)).toMatchObject({ id: 'e:3', labels: ['Document'] });
  });

  it('gives relationship ends as the id properties of endpoint nodes in the same value', () => {
    expect(toNative({ a: xian, r: coop, b: foshan })).toEqual({
      a: expect.objectContaining({ id: 'region:610100' }),
      b: expect.objectContaining({ id: 'region:440600' }),
      r: {
        id: 'fact:abc',
        type: 'COOPERATION',
        source: 'region:610100',
        target: 'region:440600',
        properties: { id: 'fact:abc', amount: 5, starts: [3, 9] },
      },
    });
  });

  it('falls back to element ids for ends that are not known', () => {
    expect(toNative(coop)).toMatchObject({ source: 'e:1', target: 'e:2' });
    expect(toNative(coop, [xian])).toMatchObject({ source: 'region:610100', target: 'e:2' });
  });

  it('turns a path into nodes and edges of the wire format', () => {
    const path = new Path(xian, foshan, [new PathSegment(xian, coop, foshan)]);
    const native = toNative(path) as { nodes: Array<{ id: string }>; edges: Array<{ source: string }> };
    expect(native.nodes.map((n) => n.id)).toEqual(['region:610100', 'region:440600']);
    expect(native.edges).toEqual([
      expect.objectContaining({ id: 'fact:abc', source: 'region:610100', target: 'region:440600' }),
    ]);
  });

  it('converts a record, resolving ends across its fields', () => {
    const record = new neo4j.Record(['n', 'r', 'm'], [xian, coop, foshan]);
    const native = recordToNative(record);
    expect(native.r).toMatchObject({ source: 'region:610100', target: 'region:440600' });
    expect(JSON.parse(JSON.stringify(native))).toEqual(native);
  });
});
