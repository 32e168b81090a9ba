// Money amounts: 11.7亿元 → 1170000000 CNY, 20万美元 → 200000 USD, with qualifiers (约, 近, 超过 …) kept.
import type { Amount } from '../../contract/extraction.ts';

const UNITS: Record<string, number> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
};
const CURRENCIES: Record<string, string> = {
  元: 'CNY',
  人民币: 'CNY',
  元人民币: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港元: 'HKD',
  港币: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
};
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const AMOUNT =
  /(约|近|超过|超|达到|达|逾|高达|共计|合计|总计|累计|不到|不足|将近|接近)?((?:\d+(?:,\d{3})*(?:\.\d+)?)|[零〇一二两三四五六七八九十百千]+)(多|余)?(万亿|千亿|百亿|亿|千万|百万|万|千)?(多|余)?(元人民币|人民币|美元|欧元|港元|港币|日元|英镑|元)(以上|左右|多)?/g;

/** Chinese numerals up to the thousands (五十, 三百二十). */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      const mult = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 1;
      total += (digit || 1) * mult;
      digit = 0;
    }
  }
  return total + digit;
}

export interface FoundAmount extends Amount {
  /** Offset of the match in the searched text. */
  index: number;
}

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const [whole, before, num = '', more1, unit, more2, currency = '元', after] = m;
    const base = /\d/.test(num) ? Number(num.replace(/,/g, '')) : chineseNumber(num);
    if (!Number.isFinite(base)) continue;
    const value = Math.round(base * (unit ? UNITS[unit]! : 1) * 100) / 100;
    const qualifier = before ?? more1 ?? more2 ?? after ?? null;
    out.push({ text: whole, value, currency: CURRENCIES[currency] ?? 'CNY', qualifier, index: m.index });
  }
  return out;
}
