// The loader's in-memory part of writing: merging one more source into an existing fact's provenance
// (the database part is covered by tests/integration/load-write.int.test.ts).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { FactRow } from '../../scripts/load/rows.ts';
import { withSource } from '../../scripts/load/write.ts';

const n = (values: unknown[]) => values.map((v) => neo4j.integer.toNumber(v as number));

function row(documentId: string, start: number, props: FactRow['props'] = {}): FactRow {
  return {
    id: 'fact:1',
    type: 'COOPERATION',
    source: 'a',
    target: 'b',
    documentId,
    evidence: `evidence of ${documentId}`,
    start,
    end: start < 0 ? -1 : start + 10,
    props,
  };
}

const existing = {
  id: 'fact:1',
  confidence: 0.6,
  rule: 'old',
  documentIds: ['doc-b', 'doc-d'],
  evidences: ['evidence of doc-b', 'evidence of doc-d'],
  starts: [neo4j.int(5), neo4j.int(7)],
  ends: [neo4j.int(15), neo4j.int(17)],
  documentId: 'doc-b',
  evidence: 'evidence of doc-b',
  start: neo4j.int(5),
  end: neo4j.int(15),
};

describe('withSource', () => {
  it('inserts the document at its sorted place in every provenance list', () => {
    const merged = withSource(existing, row('doc-c', 40, { confidence: 0.9, rule: 'new' }));
    expect(merged.documentIds).toEqual(['doc-b', 'doc-c', 'doc-d']);
    expect(merged.evidences).toEqual(['evidence of doc-b', 'evidence of doc-c', 'evidence of doc-d']);
    expect(n(merged.starts as unknown[])).toEqual([5, 40, 7]);
    expect(n(merged.ends as unknown[])).toEqual([15, 50, 17]);
    // Not the first source: the first source's values stay.
    expect(merged).toMatchObject({
      documentId: 'doc-b',
      evidence: 'evidence of doc-b',
      confidence: 0.6,
      rule: 'old',
    });
  });

  it('a new first source defines evidence, offsets and the other properties', () => {
    const merged = withSource(existing, row('doc-a', 3, { confidence: 0.9, rule: 'new', amount: null }));
    expect(merged.documentIds).toEqual(['doc-a', 'doc-b', 'doc-d']);
    expect(merged).toMatchObject({
      documentId: 'doc-a',
      evidence: 'evidence of doc-a',
      confidence: 0.9,
      rule: 'new',
    });
    expect(neo4j.integer.toNumber(merged.start as number)).toBe(3);
    expect(merged.amount).toBeNull();
  });

  it('an unknown offset of the first source is null, kept as -1 in the lists', () => {
    const merged = withSource(existing, row('doc-a', -1));
    expect(merged.start).toBeNull();
    expect(merged.end).toBeNull();
    expect(n(merged.starts as unknown[])[0]).toBe(-1);
  });

  it('a fact without provenance lists gets this document as its only source', () => {
    const merged = withSource({ id: 'fact:1' }, row('doc-x', 1));
    expect(merged.documentIds).toEqual(['doc-x']);
    expect(merged.evidence).toBe('evidence of doc-x');
  });
});
