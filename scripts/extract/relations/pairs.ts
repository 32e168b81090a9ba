// A clause naming exactly two parties and a trigger: technology transfer (provider → recipient),
// cooperation, and paired assistance between an eastern and a western region.
import { PAIRED_TRIGGER, TECH_TRANSFER_TRIGGER } from '../lexicon/triggers.ts';
import { regionByCode, ancestorsOf } from '../gazetteer/index.ts';
import {
  CLAUSE_BREAK,
  distinct,
  insideParty,
  isActor,
  triggerHits,
  type Party,
  type RuleContext,
} from './context.ts';
import { AGREEMENT_WORDS, eastWest } from './symmetric.ts';

const PAIR_COOPERATION = /合作|携手|共建|联合|对接|协同|交流|联动|结对|协作/;

/** Drop a region that only qualifies another party of the clause (云南 in 云南保山). */
function withoutAncestors(parties: Party[]): Party[] {
  return parties.filter((p) => {
    if (p.type !== 'Region' || !p.regionCode) return true;
    return !parties.some(
      (o) =>
        o !== p && o.regionCode && o.regionCode !== p.regionCode && isWithin(o.regionCode, p.regionCode!),
    );
  });
}

function isWithin(inner: string, outer: string): boolean {
  return ancestorsOf(inner).some((a) => a.code === outer);
}

function clauses(ctx: RuleContext): Array<{ start: number; end: number }> {
  const s = ctx.sentence;
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= s.text.length; i++) {
    if (i === s.text.length || CLAUSE_BREAK.test(s.text[i]!)) {
      if (i > start) out.push({ start: s.start + start, end: s.start + i });
      start = i + 1;
    }
  }
  return out;
}

function provider(a: Party, b: Party): [Party, Party] {
  if (a.type !== 'Region' && b.type === 'Region') return [a, b];
  if (b.type !== 'Region' && a.type === 'Region') return [b, a];
  return eastWest(a, b) ?? [a, b];
}

export function pairRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  for (const c of clauses(ctx)) {
    const inClause = ctx.parties.filter((p) => p.start >= c.start && p.end <= c.end && isActor(p));
    const two = withoutAncestors(distinct(inClause));
    if (two.length !== 2) continue;
    const [a, b] = two as [Party, Party];
    const text = ctx.sentence.text.slice(c.start - ctx.sentence.start, c.end - ctx.sentence.start);
    // A、B (one list) are coordinated objects of a verb, not two sides of a relation
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    const gap = ctx.sentence.text.slice(first.end - ctx.sentence.start, second.start - ctx.sentence.start);
    if (/^(?:[、及和与]|以及)$/.test(gap) && !/两地|两省|双方/.test(text)) continue;
    // the weakest rule: it yields to any other rule that related the pair, and to 由 … (agents of a verb)
    if (related(a.id, b.id) || text.includes('由')) continue;
    // agreement wording (合作协议) is not a second statement of cooperation; keep offsets with same-length blanks
    const sub = {
      ...ctx.sentence,
      start: c.start,
      end: c.end,
      text: text.replace(AGREEMENT_WORDS, (w) => '\u3000'.repeat(w.length)),
    };
    const live = (re: RegExp) => triggerHits(sub, re).filter((h) => !insideParty(ctx.parties, h.at));
    const tt = live(TECH_TRANSFER_TRIGGER);
    if (tt.length) {
      const [p, r] = provider(a, b);
      ctx.emit({
        type: 'TECH_TRANSFER',
        source: p.id,
        target: r.id,
        at: tt[0]!.at,
        rule: 'pair:transfer',
        confidence: 0.6,
      });
    }
    const paired = live(PAIRED_TRIGGER);
    const ew = eastWest(a, b);
    // an eastern government body sending help (选派…赴R开展技术帮扶) assists as its region does
    const agencyHelps =
      ew?.[0].type === 'GovernmentAgency' &&
      ew[1].type === 'Region' &&
      paired.some((h) => ASSIST.test(h.word) || /援/.test(h.word));
    if (paired.length && ew && ((a.type === 'Region' && b.type === 'Region') || agencyHelps)) {
      ctx.emit({
        type: 'PAIRED_ASSISTANCE',
        source: ew[0].id,
        target: ew[1].id,
        at: paired[0]!.at,
        rule: 'pair:paired',
        confidence: 0.6,
      });
      continue;
    }
    const coop = live(PAIR_COOPERATION);
    if (coop.length) {
      ctx.emit({
        type: 'COOPERATION',
        source: a.id,
        target: b.id,
        at: coop[0]!.at,
        rule: 'pair:cooperation',
        confidence: 0.5,
      });
    }
  }
}

