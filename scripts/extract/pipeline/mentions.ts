// Collects the mentions of a document: runs every finder per sentence, keeps the longest of overlapping
// candidates, then adds second-pass mentions (abbreviation compounds, repeated person names, short
// company names) that need the whole document.
import { findEvents } from '../entities/events.ts';
import { findOrganizations } from '../entities/organizations.ts';
import { acceptName, findPersons } from '../entities/persons.ts';
import { cells, NAME_COLUMN } from '../relations/table.ts';
import {
  findCompoundMentions,
  findRegionMentions,
  resolveRegionCodes,
  strayCountyShortForms,
} from '../entities/regions.ts';
import type { Mention, SentenceContext } from '../entities/types.ts';
import { companyShortForms, DEPENDENT_SUFFIX, instituteShortForms } from '../resolve.ts';
import { isRegionWord } from '../entities/regions.ts';
import { regionByCode } from '../gazetteer/index.ts';
import { resolveRegion } from '../gazetteer/resolve.ts';

const PRIORITY: Record<string, number> = { Event: 3, Person: 2 };

/** Keep the longest candidates; a region token inside a longer name is part of that name. */
export function selectNonOverlapping(cands: Mention[]): Mention[] {
  const sorted = [...cands].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (PRIORITY[b.type] ?? 0) - (PRIORITY[a.type] ?? 0) ||
      a.start - b.start,
  );
  const kept: Mention[] = [];
  const occupied: Array<[number, number]> = [];
  for (const m of sorted) {
    if (occupied.some(([s, e]) => m.start < e && m.end > s)) continue;
    kept.push(m);
    occupied.push([m.start, m.end]);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function sentenceMentions(ctx: SentenceContext): Mention[] {
  const regions = findRegionMentions(ctx);
  const named = [...findOrganizations(ctx), ...findEvents(ctx), ...findPersons(ctx)];
  const kept = selectNonOverlapping([...named, ...regions]);
  // 某某研究院更名揭牌仪式: an event named after an organization names that organization too
  for (const e of kept.filter((m) => m.type === 'Event')) {
    const org = named.find(
      (c) =>
        c.start === e.start && c.end < e.end && !c.weak && !['Event', 'Person', 'Region'].includes(c.type),
    );
    if (org) kept.push(org);
  }
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  // regions swallowed by a name describe where that organization is
  const nested: Mention[] = [];
  for (const m of kept) {
    if (m.type === 'Region') continue;
    const inner = regions.filter((r) => r.start >= m.start && r.end <= m.end);
    if (inner.length) m.innerRegions = inner.map((r) => r.surface);
    else if (m.type !== 'Person' && m.type !== 'Event') {
      // 某地|某某学院 cut as 某地某|某|学院: a place name the segmenter glued to the next character still
      // tells where the organization is (its first two to four characters, the longest that is a place)
      const lead = [4, 3, 2]
        .map((n) => m.surface.slice(0, n))
        .find((w) => w.length < m.surface.length - 1 && isRegionWord(w));
      if (lead) m.innerRegions = [lead];
    }
    // an agency is the organ of the region it names (湖南省科技厅): that region is mentioned too
    const head = inner[0];
    if (m.type === 'GovernmentAgency' && head && head.start === m.start) {
      // 某市某某自治县农业农村局 names both places: the leading run of regions
      let end = head.start;
      for (const r of inner) {
        if (r.start !== end) break;
        nested.push({ ...r, nested: true });
        end = r.end;
      }
    }
  }
  markQualifiers(kept);
  // 本报银川5月2日电, 某地讯: the place a report was filed from names no party of the news
  const dateline = DATELINE.exec(ctx.text);
  const place = dateline?.indices?.[1];
  if (place)
    for (const m of kept)
      if (m.type === 'Region' && m.start === ctx.start + place[0] && m.end === ctx.start + place[1])
        m.nested = true;
  return [...kept, ...nested].sort((a, b) => a.start - b.start);
}

/** Second pass over the document once every sentence has its first-pass mentions. */
export function documentMentions(sentences: SentenceContext[], first: Mention[][]): Mention[] {
  resolveRegionCodes(first.flat());
  const stray = strayCountyShortForms(first.flat());
  if (stray.size) first = first.map((list) => list.filter((m) => !stray.has(m)));
  const all = first.flat();
  const contextCodes = [...new Set(all.filter((m) => m.regionCode).map((m) => m.regionCode!))];
  tablePersons(sentences, first);
  const persons = new Set(
    first
      .flat()
      .filter((m) => m.type === 'Person')
      .map((m) => m.surface),
  );
  // 王某院士工作站: a station named after a person names that person
  for (const m of all) {
    const named = /^([\u4e00-\u9fff]{2,3})(?:院士|专家)工作站$/.exec(m.canonical)?.[1];
    if (m.type === 'Platform' && named && acceptName(named)) persons.add(named);
  }
  const shorts = companyShortForms(all);
  // 某某研究院(原某某研究所): the former name in brackets is the same organization
  all.forEach((m, k) => {
    const y = all[k + 1];
    if (!y || m.type === 'Person' || m.type === 'Region' || y.type === 'Person' || y.type === 'Region')
      return;
    const ctx = sentences[m.sentence]!;
    const text = (a: number, b: number): string => ctx.text.slice(a - ctx.start, b - ctx.start);
    if (y.sentence !== m.sentence || !/^[)）]/.test(text(y.end, y.end + 1))) return;
    const gap = text(m.end, y.start);
    if (/^[(（]$/.test(gap) && y.surface.startsWith('原') && y.surface.length > 3) {
      // the walker took 原 ("former") into the name
      y.start += 1;
      y.surface = y.surface.slice(1);
    } else if (!/^[(（]原$/.test(gap)) return;
    y.canonical = m.canonical;
    y.type = m.type;
  });
  // 某某研究院(ABCI): a Latin name or acronym in brackets right after an organization is its alias
  for (const m of all) {
    if (m.type === 'Person' || m.type === 'Region' || m.weak) continue;
    const ctx = sentences[m.sentence]!;
    const latin = LATIN_ALIAS.exec(ctx.text.slice(m.end - ctx.start))?.[1]?.trim();
    if (latin && !shorts.has(latin)) shorts.set(latin, { type: m.type, canonical: m.canonical });
  }
  // one alternation (longest first) instead of one scan per name: linear in the text
  const list = [...new Set([...persons, ...shorts.keys()])].sort((a, b) => b.length - a.length);
  const names = list.length
    ? new RegExp(list.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
    : null;
  const units = instituteShortForms(all);
  const out: Mention[] = [];
  sentences.forEach((ctx, i) => {
    const own = unitMentions(ctx, first[i] ?? [], units);
    const taken = (s: number, e: number): boolean => own.some((m) => s < m.end && e > m.start);
    const extra: Mention[] = findCompoundMentions(ctx, taken, contextCodes);
    if (!names) return void out.push(...[...own, ...extra].sort((a, b) => a.start - b.start));
    names.lastIndex = 0;
    for (let hit = names.exec(ctx.text); hit; hit = names.exec(ctx.text)) {
      const name = hit[0];
      {
        const s = ctx.start + hit.index;
        if (taken(s, s + name.length) || extra.some((m) => s < m.end && s + name.length > m.start)) continue;
        // ABC inside ABCD is not ABC
        if (
          /[A-Za-z]/.test(name) &&
          /[A-Za-z]/.test((ctx.text[hit.index - 1] ?? '') + (ctx.text[hit.index + name.length] ?? ''))
        )
          continue;
        const short = shorts.get(name);
        extra.push({
          start: s,
          end: s + name.length,
          surface: name,
          type: short ? short.type : 'Person',
          canonical: short ? short.canonical : name,
          sentence: ctx.index,
        });
      }
    }
    out.push(...[...own, ...extra].sort((a, b) => a.start - b.start));
  });
  return out;
}

/**
 * 兰州某某所 for 某某科学院兰州某某研究所, before or after the full name: an occurrence of a short form
 * replaces the place names the first pass read in it (兰州); it never cuts into another name.
 */
function unitMentions(
  ctx: SentenceContext,
  own: Mention[],
  units: ReturnType<typeof instituteShortForms>,
): Mention[] {
  const found: Mention[] = [];
  for (const u of units) {
    u.pattern.lastIndex = 0;
    for (let hit = u.pattern.exec(ctx.text); hit; hit = u.pattern.exec(ctx.text)) {
      const start = ctx.start + hit.index;
      const end = start + hit[0].length;
      if (!u.fits(hit[0])) continue;
      const over = own.filter((m) => start < m.end && end > m.start);
      if (over.some((m) => m.type !== 'Region' || m.start < start || m.end > end)) continue;
      own = own.filter((m) => !over.includes(m));
      const m: Mention = {
        start,
        end,
        surface: hit[0],
        type: u.type,
        canonical: u.canonical,
        sentence: ctx.index,
      };
      found.push(m);
    }
  }
  return found.length ? [...own, ...found].sort((a, b) => a.start - b.start) : own;
}

const DATELINE =
  /^(?:(?:本报|新华社|中新社|中新网|人民网|新华网)(?:记者)?\s?)?([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)/d;
const LATIN_ALIAS = /^[(（]([A-Za-z][A-Za-z0-9&.\- ]{1,80})(?:[,，;；][^)）]*)?[)）]/;

/** 姓名 派出单位 …: the cells under a 姓名 header that read as names are people (first pass, in place). */
function tablePersons(sentences: SentenceContext[], first: Mention[][]): void {
  let column = -1;
  let width = 0;
  sentences.forEach((s, i) => {
    const row = cells(s);
    const name = row.findIndex((c) => NAME_COLUMN.test(c.text));
    if (name >= 0) {
      [column, width] = [name, row.length];
      return;
    }
    if (column < 0 || row.length !== width) {
      column = -1;
      return;
    }
    const c = row[column]!;
    const own = first[i] ?? [];
    if (!acceptName(c.text) || own.some((m) => m.start < c.end && m.end > c.start)) return;
    own.push({
      start: c.start,
      end: c.end,
      surface: c.text,
      type: 'Person',
      canonical: c.text,
      sentence: s.index,
    });
    own.sort((a, b) => a.start - b.start);
    first[i] = own;
  });
}

const THE_COMPANY = /该(?:公司|企业|集团)[^,，。;；]{0,24}$/;

/**
 * 该公司在R设立了某地研发中心: a dependent unit named by its place only, in a clause about 该公司, belongs to
 * the company last named before the sentence (its full name is the company's name and the unit's).
 */
export function anaphoricUnits(sentences: SentenceContext[], mentions: Mention[]): Mention[] {
  let company: Mention | undefined;
  for (const m of mentions) {
    // 该公司某地分公司: a branch named by its place only is a unit of the company, not a company of its own
    const branch = m.type === 'Company' && /^.{2,4}[分子]公司$/.test(m.canonical) && !m.parent;
    if (m.type === 'Company' && !m.weak && !branch) {
      company = m;
      continue;
    }
    const unit = m.type === 'Platform' || m.type === 'ResearchInstitute' || branch;
    if (!unit || m.parent || !company) continue;
    if (company.sentence === m.sentence) continue;
    const d = DEPENDENT_SUFFIX.exec(m.canonical);
    const s = sentences[m.sentence]!;
    if (!d || !isRegionWord(d[1]!) || !THE_COMPANY.test(s.text.slice(0, m.start - s.start))) continue;
    m.parent = company;
    m.canonical = company.canonical + m.canonical;
  }
  return mentions;
}

const SPEAKER_OPENING = /^([\u4e00-\u9fff]{2,4})[:：]/;
const FIRST_PERSON = /我们|我(?=[厅局委校院所])./g;

/**
 * The speaker's organization for 我们 (我厅, 我校 …): in an interview, the paragraph a named speaker opens
 * (王某:……) belongs to the organization the speaker was introduced with (某某厅副厅长王某); in a speech, every
 * paragraph not opened by another speaker belongs to the organization of the byline under the title
 * (某某厅厅长 王某). The pronoun becomes a mention of that organization, for relations only.
 */
export function speakerPronouns(sentences: SentenceContext[], mentions: Mention[], text: string): Mention[] {
  const orgOf = new Map<string, Mention>();
  let byline: Mention | undefined;
  // organizations by their end offset: the one that ends where a person's title starts
  const orgEnding = new Map<number, Mention>();
  for (const m of mentions) if (!['Person', 'Region', 'Event'].includes(m.type)) orgEnding.set(m.end, m);
  for (const p of mentions) {
    if (p.type !== 'Person' || !p.role || orgOf.has(p.surface)) continue;
    const roleStart = p.start - p.role.length;
    const org = [orgEnding.get(roleStart), orgEnding.get(roleStart - 1)].find(
      (m) => m?.sentence === p.sentence,
    );
    if (!org) continue;
    orgOf.set(p.surface, org);
    // a byline: a heading near the top that is only the organization, the title and the name
    const s = sentences[p.sentence]!;
    if (s.heading && p.sentence < 4 && org.start === s.start && p.end === s.end) byline ??= org;
  }
  if (orgOf.size === 0) return mentions;
  const added: Mention[] = [];
  let speaker: Mention | undefined;
  sentences.forEach((s, i) => {
    if (i === 0 || text.slice(sentences[i - 1]!.end, s.start).includes('\n')) {
      const opening = SPEAKER_OPENING.exec(s.text)?.[1];
      speaker = opening ? orgOf.get(opening) : byline;
    }
    if (!speaker || s.heading) return;
    FIRST_PERSON.lastIndex = 0;
    for (let m = FIRST_PERSON.exec(s.text); m; m = FIRST_PERSON.exec(s.text)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (inside(mentions, start, end)) continue;
      added.push({ ...speaker, start, end, surface: m[0], sentence: s.index, pronoun: true, nested: false });
    }
  });
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** Does a mention of the sorted list overlap [start, end)? (binary search on the start offsets) */
function inside(sorted: Mention[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  // mentions never nest deeply: a short walk back from the last one starting before `end`
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (sorted[i]!.end > start) return true;
  return false;
}

/** 云南保山, 宁波市奉化区: the first region only qualifies the second. */
function markQualifiers(list: Mention[]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1]!;
    if (a.type !== 'Region' || b.type !== 'Region' || a.end !== b.start || a.fromCompound || b.fromCompound)
      continue;
    a.nested = true;
    b.longSurface = a.surface + b.surface;
  }
}

/** 我省, 我市, 我区 …: the kind of division is the last character of its official name (我区: 某自治区 or 某区). */
const REGION_PRONOUN = /(?<!自)我(省|市|区|州|县|盟|旗)/g;

/**
 * The document's own place: the region a dateline opens with (本报某地电, 某地新闻网讯), else the region of the
 * organization a heading title opens with (某省科学技术厅关于…的通知).
 */
function homeRegion(sentences: SentenceContext[], mentions: Mention[]): string | null {
  const contextCodes = [...new Set(mentions.filter((m) => m.regionCode).map((m) => m.regionCode!))];
  for (const s of sentences.slice(0, 4)) {
    const place = DATELINE.exec(s.text)?.indices?.[1];
    if (!place) continue;
    const at = s.start + place[0];
    const r = mentions.find((m) => m.type === 'Region' && m.start === at && m.regionCode);
    if (r) return r.regionCode!;
    // 某县融媒体中心讯: the place that names the outlet
    const outlet = mentions.find((m) => m.start === at && m.innerRegions?.length);
    const code = outlet ? resolveRegion(outlet.innerRegions![0]!, contextCodes)?.code : undefined;
    if (code) return code;
  }
  const title = sentences.find((s) => s.text.trim());
  if (!title?.heading) return null;
  const org = mentions.find((m) => m.sentence === title.index && m.start === title.start);
  if (!org || org.type !== 'GovernmentAgency' || !org.innerRegions?.length) return null;
  return resolveRegion(org.innerRegions[0]!, contextCodes)?.code ?? null;
}

/**
 * 我省与某省…, 我市企业…: a regional pronoun names the document's own place (homeRegion) or its ancestor whose
 * name ends with the pronoun's character; unresolved without one. A mention for relations, not an alias.
 */
export function regionPronouns(sentences: SentenceContext[], mentions: Mention[]): Mention[] {
  const home = homeRegion(sentences, mentions);
  if (!home) return mentions;
  const added: Mention[] = [];
  for (const s of sentences) {
    REGION_PRONOUN.lastIndex = 0;
    for (let m = REGION_PRONOUN.exec(s.text); m; m = REGION_PRONOUN.exec(s.text)) {
      const kind = m[1]!;
      let r = regionByCode(home);
      while (r && !r.name.endsWith(kind)) r = r.parentCode ? regionByCode(r.parentCode) : null;
      const start = s.start + m.index;
      if (!r || r.level === 'country' || inside(mentions, start, start + 2)) continue;
      added.push({
        start,
        end: start + 2,
        surface: m[0],
        type: 'Region',
        canonical: r.name,
        regionCode: r.code,
        sentence: s.index,
        pronoun: true,
      });
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}
