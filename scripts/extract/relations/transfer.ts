// Technology transfer stated with a place: (A的)技术在R落地/转化 → A → R, with A the nearest actor of the
// clause or the sentence topic (该研究院 …); 从R引进技术 → R → the sentence's subject; A引进B的技术 → B → A.
import { clauseAround, insideParty, isActor, triggerHits, type Party, type RuleContext } from './context.ts';
import { ancestorsOf, regionsBySurface } from '../gazetteer/index.ts';
import { topicOf } from './founders.ts';
import { listFrom, listTo } from './symmetric.ts';

const APPLIED = /(?:落地转化|转化应用|转移转化|推广应用|落地应用|转化|落地|推广|技术培训|技术指导|技术服务)/;
const IMPORTED = /^(?:引进|引入|承接|受让|购买|购进)/;

export function transferRule(ctx: RuleContext, related: (a: string, b: string) => boolean): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, APPLIED)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    let clause = clauseAround(s, hit.at);
    let head = s.text.slice(clause.start - s.start, hit.at - s.start);
    // A在R建成…,推广新品种12个: a clause opening with the verb takes its place from the clause before
    if (!head.includes('在') && /^(?:并|还|共|累计|已|同时)?$/.test(head) && clause.start > s.start + 1) {
      clause = clauseAround(s, clause.start - 2);
      head = s.text.slice(clause.start - s.start, clause.end - s.start);
    }
    const zai = head.lastIndexOf('在');
    if (zai < 0) continue;
    // 在银川市永宁县推广: the place is the most specific region named after 在 (the parent names it first)
    const after = clause.start + zai + 1;
    const place =
      ctx.parties.find((p) => p.start === after) ??
      ctx.parties.find(
        (p) =>
          p.type === 'Region' &&
          p.start > after &&
          p.start - after <= 12 &&
          p.regionCode !== null &&
          regionsBySurface(s.text.slice(after - s.start, p.start - s.start)).some((r) =>
            isAbove(r.code, p.regionCode!),
          ),
      );
    if (!place) continue;
    // the nearest actor before 在, passing over a region that contains the place (A派驻宁夏的团队在永宁县推广)
    // 组织甲大学、乙研究院等单位在R转化…: every listed provider
    const providers = providersBefore(
      ctx,
      clause.start + zai,
      hit.at,
      (p) => p !== place && !contains(p, place),
    );
    for (const provider of providers) {
      if (provider.id === place.id || related(provider.id, place.id)) continue;
      ctx.emit({
        type: 'TECH_TRANSFER',
        source: provider.id,
        target: place.id,
        at: hit.at,
        rule: 'applied-in',
        confidence: 0.65,
      });
    }
  }
  // (学校)向R转移/转让/输出技术: provider is the clause's actor or the topic it refers back to
  for (const hit of triggerHits(s, /向/)) {
    const ti = ctx.parties.findIndex((p) => p.start >= hit.end && p.start - hit.end <= 4 && isActor(p));
    if (ti < 0) continue;
    const targets = listFrom(ctx, ti).filter(isActor);
    const last = targets[targets.length - 1]!;
    const rest = s.text.slice(last.end - s.start, last.end - s.start + 8);
    if (!/^(?:\S{0,2})(?:转移|转让|输出|推广|推介|转化|移交)/.test(rest)) continue;
    // 甲省、乙省的高校向丙转移…: every listed provider
    const providers = providersBefore(ctx, hit.at, hit.at);
    // A、B分别向X、Y转让…: pairs by position
    const each = /分别$/.test(s.text.slice(0, hit.at - s.start)) && providers.length === targets.length;
    for (const [ti, target] of targets.entries())
      for (const [pi, provider] of providers.entries()) {
        if ((each && pi !== ti) || provider.id === target.id || related(provider.id, target.id)) continue;
        ctx.emit({
          type: 'TECH_TRANSFER',
          source: provider.id,
          target: target.id,
          at: hit.at,
          rule: 'transfer-to',
          confidence: 0.65,
        });
      }
  }
  // A为R提供…技术支持/服务: provider is the actor before 为
  for (const hit of triggerHits(s, /为/)) {
    const target = ctx.parties.find((p) => p.start === hit.end && isActor(p));
    if (!target) continue;
    const rest = s.text.slice(target.end - s.start, target.end - s.start + 16);
    if (!/^(?:\S{0,3})提供[^,，。]{0,10}(?:技术|科技|智力)(?:支持|支撑|服务|指导)/.test(rest)) continue;
    const provider = actorBefore(ctx, hit.at);
    if (!provider || provider.id === target.id || related(provider.id, target.id)) continue;
    ctx.emit({
      type: 'TECH_TRANSFER',
      source: provider.id,
      target: target.id,
      at: hit.at,
      rule: 'support-for',
      confidence: 0.6,
    });
  }
  // A引进B(的)…技术/成果/专利: B's technology goes to A, the nearest actor before the verb
  for (const hit of triggerHits(s, /引进|引入/)) {
    if (insideParty(ctx.parties, hit.at)) continue;
    const src = ctx.parties.find((p) => p.start >= hit.end && p.start - hit.end <= 1 && isActor(p));
    if (!src) continue;
    const rest = s.text.slice(src.end - s.start, src.end - s.start + 14);
    if (!/^[^,，。;；]{0,12}?(?:技术|成果|专利)/.test(rest)) continue;
    const receiver = actorBefore(ctx, hit.at);
    if (!receiver || receiver.id === src.id || related(src.id, receiver.id)) continue;
    ctx.emit({
      type: 'TECH_TRANSFER',
      source: src.id,
      target: receiver.id,
      at: hit.at,
      rule: 'imported-by',
      confidence: 0.6,
    });
  }
  s.tokens.forEach((t, i) => {
    if (t.word !== '从') return;
    const src = ctx.parties.find((p) => p.start === t.end);
    if (!src) return;
    const rest = s.text.slice(src.end - s.start);
    if (!IMPORTED.test(rest) || !/技术|成果|专利/.test(rest.slice(0, 20))) return;
    // 从R引进…的A / A从B受让…技术: the receiver after the source, else the actor before 从
    const receiver =
      ctx.parties.find(
        (p) => p.start > src.end && p.end <= clauseAround(s, t.start).end && isActor(p) && p.id !== src.id,
      ) ?? actorBefore(ctx, t.start, (p) => p.id !== src.id);
    if (receiver && !related(src.id, receiver.id)) {
      ctx.emit({
        type: 'TECH_TRANSFER',
        source: src.id,
        target: receiver.id,
        at: t.start,
        rule: 'imported-from',
        confidence: 0.55,
      });
    }
    void i;
  });
}

