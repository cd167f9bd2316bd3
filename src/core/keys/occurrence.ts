/**
 * "Ignore this occurrence" remembers a key by a one-way hash, never the key: SHA-256 of the file
 * and the key. A Yampi key holds about 220 bits of randomness (37 or 40 letters and digits), so the
 * hash cannot be turned back into the key by guessing, and it does not match the same key in another
 * file. The list lives in the workspace state, capped.
 */
import { createHash } from 'node:crypto';

/** The most occurrences remembered per workspace (the oldest are forgotten first). */
export const MAX_IGNORED = 500;

export function occurrenceHash(file: string, key: string): string {
  return createHash('sha256').update('yampi-key-occurrence\0').update(file).update('\0').update(key).digest('hex');
}

/** The list with `hash` added (once), newest last, capped at MAX_IGNORED. */
export function withIgnored(list: readonly string[], hash: string): string[] {
  return [...list.filter((h) => h !== hash), hash].slice(-MAX_IGNORED);
}

/** The stored list, whatever the workspace state holds: only 64-hex strings survive. */
export function ignoredListOf(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).slice(-MAX_IGNORED) : [];
}
