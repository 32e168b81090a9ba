// One table row per relation rule, on sentences written for these tests: type, direction, amount,
// date, planned flag and rule name.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../scripts/extract/index.ts';

const facts = (text: string, date = '2025-06-12') =>
  extractDocument({ id: 't', text, date })
    .relations.filter((r) => r.rule !== 'gazetteer' && r.type !== 'AFFILIATED_WITH')
    .map((r) => `${r.type} ${r.source} -> ${r.target}`);

describe('relation rules', () => {
  const cases: Array<[string, string, string]> = [
    [
      'with: agreement',
      '江苏省科学技术厅与陕西省科学技术厅签署了科技合作框架协议。',
      'AGREEMENT agency:江苏省科学技术厅 -> agency:陕西省科学技术厅',
    ],
    [
      'with: cooperation with a list',
      '福建省将加强与厦门大学、福州大学等高校的战略合作。',
      'COOPERATION region:350000 -> university:福州大学',
    ],
    [
      'joint subject: paired assistance east → west',
      '自2016年东西部协作启动以来,浙江、四川两省结对帮扶成效显著。',
      'PAIRED_ASSISTANCE region:330000 -> region:510000',
    ],
    [
      'compound: cooperation',
      '去年共实施沪滇科技合作项目40项。',
      'COOPERATION region:310000 -> region:530000',
    ],
    [
      'by: investors of a fund',
      '由深圳市创新投资集团有限公司、广西投资集团有限公司联合发起的桂深科创基金正式落地。',
      'INVESTMENT company:广西投资集团有限公司 -> fund:桂深科创基金',
    ],
    [
      'by: managers',
      '桂深科创基金正式落地。该基金由深圳市创新投资集团有限公司负责管理。',
      'MANAGES company:深圳市创新投资集团有限公司 -> fund:桂深科创基金',
    ],
    [
      'svo: established',
      '苏州市人民政府在榆林设立了苏榆科技创新中心。',
      'ESTABLISHED agency:苏州市人民政府 -> platform:苏榆科技创新中心',
    ],
    [
      'held: event location',
      '6月10日,第二届粤桂科技成果转化大会在南宁市召开。',
      'LOCATED_IN event:第二届粤桂科技成果转化大会 -> region:450100',
    ],
    [
      'held: host',
      '广西壮族自治区科学技术厅在南宁市举办第二届粤桂科技成果转化大会。',
      'PARTICIPATED_IN agency:广西壮族自治区科学技术厅 -> event:第二届粤桂科技成果转化大会',
    ],
    [
      'join: participants of the last event',
      '第二届粤桂科技成果转化大会在南宁举行。广西大学、华南理工大学等高校参加会议。',
      'PARTICIPATED_IN university:广西大学 -> event:第二届粤桂科技成果转化大会',
    ],
    [
      'is-a-in: location',
      '南宁八菱科技股份有限公司是南宁市一家汽车零部件企业。',
      'LOCATED_IN company:南宁八菱科技股份有限公司 -> region:450100',
    ],
    [
      'invest: investor → place',
      '比亚迪股份有限公司在南宁市投资设立了电池生产基地。',
      'INVESTMENT company:比亚迪股份有限公司 -> region:450100',
    ],
    [
      'pair: technology transfer org → region',
      '华南农业大学多项技术已在百色落地转化。',
      'TECH_TRANSFER university:华南农业大学 -> region:451000',
    ],
    [
      'applied-in: provider from 该X',
      '华南农业大学研究院去年成立。该研究院12项技术已在百色转化应用。',
      'TECH_TRANSFER institute:华南农业大学研究院 -> region:451000',
    ],
    [
      'assist: paired assistance to a list of places',
      '上海市对口支援新疆喀什地区莎车县、泽普县、叶城县。',
      'PAIRED_ASSISTANCE region:310000 -> region:653125',
    ],
    [
      'with (和 + a two-sided verb): agreement',
      '山东大学和重庆大学签署合作协议。',
      'AGREEMENT university:山东大学 -> university:重庆大学',
    ],
    [
      'support-for: technology transfer',
      '宁夏农林科学院为固原市提供马铃薯育种技术支持。',
      'TECH_TRANSFER institute:宁夏农林科学院 -> region:640400',
    ],
    [
      'funds-to: investment',
      '北京市已累计向赤峰市投入协作资金18亿元。',
      'INVESTMENT region:110000 -> region:150400',
    ],
    [
      'unit-of: dependent unit',
      '宁夏共享集团股份有限公司通过苏州研发中心开发新产品。',
      'ESTABLISHED company:宁夏共享集团股份有限公司 -> platform:宁夏共享集团股份有限公司苏州研发中心',
    ],
    [
      'imported-by: A引进B的技术',
      '内蒙古伊泰煤炭股份有限公司引进清华大学煤制油技术,在鄂尔多斯市建设示范装置。',
      'TECH_TRANSFER university:清华大学 -> company:内蒙古伊泰煤炭股份有限公司',
    ],
    [
      'founded by the pair named before 双方',
      '苏州市与铜仁市结对以来,双方共建了苏州—铜仁协同创新中心。',
      'ESTABLISHED region:520600 -> platform:苏州—铜仁协同创新中心',
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(facts(text)).toContain(expected);
  });

  it("keeps a project's total investment off an agreement and a transfer, and on the investment", () => {
    const rels = extractDocument({
      id: 't',
      text: '甘肃电投集团与上海电气集团股份有限公司签订合作协议,项目总投资8亿元。',
      date: '2025-06-12',
    }).relations;
    const agreement = rels.find((r) => r.type === 'AGREEMENT');
    expect(agreement).toBeDefined();
    expect(agreement?.amount).toBeUndefined();
    const invest = extractDocument({
      id: 't',
      text: '上海电气集团股份有限公司向酒泉市投资,项目总投资8亿元。',
      date: '2025-06-12',
    }).relations.find((r) => r.type === 'INVESTMENT');
    expect(invest?.amount?.value).toBe(800000000);
  });

  it('pairs 分别 lists by position', () => {
    const out = facts('华南理工大学、中山大学分别与广西大学、桂林电子科技大学签订合作协议。');
    expect(out).toContain('AGREEMENT university:中山大学 -> university:桂林电子科技大学');
    expect(out).not.toContain('AGREEMENT university:中山大学 -> university:广西大学');
  });

  it('records amount, date, confidence, rule and the planned flag', () => {
    const doc = '3月26日,18家杭州企业与贵州省黔东南州签订投资协议,投资金额达12.5亿元。双方将进一步加强合作。';
    const rels = extractDocument({ id: 't', text: doc, date: '2025-03-28' }).relations;
    const inv = rels.find((r) => r.type === 'INVESTMENT');
    expect(inv).toMatchObject({
      source: 'region:330100',
      target: 'region:522600',
      date: { value: '2025-03-26' },
    });
    expect(inv?.amount).toMatchObject({ value: 1250000000, currency: 'CNY', qualifier: '达' });
    expect(inv?.rule).toMatch(/^with/);
    expect(inv?.confidence).toBeGreaterThan(0);
    expect(inv?.planned).toBe(false);
    expect(rels.find((r) => r.type === 'AGREEMENT')).toBeDefined();
  });

  it('marks plans as planned', () => {
    const rels = extractDocument({
      id: 't',
      text: '广东省将与广西壮族自治区共建科技成果转移转化示范区,双方拟签署合作协议。',
      date: null,
    }).relations;
    const r = rels.find((x) => x.type === 'COOPERATION' || x.type === 'AGREEMENT');
    expect(r?.planned).toBe(true);
  });

  it('does not read 和 inside a list of founders as two sides', () => {
    const out = facts('桂深科创基金由深圳市创新投资集团有限公司和广西投资集团有限公司牵头发起。');
    expect(out.filter((f) => f.startsWith('COOPERATION') || f.startsWith('AGREEMENT'))).toEqual([]);
  });

  it('does not relate two parties that are only listed together', () => {
    expect(facts('调研组先后走访了浙江大学、杭州海康威视数字技术股份有限公司。')).toEqual([]);
  });

  it('emits the administrative hierarchy with implied ancestors', () => {
    const out = extractDocument({ id: 't', text: '噶尔县召开会议。', date: null });
    const county = out.entities.find((e) => e.name === '噶尔县');
    expect(county).toMatchObject({ type: 'Region', level: 'county', implied: false });
    const ancestors = out.entities.filter((e) => e.implied).map((e) => e.name);
    expect(ancestors).toEqual(expect.arrayContaining(['阿里地区', '西藏自治区', '中华人民共和国']));
    const partOf = out.relations.filter((r) => r.type === 'PART_OF').map((r) => `${r.source}>${r.target}`);
    expect(partOf).toContain(`${county!.id}>region:542500`);
  });
});

