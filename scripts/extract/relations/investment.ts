// Investment stated with a verb: A(在R)投资(设立|建设)X, 苏州、无锡等地企业在汉中投资设厂, 深圳企业投资建设的X.
// Investors are the actors before the verb in its clause; the investee is the named object, else the place.
import type { ExtractedEntityType } from '../../../contract/vocabulary.ts';
import { clauseAround, insideParty, isActor, triggerHits, type Party, type RuleContext } from './context.ts';
import { topicOf } from './founders.ts';
import { listFrom, listTo } from './symmetric.ts';

const INVEST = /投资|注资|入股|增资|出资/;
/** 投资 used as a noun (总投资, 投资导向, 投资金额): not a statement that someone invested. */
const NOUN_BEFORE = /(?:总|拟|意向|招商|的)$/;
const INVESTED_SUM =
  /^(?:约|近|超过?|逾)?[\d.,]+多?(?:万|亿)*(?:元|美元|欧元|港元)(?:人民币)?(?:建设|兴建|新建|打造|建成)的/;
const NOUN_AFTER =
  /^(?:导向|方向|理念|环境|机构|项目|金额|协议|规模|主体|人|者|基金|公司|管理|控股|集团|服务|促进)/;

const TO_ANAPHOR = /向该(园区|基地|中心|平台|项目|公司|企业|集团|基金|研究院|实验室)(?:累计|共|再|追加)?$/;
const ANAPHOR_TYPES: Record<string, ExtractedEntityType[]> = {
  公司: ['Company'],
  企业: ['Company'],
  集团: ['Company'],
  基金: ['Fund'],
  研究院: ['ResearchInstitute'],
  实验室: ['Platform', 'ResearchInstitute'],
};

export function investRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, INVEST)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    const before = s.text.slice(0, hit.at - s.start);
    const after = s.text.slice(hit.end - s.start);
    if (NOUN_BEFORE.test(before) || NOUN_AFTER.test(after)) continue;
    const clause = clauseAround(s, hit.at);
    const inClause = ctx.parties.filter(
      (p) => p.start >= clause.start && p.end <= hit.at && isActor(p) && p.type !== 'Event',
    );
    // 向X(、Y)投资: the list right after 向 receives the money, it does not invest
    const toList = recipientsBefore(ctx, inClause, hit.at);
    // 在R(、S)投资: the place(s) right before the verb are where the money goes
    const zai = before.lastIndexOf('在');
    const zaiAt = zai >= 0 ? s.start + zai : -1;
    const places = zaiAt >= clause.start ? inClause.filter((p) => p.start > zaiAt) : [];
    const investors = inClause.filter((p) => !places.includes(p) && !toList.includes(p));
    const lastInvestor = investors[investors.length - 1];
    let who = lastInvestor
      ? listTo(ctx, ctx.parties.indexOf(lastInvestor)).filter((p) => investors.includes(p))
      : [];
    // no investor in the clause (基金已向X投资…) or only a partner (并与Z共同向X投资): the sentence's
    // explicit topic (基金, 该公司) invests too
    const partnerOnly = who.length > 0 && /[与和同]$/.test(s.text.slice(0, who[0]!.start - s.start));
    if (who.length === 0 || partnerOnly) {
      const topic = topicOf(ctx, hit.at, true);
      if (topic && !toList.includes(topic)) who = [topic, ...who];
    }
    // A、B分别与C签约,在P投资…: the list opening the sentence invests
    if (who.length === 0) {
      const first = ctx.parties.findIndex((p) => isActor(p) && p.type !== 'Region' && p.type !== 'Event');
      const head = first >= 0 ? ctx.parties[first]! : null;
      const opens =
        head && head.end <= clause.start && /^[\d月日年,，\s]*$/.test(s.text.slice(0, head.start - s.start));
      if (opens) who = [head];
      // the list goes on over 、/和/及 only (甲与乙签约: 乙 is the other side, not an investor)
      for (let k = first + 1; opens && k < ctx.parties.length; k++) {
        const p = ctx.parties[k]!;
        if (
          p.end > clause.start ||
          !isActor(p) ||
          !/^(?:、|和|及|以及)$/.test(gapBefore(ctx, p, who.at(-1)!))
        )
          break;
        who.push(p);
      }
    }
    // 其中A出资…: with no object, the money goes to the fund the sentence is about
    if (who.length === 0) continue;
    // 投资35亿元建设的X: the sum (and the building verb) between the verb and its object
    const sum = INVESTED_SUM.exec(after)?.[0].length ?? 0;
    const oi = ctx.parties.findIndex(
      (p) => p.start >= hit.end && p.start - hit.end - sum <= 6 && p.end <= clause.end && p.type !== 'Person',
    );
    let objects: Party[] = oi >= 0 ? listFrom(ctx, oi).filter(isActor) : toList.length ? toList : places;
    // 向该园区投资: the anaphor names the last platform (company, fund …) of the text
    const anaphor = objects.length === 0 ? TO_ANAPHOR.exec(before) : null;
    if (anaphor) {
      const ref = ctx.lastOfType(ANAPHOR_TYPES[anaphor[1]!] ?? ['Platform'], s.start + anaphor.index);
      if (ref) objects = [ref];
    }
    if (objects.length === 0 && hit.word === '出资') {
      const fund = ctx.parties.filter((p) => p.type === 'Fund' && p.end <= clause.start).at(-1);
      if (fund) objects = [fund];
    }
    if (objects.length === 0) {
      // 在R,某地企业投资建设的…: the sentence's opening place receives the investment
      const open = /^在([^,，。]{2,12})[,，]/.exec(s.text);
      const place = open && ctx.parties.find((p) => p.start === s.start + 1 && p.type === 'Region');
      if (place) objects = [place];
    }
    for (const a of who) {
      for (const b of objects) {
        if (a.id === b.id || related(a.id, b.id)) continue;
        ctx.emit({
          type: 'INVESTMENT',
          source: a.id,
          target: b.id,
          at: hit.at,
          rule: 'invest',
          confidence: 0.7,
        });
      }
    }
  }
}

