// Aliases and coreference inside a document: canonical names (expanded abbreviations, official region
// names), short forms merged into the full name they abbreviate, dependent units named after their parent,
// and stable ids (`<prefix>:<canonical name>`, regions `region:<code>`).
import { ID_PREFIX, type ExtractedEntityType } from '../../contract/vocabulary.ts';
import {
  regionByCode,
  resolveRegion as resolveRegionRaw,
  splitAbbreviationCompound,
} from './gazetteer/index.ts';
import { NAME_EXPANSIONS, ORG_SUFFIXES } from './lexicon/org-suffixes.ts';
import { isRegionWord } from './entities/regions.ts';
import type { Mention } from './entities/types.ts';

export interface EntityGroup {
  id: string;
  type: ExtractedEntityType;
  name: string;
  mentions: Mention[];
  regionCode?: string;
  /** Canonical region name the entity belongs to. */
  region?: string | null;
  role?: string;
}

/** An academy prefix shared by its institutes (某某科学院…所): compared after it is removed. */
const INSTITUTIONAL_PREFIX = /^[\u4e00-\u9fff]{2,6}?(?:科学院|工程院)/;
export const DEPENDENT_SUFFIX = /^(.{2,9}?)(研发中心|研究院|分公司|子公司|研究所|办事处|创新中心|分院)$/;
/** The name of a development zone or new area following its city's name. */
const ZONE_HEAD =
  /^(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|新区|工业园区|产业园区|综合保税区|保税区|自由贸易试验区|自贸区)/;
const COMPANY_TAIL = /(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团|公司)$/;
const INDUSTRY_TAIL = /(?:科技|技术|健康|生物|信息|智能|股份|控股|实业|发展|产业|新材料|材料|电子|制造)$/;

export function suffixOf(name: string): string {
  return ORG_SUFFIXES.find((r) => name.endsWith(r.suffix))?.suffix ?? '';
}

let memo: { codes: string[]; map: Map<string, ReturnType<typeof resolveRegionRaw>> } | null = null;

/** resolveRegion with the document's context, memoized per document (context array identity). */
function resolveRegion(surface: string, contextCodes: string[]): ReturnType<typeof resolveRegionRaw> {
  if (memo?.codes !== contextCodes) memo = { codes: contextCodes, map: new Map() };
  let r = memo.map.get(surface);
  if (r === undefined) {
    r = resolveRegionRaw(surface, contextCodes);
    memo.map.set(surface, r);
  }
  return r;
}

/** Expand abbreviations and, for agencies, the leading region to its official name. */
export function canonicalName(m: Mention, contextCodes: string[]): string {
  let name = m.canonical;
  for (const [re, to] of NAME_EXPANSIONS) name = name.replace(re, to);
  if (m.type !== 'GovernmentAgency') return name;
  for (let len = Math.min(12, name.length - 1); len >= 2; len--) {
    const head = name.slice(0, len);
    if (!isRegionWord(head)) continue;
    const r = resolveRegion(head, contextCodes);
    if (!r) break;
    let rest = name.slice(len);
    // 某某工业园区管理委员会, 某某新区管委会: a zone is named after its city as written, not after 某某市
    if (ZONE_HEAD.test(rest)) return name;
    if (rest === '科技部门') rest = r.level === 'province' ? '科学技术厅' : '科学技术局';
    if (/^(?:政府|人民政府)$/.test(rest)) rest = '人民政府';
    return r.name + rest;
  }
  return name;
}

