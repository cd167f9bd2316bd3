import path = require('node:path');
import vscode = require('vscode');
import { WORKSPACE_KEYS } from '../../core/commands/ids';
import { isNode, type Node } from '../../core/customers/nodes';
import type { SectionId } from '../../core/related/sections';
import type { YampiChatTool } from '../chat/chatTools';
import type { CustomerTerminalLinkProvider } from '../terminal/terminalLinks';
import type { PanelFacts } from '../app/inspection';
import { type Notice, type NoticeOptions, type NoticeProgressOptions, type Notifier, vscodeNotifier } from '../common/notify';
import type { Platform, Seams } from '../app/services';
import type { Shell } from '../app/shell';
import type { DeliveriesView } from '../webhooks/deliveriesView';
import type { WebhookWorkbench } from '../webhooks/workbench';

/** What the test API can make the secret storage do (YAMPI_EXTENSION_TEST=1 only). */
export interface SecretFaults {
  /** Fail every `get`. */
  readonly failGet?: boolean;
  /** Fail the n-th `store` call from now on (1 = the next one); later stores succeed again. */
  readonly failStoreAt?: number;
  /** Fail every `delete`. */
  readonly failDelete?: boolean;
}

/**
 * The real SecretStorage with switchable failures, so the extension-host tests can show what the
 * user sees when a keyring is missing (real hosts cannot be made to fail on demand). Every call
 * that is not told to fail goes to the real storage. Used only when the test API is on.
 */
export class FaultySecretStorage implements vscode.SecretStorage {
  private faults: SecretFaults = {};
  private storesSinceArmed = 0;
  readonly onDidChange: vscode.Event<vscode.SecretStorageChangeEvent>;

  constructor(private readonly real: vscode.SecretStorage) {
    this.onDidChange = real.onDidChange;
  }

  setFaults(faults: SecretFaults): void {
    this.faults = faults;
    this.storesSinceArmed = 0;
  }

  get(key: string): Thenable<string | undefined> {
    return this.faults.failGet ? Promise.reject(new Error('test: secret storage get failed')) : this.real.get(key);
  }

  store(key: string, value: string): Thenable<void> {
    this.storesSinceArmed++;
    return this.storesSinceArmed === this.faults.failStoreAt
      ? Promise.reject(new Error('test: secret storage store failed'))
      : this.real.store(key, value);
  }

  delete(key: string): Thenable<void> {
    return this.faults.failDelete ? Promise.reject(new Error('test: secret storage delete failed')) : this.real.delete(key);
  }
}

/** A Notifier that remembers the errors and warnings it showed (the newest 20). */
class RecordingNotifier implements Notifier {
  readonly shown: string[] = [];

  private record(message: Notice): void {
    this.shown.push(message.text);
    this.shown.splice(0, Math.max(0, this.shown.length - 20));
  }

  error(message: Notice, ...actions: string[]): Thenable<string | undefined> {
    this.record(message);
    return vscodeNotifier.error(message, ...actions);
  }

  /** The answer the next modal dialog gets (tests cannot click the smoke-driven workbench's dialogs). */
  modalAnswer: string | undefined;
  /** The modal questions the test answered (kept apart from `shown`, the messages a user reads). */
  readonly modals: string[] = [];

  warn(message: Notice, options: NoticeOptions, ...actions: string[]): Thenable<string | undefined> {
    if (options.modal === true && this.modalAnswer !== undefined) {
      this.modals.push(message.text);
      const answer = actions.includes(this.modalAnswer) ? this.modalAnswer : undefined;
      this.modalAnswer = undefined;
      return Promise.resolve(answer);
    }
    this.record(message);
    return vscodeNotifier.warn(message, options, ...actions);
  }

  info(message: Notice, ...actions: string[]): Thenable<string | undefined> {
    return vscodeNotifier.info(message, ...actions);
  }

  status(message: Notice): void {
    vscodeNotifier.status(message);
  }

