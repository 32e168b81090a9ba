// Entity recognition on sentences written for these tests (not from the seed): name boundaries and
// types, people with roles, aliases and abbreviation compounds.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../scripts/extract/index.ts';

const run = (text: string, date = '2025-05-10') => extractDocument({ id: 't', text, date });
const names = (text: string) =>
  run(text)
    .entities.filter((e) => !e.implied)
    .map((e) => `${e.type}:${e.name}`);

describe('organizations: boundaries and types', () => {
  const cases: Array<[string, string[]]> = [
    [
      '会上,南京工业大学与西北农林科技大学签订合作协议。',
      ['University:南京工业大学', 'University:西北农林科技大学'],
    ],
    ['重庆长安汽车股份有限公司在合肥投资建厂。', ['Company:重庆长安汽车股份有限公司']],
    ['四川省农科院专家赴凉山开展技术服务。', ['ResearchInstitute:四川省农业科学院']],
    ['广西壮族自治区科技厅发布通知。', ['GovernmentAgency:广西壮族自治区科学技术厅']],
    [
      '甘肃省科技厅与上海市科学技术委员会座谈。',
      ['GovernmentAgency:甘肃省科学技术厅', 'GovernmentAgency:上海市科学技术委员会'],
    ],
    [
      '由成都高新投资集团有限公司发起设立的成都天府科创基金完成备案。',
      ['Company:成都高新投资集团有限公司', 'Fund:成都天府科创基金'],
    ],
    [
      '厦门大学与宁德时代新能源科技股份有限公司共建联合实验室。',
      ['University:厦门大学', 'Company:宁德时代新能源科技股份有限公司'],
    ],
    ['中国科学院兰州化学物理研究所专家介绍了成果。', ['ResearchInstitute:中国科学院兰州化学物理研究所']],
    ['西安高新区管委会与深圳市南山区人民政府签约。', ['GovernmentAgency:深圳市南山区人民政府']],
  ];
  it.each(cases)('%s', (text, expected) => {
    const found = names(text);
    for (const e of expected) expect(found).toContain(e);
  });

  it('rejects generic names (5家企业, 省级实验室, 科创基地)', () => {
    const found = names('当地5家企业正在建设省级实验室,并在北京打造科创基地,已有多家银行参与。');
    expect(found.filter((n) => !n.startsWith('Region:'))).toEqual([]);
  });

  it('stops at verbs and adverbs before a place name', () => {
    const found = names('两地将积极参与江苏科技大市场建设,充分发挥长江科创联盟作用。');
    expect(found).toContain('Platform:江苏科技大市场');
    expect(found).toContain('Platform:长江科创联盟');
  });

  it('keeps look-alike companies apart', () => {
    const found = names('东方电气集团东方汽轮机有限公司与东方电气股份有限公司分别签约。');
    expect(found).toContain('Company:东方电气集团东方汽轮机有限公司');
    expect(found).toContain('Company:东方电气股份有限公司');
  });
});

describe('events', () => {
  it('finds named events with quotes, ordinals and joined titles', () => {
    const found = names(
      '5月8日,第五届闽宁科技合作交流会在银川市召开。“科创中国”西部行活动暨成果发布会同期举行。',
    );
    expect(found).toContain('Event:第五届闽宁科技合作交流会');
    expect(found.some((n) => n.startsWith('Event:“科创中国”西部行活动暨成果发布会'))).toBe(true);
  });
  it('ignores bare references to a meeting', () => {
    expect(names('双方在会上召开座谈会,一场推介会结束。').filter((n) => n.startsWith('Event:'))).toEqual([]);
  });
});

describe('people', () => {
  it('finds a role, a name and the organization', () => {
    const out = run('陕西省科技厅副厅长刘建军表示,将加强合作。');
    const person = out.entities.find((e) => e.type === 'Person');
    expect(person).toMatchObject({ name: '刘建军', role: '副厅长' });
    const rel = out.relations.find((r) => r.type === 'AFFILIATED_WITH');
    expect(rel).toMatchObject({ source: 'person:刘建军', target: 'agency:陕西省科学技术厅', role: '副厅长' });
  });
  it('finds a speaker after an occupation noun and a chain of roles', () => {
    expect(names('种植户马文华说,收成翻了一番。')).toContain('Person:马文华');
    const out = run('昆明市委常委、副市长李强出席活动。');
    expect(out.entities.find((e) => e.type === 'Person')).toMatchObject({
      name: '李强',
      role: '市委常委、副市长',
    });
  });
});

describe('aliases and coreference', () => {
  it('merges a contracted institute name into the full name', () => {
    const out = run('中国科学院长春光学精密机械与物理研究所来访。中国科学院长春光机所团队介绍成果。');
    const e = out.entities.filter((x) => x.type === 'ResearchInstitute');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({
      name: '中国科学院长春光学精密机械与物理研究所',
      aliases: ['中国科学院长春光机所'],
    });
  });
  it('merges a short company name used later', () => {
    const out = run('深圳市大疆创新科技有限公司在重庆设立研发中心。大疆创新表示将扩大投资。');
    const c = out.entities.find((x) => x.type === 'Company');
    expect(c?.aliases).toContain('大疆创新');
    expect(c?.mentions).toHaveLength(2);
  });
  it('expands a region short name in an agency to the official name', () => {
    const out = run('新疆科技厅组织专家评审。');
    expect(out.entities.find((e) => e.type === 'GovernmentAgency')?.name).toBe('新疆维吾尔自治区科学技术厅');
  });
  it('does not merge two full university names that look alike', () => {
    const found = names('山东大学与山东农业大学联合申报项目。');
    expect(found).toContain('University:山东大学');
    expect(found).toContain('University:山东农业大学');
  });
  it('splits abbreviation compounds into their regions', () => {
    const out = run('两省签署协议后,苏陕科技合作项目顺利推进。江苏、陕西两省联系紧密。');
    const rel = out.relations.find((r) => r.rule?.startsWith('compound'));
    expect(rel && [rel.source, rel.target].sort()).toEqual(['region:320000', 'region:610000']);
  });
  it('attaches a collective party to its region (甬企 → 宁波)', () => {
    const out = run('宁波市科技局组织对接,8家甬企与西安交通大学达成合作意向,金额约300万元。');
    const rel = out.relations.find((r) => r.type === 'COOPERATION');
    expect(rel && [rel.source, rel.target].sort()).toEqual(['region:330200', 'university:西安交通大学']);
    expect(rel?.amount).toMatchObject({ value: 3000000, qualifier: '约' });
  });
});
