// Where organizations are: A是R一家…企业, A位于R, (该基金)在R完成注册, A入驻B (a platform).
import { isPlaceRun, isRegionWord } from '../entities/regions.ts';
import { isActor, type RuleContext } from './context.ts';
import { topicOf } from './founders.ts';

const IS_A = /^是(?:位于)?$/;
const LOCATED = /(?:位于|坐落于|地处|总部位于|落户)$/;
const REGISTERED = /^(?:完成注册|注册成立|注册|揭牌成立|揭牌|挂牌|开园|启用|正式运营|成立)/;
const SETTLED = /入驻$/;

export function locationRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  const ps = ctx.parties;
  ps.forEach((r, i) => {
    const before = s.text.slice(Math.max(0, r.start - s.start - 4), r.start - s.start);
    const after = s.text.slice(r.end - s.start, r.end - s.start + 8);
    if (r.type === 'Region' || r.type === 'Other') {
      const subject = [...ps.slice(0, i)].reverse().find((p) => isActor(p) && p.type !== 'Region');
      const gap = subject ? s.text.slice(subject.end - s.start, r.start - s.start) : '';
      if (subject && IS_A.test(gap) && /^(?:的)?(?:一家|一所|一个|一座|唯一)/.test(after)) {
        ctx.emit({
          type: 'LOCATED_IN',
          source: subject.id,
          target: r.id,
          at: r.start,
          rule: 'is-a-in',
          confidence: 0.8,
        });
      } else if (subject && LOCATED.test(gap.trim())) {
        ctx.emit({
          type: 'LOCATED_IN',
          source: subject.id,
          target: r.id,
          at: r.start,
          rule: 'located',
          confidence: 0.85,
        });
      } else if (r.type === 'Region' && zaiBefore(ctx, i) && REGISTERED.test(after)) {
        const near = [...ps.slice(0, i)]
          .reverse()
          .find((p) => isActor(p) && p.type !== 'Region' && p.type !== 'Event');
        const sameClause = near && !/[,，;；]/.test(s.text.slice(near.end - s.start, r.start - s.start));
        const topic = sameClause ? near : topicOf(ctx, r.start);
        if (topic)
          ctx.emit({
            type: 'LOCATED_IN',
            source: topic.id,
            target: r.id,
            at: r.start,
            rule: 'registered-in',
            confidence: 0.75,
          });
      }
    }
    if (r.type === 'Platform' && SETTLED.test(before) && i > 0) {
      const tenant = ps[i - 1]!;
      if (isActor(tenant) && s.text.slice(tenant.end - s.start, r.start - s.start) === '入驻') {
        ctx.emit({
          type: 'PARTICIPATED_IN',
          source: tenant.id,
          target: r.id,
          at: r.start,
          rule: 'settled-in',
          confidence: 0.6,
        });
      }
    }
  });
}

/** 在R,…X已建成: a sentence opening with a place locates the platforms it names. */
export function placeRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  // also after a dateline (某社某地某日电(记者 某某)在R,…)
  const m = /^(?:[^,，。]{2,24}?(?:电|讯)(?:\([^()]{0,20}\))?\s?)?在([^,，。]{2,12})[,，]/.exec(s.text);
  if (!m) return;
  const at = s.start + m[0].length - 1 - m[1]!.length;
  // 在某省某市,: the innermost place of the run
  const place = ctx.parties.findLast(
    (p) => p.start >= at && p.end === at + m[1]!.length && p.type === 'Region' && isPlaceRun(m[1]!),
  );
  if (!place) return;
  for (const p of ctx.parties) {
    if (p.type === 'Platform' || p.type === 'ResearchInstitute')
      ctx.emit({
        type: 'LOCATED_IN',
        source: p.id,
        target: place.id,
        at: p.start,
        rule: 'opening-place',
        confidence: 0.6,
      });
  }
}

/** 在R or 在Q R (天津市滨海新区: a qualifying region name right before R) precedes party i. */
function zaiBefore(ctx: RuleContext, i: number): boolean {
  const s = ctx.sentence;
  const before = s.text.slice(
    Math.max(0, ctx.parties[i]!.start - s.start - 9),
    ctx.parties[i]!.start - s.start,
  );
  if (before.endsWith('在')) return true;
  const m = /在([\u4e00-\u9fff]{2,8})$/.exec(before);
  return Boolean(m && isRegionWord(m[1]!));
}
