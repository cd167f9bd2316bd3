import vscode = require('vscode');
import type { Logger } from '../../core/common/logger';
import { setCatalog } from '../../core/common/strings';
import type { ApiService } from '../common/apiService';
import { CredentialIndex } from '../credentials/credentialIndex';
import type { CredentialStore } from '../credentials/credentialStore';
import type { CustomerLists } from '../customers/customerLists';
import type { Inspectable, PlatformFacts } from './inspection';
import { Lifecycle } from '../common/lifecycle';
import { createLogger } from '../common/logging';
import { type Notifier, vscodeNotifier } from '../common/notify';
import type { StoreSessions } from '../session/storeSessions';
import { SettingsService } from '../common/settingsService';

/** What the test seams may swap (host/testing/testSeams.ts, only with YAMPI_EXTENSION_TEST=1). */
export interface Seams {
  readonly secrets?: vscode.SecretStorage;
  readonly notifier?: Notifier;
}

/** What the activation stage builds (Platform below): everything a window needs before the first use. */
export interface PlatformServices {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly settings: SettingsService;
  /** Who is signed in (the features read and write the credentials themselves through a CredentialStore over it). */
  readonly credentials: CredentialIndex;
  readonly notifier: Notifier;
  /** The "Yampi Customers" log channel, created on first use (`yampi.showLog`). */
  readonly channel: vscode.LogOutputChannel;
}

/** What the features stage builds before any feature (src/host/app/features.ts): the data every feature reads through. */
export interface DataServices {
  /** The credentials of the connected stores (reads and writes), over the activation stage's index. */
  readonly credentials: CredentialStore;
  readonly api: ApiService;
  readonly lists: CustomerLists;
  readonly sessions: StoreSessions;
}

/**
 * Everything the features factory (src/host/app/features.ts) holds. Only that factory sees all of it:
 * a feature names what it needs with `Needs<…>` and gets nothing else.
 */
export type FeatureServices = Omit<PlatformServices, 'credentials'> & DataServices;

/** The part of the feature services a module depends on, e.g. `Needs<'sessions' | 'notifier' | 'logger'>`. */
export type Needs<K extends keyof FeatureServices> = Pick<FeatureServices, K>;

/**
 * The activation stage: credentials, settings, logger and notifier, built in activate() and
 * disposed with the extension. It knows nothing of the features (lint: activation modules import
 * feature modules only as types); the features stage gets it whole and adds the data services.
 */
export class Platform extends Lifecycle implements PlatformServices, Inspectable<PlatformFacts> {
  private logChannel: vscode.LogOutputChannel | undefined;
  readonly logger: Logger;
  readonly settings: SettingsService;
  readonly credentials: CredentialIndex;
  readonly notifier: Notifier;
  private signedIn = false;

  constructor(readonly context: vscode.ExtensionContext, seams: Seams = {}) {
    super();
    // the core speaks through the same catalogue as vscode.l10n (one localization system)
    setCatalog(vscode.l10n.bundle);
    // the logger scrubs the secrets the credential store has seen; the store logs through the logger
    const holder: { store?: CredentialIndex } = {};
    this.logger = createLogger(() => this.channel, () => holder.store?.knownSecrets() ?? []);
    this.notifier = seams.notifier ?? vscodeNotifier;
    this.credentials = this.register(new CredentialIndex(seams.secrets ?? context.secrets, context.globalState, process.env, this.logger));
    holder.store = this.credentials;
    this.settings = this.register(new SettingsService());
    // a context key nobody set reads as false: at startup only a signed-in user needs the call
    // (the editor menu reads `config.yampi.hover.enabled` itself, no key needed)
    if (this.credentials.isSignedIn()) {
      this.updateContext();
    }
    this.register(this.credentials.onDidChange(() => { this.updateContext(); }));
  }

  /**
   * The "Yampi Customers" log channel, created on the first message or `yampi.showLog` (activation
   * creates none: a log channel is a logger, a file and a round trip to the window). Its first line
   * says which build runs where.
   */
  get channel(): vscode.LogOutputChannel {
    if (!this.logChannel) {
      this.logChannel = this.register(vscode.window.createOutputChannel('Yampi Customers', { log: true }));
      const pkg = this.context.extension.packageJSON as { version?: string };
      this.logChannel.info(`Yampi Customers ${pkg.version ?? ''} on VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''}.`);
    }
    return this.logChannel;
  }

  /** The last value given to the `yampi.signedIn` context key (src/host/app/inspection.ts). */
  inspect(): PlatformFacts {
    return { signedInContext: this.signedIn };
  }

  private updateContext(): void {
    this.signedIn = this.credentials.isSignedIn();
    void vscode.commands.executeCommand('setContext', 'yampi.signedIn', this.signedIn);
  }
}
