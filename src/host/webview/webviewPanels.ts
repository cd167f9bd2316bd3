import vscode = require('vscode');
import type { PanelState } from '../../core/webview/protocol';
import { NotSignedInError, warnNotSignedIn } from '../common/errors';
import { Lifecycle } from '../common/lifecycle';
import type { PanelFacts } from '../app/inspection';
import type { Needs } from '../app/services';
import type { StoreSession } from '../session/storeSession';

/** What a registry needs from the extension. */
export type PanelsDeps = Needs<'context' | 'credentials' | 'notifier' | 'sessions' | 'settings'>;

/** What the registry asks of each panel. */
export interface RegisteredPanel extends vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly alias: string;
  readonly id: number;
  register<T extends vscode.Disposable>(d: T): T;
  reveal(): void;
  render(): void;
  refresh(): Promise<unknown>;
  load(skipCache: boolean): Promise<unknown>;
  receive(message: unknown): Promise<void>;
}

/** How one kind of panel is registered: its view type, its workspace-state key, its persisted state. */
export interface PanelsSpec {
  /** `VIEWS.detailPanel`, `VIEWS.orderPanel` (the serializer's type too). */
  readonly viewType: string;
  /** Workspace state that says a panel of this kind was open (the shell then registers the serializer at activation). */
  readonly rememberKey: string;
  readonly isState: (v: unknown) => v is PanelState;
}

/**
 * Every open panel of one kind, one per (store, id): open or reveal, restore after a window reload
 * (the serializer itself is registered at activation by the shell), re-render on a privacy change.
 * Each panel belongs to its store's session, which closes it when the store is signed out.
 */
export abstract class WebviewPanels<P extends RegisteredPanel> extends Lifecycle {
  protected readonly panels = new Map<string, P>();
  /** Set while the extension shuts down: the panels it closes then stay remembered for the next start. */
  private closing = false;

  constructor(protected readonly deps: PanelsDeps, private readonly spec: PanelsSpec) {
    super();
    this.register(deps.settings.onDidChange(({ changed }) => {
      if (changed.includes('privacy.maskSensitiveData')) {
        this.rerenderAll();
      }
    }));
  }

  /** Makes the panel view of `id` in `session` over a webview panel. */
  protected abstract create(panel: vscode.WebviewPanel, session: StoreSession, id: number): P;

  /** Brings back a panel VS Code kept over a window reload: only for a store still signed in, else the panel closes. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!this.spec.isState(state) || !this.deps.credentials.signedInAliases().includes(state.alias)) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, state.alias, state.id).load(false);
  }

  /**
   * Opens (or reveals) the panel of `id` in store `alias` (undefined: the only or chosen store) with
   * the tab title `title`; `existing` or `fresh` says what it resolves to. Not signed in: offers
   * Set Credentials and resolves undefined.
   */
  protected async openPanel<R>(
    alias: string | undefined,
    id: number,
    title: string,
    existing: (p: P) => Promise<R>,
    fresh: (p: P) => Promise<R>,
  ): Promise<R | undefined> {
    const store = this.deps.sessions.resolveAlias(alias);
    const open = store === undefined ? undefined : this.panels.get(`${store}/${id}`);
    if (open) {
      open.reveal();
      return existing(open);
    }
    try {
      this.deps.sessions.get(store);
    } catch (e) {
      if (!(e instanceof NotSignedInError)) {
        throw e;
      }
      // not awaited: the command ends even if nobody ever answers the notification
      warnNotSignedIn(this.deps.notifier);
      return undefined;
    }
    const ext = this.deps.context.extensionUri;
    const panel = vscode.window.createWebviewPanel(this.spec.viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')],
    });
    return fresh(this.adopt(panel, store ?? '', id));
  }

  private adopt(panel: vscode.WebviewPanel, alias: string, id: number): P {
    const session = this.deps.sessions.get(alias);
    const key = `${session.alias}/${id}`;
    const p = session.register(this.create(panel, session, id));
    this.panels.set(key, p);
    this.rememberOpen();
    p.register(new vscode.Disposable(() => {
      this.panels.delete(key);
      session.disown(p);
      this.rememberOpen();
    }));
    return p;
  }

  /**
   * Whether a panel of this kind is open, in workspace state, for the next start (src/host/app/shell.ts
   * registers the serializer at activation only then). Written only when it changes; never who is shown.
   */
  private rememberOpen(): void {
    const open = this.panels.size > 0;
    const state = this.deps.context.workspaceState;
    if (!this.closing && (state.get(this.spec.rememberKey) === true) !== open) {
      void state.update(this.spec.rememberKey, open ? true : undefined);
    }
  }

  /** The open panels, each with the handler its webview's messages go to (src/host/app/inspection.ts). */
  protected facts(): (PanelFacts & { readonly panel: P })[] {
    return [...this.panels.values()].map((p) => ({ alias: p.alias, id: p.id, receive: (m: unknown) => p.receive(m), panel: p }));
  }

  rerenderAll(): void {
    for (const p of this.panels.values()) {
      p.render();
    }
  }

  /** Refresh every panel (of one store), bypassing caches. */
  async refreshAll(alias?: string): Promise<void> {
    await Promise.all([...this.panels.values()].filter((p) => alias === undefined || p.alias === alias).map((p) => p.refresh()));
  }

  protected override onDispose(): void {
    this.closing = true;
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
  }
}