/** The list X(、Y) of `向X、Y(累计|共)?投资`: parties introduced by 向 that end right before the verb. */
function recipientsBefore(ctx: RuleContext, inClause: Party[], verbAt: number): Party[] {
  const s = ctx.sentence;
  const last = inClause.at(-1);
  if (!last || !/^(?:累计|共|先后|已|再|合计)?$/.test(s.text.slice(last.end - s.start, verbAt - s.start)))
    return [];
  const list = listTo(ctx, ctx.parties.indexOf(last));
  return s.text[list[0]!.start - s.start - 1] === '向' ? list : [];
}

/** A向R投入…资金: money put into a place (or an organization) by the subject of the clause. */
export function fundsRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  ctx.parties.forEach((r, i) => {
    if (s.text[r.start - s.start - 1] !== '向') return;
    const after = s.text.slice(r.end - s.start, r.end - s.start + 14);
    if (!/^(?:累计|共|先后|已)?(?:投入|注入|拨付|安排)[^,，。]{0,6}(?:资金|资本|经费)/.test(after)) return;
    const clause = clauseAround(s, r.start);
    const giver = [...ctx.parties.slice(0, i)]
      .reverse()
      .find((p) => p.start >= clause.start && isActor(p) && p.type !== 'Event');
    if (!giver || giver.id === r.id || related(giver.id, r.id)) return;
    ctx.emit({
      type: 'INVESTMENT',
      source: giver.id,
      target: r.id,
      at: r.end,
      rule: 'funds-to',
      confidence: 0.6,
    });
  });
}

/** 安排/投入/拨付…资金(经费): a grant, when what it supports (支持X、Y建设) follows in the sentence. */
const GRANT = /(?:安排|投入|拨付|下达|统筹)[^,，。;；]{0,10}?(?:资金|经费)/g;

/**
 * A安排…资金,支持X(、Y)建设: the actor before the grant invests in each organization or platform named
 * right after the following 支持 (a region after 支持 is where the money goes only with 在, so not here).
 */
export function grantRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, GRANT)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    const clause = clauseAround(s, hit.at);
    const giver = ctx.parties
      .filter((p) => p.start >= clause.start && p.end <= hit.at && isActor(p) && p.type !== 'Event')
      .at(-1);
    const support = /^[^。;；]{0,12}?支持/.exec(s.text.slice(hit.end - s.start));
    if (!giver || !support) continue;
    const from = hit.end + support[0].length;
    const first = ctx.parties.findIndex((p) => p.start >= from && p.start - from <= 1);
    if (first < 0) continue;
    for (const b of listFrom(ctx, first).filter((p) => isActor(p) && p.type !== 'Region')) {
      if (b.id === giver.id || related(giver.id, b.id)) continue;
      ctx.emit({
        type: 'INVESTMENT',
        source: giver.id,
        target: b.id,
        at: hit.at,
        rule: 'grant',
        confidence: 0.6,
      });
    }
  }
}

/** The text between two parties of the sentence (a before b). */
function gapBefore(ctx: RuleContext, b: Party, a: Party): string {
  return ctx.sentence.text.slice(a.end - ctx.sentence.start, b.start - ctx.sentence.start);
}

