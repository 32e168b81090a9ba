// Founders, investors and managers: 由A、B(联合)发起/设立/管理的X, and A设立/打造/获批X (subject–verb–object).
import { ESTABLISHED_TRIGGER } from '../lexicon/triggers.ts';
import type { ExtractedEntityType, RelationType } from '../../../contract/vocabulary.ts';
import {
  clauseAround,
  distinct,
  insideParty,
  isActor,
  isOrg,
  PAIR_WORD,
  pairWordParties,
  triggerHits,
  type Party,
  type RuleContext,
} from './context.ts';
import { listFrom, listTo } from './symmetric.ts';
import { isPlaceRun } from '../entities/regions.ts';

const BY_VERB = /(发起|设立|成立|组建|出资|管理|运营|托管|主办|承办|举办|共建|建设)/;
const PARENT_MARK = /^(?:旗下|下属|所属)/;
const TOPIC: Array<[RegExp, ExtractedEntityType[]]> = [
  // a bare generic noun opening the clause refers back too (学校已向…, 基金由…)
  [/(?:^|[,，。;；])(?:学校|高校|学院)(?![长院])/, ['University']],
  [/(?:^|[,，。;；])(?:研究院|研究所)(?![长])/, ['ResearchInstitute']],
  [/(?:^|[,，。;；])(?:基金)/, ['Fund']],
  [/(?:^|[,，。;；])(?:公司|企业)/, ['Company']],
  [/(?:^|[,，。;；])(?:大会|会议|论坛|活动|交流会|洽谈会|推介会|对接会)/, ['Event']],
  [/(?:^|[,，。;；])(?:园区|科技园|产业园)/, ['Platform']],
  // 飞地由…共建, 中心将为…: a bare platform noun opening the clause, followed by a function word or verb
  [
    /(?:^|[,，。;；])(?:飞地|中心|基地|平台|联盟|联合体)(?=[由已将在于是为与和均还也正共先现目自,，]|$)/,
    ['Platform'],
  ],
  [/该(?:基金|母基金|子基金)/, ['Fund']],
  [/该(?:校|大学|学院)/, ['University']],
  [/该(?:实验室|研究院|研究所|院|所)/, ['ResearchInstitute', 'Platform']],
  [/该(?:公司|企业|集团)/, ['Company']],
  [/该(?:中心|平台|园区|基地|联盟|飞地|产业园)/, ['Platform']],
  [/该(?:活动|会议|大会|论坛)/, ['Event']],
];
const OBJECT_TYPES = new Set<ExtractedEntityType>([
  'Platform',
  'Fund',
  'Company',
  'ResearchInstitute',
  'University',
  'Other',
  'GovernmentAgency',
]);

/** The sentence's topic: an explicit 该X before `before`, else the first actor of the sentence. */
export function topicOf(ctx: RuleContext, before: number, explicitOnly = false): Party | null {
  const head = ctx.sentence.text.slice(0, before - ctx.sentence.start);
  for (const [re, types] of TOPIC) {
    const m = re.exec(head);
    if (m) return ctx.lastOfType(types, ctx.sentence.start + m.index);
  }
  if (explicitOnly) return null;
  return ctx.parties.find((p) => p.start < before && isActor(p) && p.type !== 'Region') ?? null;
}

function typeFor(verb: string, target: Party): RelationType {
  if (/管理|运营|托管/.test(verb)) return 'MANAGES';
  if (/主办|承办|举办/.test(verb)) return 'PARTICIPATED_IN';
  if (/发起|出资/.test(verb) && target.type === 'Fund') return 'INVESTMENT';
  return 'ESTABLISHED';
}

/** 由 … verb: returns trigger offsets it consumed. */
export function byRule(ctx: RuleContext): Set<number> {
  const s = ctx.sentence;
  const used = new Set<number>();
  for (const t of s.tokens) {
    if (t.word !== '由') continue;
    let clause = clauseAround(s, t.start);
    // 由A牵头,联合B、C组建的X: the lead's clause ends at 牵头, the verb comes in the next clause
    if (/牵头$/.test(s.text.slice(t.end - s.start, clause.end - s.start)) && clause.end < s.end)
      clause = { start: clause.start, end: clauseAround(s, clause.end + 1).end };
    const rest = s.text.slice(t.end - s.start, clause.end - s.start);
    const g = new RegExp(BY_VERB.source, 'g');
    let verb: RegExpExecArray | null = null;
    for (let m = g.exec(rest); m; m = g.exec(rest)) {
      if (!insideParty(ctx.parties, t.end + m.index)) {
        verb = m;
        break;
      }
    }
    if (!verb) continue;
    const vAt = t.end + verb.index;
    const founders = ctx.parties
      .filter((p) => p.start >= t.end && p.end <= vAt && isActor(p) && p.type !== 'Event')
      .filter((p) => {
        const after = s.text.slice(p.end - s.start, p.end - s.start + 3);
        return !PARENT_MARK.test(after);
      });
    if (founders.length === 0) continue;
    const target =
      ctx.parties.find(
        (p) => p.start >= vAt && p.start < clause.end && p.type !== 'Region' && p.type !== 'Person',
      ) ?? topicOf(ctx, t.start);
    if (!target) continue;
    used.add(vAt);
    for (const f of founders) {
      if (f.id === target.id) continue;
      const type = typeFor(verb[1]!, target);
      ctx.emit({ type, source: f.id, target: target.id, at: vAt, rule: `by:${verb[1]}`, confidence: 0.8 });
    }
  }
  return used;
}

