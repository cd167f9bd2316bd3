import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { YampiError } from '../../core/api/errors';
import { COMMANDS } from '../../core/commands/ids';
import type { CustomerRecord } from '../../core/model/customer';
import { orderCopyConfirmation, orderCopyText } from '../../core/model/relatedFormat';
import { buildCustomerView, copyConfirmation, customerJson, findField, isConcealed, revealAllPaths } from '../../core/model/fields';
import { isFromWebviewMessage, orderFieldKey, type FromWebviewMessage, type ToWebviewMessage } from '../../core/webview/protocol';
import { ADDRESSES_REVEAL_KEY } from '../../core/webview/renderSections';
import { type DetailState, errorState, panelStateOf, panelTitle, renderDetailBody, renderDetailDocument } from '../../core/webview/renderDetailHtml';
import { describeError, isCancellation, NotSignedInError, showError } from '../errors';
import { Lifecycle } from '../lifecycle';
import { notice, noticeOf } from '../notify';
import { locale } from '../locale';
import type { Needs } from '../services';
import type { StoreSession } from '../session/storeSession';
import { PanelSections } from './panelSections';
import type { Inspectable, PanelFacts, SectionSnapshot } from '../inspection';
import { execute } from '../commands/execute';

/** What this module uses of the feature services (src/host/features.ts builds them). */
type Deps = Needs<'context' | 'logger' | 'notifier' | 'settings'>;

/**
 * One detail panel: a (store, customer) pair, its revealed set and the typed message loop. It
 * belongs to its store's session: when the session ends, the panel closes and its data goes.
 */
