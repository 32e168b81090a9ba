// jieba user-dictionary lines (`word freq ns`) for every full name and safe short or literary name,
// so segmentation keeps place names whole. One-character abbreviations are never dictionary words.
import { gazetteer } from './store.ts';

const FULL_NAME_FREQ = 2000;
const SHORT_NAME_FREQ = 800;

let cached: readonly string[] | undefined;

export function regionDictionaryLines(): string[] {
  cached ??= buildLines();
  return [...cached];
}

function buildLines(): string[] {
  const freq = new Map<string, number>();
  for (const [surface, matches] of gazetteer().bySurface) {
    if ([...surface].length < 2) continue;
    const full = matches.some((m) => m.kind === 'full');
    freq.set(surface, Math.max(freq.get(surface) ?? 0, full ? FULL_NAME_FREQ : SHORT_NAME_FREQ));
  }
  return [...freq].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, f]) => `${w} ${f} ns`);
}
