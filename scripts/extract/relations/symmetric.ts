// Two parties bound by 与/同/跟 (A与B签订协议, 加强与A、B的合作), by a joint subject (A、B两省/双方)
// or by an abbreviation compound (苏陕科技合作): agreement, cooperation, investment or paired assistance.
import { AGREEMENT_TRIGGER, COOPERATION_TRIGGER, PAIRED_TRIGGER, PLANNED } from '../lexicon/triggers.ts';
import {
  clauseAround,
  isActor,
  PAIR_WORD,
  pairWordParties,
  triggerHits,
  type Party,
  type RuleContext,
} from './context.ts';
import { topicOf } from './founders.ts';

/** Verbs right after B that make A和B two sides (A和B签署协议, A和B携手). */
const TWO_SIDED = /^(?:\S{0,2})(?:签署|签订|签约|达成|携手|合作|共建|结对)/;
const TRANSFER_IN_PAIR = /技术支持|技术服务|技术转移|成果转化|技术转让|技术帮扶|科技帮扶/;
const INVEST_IN_PAIR = /投资(?:协议|合同|金额|合作)|注资|入股|出资/;
export const AGREEMENT_WORDS = /合作(?:协议|伙伴关系|框架|备忘录)|战略合作伙伴/g;
const JOINT = /^(?:两地|两省|两市|两县|两区|两国|双方|两家|两校)/;
/** Between two items of a list; an item may carry its alias in brackets (甲大学(ABC)、乙中心). */
const LIST_SEP = /^(?:\([^()]{1,80}\))?(?:、|及|和|以及|与|等)?$/;

/** Relation types a stretch of text states between two parties (in order A, B). */
export function symmetricTypes(
  text: string,
  a: Party,
  b: Party,
  /** Wider text in which paired-assistance wording (东西部协作 …) also counts. */
  context = text,
): Array<'AGREEMENT' | 'INVESTMENT' | 'COOPERATION' | 'PAIRED_ASSISTANCE' | 'TECH_TRANSFER'> {
  const out: Array<'AGREEMENT' | 'INVESTMENT' | 'COOPERATION' | 'PAIRED_ASSISTANCE' | 'TECH_TRANSFER'> = [];
  if (AGREEMENT_TRIGGER.test(text)) out.push('AGREEMENT');
  // 与某县签订技术服务协议,为当地提供技术支持: a transfer from the knowledge side to the place
  if (TRANSFER_IN_PAIR.test(text) && (a.type === 'Region') !== (b.type === 'Region'))
    out.push('TECH_TRANSFER');
  if (INVEST_IN_PAIR.test(text)) out.push('INVESTMENT');
  // 签署共建…协议 states the agreement; 共同主办 the hosting: neither is a separate cooperation
  const rest = text
    // 签约共建X: what the agreement is about, not a second statement
    .replace(/签约(?:共建|合作|联建)/g, '签约')
    .replace(new RegExp(AGREEMENT_TRIGGER.source, 'g'), '')
    .replace(AGREEMENT_WORDS, '')
    .replace(/(?:共同|联合)(?:主办|举办|承办|召开|发起|设立|出资|管理|投资)/g, '')
    .replace(/(?:对接|交流|洽谈|合作|协作)(?:会|大会|活动)/g, '');
  // 协作 naming what an agreement is about (签订产业协作协议) does not state paired assistance
  const pairing = context.replace(/(?:协作|合作)(?=协议|备忘录|框架协议)/g, '');
  if (eastWest(a, b) && isPublic(a) && isPublic(b) && PAIRED_TRIGGER.test(pairing)) {
    // paired assistance is the cooperation between these two: not stated twice
    out.push('PAIRED_ASSISTANCE');
    return out;
  }
  if (COOPERATION_TRIGGER.test(rest)) out.push('COOPERATION');
  return out;
}

/** Regions and their governments are the parties of paired assistance between places. */
const isPublic = (p: Party): boolean => p.type === 'Region' || p.type === 'GovernmentAgency';

/** East→West order of two parties when their zones say so, else null. */
export function eastWest(a: Party, b: Party): [Party, Party] | null {
  if (a.zone === 'East' && b.zone === 'West') return [a, b];
  if (b.zone === 'East' && a.zone === 'West') return [b, a];
  return null;
}

