// A table flattened to text (one row a line, cells separated by spaces): under a header naming the unit that
// undertakes a project (承担单位, 牵头单位 …) and its partner (合作单位, 协作单位 …), each row states that the
// two organizations in those columns cooperate.
import type { SentenceContext } from '../entities/types.ts';
import { isOrg, type Party, type RawRelation } from './context.ts';
import { eastWest } from './symmetric.ts';

/** The column of the unit that leads, undertakes or gives (承担单位, 牵头单位, 东部单位, 帮扶企业 …). */
/** A column of people's names (姓名, 专家姓名) and of the unit each works for (派出单位, 工作单位 …). */
export const NAME_COLUMN = /^(?:[\u4e00-\u9fff]{0,4})姓名$/;
const UNIT_COLUMN = /^(?:派出|工作|所在|推荐|依托)?单位$/;

const LEAD =
  /^(?:项目)?(?:承担|牵头|申报|实施|依托|东部|帮扶|支援|援建|转让|输出)(?:单位|企业|方|机构|高校|院所)$/;
/** The column of its partner (合作单位, 协作单位, 西部单位, 受援企业, 西部合作方 …). */
const PARTNER =
  /^(?:东部|西部)?(?:合作|协作|参与|受援|承接|受让|对接)(?:单位|企业|方|机构|高校|院所)$|^西部(?:单位|企业|机构|高校|院所)$/;

/**
 * A column of paired places (某省结对县(区), 东部结对市, 帮扶县, 受援县 …): two of them make each row a pair of
 * places in paired assistance (east → west by the gazetteer's zones, else in column order).
 */
const PLACE_COLUMN =
  /^[\u4e00-\u9fff]{0,8}?(?:结对|帮扶|支援|受援|协作|对口)(?:县|市|区|州|旗|乡镇|地区)(?:\((?:区|市|旗)\)|区|市)?$/;

export interface Cell {
  text: string;
  start: number;
  end: number;
}

export function cells(s: SentenceContext): Cell[] {
  const out: Cell[] = [];
  for (const m of s.text.matchAll(/\S+/g)) {
    out.push({ text: m[0], start: s.start + m.index, end: s.start + m.index + m[0].length });
  }
  return out;
}

export function tableRule(sentences: SentenceContext[], parties: Party[][]): RawRelation[] {
  const out: RawRelation[] = [];
  let header: { width: number; lead: number; partner: number; person?: boolean; places?: boolean } | null =
    null;
  sentences.forEach((s, i) => {
    const row = cells(s);
    const lead = row.findIndex((c) => LEAD.test(c.text));
    const partner = row.findIndex((c) => PARTNER.test(c.text));
    if (lead >= 0 && partner >= 0) {
      header = { width: row.length, lead, partner };
      return;
    }
    // 姓名 派出单位 …: each listed person works for the unit of the row
    const name = row.findIndex((c) => NAME_COLUMN.test(c.text));
    const unit = row.findIndex((c) => UNIT_COLUMN.test(c.text));
    if (name >= 0 && unit >= 0) {
      header = { width: row.length, lead: name, partner: unit, person: true };
      return;
    }
    const places = row.flatMap((c, k) => (PLACE_COLUMN.test(c.text) ? [k] : []));
    if (places.length === 2) {
      header = { width: row.length, lead: places[0]!, partner: places[1]!, places: true };
      return;
    }
    if (!header) return;
    // a row has the header's number of cells; anything else ends the table
    if (row.length !== header.width) {
      header = null;
      return;
    }
    const person = header.person === true;
    if (header.places) {
      // 某市某区: the innermost place of the cell
      const placeIn = (c: Cell): Party | undefined =>
        (parties[i] ?? []).findLast((p) => p.type === 'Region' && p.start >= c.start && p.end === c.end);
      const a = placeIn(row[header.lead]!);
      const b = placeIn(row[header.partner]!);
      if (!a || !b || a.id === b.id) return;
      const [from, to] = eastWest(a, b) ?? [a, b];
      out.push({
        type: 'PAIRED_ASSISTANCE',
        source: from.id,
        target: to.id,
        sentence: i,
        at: a.start,
        rule: 'table-places',
        confidence: 0.7,
      });
      return;
    }
    const inCell = (c: Cell, who = false): Party | undefined =>
      (parties[i] ?? []).find(
        (p) => p.start === c.start && p.end === c.end && (who ? p.type === 'Person' : isOrg(p)),
      );
    const a = inCell(row[header.lead]!, person);
    const b = inCell(row[header.partner]!);
    if (!a || !b || a.id === b.id) return;
    out.push({
      type: person ? 'AFFILIATED_WITH' : 'COOPERATION',
      source: a.id,
      target: b.id,
      sentence: i,
      at: a.start,
      rule: 'table-row',
      confidence: 0.7,
    });
  });
  return out;
}
