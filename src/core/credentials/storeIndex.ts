/**
 * Reading the saved-stores index kept in global state (aliases and display names only, never a
 * secret or anything personal): what activation needs to know who is signed in. Changing the index
 * (src/core/credentials/stores.ts) validates aliases with the client's rules and comes with the features.
 */
import { isValidAlias } from '../common/alias';

export interface SavedStore {
  readonly alias: string;
  readonly name: string;
}

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

/** Which store becomes active after `removed` is dropped: the current one if still there, else the first. */
export function nextActive(stores: readonly SavedStore[], active: string | undefined): string | undefined {
  if (active !== undefined && stores.some((s) => s.alias === active)) {
    return active;
  }
  return stores[0]?.alias;
}
