// People: a role word followed by a 2–3 character name with a known surname (副市长王某, 负责人李某某说),
// or a segmenter person name followed by a role or a verb of speech (王某某表示).
import { AFTER_NAME, ROLE_WORDS } from '../lexicon/roles.ts';
import { surnameLength } from '../lexicon/surnames.ts';
import { isRegionWord } from './regions.ts';
import type { Mention, SentenceContext } from './types.ts';

const NAME_CHARS = /^[\u4e00-\u9fff]+$/;
const NOT_NAME = /[的了和与及在是等为对将把被从向以其这那个们]/;
const ROLE_SEP = /^[、和及]/;
const TRANSLIT_CHARS =
  '不丽乌买亚仁依克兰其力加努卓南古合吉吐吾和哈图土地培堆增夏多央姆娃娜孜宗宝尔尼巴布帕平德才扎拉措提敦斯旦旺普曲曼朗木杰格' +
  '桑次江洪热特玛珠瓦登白米索罗美群肉艾苏西觉让贡赛边达迪逊那都金阿雅音顿额麦';
const TRANSLIT = new RegExp(
  `(${'局长|主任|书记|县长|州长|副局长|副主任|负责人|专家|教授|村民|牧民|干部'})([${TRANSLIT_CHARS}·]{4,8})(?=说|表示|介绍|指出|告诉|称)`,
  'g',
);
/** All role words in one alternation, longest first (ROLE_WORDS is sorted so). */
const ROLE_RE = new RegExp(ROLE_WORDS.join('|'), 'g');
/**
 * A transliterated name with a middle dot (某某·某某) after any role word: the dot makes it a name whatever
 * follows; it ends before a conjunction, a clause mark or a verb of joint action.
 */
const TRANSLIT_DOT = new RegExp(
  `(${ROLE_WORDS.join('|')})([\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,7}?){1,2}?)` +
    '(?=$|[与和及同、,，。;;:：(（\\s]|共同|一起|一行|说|表示|介绍|指出|出席|参加|等|在|为|带领|率|陪同)',
  'g',
);
const SPEAKER = /(?<=[户员者师工农民生])([\u4e00-\u9fff]{2,3}?)(说|表示|介绍|告诉记者|坦言)/g;
/**
 * An honorific or academic title right after a name (周某博士, 李某教授) ends the name like a verb does, and
 * so does the group a person leads (李某团队, 王某课题组).
 */
const TITLE_AFTER = /^(?:博士|教授|研究员|院士|同志|先生|女士|老师|一行|团队|课题组|工作室|科研团队)/;
/**
 * A one-character adverb then a verb or preposition after a name (王某则在…, 李某也表示…): the name ends
 * before the adverb. The verb is required: 都, 还 … also occur inside transliterated names.
 */
const ADVERB_AFTER =
  /^(?:则|也|还|又|就|便|都|已|曾|正|亦|更)(?:在|是|对|向|为|把|从|与|和|带|将|有|表示|说|介绍|指出|认为|强调|参加|出席|扎根|深入|赴|到|来)/;
const SPEECH_AFTER = /^(?:表示|说|介绍|指出|强调|认为|称|透露|告诉|坦言|回忆|解释|提出|建议)/;
/** Tags of common words (计划/n, 服务/vn): a one-token "name" with one of them is usually not a name. */
const COMMON_TAGS = new Set(['n', 'v', 'vn', 'a', 'an', 'ad', 'd', 'l', 'i']);
/** A name right after a list separator, followed by its organization in brackets. */
const LISTED = /(?<=^|[:：、,，;；\s])([\u4e00-\u9fff]{2,4})([(（][^()（）\n]{2,30}[)）])/g;
const ORG_END = /(?:大学|学院|研究院|研究所|科学院|研究中心|公司|集团|中心|实验室|局|厅|委员会|政府|医院)$/;

/** Is the text at [start, start+len) one token that the segmenter tags as a common word? */
function commonWord(ctx: SentenceContext, start: number, len: number): boolean {
  const t = ctx.tokens.find((x) => x.start === start);
  return t !== undefined && t.end === start + len && COMMON_TAGS.has(t.tag);
}

