import vscode = require('vscode');
import type { Logger } from '../core/logger';
import { setCatalog } from '../core/model/strings';
import { ApiService } from './apiService';
import { CredentialStore } from './credentialStore';
import { CustomerLists } from './customerLists';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logging';
import { type Notifier, vscodeNotifier } from './notify';
import { StoreSessions } from './session/storeSessions';
import { SettingsService } from './settingsService';

/** What the test seams may swap (host/testing/testSeams.ts, only with YAMPI_EXTENSION_TEST=1). */
export interface Seams {
  readonly secrets?: vscode.SecretStorage;
  readonly notifier?: Notifier;
}

/** Everything the features share, built once in activate() and disposed with the extension. */
export class Services extends Lifecycle {
  readonly channel: vscode.LogOutputChannel;
  readonly logger: Logger;
  readonly settings: SettingsService;
  readonly credentials: CredentialStore;
  readonly api: ApiService;
  readonly lists: CustomerLists;
  readonly sessions: StoreSessions;
  readonly notifier: Notifier;
  private signedIn = false;

  constructor(readonly context: vscode.ExtensionContext, seams: Seams = {}) {
    super();
    // the core speaks through the same catalogue as vscode.l10n (one localization system)
    setCatalog(vscode.l10n.bundle);
    this.channel = this.register(vscode.window.createOutputChannel('Yampi Customers', { log: true }));
    // the logger scrubs the secrets the credential store has seen; the store logs through the logger
    const holder: { store?: CredentialStore } = {};
    this.logger = createLogger(this.channel, () => holder.store?.knownSecrets() ?? []);
    this.notifier = seams.notifier ?? vscodeNotifier;
    this.credentials = this.register(new CredentialStore(seams.secrets ?? context.secrets, context.globalState, process.env, this.logger));
    holder.store = this.credentials;
    this.settings = this.register(new SettingsService());
    const pkg = context.extension.packageJSON as { name?: string; version?: string };
    const userAgent = `${pkg.name ?? 'yampi-customers'}-vscode/${pkg.version ?? '0.0.0'} (VS Code ${vscode.version})`;
    this.api = this.register(new ApiService(context.extensionUri.fsPath, this.settings, this.logger, userAgent));
    this.lists = this.register(new CustomerLists(context.globalState));
    this.sessions = this.register(new StoreSessions(this.credentials, { client: () => this.api.client(), lists: this.lists, logger: this.logger }));
    // a context key nobody set reads as false: at startup only a signed-in user needs the call
    // (the editor menu reads `config.yampi.hover.enabled` itself, no key needed)
    if (this.credentials.isSignedIn()) {
      this.updateContext();
    }
    this.register(this.credentials.onDidChange(() => { this.updateContext(); }));
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
