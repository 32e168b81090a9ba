// Amounts and dates: unit normalization, qualifiers, anchoring to the document date.
import { describe, expect, it } from 'vitest';
import { chineseNumber, findAmounts } from '../../scripts/extract/amounts.ts';
import { findDates, inferDocumentDate } from '../../scripts/extract/dates.ts';

describe('findAmounts', () => {
  const cases: Array<[string, number, string, string | null]> = [
    ['投资金额达11.7亿元', 1170000000, 'CNY', '达'],
    ['签下近20万美元的订单', 200000, 'USD', '近'],
    ['意向金额约680万元', 6800000, 'CNY', '约'],
    ['总规模50亿元', 5000000000, 'CNY', null],
    ['累计超过3000万元', 30000000, 'CNY', '超过'],
    ['融资5000万欧元以上', 50000000, 'EUR', '以上'],
    ['捐赠五十万元', 500000, 'CNY', null],
    ['1,200万港元', 12000000, 'HKD', null],
  ];
  it.each(cases)('%s', (text, value, currency, qualifier) => {
    const [a] = findAmounts(text);
    expect(a).toMatchObject({ value, currency, qualifier });
  });
  it('ignores counts that are not money', () => {
    expect(findAmounts('组织实施项目超过2000项,1.1万余人参与')).toEqual([]);
  });
  it('reads Chinese numerals', () => {
    expect(chineseNumber('三百二十')).toBe(320);
    expect(chineseNumber('十五')).toBe(15);
  });
});

describe('findDates', () => {
  const cases: Array<[string, string | null, string]> = [
    ['3月26日,会议召开', '2025-03-28', '2025-03-26'],
    ['2024年3月,认定首批', '2025-03-28', '2024-03'],
    ['3月初,交流会召开', '2025-03-28', '2025-03'],
    ['2023年以来', '2025-03-28', '2023'],
    ['2024年11月在成都完成注册', null, '2024-11'],
    ['2024年4月23日', null, '2024-04-23'],
  ];
  it.each(cases)('%s (document %s)', (text, doc, value) => {
    expect(findDates(text, doc)[0]?.value).toBe(value);
  });
  it('leaves a month without a year unanchored when the document date is unknown', () => {
    expect(findDates('3月26日', null)).toEqual([]);
  });
  it('infers a publication date stated near the top', () => {
    expect(inferDocumentDate('标题\n发布时间:2025-06-12 10:00\n正文')).toBe('2025-06-12');
    expect(inferDocumentDate('标题\n正文里提到2024年4月23日的会议')).toBeNull();
  });
});
