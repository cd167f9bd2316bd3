import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { YampiError } from '../../core/api/errors';
import type { CustomerRecord } from '../../core/model/customer';
import { buildCustomerView, copyConfirmation, customerJson, findField, revealAllPaths } from '../../core/model/fields';
import { toLocale } from '../../core/model/strings';
import { isFromWebviewMessage, isPanelState, type FromWebviewMessage, type ToWebviewMessage } from '../../core/webview/protocol';
import { type DetailState, errorState, panelStateOf, panelTitle, renderDetailBody, renderDetailDocument } from '../../core/webview/renderDetailHtml';
import type { CustomerService } from '../customerService';
import { describeError, isCancellation, showError } from '../errors';
import type { Services } from '../services';
import type { CustomerTreeProvider } from '../tree/customerTreeProvider';

export const PANEL_TYPE = 'yampi.customerDetail';

/** One detail panel: a (store, customer) pair, its revealed set, and the typed message loop. */
class DetailPanel implements vscode.Disposable {
  private state: DetailState;
  private readonly revealed = new Set<string>();
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private inflight: vscode.CancellationTokenSource | undefined;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly alias: string,
    readonly id: number,
    private readonly services: Services,
    private readonly customers: CustomerService,
    private readonly onDispose: () => void,
  ) {
    this.state = { kind: 'loading', alias, id };
    const dist = vscode.Uri.joinPath(services.context.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(services.context.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'yampi.svg');
    this.disposables.push(
      panel.onDidDispose(() => { this.dispose(); }),
      panel.webview.onDidReceiveMessage((m: unknown) => { void this.onMessage(m); }),
    );
    this.writeDocument();
  }

  get record(): CustomerRecord | undefined {
    return this.state.kind === 'customer' ? this.state.record : undefined;
  }

  private get locale(): ReturnType<typeof toLocale> {
    return toLocale(vscode.env.language);
  }

  private get privacy(): boolean {
    return this.services.settings.settings.maskSensitiveData;
  }

  private writeDocument(): void {
    const w = this.panel.webview;
    const ext = this.services.context.extensionUri;
    this.ready = false;
    w.html = renderDetailDocument({
      state: this.state,
      locale: this.locale,
      privacy: this.privacy,
      revealed: this.revealed,
      cspSource: w.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'webview.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'detail.css')).toString(),
      codiconsUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'codicons', 'codicon.css')).toString(),
    });
  }

  /** Re-renders the body (privacy change, reveal, new data) without reloading the page. */
  render(): void {
    this.panel.title = panelTitle(this.state, this.locale);
    if (!this.ready) {
      return; // the page asks with `ready`, then gets the current state
    }
    const html = renderDetailBody({ state: this.state, locale: this.locale, privacy: this.privacy, revealed: this.revealed });
    this.post({ type: 'render', html, state: panelStateOf(this.state) });
  }

  private post(m: ToWebviewMessage): void {
    if (!this.disposed) {
      void this.panel.webview.postMessage(m);
    }
  }

  /** Fetches the customer; the panel shows loading, then the customer or a designed error state. */
  async load(skipCache: boolean, initial?: CustomerRecord): Promise<CustomerRecord | undefined> {
    this.inflight?.cancel();
    if (initial && !skipCache) {
      this.state = { kind: 'customer', alias: this.alias, record: initial };
      this.render();
      return initial;
    }
    const cts = new vscode.CancellationTokenSource();
    this.inflight = cts;
    if (this.state.kind !== 'customer') {
      this.state = { kind: 'loading', alias: this.alias, id: this.id };
      this.render();
    } else {
      this.post({ type: 'busy', busy: true });
    }
    try {
      const record = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading customer #{0}…', this.id) },
        () => this.customers.get(this.alias, this.id, { skipCache, token: cts.token }),
      );
      this.state = { kind: 'customer', alias: this.alias, record };
      return record;
    } catch (e) {
      if (isCancellation(e) || cts.token.isCancellationRequested) {
        return undefined;
      }
      this.services.logger.warn(`Customer #${this.id} in ${this.alias} could not be loaded.`, e);
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

  private errorState(e: unknown): DetailState {
    const message = describeError(e).message;
    if (YampiError.is(e)) {
      return errorState(this.alias, this.id, { kind: e.kind, message, retryAfterMs: e.retryAfterMs });
    }
    if (e instanceof Error && e.name === 'NotSignedInError') {
      return { kind: 'authError', alias: this.alias, id: this.id };
    }
    return { kind: 'networkError', alias: this.alias, id: this.id, message };
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isFromWebviewMessage(raw)) {
      this.services.logger.warn('Ignored a malformed message from the detail panel.');
      return;
    }
    try {
      await this.handle(raw);
    } catch (e) {
      showError(this.services.logger, e);
    }
  }

  private async handle(m: FromWebviewMessage): Promise<void> {
    const record = this.record;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
      case 'openSection': // issue 11: related-record sections, wired by the new host (see branch c360 report)
      case 'loadMore':
      case 'retrySection':
      case 'copyOrder':
        return;
      case 'copy': {
        if (!record) {
          return;
        }
        const field = findField(buildCustomerView(record, this.locale), m.field);
        if (!field) {
          return;
        }
        await vscode.env.clipboard.writeText(field.copyText);
        const text = copyConfirmation(field, this.locale);
        this.post({ type: 'copied', field: field.path, text });
        void vscode.window.showInformationMessage(text);
        return;
      }
      case 'copyJson':
        if (record) {
          await vscode.env.clipboard.writeText(customerJson(record, this.revealed));
          void vscode.window.showInformationMessage(vscode.l10n.t('Copied customer #{0} as JSON (account credentials left out).', record.customer.id));
        }
        return;
      case 'reveal':
        this.revealed.add(m.field);
        this.services.logger.info(`Revealed field ${m.field} of customer #${this.id} on request.`);
        this.render();
        return;
      case 'hide':
        this.revealed.delete(m.field);
        this.render();
        return;
      case 'revealAll':
        if (record) {
          for (const p of revealAllPaths(buildCustomerView(record, this.locale))) {
            this.revealed.add(p);
          }
          this.render();
        }
        return;
      case 'hideAll':
        this.revealed.clear();
        this.render();
        return;
      case 'refresh':
      case 'retry':
        await this.load(true);
        return;
      case 'openWhatsApp': {
        const link = record ? buildCustomerView(record, this.locale).whatsappLink : undefined;
        if (!link) {
          return;
        }
        const open = vscode.l10n.t('Open WhatsApp');
        const pick = await vscode.window.showWarningMessage(
          vscode.l10n.t('Open a WhatsApp conversation with this customer in your browser?'),
          { modal: true, detail: vscode.l10n.t('This leaves VS Code and opens {0}.', 'api.whatsapp.com') },
          open,
        );
        if (pick === open) {
          await vscode.env.openExternal(vscode.Uri.parse(link));
        }
        return;
      }
      case 'setCredentials':
        await vscode.commands.executeCommand('yampi.setCredentials');
        return;
      case 'showLog':
        await vscode.commands.executeCommand('yampi.showLog');
        return;
    }
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.inflight?.cancel();
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
    this.panel.dispose();
    this.onDispose();
  }
}

