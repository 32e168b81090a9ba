// Abbreviation compounds and patterns: 鲁甘 → 山东 + 甘肃, 京津冀, 闵保 → 闵行 + 保山 (from context),
// 甬企 → 宁波 companies, 援藏 → 西藏. One-character abbreviations are only ever read inside these.
import { ABBREVIATIONS, type AbbreviationEntry } from './abbreviation-table.ts';
import { lookupSurface, regionByCode } from './resolve.ts';
import type { RegionRecord } from './types.ts';

export type AbbreviationRole =
  'companies' | 'businesspeople' | 'location' | 'destination' | 'origin' | 'assisted';

/** Ordinary words made only of abbreviation characters (青云 lofty, 藏青 navy blue, 秦汉 dynasties …). */
const NOT_COMPOUNDS: ReadonlySet<string> = new Set('青云 藏青 深藏 秦汉 汉藏 云汉 新港 深深'.split(' '));
/**
 * Ordinary words that look like a pattern: 出台 (issue a policy), 在新 (in the new …), 贵企 (your
 * company), 云企 (as in 上云企业, companies moving to the cloud), 青企 (young entrepreneurs).
 */
const NOT_PATTERNS: ReadonlySet<string> = new Set(
  '出台 出新 在新 来新 入新 出港 入港 进港 新企 贵企 云企 青企 黑企 新商'.split(' '),
);

const PREFIX_ROLES: Readonly<Record<string, AbbreviationRole>> = {
  在: 'location',
  驻: 'location',
  来: 'destination',
  赴: 'destination',
  入: 'destination',
  进: 'destination',
  出: 'origin',
  援: 'assisted',
};
const SUFFIX_ROLES: Readonly<Record<string, AbbreviationRole>> = { 企: 'companies', 商: 'businesspeople' };

let primaryByChar: Map<string, AbbreviationEntry> | undefined;

/** The entry a character stands for in a compound: the province reading before a city reading. */
function primaryEntry(char: string): AbbreviationEntry | undefined {
  if (!primaryByChar) {
    primaryByChar = new Map();
    for (const e of ABBREVIATIONS) {
      if ([...e.surface].length !== 1) continue;
      const seen = primaryByChar.get(e.surface);
      if (!seen || (seen.kind !== 'province' && e.kind === 'province')) primaryByChar.set(e.surface, e);
    }
  }
  return primaryByChar.get(char);
}

function isRegionName(s: string): boolean {
  return lookupSurface(s).some((m) => m.kind === 'full' || m.kind === 'short' || m.kind === 'literary');
}

/** 2–4 characters made entirely of abbreviations (鲁甘, 沪滇, 京津冀, 粤港澳); null otherwise. */
export function splitAbbreviationCompound(s: string): RegionRecord[] | null {
  const chars = [...s];
  if (chars.length < 2 || chars.length > 4 || NOT_COMPOUNDS.has(s) || isRegionName(s)) return null;
  const entries = chars.map(primaryEntry);
  if (entries.some((e) => e === undefined)) return null;
  const list = entries as AbbreviationEntry[];
  const hasProvince = list.some((e) => e.kind === 'province');
  if (list.some((e) => e.common) && !hasProvince) return null;
  const regions = list.map((e) => regionByCode(e.code));
  if (regions.some((r) => r === undefined)) return null;
  const found = regions as RegionRecord[];
  return new Set(found.map((r) => r.code)).size === found.length ? found : null;
}

function surfacesOf(r: RegionRecord): string[] {
  return [r.name, ...r.shortNames, ...r.abbreviations];
}

/**
 * A compound of first characters of regions named nearby (闵保 → 闵行区 + 保山市 when both are in
 * contextCodes). Each character must pick exactly one context region; otherwise null.
 */
export function splitCompoundInContext(s: string, contextCodes: readonly string[]): RegionRecord[] | null {
  const chars = [...s];
  if (chars.length < 2 || chars.length > 4) return null;
  const context = [...new Set(contextCodes)]
    .map(regionByCode)
    .filter((r): r is RegionRecord => r !== undefined);
  const picked: RegionRecord[] = [];
  for (const c of chars) {
    const hits = context.filter((r) => surfacesOf(r).some((x) => x.startsWith(c)));
    if (hits.length !== 1 || !hits[0]) return null;
    picked.push(hits[0]);
  }
  return new Set(picked.map((r) => r.code)).size === picked.length ? picked : null;
}

/** X企 / X商 / 在X 来X 赴X 入X 进X 出X 驻X 援X with X a one-character abbreviation; null otherwise. */
export function abbreviationInWord(word: string): { region: RegionRecord; role: AbbreviationRole } | null {
  const chars = [...word];
  if (chars.length !== 2 || NOT_PATTERNS.has(word)) return null;
  const [first = '', second = ''] = chars;
  const suffixRole = SUFFIX_ROLES[second];
  const prefixRole = PREFIX_ROLES[first];
  const [char, role] = suffixRole
    ? [first, suffixRole]
    : prefixRole
      ? [second, prefixRole]
      : [undefined, undefined];
  if (!char || !role) return null;
  const entry = primaryEntry(char);
  // Common characters (深, 汉 …) read as places only after 援, where nothing else fits.
  if (!entry || (entry.common && role !== 'assisted')) return null;
  const region = regionByCode(entry.code);
  return region ? { region, role } : null;
}