/** A 设立/打造/获批 X: the nearest actor (or list) before the verb in its clause, else the sentence subject. */
export function establishedRule(ctx: RuleContext, used: Set<number>): void {
  const s = ctx.sentence;
  let previousEnd = -1;
  for (const hit of triggerHits(s, ESTABLISHED_TRIGGER)) {
    // 发起设立, 建立健全: the second verb of a compound belongs to the first
    const chained = hit.at === previousEnd;
    previousEnd = hit.end;
    if (chained || used.has(hit.at) || insideParty(ctx.parties, hit.at)) continue;
    const clause = clauseAround(s, hit.at);
    const bi = ctx.parties.findIndex(
      (p) => p.start >= hit.end && p.start - hit.end <= 6 && p.start < clause.end,
    );
    if (bi < 0) continue;
    const objects = listFrom(ctx, bi).filter((p) => OBJECT_TYPES.has(p.type));
    if (objects.length === 0) continue;
    // 在R设立X: R is where X is, not who set it up (在某市某区设立X: the last of a run of places)
    const zaiBefore = (p: Party): number => {
      const before = s.text.slice(clause.start - s.start, p.start - s.start);
      const z = before.lastIndexOf('在');
      return z >= 0 && (z === before.length - 1 || isPlaceRun(before.slice(z + 1))) ? clause.start + z : -1;
    };
    const place = [...ctx.parties]
      .reverse()
      .find((p) => p.end <= hit.at && p.start >= clause.start && p.type === 'Region' && zaiBefore(p) >= 0);
    const zai = place ? zaiBefore(place) : -1;
    const placeRun = new Set(
      ctx.parties.filter((p) => place && p.type === 'Region' && p.start > zai && p.end <= place.end),
    );
    let ai = -1;
    ctx.parties.forEach((p, k) => {
      if (p.end <= hit.at && p.start >= clause.start && isActor(p) && p.type !== 'Event' && !placeRun.has(p))
        ai = k;
    });
    let subjects = ai >= 0 ? listTo(ctx, ai).filter((p) => isActor(p) && !placeRun.has(p)) : [];
    // A(…),与B共同发起X: A founds X too
    const firstSubject = subjects[0];
    if (firstSubject && /[与和同]$/.test(s.text.slice(0, firstSubject.start - s.start))) {
      // 该所正与B联合建设X: the partner is the unit 该所 refers back to
      // (an item of a list ends at ;: A…;C则与B共建X names C, not A)
      const item = s.start + s.text.slice(0, firstSubject.start - s.start).search(/[^;；]*$/);
      const partner =
        ctx.parties.find(
          (p) =>
            p.start >= item &&
            p.end < firstSubject.start &&
            isActor(p) &&
            p.type !== 'Event' &&
            p.type !== 'Region',
        ) ?? topicOf(ctx, firstSubject.start, true);
      if (partner) subjects = [partner, ...subjects];
    }
    // 两地将共同打造X: the subject is the implicit pair, not whoever the sentence named first
    const subjectText = s.text.slice(clause.start - s.start, hit.at - s.start);
    const implicit = /两地|双方|两省|各方|两市|两校|两院|两所/.test(subjectText);
    // A与B结对以来,双方共建了X: the pair named earlier in the sentence; 两校共建X: the pair it refers back to
    if (subjects.length === 0 && implicit) subjects = namedPairBefore(ctx, clause.start);
    const pairWord = new RegExp(PAIR_WORD.source).exec(subjectText);
    if (subjects.length === 0 && pairWord) subjects = pairWordParties(ctx, pairWord[0], hit.at);
    // A、B与C签署…,共同建设X: a clause opening with 共同 has the list opening the sentence as its subject
    const opening = ctx.parties.findIndex((p) => p.end <= clause.start && isActor(p) && p.type !== 'Event');
    if (subjects.length === 0 && /^(?:共同|联合|携手)/.test(subjectText + hit.word) && opening >= 0)
      subjects = listFrom(ctx, opening).filter(
        (p) => p.end <= clause.start && isActor(p) && p.type !== 'Region',
      );
    if (subjects.length === 0 && !implicit) {
      // X设立的Y,已在R建成Z: the organization a relative clause ends on just before (Y), else the subject
      const previousClause = [...ctx.parties]
        .reverse()
        .find(
          (p) =>
            p.end <= clause.start &&
            isOrg(p) &&
            p.type !== 'Fund' &&
            s.text[p.start - s.start - 1] === '的' &&
            /^[,，]$/.test(s.text.slice(p.end - s.start, clause.start - s.start).trim()),
        );
      const subj =
        previousClause ??
        ctx.parties.find((p) => p.end <= hit.at && isActor(p) && p.type !== 'Event' && !placeRun.has(p)) ??
        topicOf(ctx, hit.at, true);
      if (subj) subjects = [subj];
    }
    for (const a of subjects) {
      for (const b of objects) {
        if (a.id === b.id) continue;
        const type = /发起/.test(hit.word) && b.type === 'Fund' ? 'INVESTMENT' : 'ESTABLISHED';
        ctx.emit({
          type,
          source: a.id,
          target: b.id,
          at: hit.at,
          rule: `svo:${hit.word}`,
          confidence: 0.7,
          noAmount: true,
        });
      }
    }
    if (place && place.start >= clause.start && subjects.length > 0) {
      for (const b of objects) {
        if (b.type === 'Platform' || b.type === 'ResearchInstitute' || b.type === 'Company') {
          ctx.emit({
            type: 'LOCATED_IN',
            source: b.id,
            target: place.id,
            at: hit.at,
            rule: 'set-up-in',
            confidence: 0.7,
          });
        }
      }
    }
  }
}

