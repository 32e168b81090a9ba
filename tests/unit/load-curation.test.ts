// The curation file: validation with line numbers, and each operation (merge, rename, drop, add).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCuration, CurationError, parseCuration } from '../../scripts/load/curation.ts';
import { factId } from '../../scripts/load/ids.ts';
import { toDocumentRows } from '../../scripts/load/rows.ts';
import { fixture, testGazetteer } from './load-helpers.ts';

const curation = (yaml: string) => parseCuration(yaml, 'test.yaml');

describe('parseCuration', () => {
  it('accepts the shipped file (comments only) as empty', () => {
    const text = readFileSync(new URL('../../seeds/curation.yaml', import.meta.url), 'utf8');
    expect(parseCuration(text)).toEqual({ merge: [], rename: [], drop: [], add: [] });
  });

  it('names the file, line and entry of a wrong value', () => {
    const yaml =
      'merge:\n  - into: a\n    from: [b]\nadd:\n  - source: a\n    target: b\n    type: LIKES\n    evidence: x\n';
    expect(() => curation(yaml)).toThrow(CurationError);
    expect(() => curation(yaml)).toThrow(/^test\.yaml:7: add\[0\]\.type/);
  });

  it('rejects unknown keys and YAML syntax errors', () => {
    expect(() => curation('rename:\n  - id: a\n    nam: b\n')).toThrow(CurationError);
    expect(() => curation('merge: [\n')).toThrow(/^test\.yaml:\d+:/);
  });
});

describe('applyCuration', () => {
  const { source, extraction } = fixture('a');

  it('merges entities into an existing one, moving facts and aliases', () => {
    const out = applyCuration(
      extraction,
      curation('merge:\n  - into: 甲乙科技有限公司\n    from: [丙丁大学]\n'),
    );
    const ids = out.entities.map((e) => e.id);
    expect(ids).not.toContain('university:丙丁大学');
    const company = out.entities.find((e) => e.id === 'company:甲乙科技有限公司')!;
    expect(company.aliases).toContain('丙丁大学');
    expect(company.mentions).toHaveLength(3);
    // The agreement now joins the company to itself and is skipped when rows are built.
    const rows = toDocumentRows(source, out, testGazetteer, []);
    expect(rows.facts.some((f) => f.type === 'AGREEMENT')).toBe(false);
  });

  it('merges into a new id, renaming the first part', () => {
    const out = applyCuration(
      extraction,
      curation('merge:\n  - into: university:丙丁理工大学\n    from: [丙丁大学]\n'),
    );
    const merged = out.entities.find((e) => e.id === 'university:丙丁理工大学')!;
    expect(merged).toMatchObject({ name: '丙丁理工大学', type: 'University', aliases: ['丙丁大学'] });
    expect(out.relations[0]!.source).toBe('university:丙丁理工大学');
  });

  it('renames keeping the id and the old name as an alias', () => {
    const out = applyCuration(
      extraction,
      curation('rename:\n  - id: university:丙丁大学\n    name: 丙丁理工大学\n    aliases: [丙丁理工]\n'),
    );
    const e = out.entities.find((x) => x.id === 'university:丙丁大学')!;
    expect(e.name).toBe('丙丁理工大学');
    expect(e.aliases.sort()).toEqual(['丙丁大学', '丙丁理工']);
  });

  it('drops a fact by id and by ends and type (either direction when symmetric)', () => {
    const id = factId({
      type: 'AGREEMENT',
      source: 'company:甲乙科技有限公司',
      target: 'university:丙丁大学',
    });
    const byId = applyCuration(extraction, curation(`drop:\n  - fact: ${id}\n`));
    expect(byId.relations.map((r) => r.type)).toEqual(['ESTABLISHED', 'LOCATED_IN']);
    const byEnds = applyCuration(
      extraction,
      curation('drop:\n  - {source: 甲乙科技, target: 丙丁大学, type: AGREEMENT}\n'),
    );
    expect(byEnds.relations.map((r) => r.type)).toEqual(['ESTABLISHED', 'LOCATED_IN']);
    const other = applyCuration(
      extraction,
      curation('drop:\n  - {source: 甲乙科技, target: 丙丁大学, type: INVESTMENT}\n'),
    );
    expect(other.relations).toHaveLength(3);
  });

  it('adds a fact to the named document only, with date and amount', () => {
    const yaml =
      'add:\n  - {source: 丙丁大学, target: 甲乙科技, type: TECH_TRANSFER, evidence: 转让专利。, documentId: doc-a, date: 2024-05, amount: 6800000}\n';
    const out = applyCuration(extraction, curation(yaml));
    expect(out.relations.at(-1)).toMatchObject({
      source: 'university:丙丁大学',
      target: 'company:甲乙科技有限公司',
      type: 'TECH_TRANSFER',
      rule: 'curation',
      date: { value: '2024-05' },
      amount: { value: 6800000, currency: 'CNY' },
    });
    const b = fixture('b').extraction;
    expect(applyCuration(b, curation(yaml)).relations).toHaveLength(b.relations.length);
  });

  it('adds a fact without documentId wherever both ends are present', () => {
    const yaml = 'add:\n  - {source: 丙丁大学, target: 银川市, type: COOPERATION, evidence: 合作。}\n';
    expect(applyCuration(extraction, curation(yaml)).relations).toHaveLength(3);
    const b = fixture('b').extraction;
    expect(applyCuration(b, curation(yaml)).relations).toHaveLength(b.relations.length + 1);
  });
});