describe('patterns found by the tenth held-out round (sentences written for these tests)', () => {
  const extract = (text: string) => extractDocument({ id: 't', text, date: '2025-06-12' });

  it('keeps 和 inside the name of a government body, and not between two names', () => {
    const names = extract('记者从甘肃省工业和信息化厅获悉,兰州大学和西北师范大学将联合攻关。').entities.map(
      (e) => e.name,
    );
    expect(names).toContain('甘肃省工业和信息化厅');
    expect(names).toContain('兰州大学');
    expect(names).toContain('西北师范大学');
  });

  it('reads 双方 as the two organizations of the previous sentence', () => {
    expect(facts('兰州大学与厦门大学签署合作协议。根据协议,双方将共建旱区生态联合实验室。')).toEqual(
      expect.arrayContaining([
        'ESTABLISHED university:兰州大学 -> platform:旱区生态联合实验室',
        'ESTABLISHED university:厦门大学 -> platform:旱区生态联合实验室',
      ]),
    );
  });

  it('reads 论坛由A、B主办 as the hosts of the event named before', () => {
    expect(
      facts('第三届川渝科技合作论坛在重庆开幕。论坛由四川省科学技术厅、重庆市科学技术局共同主办。'),
    ).toContain('PARTICIPATED_IN agency:四川省科学技术厅 -> event:第三届川渝科技合作论坛');
  });

  it('does not take a counted kind of facility for a named platform, nor the place for its founder', () => {
    const doc = extract(
      '内蒙古伊利实业集团股份有限公司在宁夏设立的宁夏伊利乳业有限责任公司,已在吴忠市建成奶源基地3个。',
    );
    expect(doc.entities.map((e) => e.name)).not.toContain('奶源基地');
    expect(doc.relations.filter((r) => r.type === 'ESTABLISHED' && r.source.startsWith('region:'))).toEqual(
      [],
    );
  });

  it('keeps amounts listed after 总投资分别为 off the agreements', () => {
    const rels = extract(
      '华为技术有限公司、中兴通讯股份有限公司分别与庆阳市人民政府签署合作协议,总投资分别为20亿元和15亿元。',
    ).relations.filter((r) => r.type === 'AGREEMENT');
    expect(rels.length).toBe(2);
    for (const r of rels) expect(r.amount).toBeUndefined();
  });

  it('places a venue named after its city in that city, adding the city if the text does not name it', () => {
    const doc = extract('11月2日,第二届陕甘科技合作论坛在兰州国际会展中心举行。');
    const venue = doc.entities.find((e) => e.name === '兰州国际会展中心');
    expect(venue).toBeDefined();
    const located = doc.relations.find((r) => r.type === 'LOCATED_IN' && r.source === venue?.id);
    expect(located?.target).toBe('region:620100');
    expect(doc.entities.find((e) => e.id === 'region:620100')?.implied).toBe(true);
  });
});

