import * as vscode from 'vscode';
import { registerCommands } from './host/commands/index';
import { shownErrors } from './host/errors';
import { registerCustomerFeatures } from './host/features';
import type { SecretFaults } from './host/faultySecrets';
import { createServices } from './host/services';
import { registerStatusBar } from './host/statusBar';


/** A tree node rendered the way VS Code would show it (for tests). */
export interface RenderedNode {
  readonly node: unknown;
  readonly id: string | undefined;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  readonly collapsible: boolean;
  readonly command: string | undefined;
}

/** Test-only surface (YAMPI_EXTENSION_TEST=1): facts tests need, never a secret value. */
export interface TestApi {
  readonly apiLoaded: () => boolean;
  readonly activeAlias: () => string | undefined;
  readonly signedInContext: () => boolean;
  readonly savedStoreAliases: () => readonly string[];
  readonly hasSecretFor: (alias: string) => Promise<boolean>;
  readonly treeChildren: (node?: unknown) => Promise<RenderedNode[]>;
  readonly openPanels: () => number;
  /** Error and warning messages shown to the user, newest last. */
  readonly shownErrors: () => readonly string[];
  /** Every key and value this extension keeps in global state (for the leak test). */
  readonly globalState: () => Record<string, unknown>;
  /** Where VS Code writes this extension's log files. */
  readonly logDir: () => string;
  /**
   * Starts the API client afresh: empty cache, new rate-limit windows. Suites call it with the
   * sandbox reset so one test's requests do not make the next wait for a window (the documented
   * auth budget is 10 a minute; the limiter itself is covered by the unit tests).
   */
  readonly resetApiClient: () => void;
  /** Makes the extension's secret storage fail as told (`{}` restores it). */
  readonly setSecretFaults: (faults: SecretFaults) => void;
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
      activeAlias: () => s.credentials.activeAlias(),
      signedInContext: () => s.signedInContext(),
      savedStoreAliases: () => s.credentials.stores().map((x) => x.alias),
      hasSecretFor: async (alias) => (await context.secrets.get(`yampi.credentials/${alias}`)) !== undefined,
      treeChildren: async (node) => {
        const children = await features.tree.getChildren(node as Parameters<typeof features.tree.getChildren>[0]);
        return children.map((n) => {
          const item = features.tree.getTreeItem(n);
          const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
          return {
            node: n,
            id: item.id,
            label,
            description: typeof item.description === 'string' ? item.description : '',
            contextValue: item.contextValue ?? '',
            collapsible: item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
            command: item.command?.command,
          };
        });
      },
      openPanels: () => features.panels.count(),
      shownErrors: () => [...shownErrors()],
      globalState: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
      logDir: () => context.logUri.fsPath,
      resetApiClient: () => {
        s.api.reset();
      },
      setSecretFaults: (faults) => s.faultySecrets?.setFaults(faults),
    };
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Yampi Customers failed to start: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
}

export function deactivate(): void {
}
