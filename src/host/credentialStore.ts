import * as vscode from 'vscode';
import type { Credentials, StoreRef } from '../core/api/types';
import type { Logger } from '../core/logger';
import { writeAllOrNothing } from '../core/secretWrite';
import { assertValidAliases, isValidAlias, mergeStores, nextActive, parseStoreIndex, type SavedStore } from '../core/stores';

const SECRET_PREFIX = 'yampi.credentials/';
const STORES_KEY = 'yampi.stores';
const ACTIVE_KEY = 'yampi.activeStore';

export interface ActiveStore extends StoreRef {
  readonly name: string;
  readonly source: 'saved' | 'environment';
}

/**
 * SecretStorage itself failed (no keyring on Linux, remote host without one). `operation` says
 * what the user was doing: reading saved credentials, saving new ones (nothing was kept), or
 * signing out (the store stays saved).
 */
export class SecretStorageUnavailableError extends Error {
  constructor(
    readonly operation: 'read' | 'save' | 'delete',
    cause: unknown,
  ) {
    super(`SecretStorage is unavailable (${operation})`, { cause });
    this.name = 'SecretStorageUnavailableError';
  }
}

/**
 * Credentials live only in SecretStorage (one entry per store alias); the index of saved stores
 * (alias + display name) lives in global state. Environment credentials are used only when nothing
 * is saved and are never persisted. Other windows share both stores: `secrets.onDidChange` keeps
 * this window in step.
 */
export class CredentialStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Secret values seen in this session, so the logger can scrub them. In memory only. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      this.emitter,
      secrets.onDidChange((e) => {
        if (e.key.startsWith(SECRET_PREFIX)) {
          this.logger.info('Credentials changed (possibly in another window).');
          this.emitter.fire();
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
    this.emitter.fire();
  }

  async setActive(alias: string): Promise<boolean> {
    if (!this.stores().some((s) => s.alias === alias)) {
      return false;
    }
    await this.state.update(ACTIVE_KEY, alias);
    this.emitter.fire();
    return true;
  }

  /** Forgets a store: its secret and its index entry. Returns the store that is active afterwards. */
  async remove(alias: string): Promise<string | undefined> {
    try {
      await this.secrets.delete(SECRET_PREFIX + alias);
    } catch (e) {
      throw new SecretStorageUnavailableError('delete', e);
    }
    const rest = this.stores().filter((s) => s.alias !== alias);
    await this.state.update(STORES_KEY, rest);
    const active = nextActive(rest, this.state.get<string>(ACTIVE_KEY));
    await this.state.update(ACTIVE_KEY, active);
    this.emitter.fire();
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

  private remember(creds: Credentials): void {
    this.seen.add(creds.userToken);
    this.seen.add(creds.userSecretKey);
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
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
