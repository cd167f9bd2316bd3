import type * as vscode from 'vscode';
import type { Credentials, StoreRef } from '../../core/api/types';
import type { Logger } from '../../core/common/logger';
import { writeAllOrNothing } from '../../core/credentials/secretWrite';
import { assertValidAliases, mergeStores, nextActive, type SavedStore } from '../../core/credentials/stores';
import { ACTIVE_KEY, type CredentialIndex, type CredentialsChange, SECRET_PREFIX, STORES_KEY } from './credentialIndex';
import { SecretStorageUnavailableError } from '../../core/failures/errors';

export type { CredentialsChange } from './credentialIndex';

export interface ActiveStore extends StoreRef {
  readonly name: string;
  readonly source: 'saved' | 'environment';
}

/**
 * The credentials of the connected stores, for the features: reading a store's secret and saving,
 * switching and removing stores, over the activation stage's index (src/host/credentials/credentialIndex.ts,
 * which knows who is signed in and tells of changes). Built by the features factory.
 */
export class CredentialStore {
  /** Fires after any change; `credentialsOf` names the stores whose secret changed or went away. */
  readonly onDidChange: vscode.Event<CredentialsChange>;

  constructor(private readonly index: CredentialIndex, private readonly logger: Logger) {
    this.onDidChange = index.onDidChange;
  }

  knownSecrets(): readonly string[] {
    return this.index.knownSecrets();
  }

  stores(): SavedStore[] {
    return this.index.stores();
  }

  /** The name shown for a store: its saved display name, else the alias (environment stores). */
  displayName(alias: string): string {
    return this.index.displayName(alias);
  }

  activeAlias(): string | undefined {
    return this.index.activeAlias();
  }

  isSignedIn(): boolean {
    return this.index.isSignedIn();
  }

  usingEnvironment(): boolean {
    return this.index.usingEnvironment();
  }

  /** Every alias with usable credentials right now (saved ones, or the environment's). */
  signedInAliases(): string[] {
    return this.index.signedInAliases();
  }

  /** The credentials for one store (the active one by default), or undefined when signed out. */
  async get(alias?: string): Promise<ActiveStore | undefined> {
    const stores = this.stores();
    const target = alias ?? this.activeAlias();
    if (target === undefined) {
      return undefined;
    }
    const saved = stores.find((s) => s.alias === target);
    if (!saved) {
      const env = this.index.environmentCredentials();
      return stores.length === 0 && env?.alias === target ? { ...env, name: env.alias, source: 'environment' } : undefined;
    }
    let raw: string | undefined;
    try {
      raw = await this.index.secrets.get(SECRET_PREFIX + saved.alias);
    } catch (e) {
      throw new SecretStorageUnavailableError('read', e);
    }
    this.index.noteStored(saved.alias, raw);
    const creds = parseCredentials(raw);
    if (!creds) {
      return undefined;
    }
    this.index.remember(creds);
    return { alias: saved.alias, name: saved.name, ...creds, source: 'saved' };
  }

  /**
   * Saves one credential pair for several stores. All or nothing: when SecretStorage (or the
   * global-state update after it) fails part-way, every secret is put back as it was (new ones
   * removed, overwritten ones restored) and the index of saved stores is left unchanged.
   */
  async save(stores: readonly SavedStore[], creds: Credentials, makeActive: string): Promise<void> {
    assertValidAliases(stores); // before any secret is written
    this.index.remember(creds);
    const value = JSON.stringify({ userToken: creds.userToken, userSecretKey: creds.userSecretKey });
    for (const st of stores) {
      this.index.noteStored(st.alias, value);
    }
    const indexBefore = this.index.state.get(STORES_KEY);
    const activeBefore = this.index.state.get(ACTIVE_KEY);
    try {
      await writeAllOrNothing(this.index.secrets, stores.map((s) => [SECRET_PREFIX + s.alias, value] as const), async () => {
        try {
          await this.index.state.update(STORES_KEY, mergeStores(this.stores(), stores));
          await this.index.state.update(ACTIVE_KEY, makeActive);
        } catch (e) {
          await this.index.state.update(STORES_KEY, indexBefore).then(undefined, () => undefined);
          await this.index.state.update(ACTIVE_KEY, activeBefore).then(undefined, () => undefined);
          throw e;
        }
      });
    } catch (e) {
      this.logger.error(`Could not save credentials: ${e instanceof Error ? e.message : String(e)}`);
      throw new SecretStorageUnavailableError('save', e);
    }
    this.index.changed({ credentialsOf: stores.map((s) => s.alias) });
  }

  async setActive(alias: string): Promise<boolean> {
    if (!this.stores().some((s) => s.alias === alias)) {
      return false;
    }
    await this.index.state.update(ACTIVE_KEY, alias);
    this.index.changed({ credentialsOf: [] });
    return true;
  }

  /** Forgets a store: its secret and its index entry. Returns the store that is active afterwards. */
  async remove(alias: string): Promise<string | undefined> {
    this.index.noteStored(alias, undefined);
    try {
      await this.index.secrets.delete(SECRET_PREFIX + alias);
    } catch (e) {
      throw new SecretStorageUnavailableError('delete', e);
    }
    const rest = this.stores().filter((s) => s.alias !== alias);
    await this.index.state.update(STORES_KEY, rest);
    const active = nextActive(rest, this.index.state.get<string>(ACTIVE_KEY));
    await this.index.state.update(ACTIVE_KEY, active);
    this.index.changed({ credentialsOf: [alias] });
    return this.activeAlias();
  }
}

function parseCredentials(raw: string | undefined): Credentials | undefined {
  if (raw === undefined) {
    return undefined;
  }
  try {
    const v = JSON.parse(raw) as { userToken?: unknown; userSecretKey?: unknown };
    if (typeof v.userToken === 'string' && typeof v.userSecretKey === 'string' && v.userToken !== '' && v.userSecretKey !== '') {
      return { userToken: v.userToken, userSecretKey: v.userSecretKey };
    }
  } catch {
    // fall through: a corrupt entry is treated as missing
  }
  return undefined;
}
