import vscode = require('vscode');
import { COMMANDS, TOOL_NAMES, VIEWS, WORKSPACE_KEYS } from '../core/commands/ids';
import type { Node } from '../core/tree/nodes';
import type { LoadedFeatures } from './features';
import { Lifecycle } from './lifecycle';
import { notice, vscodeNotifier } from './notify';
import type { Services } from './services';
import type { CustomerTerminalLink } from './terminalLinks';

/** Where hovers and links apply: files (local or on the remote host) and unsaved editors. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/**
 * What activation registers. VS Code must learn of every contribution at once (commands, the tree
 * view, hovers and links, the panel serializer, terminal links, chat tools), but none of them is
 * used before the user does something. So each is registered here as a stand-in that loads the
 * features (src/host/features.ts, its own chunk: dist/features-*.js) on first use and hands the
 * call over. Activation evaluates only the services, the status bar and these stand-ins; the
 * first command, hover, link request or tree expansion pays the load, once.
 */
export class Shell extends Lifecycle {
  /** The tree's change event: VS Code subscribes at activation, the real provider fires it once loaded. */
  readonly treeChanges = this.register(new vscode.EventEmitter<Node | undefined>());
  private loading: Promise<LoadedFeatures> | undefined;
  private features: LoadedFeatures | undefined;
  private serializer: vscode.Disposable | undefined;

  constructor(readonly services: Services) {
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
      const f = this.register(new Features(this.services, this.treeChanges));
      this.features = f;
      this.registerPanelSerializer();
      return f;
    });
    return this.loading;
  }

  /** Registers every stand-in. */
  registerAll(): this {
    this.registerCommands();
    this.registerTree();
    this.registerHovers();
    if (this.services.context.workspaceState.get(WORKSPACE_KEYS.panelsOpen) === true) {
      this.registerPanelSerializer();
    }
    this.registerTerminalLinks();
    this.registerChatTools();
    return this;
  }

  /** Every command of COMMANDS; the features run each through the error funnel, and a failed load is shown here. */
  private registerCommands(): void {
    for (const id of Object.values(COMMANDS)) {
      this.register(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        let features: LoadedFeatures;
        try {
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
    const provider: vscode.HoverProvider & vscode.DocumentLinkProvider = {
      provideHover: async (doc, pos, token) => (enabled() ? (await this.load()).hover.provideHover(doc, pos, token) : undefined),
      provideDocumentLinks: async (doc) => (enabled() ? (await this.load()).hover.provideDocumentLinks(doc) : []),
    };
    this.register(vscode.languages.registerHoverProvider(SELECTOR, provider));
    this.register(vscode.languages.registerDocumentLinkProvider(SELECTOR, provider));
  }

  /** Whether the panel serializer is registered (test seams). */
  get serializerRegistered(): boolean {
    return this.serializer !== undefined;
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
    this.serializer = this.register(vscode.window.registerWebviewPanelSerializer(VIEWS.detailPanel, {
      deserializeWebviewPanel: async (panel, state: unknown) => { await (await this.load()).panels.restore(panel, state); },
    }));
  }

  /**
   * VS Code asks when the pointer reaches a terminal line; with terminal links off nothing is loaded.
   * Registered with the first terminal (at once when one is already open).
   */
  private registerTerminalLinks(): void {
    const provider: vscode.TerminalLinkProvider<CustomerTerminalLink> = {
      provideTerminalLinks: async (context, token) =>
        this.services.settings.settings.terminalLinksEnabled ? (await this.load()).agents.terminalLinks.provideTerminalLinks(context, token) : [],
      handleTerminalLink: async (link) => { await (await this.load()).agents.terminalLinks.handleTerminalLink(link); },
    };
    const register = (): void => { this.register(vscode.window.registerTerminalLinkProvider(provider)); };
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