/**
 * The two or more actors listed together (A与B, A、B) last before `at` in the sentence, else the two
 * organizations of the previous sentence; [] if none.
 */
function namedPairBefore(ctx: RuleContext, at: number): Party[] {
  let last = -1;
  ctx.parties.forEach((p, k) => {
    if (p.end <= at && isActor(p) && p.type !== 'Event') last = k;
  });
  if (last >= 0) {
    const listed = listTo(ctx, last).filter((p) => isActor(p) && p.type !== 'Event');
    if (listed.length >= 2) return listed;
  }
  // 甲与乙签署协议。根据协议,双方将共建X: the two organizations of the previous sentence
  const pair = distinct(ctx.previous.filter((p) => isActor(p) && p.type !== 'Event' && p.type !== 'Region'));
  return pair.length === 2 ? pair : [];
}

const OPERATOR = /(?:运营|管理|运维|托管)(?:方|单位|主体)/g;
/** A generic noun for a platform right before 运营方 (中心运营方, 园区的运营单位): the platform last named. */
const PLATFORM_NOUN = /(?:中心|园区|基地|平台|飞地|产业园|科技园|孵化器|加速器|实验室)(?:的)?$/;

/**
 * X运营方Y / 中心运营方Y / Y为X的运营方: Y manages X, with X the party written right before (or the platform
 * a generic 中心, 园区 … refers back to).
 */
export function operatorRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, OPERATOR)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    const head = s.text.slice(0, hit.at - s.start);
    const after = /^(?:为|是|:|：)?/.exec(s.text.slice(hit.end - s.start))![0].length;
    let manager = ctx.parties.find((p) => p.start === hit.end + after && isOrg(p));
    const managedEnd = hit.at - (head.endsWith('的') ? 1 : 0);
    if (!manager) {
      // Y为(该)X(的)运营方
      const m = /(?:为|是|作为)(?:该)?([^,，。;；]{0,16})$/.exec(head);
      if (!m) continue;
      const at = s.start + m.index;
      manager = [...ctx.parties].reverse().find((p) => p.end === at && isOrg(p));
    }
    if (!manager) continue;
    const managed =
      ctx.parties.find((p) => p.end === managedEnd && p.type === 'Platform') ??
      (PLATFORM_NOUN.test(head) ? ctx.lastOfType(['Platform'], hit.at) : null);
    if (!managed || managed.id === manager.id) continue;
    ctx.emit({
      type: 'MANAGES',
      source: manager.id,
      target: managed.id,
      at: hit.at,
      rule: 'operator',
      confidence: 0.7,
    });
  }
}

/** 担任(基金)管理人 / 普通合伙人 / 运营方: who manages the fund (or platform) the text is about. */
const MANAGER_ROLE =
  /担任(?:该|本)?(?:基金|园区|平台|中心)?的?(?:基金管理人|管理人|管理机构|普通合伙人|执行事务合伙人|运营方|运营机构|运营主体)/g;

/**
 * A担任基金管理人, or 由A与B共同发起设立,后者担任基金管理人: A (or the latter, the former of the two actors
 * named before) manages the fund last named (the platform, for 运营方).
 */
export function managerRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, MANAGER_ROLE)) {
    const head = s.text.slice(0, hit.at - s.start);
    const actors = ctx.parties.filter(
      (p) => p.end <= hit.at && isActor(p) && p.type !== 'Fund' && p.type !== 'Region',
    );
    const ref = /(前者|后者)$/.exec(head)?.[1];
    const manager = ref
      ? actors.at(ref === '后者' ? -1 : -2)
      : actors.filter((p) => p.start >= clauseAround(s, hit.at).start).at(-1);
    const managed = ctx.lastOfType(/运营/.test(hit.word) ? ['Platform'] : ['Fund'], hit.at);
    if (!manager || !managed || manager.id === managed.id) continue;
    ctx.emit({
      type: 'MANAGES',
      source: manager.id,
      target: managed.id,
      at: hit.at,
      rule: 'manager',
      confidence: 0.75,
    });
  }
}
