import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { execute } from '../common/execute';
import { COMMANDS } from '../../core/commands/ids';
import { dispatch, type Handlers, type MessageOf, type MessageTable } from '../../core/webview/messageTable';
import type { PANEL_FROM_WEBVIEW, PanelState } from '../../core/webview/protocol';
import type { WebviewDocumentParts } from '../../core/customers/renderDetailHtml';
import { isCancellation, showError } from '../common/errors';
import { Lifecycle } from '../common/lifecycle';
import { type Notice, noticeOf } from '../common/notify';
import type { Needs } from '../app/services';
import type { StoreSession } from '../session/storeSession';

/** What a panel needs from the extension (narrow on purpose: no service reaches further). */
export type PanelDeps = Needs<'context' | 'logger' | 'notifier' | 'settings'>;

/** What the host supplies to a document: CSP source, nonce, and the URIs of script, stylesheet and icons. */
export type WebviewResources = Pick<WebviewDocumentParts, 'cspSource' | 'nonce' | 'scriptUri' | 'styleUri' | 'codiconsUri'>;

/** What every panel shows until its record is there (and falls back to when closed). */
export interface LoadingState {
  readonly kind: 'loading';
  readonly alias: string;
  readonly id: number;
}

/** How one kind of panel differs: its script, its message table and guard, its name in the log. */
export interface PanelSpec<From extends MessageTable> {
  /** The bundle in dist/ the page runs (`webview.js`, `orderView.js`). */
  readonly script: string;
  /** Used in log lines: `detail panel`, `order panel`. */
  readonly name: string;
  readonly guard: (v: unknown) => v is MessageOf<From>;
  /** The state kind that shows a record (`customer`, `order`): a reload keeps it on screen, busy. */
  readonly contentKind: string;
}

/** The messages every panel posts (its table adds its own). */
type PanelPost = { readonly type: 'render'; readonly html: string; readonly state?: PanelState } | { readonly type: 'busy'; readonly busy: boolean };

/**
 * One webview panel of one record of one store: the lifecycle (it belongs to its store's session,
 * which closes it on sign-out and when cached data is cleared), the document (strict CSP, nonce,
 * resources), the checked message loop with one handler per message type, loading with progress,
 * cancellation and a designed error state with Retry, copy through the host clipboard, and the
 * title. The customer panel and the order panel are views over it: each says what it shows.
 */