/** 联系人:(某单位某处 )王某: the contact person closing a notice. */
const CONTACT = /联系人[:：](?:[^,，。;；\n]*?\s)?([\u4e00-\u9fff]{2,3})(?=$|[\s,，;；(（\d])/g;

/** Role run ending at `end` (市委常委、副市长): returns its start, or -1. */
function roleRunBefore(text: string, end: number): { start: number; role: string } | null {
  let pos = end;
  const roles: string[] = [];
  for (;;) {
    const role = ROLE_WORDS.find((r) => text.startsWith(r, pos - r.length));
    if (!role) break;
    roles.unshift(role);
    pos -= role.length;
    if (ROLE_SEP.test(text.slice(pos - 1, pos))) pos -= 1;
    else break;
  }
  if (roles.length === 0) return null;
  if (text[pos] === '、') pos++;
  return { start: pos, role: roles.join('、') };
}

export function acceptName(name: string): boolean {
  if (!NAME_CHARS.test(name) || NOT_NAME.test(name)) return false;
  const sl = surnameLength(name);
  return sl > 0 && name.length - sl >= 1 && name.length - sl <= 2;
}

/** A person mention of `name` at `start` in the sentence `ctx`, with the role it was found by. */
function personAt(ctx: SentenceContext, start: number, name: string, role?: string): Mention {
  return {
    start,
    end: start + name.length,
    surface: name,
    type: 'Person',
    canonical: name,
    sentence: ctx.index,
    ...(role ? { role } : {}),
  };
}

export function findPersons(ctx: SentenceContext): Mention[] {
  const out: Mention[] = [];
  const text = ctx.text;
  ROLE_RE.lastIndex = 0;
  for (let hit = ROLE_RE.exec(text); hit; hit = ROLE_RE.exec(text)) {
    const role = hit[0];
    const i = hit.index;
    // 某某厅厅长 王某: a byline may put a space between the title and the name
    const nameStart = i + role.length + (text[i + role.length] === ' ' ? 1 : 0);
    // 王波说: a two-character name right before a verb of speech, not 王波说 as a name
    const lengths = /^(?:说|表示|介绍|指出|称|强调|认为|坦言|透露)/.test(text.slice(nameStart + 2))
      ? [2]
      : [3, 2, 4];
    for (const len of lengths) {
      const name = text.slice(nameStart, nameStart + len);
      if (name.length < len || !acceptName(name)) continue;
      const rest = text.slice(nameStart + len);
      if (len === 3 && ADVERB_AFTER.test(name.slice(2) + rest)) continue;
      if (rest.length > 0 && !AFTER_NAME.test(rest) && !TITLE_AFTER.test(rest) && !ADVERB_AFTER.test(rest))
        continue;
      if (ROLE_WORDS.some((r) => name.startsWith(r))) continue;
      // 专家计划, 专家服务: a common word the segmenter keeps whole is a name only before a verb of speech
      if (commonWord(ctx, ctx.start + nameStart, len) && !SPEECH_AFTER.test(rest)) continue;
      const run = roleRunBefore(text, nameStart);
      const start = ctx.start + nameStart;
      out.push(personAt(ctx, start, name, run?.role ?? role));
      ROLE_RE.lastIndex = nameStart + len;
      break;
    }
  }
  // transliterated names (Uyghur, Tibetan, Mongolian …) after a role word: no surname to check
  for (const re of text.includes('·') ? [TRANSLIT, TRANSLIT_DOT] : [TRANSLIT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[2]!;
      const start = ctx.start + m.index + m[1]!.length;
      if (out.some((p) => p.start < start + name.length && p.end > start)) continue;
      out.push(personAt(ctx, start, name, m[1]!));
    }
  }
  // 种植户王某说, 技术员李某表示: an occupation noun before a name that speaks
  SPEAKER.lastIndex = 0;
  for (let m = SPEAKER.exec(text); m; m = SPEAKER.exec(text)) {
    const name = m[1]!;
    if (!acceptName(name)) continue;
    const start = ctx.start + m.index;
    if (out.some((p) => p.start === start)) continue;
    out.push(personAt(ctx, start, name));
  }
  CONTACT.lastIndex = 0;
  for (let m = CONTACT.exec(text); m; m = CONTACT.exec(text)) {
    const name = m[1]!;
    if (!acceptName(name)) continue;
    const start = ctx.start + m.index + m[0].length - name.length;
    if (out.some((p) => p.start === start)) continue;
    out.push(personAt(ctx, start, name, '联系人'));
  }
  // 名单如下:王某(某某大学)、李某(某某研究院): a listed name with its organization in brackets
  LISTED.lastIndex = 0;
  for (let m = LISTED.exec(text); m; m = LISTED.exec(text)) {
    const name = m[1]!;
    const start = ctx.start + m.index + m[0].length - name.length - m[2]!.length;
    if (!acceptName(name) || !ORG_END.test(m[2]!.slice(1, -1))) continue;
    if (out.some((p) => p.start < start + name.length && p.end > start)) continue;
    out.push(personAt(ctx, start, name));
  }
  for (let k = 0; k < ctx.tokens.length; k++) {
    const t = ctx.tokens[k]!;
    if (!/^nr/.test(t.tag) || t.word.length < 2 || t.word.length > 4 || !acceptName(t.word)) continue;
    // 玉树州副州长: a place the segmenter tags as a name, before the title of its own officials
    if (isRegionWord(t.word)) continue;
    const rest = text.slice(t.end - ctx.start);
    const role = ROLE_WORDS.find((r) => rest.startsWith(r));
    if (!role && !/^(?:表示|说|介绍|指出|强调|认为|称)/.test(rest)) continue;
    out.push(personAt(ctx, t.start, t.word, role));
  }
  return out;
}