/** Short company names used in the text (杭州某某科技有限公司 → 某某科技): short form → entity. */
export function companyShortForms(
  all: Mention[],
): Map<string, { type: ExtractedEntityType; canonical: string }> {
  const out = new Map<string, { type: ExtractedEntityType; canonical: string }>();
  for (const m of all) {
    if (m.type !== 'Company' || m.weak || !COMPANY_TAIL.test(m.canonical)) continue;
    let core = m.canonical.replace(COMPANY_TAIL, '').replace(/[(（][^)）]*[)）]/g, '');
    for (let len = Math.min(6, core.length); len >= 2; len--) {
      if (isRegionWord(core.slice(0, len))) {
        core = core.slice(len);
        break;
      }
    }
    const forms = [core];
    for (let c = core; INDUSTRY_TAIL.test(c);) {
      c = c.replace(INDUSTRY_TAIL, '');
      forms.push(c);
    }
    for (const f of forms)
      if (f.length >= 4 && !isRegionWord(f)) out.set(f, { type: 'Company', canonical: m.canonical });
  }
  return out;
}

/**
 * Short forms of the research institutes named in full (某某科学院兰州某某研究所 → 兰州某某所): a pattern
 * for text that opens with the first two characters of the name (its academy prefix removed), ends with
 * the contracted suffix (所 for 研究所, 院 for 研究院) and keeps the name's characters in order.
 */
