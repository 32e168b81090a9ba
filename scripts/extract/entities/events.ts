// Named events: meetings, fairs, forums … with a specific qualifier (quotes, an ordinal such as 第二届,
// a place or a long descriptive name). Bare 会议 or 座谈会 are references, not names.
import { isRegionWord } from './regions.ts';
import { endsOnToken, hasProperPart } from './organizations.ts';
import type { Mention, SentenceContext } from './types.ts';
import { tokenAt, walkLeft } from './walk.ts';

const EVENT_SUFFIXES = [
  '座谈会',
  '大会',
  '会议',
  '论坛',
  '博览会',
  '交易会',
  '洽谈会',
  '推介会',
  '对接会',
  '发布会',
  '峰会',
  '对话会',
  '交流会',
  '研讨会',
  '年会',
  '展览会',
  '招商会',
  '签约会',
  '观摩会',
  '推进会',
  '恳谈会',
  '联席会议',
  '现场会',
  '见面会',
  '活动',
  '大赛',
  '创新创业大赛',
  '行动',
  // ceremonies and themed weeks are named when qualified (粤X协作项目签约仪式, “某某科技人才交流周”)
  '签约仪式',
  '启动仪式',
  '揭牌仪式',
  '开幕式',
  '交流周',
  '活动周',
  '宣传周',
  '科技周',
].sort((a, b) => b.length - a.length);
const ORDINAL_BEFORE = /(?:第[一二三四五六七八九十百\d]+届|首届|\d{4}年?)$/;
const OTHER_SUFFIX = new Set(['行动']);
/** Campaign words name an event only when quoted, numbered or joined to a named event (…暨…活动). */
const WEAK_SUFFIX = new Set(['活动', '行动']);

export function findEvents(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  const usedEnds = new Set<number>();
  for (const suffix of EVENT_SUFFIXES) {
    let from = 0;
    for (let at = ctx.text.indexOf(suffix, from); at >= 0; at = ctx.text.indexOf(suffix, from)) {
      from = at + 1;
      const sStart = ctx.start + at;
      const sEnd = sStart + suffix.length;
      if (usedEnds.has(sEnd) || !endsOnToken(ctx.tokens, sEnd)) continue;
      const k = tokenAt(ctx.tokens, sStart);
      if (k < 0) continue;
      let start = walkLeft(ctx.tokens, k, 0, 'event', isRegionWord);
      const before = ORDINAL_BEFORE.exec(ctx.text.slice(0, start - ctx.start));
      if (before) start -= before[0].length;
      const name = ctx.text.slice(start - ctx.start, sEnd - ctx.start);
      const qualifier = name.slice(0, name.length - suffix.length);
      const quoted = /[“"《]/.test(qualifier);
      const named =
        quoted || Boolean(before) || hasProperPart(ctx.tokens, start, sStart) || qualifier.length >= 8;
      if (!named || qualifier.length < 2) continue;
      if (WEAK_SUFFIX.has(suffix) && !quoted && !before && !qualifier.includes('暨')) continue;
      usedEnds.add(sEnd);
      const type = OTHER_SUFFIX.has(suffix) ? 'Other' : 'Event';
      out.push({ start, end: sEnd, surface: name, type, canonical: name, sentence: ctx.index });
    }
  }
  return out;
}