export class DetailPanel extends Lifecycle implements Inspectable<PanelFacts & { readonly sections: readonly SectionSnapshot[] }> {
  private state: DetailState;
  private readonly revealed = new Set<string>();
  private ready = false;
  private inflight: vscode.CancellationTokenSource | undefined;
  private readonly sections: PanelSections;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly session: StoreSession,
    readonly id: number,
    private readonly services: Deps,
  ) {
    super();
    this.state = { kind: 'loading', alias: session.alias, id };
    const ext = services.context.extensionUri;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')] };
    panel.iconPath = vscode.Uri.joinPath(ext, 'media', 'yampi.svg');
    this.register(panel.onDidDispose(() => { this.dispose(); }));
    this.register(panel.webview.onDidReceiveMessage((m: unknown) => { void this.receive(m); }));
    this.sections = this.register(new PanelSections(
      session, id, services,
      (m) => { if (this.ready) { this.post(m); } },
      () => ({ locale: locale(), maskAddresses: this.privacy && !this.revealed.has(ADDRESSES_REVEAL_KEY) }),
    ));
    this.writeDocument();
    void this.sections.start();
  }

  /** Where the panel is, its message handler and its sections now (src/host/inspection.ts). */
  inspect(): PanelFacts & { readonly sections: readonly SectionSnapshot[] } {
    return { alias: this.alias, id: this.id, receive: (m) => this.receive(m), sections: this.sections.inspect() };
  }

  get alias(): string {
    return this.session.alias;
  }

  get record(): CustomerRecord | undefined {
    return this.state.kind === 'customer' ? this.state.record : undefined;
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
      locale: locale(),
      privacy: this.privacy,
      revealed: this.revealed,
      sections: this.sections.views(),
      cspSource: w.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'webview.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'detail.css')).toString(),
      codiconsUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'codicons', 'codicon.css')).toString(),
    });
  }

  /** Re-renders the body (privacy change, reveal, new data) without reloading the page. */
  render(): void {
    if (this.isDisposed) {
      return;
    }
    this.panel.title = panelTitle(this.state, locale());
    if (!this.ready) {
      return; // the page asks with `ready`, then gets the current state
    }
    const html = renderDetailBody({ state: this.state, locale: locale(), privacy: this.privacy, revealed: this.revealed });
    this.post({ type: 'render', html, state: panelStateOf(this.state) });
    this.sections.send('addresses'); // privacy mode or Reveal/Hide all may have changed its masking
  }

  /** Refresh: the record and every loaded section, bypassing caches. */
  async refresh(): Promise<void> {
    await Promise.all([this.load(true), this.sections.refresh()]);
  }

  private post(m: ToWebviewMessage): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(m);
    }
  }

  /** Fetches the customer through the session (and the client cache); shows it or a designed error state. */
  async load(skipCache: boolean): Promise<CustomerRecord | undefined> {
    this.inflight?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inflight = cts;
    if (this.state.kind !== 'customer') {
      this.state = { kind: 'loading', alias: this.alias, id: this.id };
      this.render();
    } else {
      this.post({ type: 'busy', busy: true });
    }
    try {
      const record = await this.services.notifier.progress(
        { location: vscode.ProgressLocation.Window, title: notice('Loading customer #{0}…', this.id) },
        () => this.session.getCustomer(this.id, { skipCache, token: cts.token }),
      );
      if (!this.isDisposed) {
        this.state = { kind: 'customer', alias: this.alias, record };
      }
      return this.isDisposed ? undefined : record;
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
    if (e instanceof NotSignedInError) {
      return { kind: 'authError', alias: this.alias, id: this.id };
    }
    return { kind: 'networkError', alias: this.alias, id: this.id, message };
  }

  /** One message from the webview: checked, handled, failures shown. */
  async receive(raw: unknown): Promise<void> {
    if (!isFromWebviewMessage(raw)) {
      this.services.logger.warn('Ignored a malformed message from the detail panel.');
      return;
    }
    try {
      await this.handle(raw);
    } catch (e) {
      showError(this.services.logger, this.services.notifier, e);
    }
  }

  private async handle(m: FromWebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.render();
        this.sections.postAll();
        return;
      case 'openSection':
        return this.sections.open(m.section);
      case 'loadMore':
        return this.sections.loadMore(m.section);
      case 'retrySection':
        return this.sections.retry(m.section);
      case 'copyOrder':
        return this.copyOrder(m.orderId, m.what);
      case 'openOrder':
        if (this.sections.order(m.orderId)) {
          await execute(COMMANDS.openOrder, m.orderId, this.alias);
        }
        return;
      case 'copy':
        return this.copyField(m.field);
      case 'copyJson':
        return this.copyJson();
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
        this.revealAll();
        return;
      case 'hideAll':
        this.revealed.clear();
        this.render();
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'retry':
        await this.load(true);
        return;
      case 'openWhatsApp':
        return this.openWhatsApp();
      case 'setCredentials':
        await execute(COMMANDS.setCredentials);
        return;
      case 'showLog':
        await execute(COMMANDS.showLog);
        return;
    }
  }

  /** Copies a field; a concealed secret (account token, login link) only once revealed on purpose. */
  private async copyField(path: string): Promise<void> {
    const record = this.record;
    const field = record ? findField(buildCustomerView(record, locale()), path) : undefined;
    if (!field) {
      return;
    }
    if (field.sensitivity === 'secret' && isConcealed(field, { privacy: this.privacy, revealed: this.revealed })) {
      void this.services.notifier.warn(notice('Reveal {0} first: it gives access to the customer\'s account, so it is copied only once shown on purpose.', field.label), {});
      return;
    }
    await vscode.env.clipboard.writeText(field.copyText);
    const text = copyConfirmation(field, locale());
    this.post({ type: 'copied', field: field.path, text });
    void this.services.notifier.info(noticeOf(text));
  }

  /** Copies an order's number or id, looked up in what this panel loaded. */
  private async copyOrder(orderId: number, what: 'number' | 'id'): Promise<void> {
    const order = this.sections.order(orderId);
    if (!order) {
      return;
    }
    await vscode.env.clipboard.writeText(orderCopyText(order, what));
    const text = orderCopyConfirmation(what, locale());
    this.post({ type: 'copied', field: orderFieldKey(orderId, what), text });
    void this.services.notifier.info(noticeOf(text));
  }

  private async copyJson(): Promise<void> {
    const record = this.record;
    if (record) {
      await vscode.env.clipboard.writeText(customerJson(record, this.revealed));
      void this.services.notifier.info(notice('Copied customer #{0} as JSON (account credentials left out).', record.customer.id));
    }
  }

  private revealAll(): void {
    const record = this.record;
    if (record) {
      for (const p of revealAllPaths(buildCustomerView(record, locale()))) {
        this.revealed.add(p);
      }
      this.revealed.add(ADDRESSES_REVEAL_KEY);
      this.render();
    }
  }

  private async openWhatsApp(): Promise<void> {
    const record = this.record;
    const link = record ? buildCustomerView(record, locale()).whatsappLink : undefined;
    if (!link) {
      return;
    }
    const uri = vscode.Uri.parse(link);
    const open = vscode.l10n.t('Open WhatsApp');
    const pick = await this.services.notifier.warn(
      notice('Open a WhatsApp conversation with this customer in your browser?'),
      { modal: true, detail: notice('This leaves VS Code and opens {0}.', uri.authority) },
      open,
    );
    if (pick === open) {
      await vscode.env.openExternal(uri);
    }
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  protected override onDispose(): void {
    this.inflight?.cancel();
    this.revealed.clear();
    this.state = { kind: 'loading', alias: this.alias, id: this.id };
    this.panel.dispose();
  }
}