export abstract class WebviewPanel<S extends { readonly kind: string }, From extends MessageTable, To extends { readonly type: string }> extends Lifecycle {
  protected state: S | LoadingState;
  private ready = false;
  private inflight: vscode.CancellationTokenSource | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly session: StoreSession,
    readonly id: number,
    protected readonly deps: PanelDeps,
    private readonly spec: PanelSpec<From>,
  ) {
    super();
    this.state = { kind: 'loading', alias: session.alias, id };
    const ext = deps.context.extensionUri;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')] };
    panel.iconPath = vscode.Uri.joinPath(ext, 'media', 'yampi.svg');
    this.register(panel.onDidDispose(() => { this.dispose(); }));
    this.register(panel.webview.onDidReceiveMessage((m: unknown) => { void this.receive(m); }));
  }

  get alias(): string {
    return this.session.alias;
  }

  protected get privacy(): boolean {
    return this.deps.settings.settings.maskSensitiveData;
  }

  protected get isReady(): boolean {
    return this.ready;
  }

  /** The designed state of a failed load. */
  protected abstract errorState(e: unknown): S;
  /** `Customer #id` / `Order #N`. */
  protected abstract title(): string;
  /** The whole page for the state now, around the given resources. */
  protected abstract document(resources: WebviewResources): string;
  /** The `render` message for the state now. */
  protected abstract renderMessage(): To & PanelPost;
  /** The handlers of this panel's own message types (ready, refresh, retry, setCredentials, showLog are the base's). */
  protected abstract handlers(): Omit<Handlers<From>, keyof typeof PANEL_FROM_WEBVIEW>;
  /** Loads again (Retry, and what Refresh does unless the view says more). */
  abstract load(skipCache: boolean): Promise<unknown>;

  /** Refresh: by default the record again, bypassing caches. */
  refresh(): Promise<unknown> {
    return this.load(true);
  }

  /** The page asked for its content (it (re)loaded): the view may post more. */
  protected onReady(): void {
    // nothing more by default
  }

  /** Writes the whole document; the page then asks with `ready` and gets the current state. */
  protected writeDocument(): void {
    const w = this.panel.webview;
    const ext = this.deps.context.extensionUri;
    const uri = (...path: string[]): string => w.asWebviewUri(vscode.Uri.joinPath(ext, ...path)).toString();
    this.ready = false;
    this.panel.title = this.title();
    w.html = this.document({
      cspSource: w.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: uri('dist', this.spec.script),
      styleUri: uri('dist', 'detail.css'),
      codiconsUri: uri('dist', 'codicons', 'codicon.css'),
    });
  }

  /** Re-renders the body (privacy change, reveal, new data) without reloading the page. */
  render(): void {
    if (this.isDisposed) {
      return;
    }
    this.panel.title = this.title();
    if (this.ready) {
      this.post(this.renderMessage());
      this.rendered();
    }
  }

  /** After a body was posted (the customer panel re-sends its addresses, whose masking may have changed). */
  protected rendered(): void {
    // nothing more by default
  }

  protected post(m: To | PanelPost): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(m);
    }
  }

  /**
   * Fetches through the session with progress in the window: `Loading…` (or the current record,
   * busy) meanwhile, then what `shown` makes of the value, or the designed error state. A newer
   * load cancels this one; a cancelled or late load changes nothing.
   */
  protected async fetch<T>(
    progressTitle: Notice,
    subject: string,
    request: (token: vscode.CancellationToken) => Promise<T>,
    shown: (value: T) => S,
  ): Promise<T | undefined> {
    this.inflight?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inflight = cts;
    if (this.state.kind !== this.spec.contentKind) {
      this.state = { kind: 'loading', alias: this.alias, id: this.id };
      this.render();
    } else {
      this.post({ type: 'busy', busy: true });
    }
    try {
      const value = await this.deps.notifier.progress({ location: vscode.ProgressLocation.Window, title: progressTitle }, () => request(cts.token));
      if (this.isDisposed) {
        return undefined;
      }
      this.state = shown(value);
      return value;
    } catch (e) {
      if (isCancellation(e) || cts.token.isCancellationRequested) {
        return undefined;
      }
      this.deps.logger.warn(`${subject} in ${this.alias} could not be loaded.`, e);
      this.state = this.errorState(e);
      return undefined;
    } finally {
      this.post({ type: 'busy', busy: false });
      if (this.inflight === cts) {
        this.inflight = undefined;
      }
      cts.dispose();
      this.render();
    }
  }

  /** One message from the page: checked against the table, handled, failures shown. */
  async receive(raw: unknown): Promise<void> {
    if (!this.spec.guard(raw)) {
      this.deps.logger.warn(`Ignored a malformed message from the ${this.spec.name}.`);
      return;
    }
    try {
      await dispatch({ ...this.panelHandlers(), ...this.handlers() } as Handlers<From>, raw);
    } catch (e) {
      showError(this.deps.logger, this.deps.notifier, e);
    }
  }

  private panelHandlers(): Handlers<typeof PANEL_FROM_WEBVIEW> {
    return {
      ready: () => {
        this.ready = true;
        this.render();
        this.onReady();
      },
      refresh: async () => { await this.refresh(); },
      retry: async () => { await this.load(true); },
      setCredentials: async () => { await execute(COMMANDS.setCredentials); },
      showLog: async () => { await execute(COMMANDS.showLog); },
    };
  }

  /**
   * Copies through the host clipboard (the page never holds what it copies), tells the page
   * (`copied`: tick the button, announce `confirmation`) and shows the confirmation, which names
   * the field, never the value.
   */
  protected async copyThroughHost(value: string, confirmation: string, copied: To): Promise<void> {
    await vscode.env.clipboard.writeText(value);
    this.post(copied);
    void this.deps.notifier.info(noticeOf(confirmation));
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Forget what the view holds beyond the state (the customer panel's revealed fields). */
  protected forget(): void {
    // nothing more by default
  }

  protected override onDispose(): void {
    this.inflight?.cancel();
    this.forget();
    this.state = { kind: 'loading', alias: this.alias, id: this.id };
    this.panel.dispose();
  }
}