/** All open detail panels, one per (store, customer); restores them after a window reload. */
export class DetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services, private readonly customers: CustomerService, private readonly tree: CustomerTreeProvider) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PANEL_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          if (!isPanelState(state)) {
            panel.dispose();
            return;
          }
          const p = this.create(panel, state.alias, state.id);
          await p.load(false);
        },
      }),
    );
  }

  /** Opens (or reveals) the panel of a customer; resolves the record, or undefined when it failed. */
  async open(alias: string | undefined, id: number, record?: CustomerRecord): Promise<CustomerRecord | undefined> {
    const store = alias ?? this.services.credentials.activeAlias();
    if (store === undefined) {
      const connect = vscode.l10n.t('Set Credentials');
      const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Connect a Yampi store first.'), connect);
      if (pick === connect) {
        await vscode.commands.executeCommand('yampi.setCredentials');
      }
      return undefined;
    }
    const existing = this.panels.get(`${store}/${id}`);
    if (existing) {
      existing.reveal();
      return existing.record ?? existing.load(false);
    }
    const panel = vscode.window.createWebviewPanel(PANEL_TYPE, vscode.l10n.t('Customer #{0}', id), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.services.context.extensionUri, 'dist'), vscode.Uri.joinPath(this.services.context.extensionUri, 'media')],
    });
    const p = this.create(panel, store, id);
    return p.load(false, record ?? this.tree.recordFor(store, id));
  }

  private create(panel: vscode.WebviewPanel, alias: string, id: number): DetailPanel {
    const key = `${alias}/${id}`;
    const p = new DetailPanel(panel, alias, id, this.services, this.customers, () => { this.panels.delete(key); });
    this.panels.set(key, p);
    return p;
  }

  count(): number {
    return this.panels.size;
  }

  activeRecord(): { record: CustomerRecord; alias: string } | undefined {
    for (const p of this.panels.values()) {
      if (p.panel.active && p.record) {
        return { record: p.record, alias: p.alias };
      }
    }
    return undefined;
  }

  rerenderAll(): void {
    for (const p of this.panels.values()) {
      p.render();
    }
  }

  async refreshAll(alias?: string): Promise<void> {
    await Promise.all([...this.panels.values()].filter((p) => alias === undefined || p.alias === alias).map((p) => p.load(true)));
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
  }
}
