// Respective amounts: A、B分别投资30亿元和25亿元 / 支持X、Y建设,金额分别为800万元和650万元. When a sentence
// lists two or more amounts after 分别 and states as many relations of one type whose sources (or targets)
// differ, the n-th party in text order gets the n-th amount instead of the first amount of the sentence.
import { SYMMETRIC_RELATIONS } from '../../../contract/vocabulary.ts';
import { findAmounts, type FoundAmount } from '../amounts.ts';
import type { RawRelation } from '../relations/context.ts';

/** Source and target in output order (symmetric relations sorted) and the key that deduplicates them. */
export function orientedKey(r: RawRelation): { a: string; b: string; key: string } {
  const [a, b] =
    SYMMETRIC_RELATIONS.has(r.type as never) && r.target < r.source
      ? [r.target, r.source]
      : [r.source, r.target];
  return { a, b, key: `${r.type}|${a}|${b}` };
}

/** Amounts joined by 和/、/及/与 right after a 分别 (within a few characters): one list per 分别. */
export function respectiveLists(text: string): FoundAmount[][] {
  const amounts = findAmounts(text);
  const out: FoundAmount[][] = [];
  for (let i = 0; i < amounts.length; i++) {
    const head = amounts[i]!;
    if (!/分别[^,，。;；\d]{0,8}$/.test(text.slice(Math.max(0, head.index - 10), head.index))) continue;
    const list = [head];
    while (i + 1 < amounts.length) {
      const prev = list[list.length - 1]!;
      const next = amounts[i + 1]!;
      if (!/^[和、及与]$/.test(text.slice(prev.index + prev.text.length, next.index))) break;
      list.push(next);
      i++;
    }
    if (list.length >= 2) out.push(list);
  }
  return out;
}

/**
 * The amount each relation of a sentence gets from a respective list. `fits` tells whether an amount may
 * belong to a relation type at all (总投资 is not the value of an agreement); a list is used for a type
 * only when every amount of it fits.
 */
export function respectiveAmounts(
  rels: RawRelation[],
  text: string,
  fits: (type: RawRelation['type'], x: FoundAmount) => boolean,
): Map<RawRelation, FoundAmount> {
  const out = new Map<RawRelation, FoundAmount>();
  const lists = respectiveLists(text);
  if (lists.length === 0) return out;
  const byType = new Map<string, RawRelation[]>();
  const keys = new Set<string>();
  for (const r of rels) {
    const key = orientedKey(r).key;
    if (keys.has(key)) continue;
    keys.add(key);
    byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  }
  for (const [type, group] of byType) {
    const list = lists.find((l) => l.length === group.length && l.every((x) => fits(type as never, x)));
    const order = list ? orderOf(group) : null;
    if (!list || !order) continue;
    order.forEach((r, i) => out.set(r, list[i]!));
  }
  return out;
}

/** The relations in the text order of the end that differs between them (null when neither does). */
function orderOf(group: RawRelation[]): RawRelation[] | null {
  const n = group.length;
  const sources = new Set(group.map((r) => r.source)).size;
  const targets = new Set(group.map((r) => r.target)).size;
  const end: 'sourceAt' | 'targetAt' | null =
    sources === n && (targets === 1 || targets === n)
      ? 'sourceAt'
      : targets === n && sources === 1
        ? 'targetAt'
        : null;
  if (!end || group.some((r) => r[end] === undefined)) return null;
  return [...group].sort((a, b) => a[end]! - b[end]!);
}
