import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { ApiService } from './apiService';
import { CredentialStore } from './credentialStore';
import { CustomerLists } from './customerLists';
import { FaultySecretStorage } from './faultySecrets';
import { createLogger } from './logging';
import { SettingsService } from './settingsService';

/** Everything the features share, built once in activate() and disposed with the extension. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly channel: vscode.LogOutputChannel;
  readonly logger: Logger;
  readonly settings: SettingsService;
  readonly credentials: CredentialStore;
  readonly api: ApiService;
  readonly lists: CustomerLists;
  /** The last value given to the `yampi.signedIn` context key. */
  readonly signedInContext: () => boolean;
  /** Only with the test API on: the secret storage wrapper tests can make fail. */
  readonly faultySecrets: FaultySecretStorage | undefined;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const channel = vscode.window.createOutputChannel('Yampi Customers', { log: true });
  context.subscriptions.push(channel);
  // the logger scrubs the secrets the credential store has seen; the store logs through the logger
  const holder: { store?: CredentialStore } = {};
  const logger = createLogger(channel, () => holder.store?.knownSecrets() ?? []);
  const faultySecrets = process.env['YAMPI_EXTENSION_TEST'] === '1' ? new FaultySecretStorage(context.secrets) : undefined;
  const credentials = new CredentialStore(faultySecrets ?? context.secrets, context.globalState, process.env, logger);
  holder.store = credentials;
  const settings = new SettingsService();
  const pkg = context.extension.packageJSON as { name?: string; version?: string };
  const userAgent = `${pkg.name ?? 'yampi-customers'}-vscode/${pkg.version ?? '0.0.0'} (VS Code ${vscode.version})`;
  const api = new ApiService(context.extensionUri.fsPath, settings, logger, userAgent);
  const lists = new CustomerLists(context.globalState);
  context.subscriptions.push(credentials, settings, api, lists);

  let signedIn = false;
  const updateContext = (): void => {
    signedIn = credentials.isSignedIn();
    void vscode.commands.executeCommand('setContext', 'yampi.signedIn', signedIn);
    void vscode.commands.executeCommand('setContext', 'yampi.hoverEnabled', settings.settings.hoverEnabled);
  };
  updateContext();
  context.subscriptions.push(credentials.onDidChange(updateContext), settings.onDidChange(updateContext));
  return { context, channel, logger, settings, credentials, api, lists, signedInContext: () => signedIn, faultySecrets };
}
