// Events: hosts and participants (A在R召开E, 由A主办, X、Y参加会议, 会上 …) and where the event took place.
import { isPlaceRun } from '../entities/regions.ts';
import { regionId } from '../gazetteer/index.ts';
import { clauseAround, isOrg, triggerHits, type Party, type RuleContext } from './context.ts';

const HELD = /召开|举办|举行|开幕|主持召开|组织召开/;
const JOIN = /参加|出席|参会|与会|应邀参加|参与/;
const AT_MEETING = /^(?:[^,，。]{0,12}?(?:会上|会议上|期间会上)|会上)[,，]/;

function locationBefore(ctx: RuleContext, at: number, clauseStart: number): Party | null {
  const s = ctx.sentence;
  const zai = s.text.lastIndexOf('在', at - s.start);
  if (zai < 0 || s.start + zai < clauseStart) return null;
  const from = s.start + zai + 1;
  return (
    ctx.parties.find((p) => p.start === from && (p.type === 'Region' || p.type === 'Other')) ??
    // 在青海省某某州某某县举行: the places before the last only qualify it
    ctx.parties.find(
      (p) =>
        p.type === 'Region' &&
        p.start > from &&
        p.end <= at &&
        isPlaceRun(s.text.slice(from - s.start, p.start - s.start)),
    ) ??
    null
  );
}

export function heldRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  for (const hit of triggerHits(s, HELD)) {
    const clause = clauseAround(s, hit.at);
    const after = ctx.parties.find((p) => p.type === 'Event' && p.start >= hit.end && p.start - hit.end <= 4);
    const before = [...ctx.parties]
      .reverse()
      .find((p) => p.type === 'Event' && p.end <= hit.at && p.start >= clause.start);
    const event = after ?? before;
    if (!event) continue;
    const place = locationBefore(ctx, hit.at, clause.start);
    if (place)
      ctx.emit({
        type: 'LOCATED_IN',
        source: event.id,
        target: place.id,
        at: hit.at,
        rule: 'held-in',
        confidence: 0.85,
      });
    // 在南宁国际会展中心开幕: a venue named after its city is in that city (event → venue → city)
    if (place && place.type === 'Other' && place.regionCode)
      ctx.emit({
        type: 'LOCATED_IN',
        source: place.id,
        target: regionId(place.regionCode),
        at: hit.at,
        rule: 'held-in-venue',
        confidence: 0.75,
      });
    if (!after) continue;
    const hosts = ctx.parties.filter(
      (p) =>
        p.end <= hit.at &&
        p !== place &&
        p.type !== 'Event' &&
        p.type !== 'Other' &&
        (p.type !== 'Region' || p.start < clause.start || !place),
    );
    for (const h of hosts) {
      if (h.type === 'Region' && hosts.some((o) => o.type !== 'Region')) continue;
      ctx.emit({
        type: 'PARTICIPATED_IN',
        source: h.id,
        target: event.id,
        at: hit.at,
        rule: 'host',
        confidence: 0.75,
      });
    }
  }
}

export function joinRule(ctx: RuleContext): void {
  const s = ctx.sentence;
  const atMeeting = AT_MEETING.test(s.text);
  const hits = triggerHits(s, JOIN);
  if (!atMeeting && hits.length === 0) return;
  for (const hit of hits) {
    const clause = clauseAround(s, hit.at);
    const named = ctx.parties.find((p) => p.type === 'Event' && p.start >= hit.end && p.start < clause.end);
    const event = named ?? ctx.lastEvent();
    if (!event) continue;
    // officials 出席/主持 (people attend); organizations 参加 (a person's organization does not by itself)
    const attends =
      /出席|主持/.test(hit.word) &&
      ctx.parties.some((p) => p.type === 'Person' && p.end <= hit.at && p.start >= clause.start);
    const who = ctx.parties.filter(
      (p) =>
        p.end <= hit.at &&
        p.start >= clause.start - (attends ? 0 : s.text.length) &&
        (attends ? p.type === 'Person' : isOrg(p) && p.type !== 'Event'),
    );
    for (const p of who)
      ctx.emit({
        type: 'PARTICIPATED_IN',
        source: p.id,
        target: event.id,
        at: hit.at,
        rule: 'join',
        confidence: 0.7,
      });
  }
  if (atMeeting) {
    const event = ctx.lastEvent();
    if (!event) return;
    // what the parties plan (…,双方将共建X) is not who was at the meeting
    const plan = s.text.search(/将|拟|计划/);
    const until = plan < 0 ? s.end : s.start + plan;
    for (const p of ctx.parties.filter((x) => isOrg(x) && x.type !== 'Event' && x.start < until)) {
      ctx.emit({
        type: 'PARTICIPATED_IN',
        source: p.id,
        target: event.id,
        at: p.start,
        rule: 'at-meeting',
        confidence: 0.65,
      });
    }
  }
}