  progress<R>(options: NoticeProgressOptions, task: (progress: vscode.Progress<{ increment?: number }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
    return vscodeNotifier.progress(options, task);
  }
}

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

/** One related-record section of an open panel, as a test reads it. */
export interface PanelSectionFacts {
  readonly section: SectionId;
  readonly status: 'idle' | 'loading' | 'error' | 'loaded';
  /** Ids of the records shown, in order. */
  readonly ids: readonly number[];
  readonly hasMore: boolean;
  readonly page: number | undefined;
  readonly dropped: number;
  readonly loadingMore: boolean;
  /** The error's kind (first page or Load more). */
  readonly error: string | undefined;
  /** The HTML the webview gets for the section now. */
  readonly html: string;
}

/** Test-only surface (YAMPI_EXTENSION_TEST=1): facts tests need, never a secret value. */
export interface TestApi {
  /** True once dist/api.js (undici) has been loaded; `apiLoadedAtActivation` as it was when activate() returned. */
  readonly apiLoaded: () => boolean;
  readonly apiLoadedAtActivation: boolean;
  readonly activeAlias: () => string | undefined;
  readonly signedInContext: () => boolean;
  readonly savedStoreAliases: () => readonly string[];
  readonly hasSecretFor: (alias: string) => Promise<boolean>;
  /** Deletes a store's secret straight from SecretStorage, as a sign-out in another window does. */
  readonly deleteSecretElsewhere: (alias: string) => Promise<void>;
  readonly treeChildren: (node?: unknown) => Promise<RenderedNode[]>;
  /** Every element the tree fired a change for since the last call (undefined = the whole tree). */
  readonly takeTreeChanges: () => readonly unknown[];
  readonly openPanels: () => number;
  /** The stores with a running session. */
  readonly sessionAliases: () => readonly string[];
  /** Delivers a message to a panel as if its webview had sent it; resolves once handled. */
  readonly sendPanelMessage: (alias: string, id: number, message: unknown) => Promise<boolean>;
  /** The related-record sections of an open panel (undefined: no such panel). */
  readonly panelSections: (alias: string, id: number) => readonly PanelSectionFacts[] | undefined;
  /** Error and warning messages shown to the user, newest last. */
  readonly shownErrors: () => readonly string[];
  /** Every key and value this extension keeps in global state (for the leak test). */
  readonly globalState: () => Record<string, unknown>;
  /** Where VS Code writes this extension's log files. */
  readonly logDir: () => string;
  /** Starts the API client afresh: empty cache, new rate-limit windows (suites call it with the sandbox reset). */
  readonly resetApiClient: () => void;
  /** Makes the extension's secret storage fail as told (`{}` restores it). */
  readonly setSecretFaults: (faults: SecretFaults) => void;
  /** The button the next modal confirmation answers with (as if the user clicked it). */
  readonly answerNextModal: (button: string | undefined) => void;
  /** The modal questions answered through answerNextModal, newest last. */
  readonly answeredModals: () => readonly string[];
  /** The terminal link provider the registered stand-in hands lines to (no VS Code command runs terminal link providers). */
  readonly terminalLinkProvider: () => Promise<CustomerTerminalLinkProvider>;
  /** The language-model tools the registered stand-ins call (to read a confirmation without a chat UI). */
  readonly chatTools: () => Promise<readonly YampiChatTool[]>;
  /** This extension's own modules (in its dist/) that were loaded when activation finished. */
  readonly modulesAtActivation: readonly string[];
  /** Whether the features (dist/features-*.js) had been loaded when activation finished, and now. */
  readonly featuresLoadedAtActivation: boolean;
  readonly featuresLoaded: () => boolean;
  /** Whether the panel serializer was registered when activation finished, and now; the workspace state's "a panel is open". */
  readonly serializerAtActivation: boolean;
  readonly serializerRegistered: () => boolean;
  readonly panelsRemembered: () => boolean;
  /** The open order panels: store, order id, tab title and the body HTML the webview gets. */
  readonly orderPanels: () => readonly { alias: string; id: number; title: string; html: string }[];
  /** Delivers a message to an order panel as if its webview had sent it. */
  readonly sendOrderPanelMessage: (alias: string, id: number, message: unknown) => Promise<boolean>;
  /** The rows of the last quick pick "Look Up Order…" offered (number/id ambiguity). */
  readonly lastOrderChoice: () => readonly string[] | undefined;
  /** The webhook workbench (deliveries, receiver, secrets) and its view, loading the features. */
  readonly webhooks: () => Promise<{ readonly workbench: WebhookWorkbench; readonly view: DeliveriesView }>;
}

/**
 * Every test-only surface in one place, switched on only by YAMPI_EXTENSION_TEST=1 in the
 * extension host's environment: a secret storage that can be told to fail, a notifier that
 * remembers what it showed, and the TestApi returned from activate().
 */
export class TestSeams implements Seams {
  readonly secrets: FaultySecretStorage;
  readonly notifier = new RecordingNotifier();

