import vscode = require('vscode');
import type { CredentialStore } from '../credentials/credentialStore';
import { NotSignedInError } from '../../core/failures/errors';
import { Lifecycle } from '../common/lifecycle';
import { type SessionDeps, StoreSession } from './storeSession';

/**
 * The one place that answers "which store": an explicit alias, else the active store. Holds one
 * session per connected store, created on first use and ended when its store is signed out or its
 * credentials change (here or in another window).
 */
export class StoreSessions extends Lifecycle {
  private readonly sessions = new Map<string, StoreSession>();
  private readonly ended = this.register(new vscode.EventEmitter<string>());
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** A store's session ended: whatever showed its data must let go of it. */
  readonly onDidEnd = this.ended.event;
  /** A store's lists changed. */
  readonly onDidChange = this.changed.event;
  private readonly cleared = this.register(new vscode.EventEmitter<void>());
  /** Clear Cached Data ran: whatever remembers something of the stores' data lets go of it. */
  readonly onDidClear = this.cleared.event;

  constructor(
    private readonly credentials: CredentialStore,
    private readonly deps: Omit<SessionDeps, 'credentials'> & {
      /** Drops a store's slice of the client cache (without building a client when there is none). */
      readonly clearCache: (alias: string) => void;
    },
  ) {
    super();
    this.register(credentials.onDidChange(({ credentialsOf }) => {
      const live = new Set(credentials.signedInAliases());
      for (const alias of [...this.sessions.keys()]) {
        if (!live.has(alias) || credentialsOf.includes(alias)) {
          this.end(alias);
        }
      }
    }));
  }

  /** The alias a command means: the one given, else the active store; undefined when signed out. */
  resolveAlias(alias?: string): string | undefined {
    return alias ?? this.credentials.activeAlias();
  }

  /** The session of a store (the active one by default); throws NotSignedInError when there is none. */
  get(alias?: string): StoreSession {
    const target = this.resolveAlias(alias);
    if (target === undefined || !this.credentials.signedInAliases().includes(target)) {
      throw new NotSignedInError();
    }
    let s = this.sessions.get(target);
    if (!s) {
      s = new StoreSession(target, { ...this.deps, credentials: (a) => this.credentials.get(a) });
      const created = s;
      created.register(created.onDidChange(() => { this.changed.fire(target); }));
      this.sessions.set(target, created);
    }
    return s;
  }

  /** The session of a store if one is running (never creates one). */
  find(alias: string): StoreSession | undefined {
    return this.sessions.get(alias);
  }

  all(): StoreSession[] {
    return [...this.sessions.values()];
  }

  /** Clear Cached Data: every session drops its data (the sessions go on), then `onDidClear`. */
  clearAll(): void {
    for (const s of this.sessions.values()) {
      s.clear();
    }
    this.cleared.fire();
  }

  /**
   * Ends a store's session: requests cancelled, panels closed, data dropped, the store's slice of
   * the client cache with it, whatever ended it (sign-out here or in another window, credentials
   * changed, the extension stopping).
   */
  end(alias: string): void {
    const s = this.sessions.get(alias);
    if (s) {
      this.sessions.delete(alias);
      s.dispose();
      this.deps.clearCache(alias);
      this.deps.logger.info(`Ended the session of store ${alias}.`);
      this.ended.fire(alias);
    }
  }

  protected override onDispose(): void {
    for (const alias of [...this.sessions.keys()]) {
      this.end(alias);
    }
  }
}