export function instituteShortForms(all: Mention[]): Array<{
  pattern: RegExp;
  fits: (s: string) => boolean;
  type: ExtractedEntityType;
  canonical: string;
}> {
  const out = new Map<string, ReturnType<typeof instituteShortForms>[number]>();
  for (const m of all) {
    if (m.type !== 'ResearchInstitute' || m.weak || out.has(m.canonical)) continue;
    const core = m.canonical.replace(INSTITUTIONAL_PREFIX, '');
    const tail = /研究(所|院)$/.exec(core)?.[1];
    if (!tail || core.length < 6 || !/^[\u4e00-\u9fff]{2}/.test(core)) continue;
    const pattern = new RegExp(
      `${core.slice(0, 2)}[\\u4e00-\\u9fff]{1,${core.length - 4}}?${tail}(?![长属有])`,
      'g',
    );
    const fits = (s: string): boolean => s.length >= 4 && s.length < core.length && isSubsequence(s, core);
    out.set(m.canonical, { pattern, fits, type: m.type, canonical: m.canonical });
  }
  return [...out.values()];
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/**
 * 甲乙协作会议 for 甲省·乙省科技协作会议 (甲乙 a compound of their abbreviations): an event title opening with a compound of region
 * abbreviations abbreviates a title that names those regions in that order and keeps the rest in order.
 */
function compoundTitle(s: string, l: string): boolean {
  const regions = splitAbbreviationCompound(s.slice(0, 2));
  if (!regions || s.at(-1) !== l.at(-1)) return false;
  let at = 0;
  for (const r of regions) {
    const hit = [r.name, ...r.shortNames]
      .map((n) => ({ n, i: l.indexOf(n, at) }))
      .filter((x) => x.i >= 0)
      .sort((a, b) => a.i - b.i)[0];
    if (!hit) return false;
    at = hit.i + hit.n.length;
  }
  return isSubsequence(s.slice(2), l.slice(at));
}

/** Does `short` abbreviate `long` (same type)? */
function abbreviates(short: EntityGroup, long: EntityGroup, weak: boolean): boolean {
  const s = short.name;
  const l = long.name;
  if (s.length >= l.length || s.length < 4) return false;
  // 某公司 and 某公司某地分公司: the parent is not a short form of its own unit
  if (l.startsWith(s) && DEPENDENT_SUFFIX.test(l.slice(s.length))) return false;
  if (l.endsWith(s)) return true;
  if (short.type === 'Event' && compoundTitle(s, l)) return true;
  const ss = s.replace(INSTITUTIONAL_PREFIX, '');
  const ll = l.replace(INSTITUTIONAL_PREFIX, '');
  if (ss[0] !== ll[0] || s.at(-1) !== l.at(-1) || !isSubsequence(s, l)) return false;
  // 某省大学 and 某省农业大学 are both full names: only a contracted suffix (所 for 研究所) or a weak
  // candidate or an event title abbreviates
  // a fund's short form contracts its middle (某某科创基金 for 某某科技创新股权投资基金): two different funds of
  // one document rarely share the first two characters and every character of the shorter name in order
  const fund = short.type === 'Fund' && s.length >= 5 && s.slice(0, 2) === l.slice(0, 2);
  return weak || short.type === 'Event' || fund || suffixOf(s) !== suffixOf(l);
}

/** Group mentions into entities. */
export function resolveEntities(mentions: Mention[]): EntityGroup[] {
  const contextCodes = [...new Set(mentions.filter((m) => m.regionCode).map((m) => m.regionCode!))];
  nameDependentUnits(mentions);
  const groups = new Map<string, EntityGroup>();
  const weakGroups = new Map<string, EntityGroup>();
  for (const m of mentions) {
    const g = groupFor(m, contextCodes);
    const table = m.weak ? weakGroups : groups;
    const found = table.get(g.id);
    if (found) found.mentions.push(m);
    else table.set(g.id, g);
  }
  const strong = [...groups.values()];
  mergeAliases(strong, strong, false, groups);
  mergeAliases([...weakGroups.values()], [...groups.values()], true, groups);
  const result = [...groups.values()];
  for (const g of result) for (const m of g.mentions) m.entityId = g.id;
  return result;
}

function groupFor(m: Mention, contextCodes: string[]): EntityGroup {
  if (m.type === 'Region') {
    const r = m.regionCode ? regionByCode(m.regionCode) : null;
    if (r)
      return {
        id: `region:${r.code}`,
        type: 'Region',
        name: r.name,
        mentions: [m],
        regionCode: r.code,
        region: r.name,
      };
    return { id: `region:${m.canonical}`, type: 'Region', name: m.canonical, mentions: [m], region: null };
  }
  const name = canonicalName(m, contextCodes);
  const inner = m.innerRegions?.[0];
  const r = inner ? resolveRegion(inner, contextCodes) : null;
  return {
    id: `${ID_PREFIX[m.type]}:${name}`,
    type: m.type,
    name,
    mentions: [m],
    region: r?.name ?? null,
    ...(r ? { regionCode: r.code } : {}),
    ...(m.role ? { role: m.role } : {}),
  };
}

function mergeAliases(
  shorts: EntityGroup[],
  longs: EntityGroup[],
  weak: boolean,
  groups: Map<string, EntityGroup>,
): void {
  // an abbreviation keeps the last character of the full name (…所, …会, …基金): index by type and it
  const index = new Map<string, EntityGroup[]>();
  for (const l of longs) {
    const key = `${l.type}|${l.name.at(-1)}`;
    index.set(key, [...(index.get(key) ?? []), l]);
  }
  for (const s of shorts.sort((a, b) => a.name.length - b.name.length)) {
    if (s.type === 'Region' || s.type === 'Person') continue;
    const targets = (index.get(`${s.type}|${s.name.at(-1)}`) ?? [])
      .filter((l) => l !== s && groups.has(l.id) && abbreviates(s, l, weak))
      .sort((a, b) => a.name.length - b.name.length);
    // 省科技厅 with two provinces' 科学技术厅 in the document: which one is not known
    const target = s.type === 'GovernmentAgency' && targets.length > 1 ? undefined : targets[0];
    if (!target) continue;
    target.mentions.push(...s.mentions);
    groups.delete(s.id);
  }
}

/** 苏州研发中心 right after a company in the same sentence is that company's unit: name it in full. */
function nameDependentUnits(mentions: Mention[]): void {
  mentions.forEach((m, i) => {
    if (m.type !== 'Platform' && m.type !== 'ResearchInstitute') return;
    const d = DEPENDENT_SUFFIX.exec(m.canonical);
    if (!d || !isRegionWord(d[1]!)) return;
    for (let k = i - 1; k >= 0; k--) {
      const p = mentions[k]!;
      if (p.sentence !== m.sentence) break;
      if (p.type === 'Company' || p.type === 'University' || p.type === 'ResearchInstitute') {
        m.parent = p;
        m.canonical = p.canonical + m.canonical;
        return;
      }
    }
  });
}
