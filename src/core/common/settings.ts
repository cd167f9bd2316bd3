/**
 * The extension's settings, typed, with defaults and clamping: the single reader of raw values.
 * Mirrors `contributes.configuration` in package.json (a unit test keeps them in sync).
 */
export interface Settings {
  readonly apiBaseUrl: string;
  readonly maskSensitiveData: boolean;
  readonly hoverEnabled: boolean;
  readonly hoverPatterns: readonly string[];
  readonly cacheTtlSeconds: number;
  readonly requestTimeoutSeconds: number;
  readonly terminalLinksEnabled: boolean;
  readonly keysEnabled: boolean;
}

export const DEFAULT_API_BASE_URL = 'https://api.dooki.com.br/v2';

export const SETTING_KEYS = {
  apiBaseUrl: 'apiBaseUrl',
  maskSensitiveData: 'privacy.maskSensitiveData',
  hoverEnabled: 'hover.enabled',
  hoverPatterns: 'hover.patterns',
  cacheTtlSeconds: 'cache.ttlSeconds',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  terminalLinksEnabled: 'terminalLinks.enabled',
  keysEnabled: 'keys.enabled',
} as const satisfies Record<keyof Settings, string>;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

function num(raw: unknown, fallback: number, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return fallback;
  }
  return Math.min(max, Math.max(min, raw));
}

/** Reads raw values (as `getConfiguration('yampi').get(key)` returns them) into Settings. */
export function parseSettings(get: (key: SettingKey) => unknown): Settings {
  const base = get(SETTING_KEYS.apiBaseUrl);
  const patterns = get(SETTING_KEYS.hoverPatterns);
  return {
    apiBaseUrl: typeof base === 'string' && base.trim() !== '' ? base.trim() : DEFAULT_API_BASE_URL,
    maskSensitiveData: get(SETTING_KEYS.maskSensitiveData) !== false,
    hoverEnabled: get(SETTING_KEYS.hoverEnabled) !== false,
    hoverPatterns: Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [],
    cacheTtlSeconds: num(get(SETTING_KEYS.cacheTtlSeconds), 300, 0, 86400),
    requestTimeoutSeconds: num(get(SETTING_KEYS.requestTimeoutSeconds), 15, 1, 120),
    terminalLinksEnabled: get(SETTING_KEYS.terminalLinksEnabled) !== false,
    keysEnabled: get(SETTING_KEYS.keysEnabled) !== false,
  };
}
