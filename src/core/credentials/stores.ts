/**
 * Pure rules for the saved-stores index kept in global state: aliases and display names only,
 * never a secret or anything personal. Reading it is src/core/credentials/storeIndex.ts (activation code).
 */
import { validateAlias } from '../api/validate';
import type { SavedStore } from './storeIndex';

export { isValidAlias } from '../common/alias';
export { nextActive, parseStoreIndex, type SavedStore } from './storeIndex';

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