function emitPair(
  ctx: RuleContext,
  a: Party,
  b: Party,
  text: string,
  at: number,
  rule: string,
  conf: number,
  context = text,
): void {
  if (a.id === b.id) return;
  for (const type of symmetricTypes(text, a, b, context)) {
    let [s, t] = [a, b];
    if (type === 'PAIRED_ASSISTANCE') [s, t] = eastWest(a, b) ?? [a, b];
    if (type === 'TECH_TRANSFER' && a.type === 'Region') [s, t] = [b, a];
    ctx.emit({
      type,
      source: s.id,
      target: t.id,
      at,
      rule: `${rule}:${type.toLowerCase()}`,
      confidence: conf,
    });
  }
}

/** Parties in a list starting at index i (A、B及C等). */
export function listFrom(ctx: RuleContext, i: number): Party[] {
  const ps = ctx.parties;
  const out: Party[] = [ps[i]!];
  for (let k = i + 1; k < ps.length; k++) {
    const gap = ctx.sentence.text.slice(
      ps[k - 1]!.end - ctx.sentence.start,
      ps[k]!.start - ctx.sentence.start,
    );
    if (!LIST_SEP.test(gap)) break;
    out.push(ps[k]!);
  }
  return out;
}

/** The list ending at index i (walking left). */
export function listTo(ctx: RuleContext, i: number): Party[] {
  const ps = ctx.parties;
  const out: Party[] = [ps[i]!];
  for (let k = i - 1; k >= 0; k--) {
    const gap = ctx.sentence.text.slice(
      ps[k]!.end - ctx.sentence.start,
      ps[k + 1]!.start - ctx.sentence.start,
    );
    if (!LIST_SEP.test(gap)) break;
    out.unshift(ps[k]!);
  }
  return out;
}

export function withRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  for (const t of s.tokens) {
    const strong = t.word === '与' || t.word === '同' || t.word === '跟';
    // 和/及 join a list as often as two sides: only when a two-sided verb follows the second party
    if (!strong && t.word !== '和') continue;
    const bi = ctx.parties.findIndex(
      (p) =>
        p.start >= t.end &&
        p.start - t.end <= 4 &&
        !/[,，。;；、]/.test(s.text.slice(t.end - s.start, p.start - s.start)),
    );
    if (bi < 0 || !isActor(ctx.parties[bi]!)) continue;
    const bs = listFrom(ctx, bi).filter(isActor);
    if (!strong) {
      const lastOfB = bs[bs.length - 1];
      if (!lastOfB || !TWO_SIDED.test(s.text.slice(lastOfB.end - s.start, lastOfB.end - s.start + 6)))
        continue;
      if (s.text.slice(0, t.start - s.start).includes('由')) continue;
    }
    const clause = clauseAround(s, t.start);
    let ai = -1;
    for (let k = 0; k < ctx.parties.length; k++) {
      const p = ctx.parties[k]!;
      if (p.end <= t.start && p.start >= clause.start && isActor(p)) ai = k;
    }
    let as: Party[] = ai >= 0 ? listTo(ctx, ai).filter((p) => isActor(p) && p.start >= clause.start) : [];
    if (as.length === 0) {
      // (基金已向X投资…,)并与B共同…: the sentence's explicit topic, never a party introduced by 向
      const subj =
        topicOf(ctx, t.start, true) ??
        ctx.parties.find(
          (p) =>
            p.end <= t.start && isActor(p) && p.type !== 'Event' && s.text[p.start - s.start - 1] !== '向',
        );
      if (subj) as = [subj];
    }
    if (as.length === 0) continue;
    const lastB = bs[bs.length - 1]!;
    // the clause of B states the relation; following clauses about the same pair may add an agreement
    // or a transfer (…签订协议,为当地提供技术支持), not a second cooperation
    const own = masked(ctx, lastB.end, clauseAround(s, lastB.end).end);
    const more = masked(ctx, lastB.end, followingClausesEnd(ctx, lastB.end)).slice(own.length);
    const after =
      own +
      (AGREEMENT_TRIGGER.test(more) || /技术支持|技术服务|技术转移|成果转化/.test(more)
        ? more.replace(/合作|联合|共同|协同|携手|共建|交流|对接|协作/g, '　')
        : '');
    const whole = s.text;
    // A、B分别与C、D…: pairs by position
    const between = as.length ? s.text.slice(as[as.length - 1]!.end - s.start, t.start - s.start) : '';
    if (between.includes('分别') && as.length === bs.length) {
      as.forEach((a, k) => emitPair(ctx, a, bs[k]!, after, t.start, 'with-each', 0.75));
      continue;
    }
    for (const a of as) {
      for (const b of bs) {
        emitPair(ctx, a, b, after, t.start, 'with', 0.8, after + whole);
      }
    }
    // A、B与C签署三方协议: every two of the signatories (a three-party agreement binds them all)
    if (/^[^,，。;；]{0,16}?[三四五多]方/.test(own) && AGREEMENT_TRIGGER.test(own))
      as.forEach((a, k) =>
        as.slice(k + 1).forEach((b) => emitPair(ctx, a, b, own, t.start, 'with-all', 0.7)),
      );
  }
}

