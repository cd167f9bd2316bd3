import * as vscode from 'vscode';
import { registerCommands } from './host/commands/index';
import { registerCustomerFeatures } from './host/features';
import { createServices } from './host/services';
import { registerStatusBar } from './host/statusBar';


/** Test-only surface (YAMPI_EXTENSION_TEST=1): facts tests need, never a secret value. */
export interface TestApi {
  readonly apiLoaded: () => boolean;
  readonly savedStoreAliases: () => readonly string[];
  readonly hasSecretFor: (alias: string) => Promise<boolean>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  try {
    const s = createServices(context);

    const features = registerCustomerFeatures(s);
    context.subscriptions.push(registerCommands(s, features.commands), registerStatusBar(s), features);
    s.logger.info(`Activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''}).`);
    if (process.env['YAMPI_EXTENSION_TEST'] !== '1') {
      return undefined;
    }
    return {
      apiLoaded: () => s.api.loaded,
      savedStoreAliases: () => s.credentials.stores().map((x) => x.alias),
      hasSecretFor: async (alias) => (await context.secrets.get(`yampi.credentials/${alias}`)) !== undefined,
    };
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Yampi Customers failed to start: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
}

export function deactivate(): void {
}
