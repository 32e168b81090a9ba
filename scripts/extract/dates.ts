// Dates in text, anchored to the document date: 2024年3月 → 2024-03; 3月26日 in a 2025 document → 2025-03-26;
// 3月初 → 2025-03; 2023年以来 → 2023.
import type { FactDate } from '../../contract/extraction.ts';

const DATE =
  /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?|(?<![\d年])(\d{1,2})月(?:(\d{1,2})[日号]|初|上旬|中旬|下旬|底|末|份)?/g;

export interface FoundDate extends FactDate {
  index: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Year of an ISO document date, or null. */
export function yearOf(docDate: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(docDate ?? '');
  return m ? Number(m[1]) : null;
}

export function findDates(text: string, docDate: string | null | undefined): FoundDate[] {
  const out: FoundDate[] = [];
  const docYear = yearOf(docDate);
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    const [whole, y, mo, d, mo2, d2] = m;
    let value: string | null = null;
    if (y) {
      const month = mo ? Number(mo) : 0;
      const day = d ? Number(d) : 0;
      if (month > 12 || day > 31) continue;
      value = y + (month ? `-${pad(month)}` + (day ? `-${pad(day)}` : '') : '');
    } else if (mo2 && docYear) {
      const month = Number(mo2);
      const day = d2 ? Number(d2) : 0;
      if (month < 1 || month > 12 || day > 31) continue;
      value = `${docYear}-${pad(month)}` + (day ? `-${pad(day)}` : '');
    }
    if (value) out.push({ text: whole, value, index: m.index });
  }
  return out;
}

/** Infer a document date from its text: an explicit full date near the top, else null. */
export function inferDocumentDate(text: string): string | null {
  const head = text.slice(0, 400);
  const iso = /(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(head);
  if (
    iso &&
    /发布|日期|时间|来源|记者|电/.test(
      head.slice(Math.max(0, iso.index - 12), iso.index + iso[0].length + 12),
    )
  ) {
    return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  }
  return null;
}