/** Zone of a region code (via the gazetteer). */
export function zoneOf(code: string | null): Party['zone'] {
  return code ? (regionByCode(code)?.zone ?? null) : null;
}

const ASSIST = /对口支援|对口帮扶|结对帮扶|对口协作|援建|帮扶/;

/** A对口支援B、C…: paired assistance from the actor before the verb to each place after it (east → west). */
export function assistRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, ASSIST)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    // the helped place may be written with its province and prefecture first (新疆喀什地区莎车县)
    const bi = ctx.parties.findIndex(
      (p) =>
        p.start >= hit.end &&
        p.start - hit.end <= 10 &&
        (p.type === 'Region' || AIDED_UNITS.has(p.type)) &&
        !/[,，。;；、]/.test(s.text.slice(hit.end - s.start, p.start - s.start)),
    );
    if (bi < 0) continue;
    // 甲大学对口支援乙学院: units help units; places are helped by places and their government bodies
    const units = ctx.parties[bi]!.type !== 'Region';
    const helps = (p: Party): boolean =>
      units ? AIDED_UNITS.has(p.type) : p.type === 'Region' || p.type === 'GovernmentAgency';
    const clauseStart = s.start + Math.max(0, s.text.slice(0, hit.at - s.start).search(/[^,，;；]*$/));
    const helper = [...ctx.parties]
      .reverse()
      .find((p) => p.end <= hit.at && p.start >= clauseStart && helps(p));
    if (!helper) continue;
    const helped = listFromKind(ctx, bi, units ? (p) => AIDED_UNITS.has(p.type) : (p) => p.type === 'Region');
    // A、B、C分别对口支援X、Y、Z: the i-th helper helps the i-th place
    const helpers = helperList(ctx, helper, clauseStart);
    if (
      helpers.length > 1 &&
      helpers.length === helped.length &&
      /分别\s*$/.test(s.text.slice(0, hit.at - s.start))
    ) {
      helpers.forEach((a, k) => {
        const h = helped[k]!;
        if (related(a.id, h.id)) return;
        ctx.emit({
          type: 'PAIRED_ASSISTANCE',
          source: a.id,
          target: h.id,
          at: hit.at,
          rule: 'assist-each',
          confidence: 0.7,
        });
      });
      continue;
    }
    for (const h of helped) {
      // A对口支援B states its direction in the words: central provinces help too (援藏, 援疆)
      const ew =
        eastWest(helper, h) ??
        (helper.zone !== 'West' && h.zone === 'West' && /对口|援/.test(hit.word) ? [helper, h] : null);
      // an explicit 对口/帮扶 verb states the pairing even when a transfer between the two was read first
      if (!ew || relatedAs(ctx, related, helper, h)) continue;
      ctx.emit({
        type: 'PAIRED_ASSISTANCE',
        source: ew[0].id,
        target: ew[1].id,
        at: hit.at,
        rule: 'assist',
        confidence: 0.7,
      });
    }
  }
}

/** Related by anything but a transfer or an investment (those are other facts than the pairing). */
function relatedAs(
  ctx: RuleContext,
  related: (a: string, b: string) => boolean,
  a: Party,
  b: Party,
): boolean {
  return (
    related(a.id, b.id) && !/^(?:对口|帮扶|结对)/.test(ctx.sentence.text.slice(a.end - ctx.sentence.start))
  );
}

/** The list (A、B和C) ending with `last`, within the clause. */
function helperList(ctx: RuleContext, last: Party, clauseStart: number): Party[] {
  const i = ctx.parties.indexOf(last);
  const out = [last];
  for (let k = i - 1; k >= 0; k--) {
    const p = ctx.parties[k]!;
    const gap = ctx.sentence.text.slice(p.end - ctx.sentence.start, out[0]!.start - ctx.sentence.start);
    if (p.start < clauseStart || p.type !== last.type || !/^(?:、|和|及|以及)$/.test(gap)) break;
    out.unshift(p);
  }
  return out;
}

/** Universities, institutes and other units that aid (or are aided by) their counterparts. */
const AIDED_UNITS = new Set<Party['type']>(['University', 'ResearchInstitute', 'Company', 'Platform']);

/** The list (X、Y和Z) starting at index i, of parties of one kind. */
function listFromKind(ctx: RuleContext, i: number, kind: (p: Party) => boolean): Party[] {
  const out = [ctx.parties[i]!];
  for (let k = i + 1; k < ctx.parties.length; k++) {
    const gap = ctx.sentence.text.slice(
      ctx.parties[k - 1]!.end - ctx.sentence.start,
      ctx.parties[k]!.start - ctx.sentence.start,
    );
    if (!/^(?:、|和|及|以及)?$/.test(gap) || !kind(ctx.parties[k]!)) break;
    out.push(ctx.parties[k]!);
  }
  return out;
}