/** A、B两省 / 鲁甘两地 / 双方: the pair is the subject of the whole sentence. */
export function jointRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  const ps = ctx.parties;
  for (let i = 0; i + 1 < ps.length; i++) {
    const a = ps[i]!;
    const b = ps[i + 1]!;
    if (a.type !== 'Region' || b.type !== 'Region') continue;
    const gap = s.text.slice(a.end - s.start, b.start - s.start);
    const tail = s.text.slice(b.end - s.start);
    const compound = a.mention.fromCompound && b.mention.fromCompound && gap === '';
    if (!compound && !(/^[、和与]$/.test(gap) && JOINT.test(tail))) continue;
    const text = compound ? tail.slice(0, 14) : tail;
    emitPair(ctx, a, b, text, b.end, compound ? 'compound' : 'joint', compound ? 0.7 : 0.75);
  }
}

/**
 * 两校签署新一轮协议, …。双方签署合作协议: a joint subject opening a sentence that names no party before it
 * signed with the pair it refers back to (pairWordParties).
 */
export function pairWordRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, PAIR_WORD)) {
    if (ctx.parties.some((p) => p.start < hit.at)) break;
    const [a, b] = pairWordParties(ctx, hit.word, hit.at);
    if (!a || !b) continue;
    // only a signing: 双方将共建X states what X is, and other rules read it
    const text = s.text.slice(hit.end - s.start, clauseAround(s, hit.at).end - s.start);
    if (AGREEMENT_TRIGGER.test(text)) emitPair(ctx, a, b, text, hit.end, 'pair-word', 0.7);
  }
}

export function isPlanned(text: string): boolean {
  return PLANNED.test(text);
}

/**
 * End of the clause holding `at`, extended over following clauses that name no party or open with 双方
 * (…签订协议,为当地提供技术支持 / …召开会议,双方签订备忘录): they still speak of the same pair.
 */
function followingClausesEnd(ctx: RuleContext, at: number): number {
  const s = ctx.sentence;
  let end = clauseAround(s, at).end;
  for (let k = 0; k < 2 && end < s.end - 1; k++) {
    const next = clauseAround(s, end + 1);
    const text = s.text.slice(next.start - s.start, next.end - s.start);
    const named = ctx.parties.some((p) => p.start >= next.start && p.end <= next.end);
    if (named && !/^(?:双方|两地|两省|两市)/.test(text)) break;
    end = next.end;
  }
  return end;
}

/** Sentence text between two offsets with the parties' names blanked (合作 in a name is no trigger). */
function masked(ctx: RuleContext, start: number, end: number): string {
  const s = ctx.sentence;
  let text = s.text.slice(start - s.start, end - s.start);
  for (const p of ctx.parties) {
    if (p.end <= start || p.start >= end) continue;
    const a = Math.max(p.start, start) - start;
    const b = Math.min(p.end, end) - start;
    text = text.slice(0, a) + '\u3000'.repeat(b - a) + text.slice(b);
  }
  return text;
}

/**
 * 签约项目包括:(1)A与B的某某项目;(2)C与D的…项目: each pair named with its joint project signed an
 * agreement (or, without a signing in the sentence, cooperates); items end at ;；.
 */
export function projectPairRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  const signed = /签约|签署|签订/.test(s.text);
  ctx.parties.forEach((a, i) => {
    const b = ctx.parties[i + 1];
    if (!b || !isActor(a) || !isActor(b) || a.id === b.id) return;
    if (!/^[与和同]$/.test(s.text.slice(a.end - s.start, b.start - s.start))) return;
    if (!/^的[^,，。;；:：]{1,30}?项目(?:[;；。]|$)/.test(s.text.slice(b.end - s.start))) return;
    if (related(a.id, b.id)) return;
    ctx.emit({
      type: signed ? 'AGREEMENT' : 'COOPERATION',
      source: a.id,
      target: b.id,
      at: b.end,
      rule: 'project-pair',
      confidence: 0.6,
    });
  });
}