  /** Built only when activate() sees YAMPI_EXTENSION_TEST=1 (this module is not even loaded otherwise). */
  constructor(private readonly context: vscode.ExtensionContext) {
    this.secrets = new FaultySecretStorage(context.secrets);
  }

  /** The test API over the shell; what needs the features loads them as a user's first action would. */
  api(shell: Shell): TestApi {
    const services: Platform = shell.services;
    const context = this.context;
    const changes: unknown[] = [];
    services.register(shell.treeChanges.event((e) => { changes.push(e); }));
    const panels = () => shell.loaded?.panels.inspect().panels ?? [];
    const orderPanels = () => shell.loaded?.orders.panels.inspect().panels ?? [];
    return {
      apiLoaded: () => shell.loaded?.api.inspect().clientLoaded ?? false,
      apiLoadedAtActivation: shell.loaded?.api.inspect().clientLoaded ?? false,
      activeAlias: () => services.credentials.activeAlias(),
      signedInContext: () => services.inspect().signedInContext,
      savedStoreAliases: () => services.credentials.stores().map((x) => x.alias),
      hasSecretFor: async (alias) => (await context.secrets.get(`yampi.credentials/${alias}`)) !== undefined,
      deleteSecretElsewhere: async (alias) => { await context.secrets.delete(`yampi.credentials/${alias}`); },
      treeChildren: async (node) => {
        const { tree } = await shell.load();
        const children = await tree.getChildren(isNode(node) ? node : undefined);
        return children.map((n) => render(n, tree.getTreeItem(n)));
      },
      takeTreeChanges: () => changes.splice(0),
      openPanels: () => panels().length,
      sessionAliases: () => shell.loaded?.sessions.all().map((s) => s.alias) ?? [],
      sendPanelMessage: (alias, id, message) => deliver(panels(), alias, id, message),
      panelSections: (alias, id) => panels().find((p) => p.alias === alias && p.id === id)?.sections.map(({ view: { section, state: s }, html }) => ({
        section,
        status: s.status,
        ids: s.status === 'loaded' ? s.items.map((i) => i.id) : [],
        hasMore: s.status === 'loaded' && s.hasMore,
        page: s.status === 'loaded' ? s.page : undefined,
        dropped: s.status === 'loaded' ? (s.dropped ?? 0) : 0,
        loadingMore: s.status === 'loaded' && s.loadingMore === true,
        error: s.status === 'error' ? s.error.kind : s.status === 'loaded' ? s.moreError?.kind : undefined,
        html,
      })),
      shownErrors: () => [...this.notifier.shown],
      globalState: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
      logDir: () => context.logUri.fsPath,
      resetApiClient: () => { shell.loaded?.api.reset(); },
      setSecretFaults: (faults) => { this.secrets.setFaults(faults); },
      answerNextModal: (button) => { this.notifier.modalAnswer = button; },
      answeredModals: () => [...this.notifier.modals],
      terminalLinkProvider: async () => (await shell.load()).agents.terminalLinks,
      chatTools: async () => (await shell.load()).agents.chatTools,
      // dist/ only: a prefix test on the extension's folder would also take in the test VS Code's own
      // built-in extensions, which live under the repository (.vscode-test-env) during development
      modulesAtActivation: Object.keys(require.cache).filter((k) => k.startsWith(path.join(context.extensionUri.fsPath, 'dist') + path.sep)),
      featuresLoadedAtActivation: shell.loaded !== undefined,
      featuresLoaded: () => shell.loaded !== undefined,
      serializerAtActivation: shell.inspect().serializerRegistered,
      serializerRegistered: () => shell.inspect().serializerRegistered,
      panelsRemembered: () => context.workspaceState.get(WORKSPACE_KEYS.panelsOpen) === true,
      orderPanels: () => orderPanels().map(({ alias, id, title, html }) => ({ alias, id, title, html })),
      sendOrderPanelMessage: (alias, id, message) => deliver(orderPanels(), alias, id, message),
      lastOrderChoice: () => shell.loaded?.orders.inspect().lastChoice,
      webhooks: async () => {
        const f = await shell.load();
        return { workbench: f.webhooks, view: f.deliveries };
      },
    };
  }
}

/** Hands a message to an open panel's handler as if its webview sent it; false when no such panel is open. */
async function deliver(panels: readonly PanelFacts[], alias: string, id: number, message: unknown): Promise<boolean> {
  const p = panels.find((x) => x.alias === alias && x.id === id);
  if (!p) {
    return false;
  }
  await p.receive(message);
  return true;
}

function render(n: Node, item: vscode.TreeItem): RenderedNode {
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
}
