import vscode = require('vscode');
import { Lifecycle } from './lifecycle';
import type { Credentials, StoreRef } from '../core/api/types';
import type { Logger } from '../core/logger';
import { writeAllOrNothing } from '../core/secretWrite';
import { SecretStorageUnavailableError } from '../core/failures/errors';
import { assertValidAliases, isValidAlias, mergeStores, nextActive, parseStoreIndex, type SavedStore } from '../core/stores';

const SECRET_PREFIX = 'yampi.credentials/';
const STORES_KEY = 'yampi.stores';
const ACTIVE_KEY = 'yampi.activeStore';

export interface CredentialsChange {
  readonly credentialsOf: readonly string[];
}

export interface ActiveStore extends StoreRef {
  readonly name: string;
  readonly source: 'saved' | 'environment';
}

/**
 * Credentials live only in SecretStorage (one entry per store alias); the index of saved stores
 * (alias + display name) lives in global state. Environment credentials are used only when nothing
 * is saved and are never persisted. Other windows share both stores: `secrets.onDidChange` keeps
 * this window in step.
 */
export class CredentialStore extends Lifecycle {
  private readonly emitter = new vscode.EventEmitter<CredentialsChange>();
  /** Fires after any change; `credentialsOf` names the stores whose secret changed or went away. */
  readonly onDidChange = this.emitter.event;
  /** Secret values seen in this session, so the logger can scrub them. In memory only. */
  private readonly seen = new Set<string>();
  /**
   * The stored value this window last wrote or read, per alias. SecretStorage echoes our own
   * writes back through onDidChange, late; only a different value (another window) is a change.
   */
  private readonly known = new Map<string, string | undefined>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {
    super();
    this.register(this.emitter);
    this.register(
      secrets.onDidChange((e) => {
        if (e.key.startsWith(SECRET_PREFIX)) {
          void this.onSecretChanged(e.key.slice(SECRET_PREFIX.length));
        }
      }),
    );
    this.environmentCredentials(); // so the logger can scrub environment secrets from the start
  }

  knownSecrets(): readonly string[] {
    return [...this.seen];
  }

  stores(): SavedStore[] {
    return parseStoreIndex(this.state.get(STORES_KEY));
  }

  /** The name shown for a store: its saved display name, else the alias (environment stores). */
  displayName(alias: string): string {
    return this.stores().find((s) => s.alias === alias)?.name ?? alias;
  }

  activeAlias(): string | undefined {
    const stores = this.stores();
    if (stores.length === 0) {
      return this.environmentCredentials()?.alias;
    }
    return nextActive(stores, this.state.get<string>(ACTIVE_KEY));
  }

  isSignedIn(): boolean {
    return this.activeAlias() !== undefined;
  }

  usingEnvironment(): boolean {
    return this.stores().length === 0 && this.environmentCredentials() !== undefined;
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
      const env = this.environmentCredentials();
      return stores.length === 0 && env?.alias === target ? { ...env, name: env.alias, source: 'environment' } : undefined;
    }
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(SECRET_PREFIX + saved.alias);
    } catch (e) {
      throw new SecretStorageUnavailableError('read', e);
    }
    this.known.set(saved.alias, raw);
    const creds = parseCredentials(raw);
    if (!creds) {
      return undefined;
    }
    this.remember(creds);
    return { alias: saved.alias, name: saved.name, ...creds, source: 'saved' };
  }

  /**
   * Saves one credential pair for several stores. All or nothing: when SecretStorage (or the
   * global-state update after it) fails part-way, every secret is put back as it was (new ones
   * removed, overwritten ones restored) and the index of saved stores is left unchanged.
   */
  async save(stores: readonly SavedStore[], creds: Credentials, makeActive: string): Promise<void> {
    assertValidAliases(stores); // before any secret is written
    this.remember(creds);
    const value = JSON.stringify({ userToken: creds.userToken, userSecretKey: creds.userSecretKey });
    for (const st of stores) {
      this.known.set(st.alias, value);
    }
    const indexBefore = this.state.get(STORES_KEY);
    const activeBefore = this.state.get(ACTIVE_KEY);
    try {
      await writeAllOrNothing(this.secrets, stores.map((s) => [SECRET_PREFIX + s.alias, value] as const), async () => {
        try {
          await this.state.update(STORES_KEY, mergeStores(this.stores(), stores));
          await this.state.update(ACTIVE_KEY, makeActive);
        } catch (e) {
          await this.state.update(STORES_KEY, indexBefore).then(undefined, () => undefined);
          await this.state.update(ACTIVE_KEY, activeBefore).then(undefined, () => undefined);
          throw e;
        }
      });
    } catch (e) {
      this.logger.error(`Could not save credentials: ${e instanceof Error ? e.message : String(e)}`);
      throw new SecretStorageUnavailableError('save', e);
    }
    this.emitter.fire({ credentialsOf: stores.map((s) => s.alias) });
  }

  async setActive(alias: string): Promise<boolean> {
    if (!this.stores().some((s) => s.alias === alias)) {
      return false;
    }
    await this.state.update(ACTIVE_KEY, alias);
    this.emitter.fire({ credentialsOf: [] });
    return true;
  }

  /** Forgets a store: its secret and its index entry. Returns the store that is active afterwards. */
  async remove(alias: string): Promise<string | undefined> {
    this.known.set(alias, undefined);
    try {
      await this.secrets.delete(SECRET_PREFIX + alias);
    } catch (e) {
      throw new SecretStorageUnavailableError('delete', e);
    }
    const rest = this.stores().filter((s) => s.alias !== alias);
    await this.state.update(STORES_KEY, rest);
    const active = nextActive(rest, this.state.get<string>(ACTIVE_KEY));
    await this.state.update(ACTIVE_KEY, active);
    this.emitter.fire({ credentialsOf: [alias] });
    return this.activeAlias();
  }

  private environmentCredentials(): StoreRef | undefined {
    const alias = this.env['YAMPI_ALIAS']?.trim();
    const userToken = this.env['YAMPI_USER_TOKEN']?.trim();
    const userSecretKey = this.env['YAMPI_USER_SECRET_KEY']?.trim();
    if (!alias || !userToken || !userSecretKey || !isValidAlias(alias)) {
      return undefined;
    }
    this.remember({ userToken, userSecretKey });
    return { alias, userToken, userSecretKey };
  }

  private async onSecretChanged(alias: string): Promise<void> {
    let now: string | undefined;
    try {
      now = await this.secrets.get(SECRET_PREFIX + alias);
    } catch {
      now = undefined;
    }
    if (this.known.has(alias) && this.known.get(alias) === now) {
      return; // the echo of this window's own write
    }
    this.known.set(alias, now);
    this.logger.info('Credentials changed in another window.');
    this.emitter.fire({ credentialsOf: [alias] });
  }

  private remember(creds: Credentials): void {
    this.seen.add(creds.userToken);
    this.seen.add(creds.userSecretKey);
  }

  /** Every alias with usable credentials right now (saved ones, or the environment's). */
  signedInAliases(): string[] {
    const stores = this.stores();
    if (stores.length > 0) {
      return stores.map((s) => s.alias);
    }
    const env = this.environmentCredentials();
    return env ? [env.alias] : [];
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
