// General fixes from the fifth held-out round (tests/fixtures/extract/012–019), each on sentences written
// for this test rather than copied from a fixture: fund short forms, 向X投资, topic carry-over, 出资.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../scripts/extract/index.ts';

const run = (text: string, date = '2025-06-12') => extractDocument({ id: 't', text, date });
const facts = (text: string) =>
  run(text)
    .relations.filter((r) => r.rule !== 'gazetteer' && r.type !== 'AFFILIATED_WITH')
    .map((r) => `${r.type} ${r.source} -> ${r.target}`);

describe('fifth round: funds and investments', () => {
  it('merges a contracted fund name into its full name', () => {
    const out = run('鄂藏科创基金成立\n\n湖北长江投资有限公司发起设立鄂藏科技创新产业投资基金。');
    const funds = out.entities.filter((e) => e.type === 'Fund');
    expect(funds.map((f) => f.name)).toEqual(['鄂藏科技创新产业投资基金']);
    expect(funds[0]!.aliases).toContain('鄂藏科创基金');
  });

  it('向X投资: X receives the money; a bare 基金 opening the clause is the investor', () => {
    const f = facts(
      '湖北长江投资有限公司发起设立鄂藏科技创新产业投资基金。截至目前,基金已向拉萨高原光电有限公司投资3000万元。',
    );
    expect(f).toContain('INVESTMENT fund:鄂藏科技创新产业投资基金 -> company:拉萨高原光电有限公司');
    expect(f).not.toContain('INVESTMENT company:拉萨高原光电有限公司 -> fund:鄂藏科技创新产业投资基金');
  });

  it('并与Z共同向X投资: the topic and its partner both invest, the previous recipient does not cooperate', () => {
    const f = facts(
      '湖北长江投资有限公司发起设立鄂藏科技创新产业投资基金。基金已向拉萨高原光电有限公司投资1亿元,并与武汉光谷资本有限公司共同向日喀则雪域农业科技有限公司投资500万美元。',
    );
    expect(f).toContain('INVESTMENT fund:鄂藏科技创新产业投资基金 -> company:日喀则雪域农业科技有限公司');
    expect(f).toContain('INVESTMENT company:武汉光谷资本有限公司 -> company:日喀则雪域农业科技有限公司');
    expect(f.some((x) => x.startsWith('COOPERATION company:拉萨高原光电有限公司'))).toBe(false);
  });

  it('其中A出资…: A invests in the fund named earlier in the sentence', () => {
    const f = facts(
      '湖北长江投资有限公司发起设立的鄂藏科技创新产业投资基金完成募集,其中澳门丝路资本有限公司出资1亿港元。',
    );
    expect(f).toContain('INVESTMENT company:澳门丝路资本有限公司 -> fund:鄂藏科技创新产业投资基金');
  });
});
