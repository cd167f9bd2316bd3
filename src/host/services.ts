import vscode = require('vscode');
import type { Logger } from '../core/logger';
import { setCatalog } from '../core/model/strings';
import type { ApiService } from './apiService';
import { CredentialStore } from './credentialStore';
import type { CustomerLists } from './customerLists';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logging';
import { type Notifier, vscodeNotifier } from './notify';
import type { StoreSessions } from './session/storeSessions';
import { SettingsService } from './settingsService';

/** What the test seams may swap (host/testing/testSeams.ts, only with YAMPI_EXTENSION_TEST=1). */
export interface Seams {
  readonly secrets?: vscode.SecretStorage;
  readonly notifier?: Notifier;
}

/** What the features build for every feature to share (Services.startData). */
export interface DataServices {
  readonly api: ApiService;
  readonly lists: CustomerLists;
  readonly sessions: StoreSessions;
}

/** Everything the features share, built once in activate() and disposed with the extension. */
export class Services extends Lifecycle {
  private logChannel: vscode.LogOutputChannel | undefined;
  readonly logger: Logger;
  readonly settings: SettingsService;
  readonly credentials: CredentialStore;
  private data: DataServices | undefined;
  readonly notifier: Notifier;
  private signedIn = false;

  constructor(readonly context: vscode.ExtensionContext, seams: Seams = {}) {
    super();
    // the core speaks through the same catalogue as vscode.l10n (one localization system)
    setCatalog(vscode.l10n.bundle);
    // the logger scrubs the secrets the credential store has seen; the store logs through the logger
    const holder: { store?: CredentialStore } = {};
    this.logger = createLogger(() => this.channel, () => holder.store?.knownSecrets() ?? []);
    this.notifier = seams.notifier ?? vscodeNotifier;
    this.credentials = this.register(new CredentialStore(seams.secrets ?? context.secrets, context.globalState, process.env, this.logger));
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

  /**
   * The API client's owner, the Recent/Pinned lists and one session per connected store. They come
   * with the features (src/host/features.ts calls startData): before anything asks for a customer
   * there is nothing for them to do, so activation neither evaluates nor builds them.
   */
  get api(): ApiService {
    return this.started().api;
  }

  get lists(): CustomerLists {
    return this.started().lists;
  }

  get sessions(): StoreSessions {
    return this.started().sessions;
  }

  /** The data services, if the features have started them. */
  get startedData(): DataServices | undefined {
    return this.data;
  }

  startData(data: DataServices): void {
    // disposed in reverse: the sessions (which use the other two) first
    this.register(data.api);
    this.register(data.lists);
    this.register(data.sessions);
    this.data = data;
  }

  private started(): DataServices {
    if (!this.data) {
      throw new Error('the data services start with the features');
    }
    return this.data;
  }

  /** The last value given to the `yampi.signedIn` context key. */
  signedInContext(): boolean {
    return this.signedIn;
  }

  private updateContext(): void {
    this.signedIn = this.credentials.isSignedIn();
    void vscode.commands.executeCommand('setContext', 'yampi.signedIn', this.signedIn);
  }
}
