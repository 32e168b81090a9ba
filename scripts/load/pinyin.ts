// Pinyin search keys for entity names: full pinyin and initials, lowercase, no tones or spaces,
// so '宁夏' is found by typing 'ningxia' or 'nx'.
import { pinyin } from 'pinyin-pro';

function compact(parts: string[]): string {
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The keys of one string: [full, initials] (one key when they coincide, none for empty). */
export function pinyinKeysOf(text: string): string[] {
  const full = compact(pinyin(text, { toneType: 'none', type: 'array' }));
  const initials = compact(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }));
  return [...new Set([full, initials].filter((key) => key.length > 0))];
}

/** Sorted distinct keys of all names, the form kept on the node (merges are order-independent). */
export function pinyinKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) for (const key of pinyinKeysOf(name)) keys.add(key);
  return [...keys].sort();
}
