/**
 * Pure rules for the saved-stores index kept in global state: aliases and display names only,
 * never a secret or anything personal.
 */
export interface SavedStore {
  readonly alias: string;
  readonly name: string;
}

import { validateAlias } from './api/validate';
import { isValidAlias } from './alias';

export { isValidAlias } from './alias';

/** Reads the persisted index defensively: drops malformed and duplicate entries. */
export function parseStoreIndex(raw: unknown): SavedStore[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const seen = new Set<string>();
  const out: SavedStore[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    const { alias, name } = item as { alias?: unknown; name?: unknown };
    if (typeof alias !== 'string' || !isValidAlias(alias) || seen.has(alias)) {
      continue;
    }
    seen.add(alias);
    out.push({ alias, name: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 200) : alias });
  }
  return out;
}

/** Throws an `invalidInput` YampiError for the first alias the client would refuse. */
export function assertValidAliases(stores: readonly SavedStore[]): void {
  for (const s of stores) {
    validateAlias(s.alias);
  }
}

/**
 * Adds or renames stores, keeping the existing order and appending new ones. Throws an
 * `invalidInput` YampiError for an added alias the client would refuse (nothing is saved then).
 */
export function mergeStores(existing: readonly SavedStore[], added: readonly SavedStore[]): SavedStore[] {
  assertValidAliases(added);
  const out = existing.map((s) => ({ ...s }));
  for (const a of added) {
    const i = out.findIndex((s) => s.alias === a.alias);
    if (i >= 0) {
      out[i] = { alias: a.alias, name: a.name };
    } else {
      out.push({ alias: a.alias, name: a.name });
    }
  }
  return out;
}

/** Which store becomes active after `removed` is dropped: the current one if still there, else the first. */
export function nextActive(stores: readonly SavedStore[], active: string | undefined): string | undefined {
  if (active !== undefined && stores.some((s) => s.alias === active)) {
    return active;
  }
  return stores[0]?.alias;
}