/** The nearest actor (passing `also`, if given) that ends before `at` in the clause around it. */
/**
 * The list of actors ending at the nearest one before `at` in its clause (甲、乙等单位), those passing `also`;
 * with none, the sentence's explicit topic (该校, 学校) before `topicAt`.
 */
function providersBefore(
  ctx: RuleContext,
  at: number,
  topicAt: number,
  also: (p: Party) => boolean = () => true,
): Party[] {
  const nearest = actorBefore(ctx, at, also);
  if (nearest) return listTo(ctx, ctx.parties.indexOf(nearest)).filter((p) => isActor(p) && also(p));
  const topic = topicOf(ctx, topicAt, true);
  return topic && isActor(topic) ? [topic] : [];
}

function actorBefore(
  ctx: RuleContext,
  at: number,
  also: (p: Party) => boolean = () => true,
): Party | undefined {
  const clause = clauseAround(ctx.sentence, at);
  return [...ctx.parties]
    .reverse()
    .find((p) => p.end <= at && p.start >= clause.start && isActor(p) && also(p));
}

/** Is the region `code` above the region `inner` (宁夏回族自治区 above 银川市)? */
function isAbove(code: string, inner: string): boolean {
  return ancestorsOf(inner).some((a) => a.code === code);
}

/** Is `outer` a region that contains the region `inner`? */
function contains(outer: Party, inner: Party): boolean {
  return (
    outer.type === 'Region' &&
    !!outer.regionCode &&
    !!inner.regionCode &&
    isAbove(outer.regionCode, inner.regionCode)
  );
}
