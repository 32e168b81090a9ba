// The rows the loader writes for one document: entity labels and aliases, mentions, region hierarchy,
// fact ids, orientation, provenance fields and what is skipped.
import { describe, expect, it } from 'vitest';
import { factId } from '../../scripts/load/ids.ts';
import { InvalidExtractionError, toDocumentRows } from '../../scripts/load/rows.ts';
import { fixture, testGazetteer } from './load-helpers.ts';

const sentences = [{ start: 0, end: 20 }];

describe('toDocumentRows', () => {
  const { source, extraction } = fixture('a');
  const rows = toDocumentRows(source, extraction, testGazetteer, sentences);

  it('writes the document with text, checksum and sentence offsets', () => {
    expect(rows.document.id).toBe('doc-a');
    expect(rows.document.props).toMatchObject({
      title: '文档甲',
      sha256: source.sha256,
      chars: source.text.length,
    });
    expect(rows.document.props.sentenceStarts).toEqual([0]);
    expect(rows.document.props.sentenceEnds).toEqual([20]);
  });

  it('adds the ancestors of mentioned regions and the hierarchy up to the country', () => {
    const ids = rows.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['region:330100', 'region:330000', 'region:100000']));
    expect(rows.hierarchy).toEqual([
      { id: 'hierarchy:330000', child: 'region:330000', parent: 'region:100000' },
      { id: 'hierarchy:330100', child: 'region:330100', parent: 'region:330000' },
    ]);
    const province = rows.entities.find((e) => e.id === 'region:330000')!;
    expect(province.props).toMatchObject({ name: '浙江省', code: '330000', level: 'province' });
    expect(province.aliases).toEqual(['浙江']);
    expect(province.pinyin).toEqual(expect.arrayContaining(['zhejiangsheng', 'zhejiang', 'zj']));
  });

  it('mentions every extracted entity with its count, but not added ancestors', () => {
    expect(rows.mentions).toEqual([
      { id: 'company:甲乙科技有限公司', count: 2, aliases: ['甲乙科技'] },
      { id: 'platform:甲乙科技有限公司杭州研发中心', count: 1, aliases: ['研发中心'] },
      { id: 'region:330100', count: 1, aliases: ['杭州'] },
      { id: 'university:丙丁大学', count: 1, aliases: [] },
    ]);
  });

  it('keeps aliases sorted without the name and leaves unknown values out', () => {
    const company = rows.entities.find((e) => e.id === 'company:甲乙科技有限公司')!;
    expect(company.type).toBe('Company');
    expect(company.aliases).toEqual(['甲乙科技']);
    expect(company.props).toEqual({ name: '甲乙科技有限公司', type: 'Company', region: '浙江省' });
  });

  it('orients symmetric facts and keys them by a stable id', () => {
    const agreement = rows.facts.find((f) => f.type === 'AGREEMENT')!;
    expect(agreement.source).toBe('company:甲乙科技有限公司');
    expect(agreement.target).toBe('university:丙丁大学');
    expect(agreement.id).toBe(
      factId({ type: 'AGREEMENT', source: 'university:丙丁大学', target: 'company:甲乙科技有限公司' }),
    );
    expect(agreement.props).toMatchObject({
      confidence: 0.9,
      rule: 'sign',
      planned: false,
      hierarchy: false,
      amount: null,
    });
  });

  it('resolves ends given by name and finds missing offsets from the evidence', () => {
    const located = rows.facts.find((f) => f.type === 'LOCATED_IN')!;
    expect(located.target).toBe('region:330100');
    expect(source.text.slice(located.start, located.end)).toBe(located.evidence);
  });

  it('drops OTHER relations and reports unknown ends and self-loops', () => {
    const b = fixture('b');
    const broken = {
      ...b.extraction,
      relations: [
        ...b.extraction.relations,
        { source: 'nobody', target: 'region:640100', type: 'COOPERATION', evidence: 'x' },
        { source: '银川市', target: 'region:640100', type: 'COOPERATION', evidence: 'x' },
      ],
    };
    const out = toDocumentRows(b.source, broken, testGazetteer, []);
    expect(out.facts.map((f) => f.type).sort()).toEqual(['AGREEMENT', 'COOPERATION']);
    expect(out.skipped).toHaveLength(2);
    expect(out.skipped[0]).toMatch(/unknown source/);
  });

  it('does not duplicate the gazetteer hierarchy as facts', () => {
    const x = {
      ...extraction,
      relations: [{ source: 'region:330100', target: 'region:330000', type: 'PART_OF', evidence: '杭州' }],
      entities: [
        ...extraction.entities,
        { id: 'region:330000', name: '浙江省', type: 'Region', code: '330000' },
      ],
    };
    const out = toDocumentRows(source, x, testGazetteer, []);
    expect(out.facts).toEqual([]);
    expect(out.hierarchy.map((h) => h.id)).toContain('hierarchy:330100');
  });

  it('keeps one row per fact stated twice in a document (the earliest)', () => {
    const rel = extraction.relations[0]!;
    const x = { ...extraction, relations: [{ ...rel, start: 30, end: 40 }, rel] };
    const out = toDocumentRows(source, x, testGazetteer, []);
    expect(out.facts).toHaveLength(1);
    expect(out.facts[0]!.start).toBe(0);
  });

  it('rejects an invalid extraction naming the field', () => {
    const bad = { ...extraction, relations: [{ source: 'a', target: 'b', type: 'LIKES', evidence: '' }] };
    expect(() => toDocumentRows(source, bad, testGazetteer, [])).toThrow(InvalidExtractionError);
    expect(() => toDocumentRows({ ...source, id: 'other' }, extraction, testGazetteer, [])).toThrow(
      InvalidExtractionError,
    );
  });

  it("turns an organization's region attribute into a LOCATED_IN fact with its mention's sentence", () => {
    const b = fixture('b');
    const x = {
      ...b.extraction,
      entities: b.extraction.entities.map((e) => (e.type === 'University' ? { ...e, region: '银川市' } : e)),
    };
    const spans = [
      { start: 0, end: 20 },
      { start: 20, end: b.source.text.length },
    ];
    const out = toDocumentRows(b.source, x, testGazetteer, spans);
    const located = out.facts.filter((f) => f.type === 'LOCATED_IN');
    expect(located).toHaveLength(1);
    expect(located[0]).toMatchObject({
      source: 'university:丙丁大学',
      target: 'region:640100',
      start: 0,
      end: 20,
    });
    expect(located[0]!.props).toMatchObject({ rule: 'entity-region', confidence: 0.6 });
    expect(located[0]!.evidence).toBe(b.source.text.slice(0, 20));
    // Not when the extraction already places the entity, nor for a region it cannot resolve in the document.
    const company = rows.facts.filter(
      (f) => f.type === 'LOCATED_IN' && f.source === 'company:甲乙科技有限公司',
    );
    expect(company).toEqual([]);
  });

  it('gives the same rows for the same input', () => {
    expect(toDocumentRows(source, extraction, testGazetteer, sentences)).toEqual(rows);
  });
});
