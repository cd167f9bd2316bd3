import vscode = require('vscode');
import { COMMANDS, isKeysCommand, TOOL_NAMES, VIEWS, WEBHOOK_PAYLOAD_SCHEME, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { Node } from '../../core/customers/nodes';
import type { LoadedFeatures } from './features';
import type { Inspectable, ShellFacts } from './inspection';
import type { KeysFeature } from '../keys/keysFeature';
import { Lifecycle } from '../common/lifecycle';
import { notice, vscodeNotifier } from '../common/notify';
import type { Platform } from './services';
import type { OrderTerminalLink } from '../orders/orderHover';
import type { CustomerTerminalLink } from '../terminal/terminalLinks';
import type { DeliveryNode } from '../webhooks/deliveriesView';
import type { WebhookEvents } from '../webhooks/workbench';

/**
 * Text that can hold a Yampi key at all (src/core/keys/scanner.ts KEY_PRETEST, copied here: the
 * shell imports nothing more at activation; a unit test keeps the two equal).
 */
const KEY_PRETEST = /sk_|wh_|token|yampi/i;
/** Lines of one change event the pre-test reads (a paste of a whole file is tested as the document). */
const PRETEST_MAX_LINES = 200;

/** Where hovers and links apply: files (local or on the remote host) and unsaved editors. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: WEBHOOK_PAYLOAD_SCHEME }];

/**
 * What activation registers. VS Code must learn of every contribution at once (commands, the tree
 * view, hovers and links, the panel serializer, terminal links, chat tools), but none of them is
 * used before the user does something. So each is registered here as a stand-in that loads the
 * features (src/host/app/features.ts, its own chunk: dist/features-*.js) on first use and hands the
 * call over. Activation evaluates only the services, the status bar and these stand-ins; the
 * first command, hover, link request or tree expansion pays the load, once.
 */
export class Shell extends Lifecycle implements Inspectable<ShellFacts> {
  /** The tree's change event: VS Code subscribes at activation, the real provider fires it once loaded. */
  readonly treeChanges = this.register(new vscode.EventEmitter<Node | undefined>());
  /** The webhook deliveries view's and payload documents' change events (src/host/webhooks/). */
  readonly webhookEvents: WebhookEvents = { view: this.register(new vscode.EventEmitter<undefined>()), docs: this.register(new vscode.EventEmitter<vscode.Uri>()) };
  private loading: Promise<LoadedFeatures> | undefined;
  private features: LoadedFeatures | undefined;
  private keysLoading: Promise<KeysFeature> | undefined;
  private serializer: vscode.Disposable | undefined;

  constructor(readonly services: Platform) {
    super();
  }

  /** The features, when something has needed them already. */
  get loaded(): LoadedFeatures | undefined {
    return this.features;
  }

  /** Loads and builds the features on the first call; every later call gets the same instance. */
  load(): Promise<LoadedFeatures> {
    // no log line here: it would create the log channel on every first hover (the bench times the load)
    this.loading ??= import('./features.js').then(({ LoadedFeatures: Features }) => {
      const f = this.register(new Features(this.services, this.treeChanges, this.webhookEvents));
      this.features = f;
      this.registerPanelSerializer();
      return f;
    });
    return this.loading;
  }

  /** Loads and builds "Keys in source" (its own chunk, dist/keysFeature-*.js) on the first call. */
  loadKeys(): Promise<KeysFeature> {
    this.keysLoading ??= import('../keys/keysFeature.js').then(({ KeysFeature: Feature }) => this.register(new Feature(this.services)));
    return this.keysLoading;
  }

  /** Registers every stand-in. */
  registerAll(): this {
    this.registerCommands();
    this.registerKeys();
    this.registerTree();
    this.registerHovers();
    const state = this.services.context.workspaceState;
    if (state.get(WORKSPACE_KEYS.panelsOpen) === true || state.get(WORKSPACE_KEYS.orderPanelsOpen) === true) {
      this.registerPanelSerializer();
    }
    this.registerTerminalLinks();
    this.registerChatTools();
    this.registerWebhooks();
    return this;
  }

  /**
   * The webhook deliveries view and payload documents. Deliveries exist only once the features run
   * (the receiver starts from a command), so before that the view is empty without loading them.
   */
  private registerWebhooks(): void {
    const provider: vscode.TreeDataProvider<DeliveryNode> = {
      onDidChangeTreeData: this.webhookEvents.view.event,
      getTreeItem: (n) => this.features?.deliveries.getTreeItem(n) ?? this.load().then((f) => f.deliveries.getTreeItem(n)),
      getChildren: (n) => this.features?.deliveries.getChildren(n) ?? [],
    };
    this.register(vscode.window.createTreeView(VIEWS.webhookDeliveries, { treeDataProvider: provider }));
    this.register(vscode.workspace.registerTextDocumentContentProvider(WEBHOOK_PAYLOAD_SCHEME, {
      onDidChange: this.webhookEvents.docs.event,
      provideTextDocumentContent: async (uri) => (await this.load()).payloadText(uri),
    }));
  }

  /** Every command of COMMANDS; the features run each through the error funnel, and a failed load is shown here. */
  private registerCommands(): void {
    for (const id of Object.values(COMMANDS)) {
      this.register(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        let features: LoadedFeatures;
        try {
          if (isKeysCommand(id)) {
            return await (await this.loadKeys()).commands[id](...args);
          }
          features = await this.load();
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          this.services.logger.error(`Loading the features for ${id} failed: ${message}`);
          void vscodeNotifier.error(notice('Yampi Customers could not load: {0}', message));
          return undefined;
        }
        return features.commands[id](...args);
      }));
    }
  }

  /**
   * Keys in source: Problems entries for keys in open documents. Activation registers two listeners
   * and reads nothing; a document is looked at when it opens or changes (only the changed lines),
   * and the feature's chunk loads the first time one passes a cheap pre-test. Documents already
   * open are looked at once, after activation. The loaded feature listens on its own from then on.
   */
  private registerKeys(): void {
    const check = (doc: vscode.TextDocument, lines?: readonly vscode.TextDocumentContentChangeEvent[]): void => {
      if (this.keysLoading || !this.services.settings.settings.keysEnabled) {
        return;
      }
      const text = lines && lines.length <= PRETEST_MAX_LINES
        ? lines.map((c) => doc.lineAt(Math.min(c.range.start.line, doc.lineCount - 1)).text + c.text).join('\n')
        : doc.getText();
      if (KEY_PRETEST.test(text)) {
        stop.dispose();
        void this.loadKeys().catch((e: unknown) => { this.services.logger.warn('Loading Keys in source failed.', e); });
      }
    };
    // the listeners of the pre-test, ended together once it passes
    const stop = this.register(new Lifecycle());
    stop.register(vscode.workspace.onDidOpenTextDocument((d) => { check(d); }));
    stop.register(vscode.workspace.onDidChangeTextDocument((e) => { check(e.document, e.contentChanges); }));
    const checkOpen = (): void => { for (const d of vscode.workspace.textDocuments) { check(d); } };
    const startup = setTimeout(checkOpen, 0);
    stop.register({ dispose: () => { clearTimeout(startup); } });
    stop.register(this.services.settings.onDidChange(({ changed }) => {
      if (changed.includes('keys.enabled')) {
        checkOpen();
      }
    }));
  }

  private registerTree(): void {
    const provider: vscode.TreeDataProvider<Node> = {
      onDidChangeTreeData: this.treeChanges.event,
      // a node exists only once the real provider has made it, so the features are loaded by then
      getTreeItem: (n) => this.features?.tree.getTreeItem(n) ?? this.load().then((f) => f.tree.getTreeItem(n)),
      getChildren: async (n) => (await this.load()).tree.getChildren(n),
    };
    this.register(vscode.window.createTreeView(VIEWS.customers, { treeDataProvider: provider, showCollapseAll: true }));
  }

  /**
   * Hover and links over customer ids. `yampi.hover.enabled` is the master switch: off, the
   * stand-ins answer nothing at once, so nothing is loaded or scanned (they are registered anyway,
   * so activation reads no setting; the switch is read, cached, on the first request).
   */
  private registerHovers(): void {
    const enabled = (): boolean => this.services.settings.settings.hoverEnabled;
    const standIn = (of: (f: LoadedFeatures) => vscode.HoverProvider & { provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] | Promise<vscode.DocumentLink[]> }): void => {
      const provider: vscode.HoverProvider & vscode.DocumentLinkProvider = {
        provideHover: async (doc, pos, token) => (enabled() ? of(await this.load()).provideHover(doc, pos, token) : undefined),
        provideDocumentLinks: async (doc) => (enabled() ? of(await this.load()).provideDocumentLinks(doc) : []),
      };
      this.register(vscode.languages.registerHoverProvider(SELECTOR, provider));
      this.register(vscode.languages.registerDocumentLinkProvider(SELECTOR, provider));
    };
    standIn((f) => f.hover);
    // order references (src/host/orders/orderHover.ts): their own provider, never read as customers
    standIn((f) => f.orders.hover);
  }

  /** Whether the panel serializers are registered (src/host/app/inspection.ts). */
  inspect(): ShellFacts {
    return { serializerRegistered: this.serializer !== undefined };
  }

  /**
   * Panels VS Code kept over a reload come back through the features. VS Code holds such a panel,
   * unresolved, until a serializer for its type is registered (its revival pool), so registering
   * costs activation nothing unless a panel was open when the window closed (workspace state, kept
   * by DetailPanels); otherwise the serializer comes with the features.
   */
  private registerPanelSerializer(): void {
    if (this.serializer) {
      return;
    }
    const standIn = (of: (f: LoadedFeatures) => { restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> }): vscode.WebviewPanelSerializer => ({
      deserializeWebviewPanel: async (panel, state: unknown) => { await of(await this.load()).restore(panel, state); },
    });
    this.serializer = this.register(vscode.window.registerWebviewPanelSerializer(VIEWS.detailPanel, standIn((f) => f.panels)));
    this.register(vscode.window.registerWebviewPanelSerializer(VIEWS.orderPanel, standIn((f) => f.orders.panels)));
  }

  /**
   * VS Code asks when the pointer reaches a terminal line; with terminal links off nothing is loaded.
   * Registered with the first terminal (at once when one is already open).
   */
  private registerTerminalLinks(): void {
    const standIn = <T extends vscode.TerminalLink>(of: (f: LoadedFeatures) => vscode.TerminalLinkProvider<T>): vscode.TerminalLinkProvider<T> => ({
      provideTerminalLinks: async (context, token) =>
        this.services.settings.settings.terminalLinksEnabled ? of(await this.load()).provideTerminalLinks(context, token) : [],
      handleTerminalLink: async (link) => { await of(await this.load()).handleTerminalLink(link); },
    });
    const register = (): void => {
      this.register(vscode.window.registerTerminalLinkProvider(standIn<CustomerTerminalLink>((f) => f.agents.terminalLinks)));
      this.register(vscode.window.registerTerminalLinkProvider(standIn<OrderTerminalLink>((f) => f.orders.terminalLinks)));
    };
    if (vscode.window.terminals.length > 0) {
      register();
      return;
    }
    const waiting = this.register(vscode.window.onDidOpenTerminal(() => {
      waiting.dispose();
      register();
    }));
  }

  /**
   * The three language-model tools. `vscode.lm.registerTool` exists since VS Code 1.95, but a host
   * may leave it out (chat disabled, some forks): then nothing is registered and the log says so.
   */
  private registerChatTools(): void {
    const lm = (vscode as { readonly lm?: Partial<typeof vscode.lm> }).lm;
    if (typeof lm?.registerTool !== 'function') {
      this.services.logger.info('Language-model tools are not available in this VS Code (no vscode.lm.registerTool): the Yampi chat tools are off.');
      return;
    }
    const registerTool = lm.registerTool.bind(lm);
    for (const name of TOOL_NAMES) {
      const tool = async (): Promise<vscode.LanguageModelTool<unknown>> => {
        const found = (await this.load()).agents.chatTools.find((t) => t.name === name);
        if (!found) {
          throw new Error(`no chat tool named ${name}`);
        }
        return found;
      };
      const standIn: vscode.LanguageModelTool<unknown> = {
        prepareInvocation: async (options, token) => (await tool()).prepareInvocation?.(options, token),
        invoke: async (options, token) => (await tool()).invoke(options, token),
      };
      try {
        this.register(registerTool(name, standIn));
      } catch (e) {
        // e.g. a host that knows the API but not our contribution
        this.services.logger.info(`Could not register the language-model tool ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