/** 对X(、Y)的(首笔|新一轮)投资: X receives the money of the clause's actor (or of the topic, 该基金). */
const TOWARD = /^的(?:首笔|首轮|首次|新一轮|又一笔|第[一二三四五六七八九十\d]+[笔轮])?(?:股权)?投资/;
/** 出资人(有限合伙人)包括A、B和C: each listed party invests in the fund the text is about. */
const SUBSCRIBERS = /(?:出资人|有限合伙人|LP|认缴方)(?:包括|为|有|是)[:：]?$/;

export function towardRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  ctx.parties.forEach((p, i) => {
    if (!isActor(p)) return;
    const sides = towardSides(ctx, p, i) ?? subscriberSides(ctx, p, i);
    if (!sides) return;
    for (const a of sides.investors)
      for (const b of sides.investees) {
        if (a.id === b.id || related(a.id, b.id)) continue;
        ctx.emit({
          type: 'INVESTMENT',
          source: a.id,
          target: b.id,
          at: p.start,
          rule: 'toward',
          confidence: 0.7,
        });
      }
  });
}

type Sides = { investors: Party[]; investees: Party[] } | null;

/** 对X(、Y)的…投资 with X at index i. */
function towardSides(ctx: RuleContext, p: Party, i: number): Sides {
  const s = ctx.sentence;
  if (!s.text.slice(0, p.start - s.start).endsWith('对')) return null;
  const list = listFrom(ctx, i).filter(isActor);
  if (!TOWARD.test(s.text.slice(list.at(-1)!.end - s.start))) return null;
  const clause = clauseAround(s, p.start);
  const actor = [...ctx.parties]
    .reverse()
    .find((a) => a.end <= p.start - 1 && a.start >= clause.start && isActor(a) && a.type !== 'Region');
  const who = actor ?? topicOf(ctx, p.start, true);
  return who ? { investors: [who], investees: list } : null;
}

/** 出资人包括A、B和C with A at index i. */
function subscriberSides(ctx: RuleContext, p: Party, i: number): Sides {
  const s = ctx.sentence;
  if (!SUBSCRIBERS.test(s.text.slice(0, p.start - s.start))) return null;
  const fund = ctx.lastOfType(['Fund'], p.start);
  if (!fund) return null;
  return { investors: listFrom(ctx, i).filter((x) => isActor(x) && x.type !== 'Fund'), investees: [fund] };
}

const INPUT = /(?:追加|新增|累计|再|另)投入[^,，。;；]{0,8}?(?:资金|经费)/g;

/**
 * 研究院将…,A追加投入研发经费2000万元: money an actor puts in, with no 向 and no object, goes to what the
 * sentence is about (a bare 研究院, 基金, 园区 … opening a clause, or 该X).
 */
export function inputRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, INPUT)) {
    const clause = clauseAround(s, hit.at);
    if (s.text.slice(clause.start - s.start, hit.at - s.start).includes('向')) continue;
    const giver = [...ctx.parties]
      .reverse()
      .find((p) => p.end <= hit.at && p.start >= clause.start && isActor(p) && p.type !== 'Region');
    const topic = topicOf(ctx, clause.start, true);
    if (!giver || !topic || topic.id === giver.id || related(giver.id, topic.id)) continue;
    ctx.emit({
      type: 'INVESTMENT',
      source: giver.id,
      target: topic.id,
      at: hit.at,
      rule: 'input',
      confidence: 0.6,
    });
  }
}

const RECEIVED_BEFORE = /(?:获得|获|引入|完成)了?$/;
const RECEIVED_AFTER = /^(?:的)?(?:战略|股权|天使轮|[A-D]轮)?(?:投资|注资|增资|领投)/;

/** A获得B投资…, A引入B战略投资: the money goes from B to A, the actor before the verb in its clause. */
export function receivedRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const b of ctx.parties) {
    if (!isActor(b) || b.type === 'Region' || b.type === 'Event') continue;
    const rel = b.start - s.start;
    if (!RECEIVED_BEFORE.test(s.text.slice(Math.max(0, rel - 3), rel))) continue;
    if (!RECEIVED_AFTER.test(s.text.slice(b.end - s.start, b.end - s.start + 12))) continue;
    const clause = clauseAround(s, b.start);
    const a = [...ctx.parties]
      .reverse()
      .find((p) => p.end < b.start && p.start >= clause.start && isActor(p) && p.type !== 'Event');
    if (!a || a.id === b.id || related(a.id, b.id)) continue;
    ctx.emit({
      type: 'INVESTMENT',
      source: b.id,
      target: a.id,
      at: b.end,
      rule: 'received',
      confidence: 0.7,
    });
  }
}
