import vscode = require('vscode');
import type { Credentials, StoreRef } from '../../core/api/types';
import type { Logger } from '../../core/common/logger';
import { isValidAlias } from '../../core/common/alias';
import { nextActive, parseStoreIndex, type SavedStore } from '../../core/credentials/storeIndex';
import { Lifecycle } from '../common/lifecycle';

export const SECRET_PREFIX = 'yampi.credentials/';
export const STORES_KEY = 'yampi.stores';
export const ACTIVE_KEY = 'yampi.activeStore';

export interface CredentialsChange {
  readonly credentialsOf: readonly string[];
}

/**
 * Who is signed in, as activation needs to know it (status bar, the `yampi.signedIn` key, the
 * logger's scrubbing): the index of saved stores (alias + display name, in global state), the
 * environment's credentials, and the change event. Credentials live only in SecretStorage (one
 * entry per store alias); reading and writing them is the CredentialStore's (src/host/credentials/credentialStore.ts,
 * built with the features). Other windows share both stores: `secrets.onDidChange` keeps this
 * window in step.
 */
export class CredentialIndex extends Lifecycle {
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
    /** Where the secrets are (the CredentialStore reads and writes them here). */
    readonly secrets: vscode.SecretStorage,
    /** Where the index is. */
    readonly state: vscode.Memento,
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

  /** Every alias with usable credentials right now (saved ones, or the environment's). */
  signedInAliases(): string[] {
    const stores = this.stores();
    if (stores.length > 0) {
      return stores.map((s) => s.alias);
    }
    const env = this.environmentCredentials();
    return env ? [env.alias] : [];
  }

  /** The environment's store, when nothing is saved and all three variables are set. */
  environmentCredentials(): StoreRef | undefined {
    const alias = this.env['YAMPI_ALIAS']?.trim();
    const userToken = this.env['YAMPI_USER_TOKEN']?.trim();
    const userSecretKey = this.env['YAMPI_USER_SECRET_KEY']?.trim();
    if (!alias || !userToken || !userSecretKey || !isValidAlias(alias)) {
      return undefined;
    }
    this.remember({ userToken, userSecretKey });
    return { alias, userToken, userSecretKey };
  }

  /** Credentials this window has seen: the logger scrubs them from then on. */
  remember(creds: Credentials): void {
    this.seen.add(creds.userToken);
    this.seen.add(creds.userSecretKey);
  }

  /** The stored value this window last wrote or read for a store (undefined: none). */
  noteStored(alias: string, value: string | undefined): void {
    this.known.set(alias, value);
  }

  /** Tells every listener the index or a store's credentials changed. */
  changed(change: CredentialsChange): void {
    this.emitter.fire(change);
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
}
