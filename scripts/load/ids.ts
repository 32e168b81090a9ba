// Stable identifiers the loader gives to facts and hierarchy edges, so every load of the same
// statement lands on the same relationship whatever the order of documents.
import { createHash } from 'node:crypto';
import { SYMMETRIC_RELATIONS, type RelationType } from '../../contract/vocabulary.ts';

export interface FactKey {
  type: RelationType;
  source: string;
  target: string;
  date?: string | null;
  amount?: number | null;
}

/** Symmetric relations are stored source→target with the smaller id first. */
export function orientFact<T extends { type: RelationType; source: string; target: string }>(fact: T): T {
  if (SYMMETRIC_RELATIONS.has(fact.type) && fact.target < fact.source) {
    return { ...fact, source: fact.target, target: fact.source };
  }
  return fact;
}

/** `fact:` + sha1 of type|source|target|date|amount with symmetric ends sorted. */
export function factId(key: FactKey): string {
  const { type, source, target } = orientFact(key);
  const amount = key.amount === null || key.amount === undefined ? '' : String(key.amount);
  const parts = [type, source, target, key.date ?? '', amount];
  return 'fact:' + createHash('sha1').update(parts.join('|')).digest('hex');
}

export function hierarchyId(childCode: string): string {
  return 'hierarchy:' + childCode;
}
