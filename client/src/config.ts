// Client settings as data: defaults, validation with messages that name the setting, and an optional
// override from localStorage ('dongxi.settings', JSON), so a researcher can raise the limits.
export interface Settings {
  /** Ask before the canvas would hold more than this many elements. */
  maxElementsWarn: number;
  /** Above this many elements: the lighter large-view style, and WebGL if webglForLarge. */
  largeThreshold: number;
  /** Use Cytoscape's WebGL renderer for large views (when the browser has a GPU, not a software rasterizer). */
  webglForLarge: boolean;
  /** Neighbours fetched per expansion; "show more" adds as many again. */
  expandLimit: number;
  /** Milliseconds between the last keystroke and the autocomplete request. */
  searchDebounceMs: number;
  /** Cypher console history entries kept. */
  historySize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  maxElementsWarn: 2000,
  largeThreshold: 1500,
  webglForLarge: true,
  expandLimit: 25,
  searchDebounceMs: 200,
  historySize: 30,
};

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function validateSettings(s: Record<string, unknown>): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!(key in s)) continue;
    const v = s[key];
    if (typeof DEFAULT_SETTINGS[key] === 'boolean') {
      if (typeof v !== 'boolean') throw new SettingsError(`validateSettings: ${key} must be true or false`);
      (out as unknown as Record<string, unknown>)[key] = v;
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new SettingsError(`validateSettings: ${key} must be a non-negative integer`);
    }
    (out as unknown as Record<string, unknown>)[key] = v;
  }
  return out;
}

export function resolveSettings(storage: { getItem(key: string): string | null } | null): Settings {
  try {
    const raw = storage?.getItem('dongxi.settings');
    return raw ? validateSettings(JSON.parse(raw) as Record<string, unknown>) : DEFAULT_SETTINGS;
  } catch (err) {
    console.warn(err instanceof Error ? err.message : err);
    return DEFAULT_SETTINGS;
  }
}