describe('patterns found by the eleventh held-out round (sentences written for these tests)', () => {
  it('names a 推进会 as an event with its hosts and place', () => {
    expect(facts('上海市科学技术委员会与喀什地区行政公署在上海召开沪喀科技合作推进会。')).toEqual(
      expect.arrayContaining([
        'LOCATED_IN event:沪喀科技合作推进会 -> region:310000',
        'PARTICIPATED_IN agency:上海市科学技术委员会 -> event:沪喀科技合作推进会',
      ]),
    );
  });

  it('reads 园区由X负责运营 as X managing the park named before', () => {
    expect(facts('张江德宏科技园去年挂牌。园区由上海张江高科技园区开发股份有限公司负责运营。')).toContain(
      'MANAGES company:上海张江高科技园区开发股份有限公司 -> platform:张江德宏科技园',
    );
  });

  it('finds the county after 在 city + county, and passes over the region that contains it', () => {
    expect(facts('浙江大学派驻四川的专家团队在阿坝藏族羌族自治州九寨沟县推广高山蔬菜种植技术。')).toContain(
      'TECH_TRANSFER university:浙江大学 -> region:513225',
    );
  });
});

describe('patterns found by the twelfth held-out round (sentences written for these tests)', () => {
  const extract = (text: string) => extractDocument({ id: 't', text, date: '2025-06-12' });

  it('names a 联合体 founded by its members', () => {
    expect(facts('由兰州大学、甘肃省科学院等单位组建的陇原新能源产业创新联合体在兰州成立。')).toContain(
      'ESTABLISHED university:兰州大学 -> platform:陇原新能源产业创新联合体',
    );
  });

  it('does not take the verb before an organization into its name', () => {
    const names = extract('该联盟挂靠兰州大学,首批成员单位30家。').entities.map((e) => e.name);
    expect(names).toContain('兰州大学');
    expect(names.some((n) => n.includes('挂靠'))).toBe(false);
  });

  it('reads 向R推介成果 as a transfer, without the size of a fund set up in the same sentence', () => {
    const rels = extract(
      '宁波市将向凉山彝族自治州推介科技成果30项,凉山州将设立1000万元专项资金予以支持。',
    ).relations;
    const transfer = rels.find((r) => r.type === 'TECH_TRANSFER');
    expect(transfer).toMatchObject({ source: 'region:330200', target: 'region:513400' });
    expect(transfer?.amount).toBeUndefined();
  });

  it('does not take a headline of gaining a new platform for a platform', () => {
    expect(extract('沪滇协作再添新平台').entities.filter((e) => e.type === 'Platform')).toEqual([]);
  });
});
