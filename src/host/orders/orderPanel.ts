import { randomBytes } from 'node:crypto';
import vscode = require('vscode');
import { YampiError } from '../../core/api/errors';
import { COMMANDS } from '../../core/commands/ids';
import type { OrderDetail } from '../../core/orders/orderModel';
import { type FromOrderWebview, isFromOrderWebview, type OrderCopyField, type ToOrderWebview } from '../../core/orders/orderProtocol';
import { type OrderViewState, orderStateOf, orderTitle, renderOrderBody, renderOrderDocument } from '../../core/orders/renderOrderHtml';
import { orderCopyConfirmation } from '../../core/model/relatedFormat';
import { describeError, isCancellation, NotSignedInError, showError } from '../errors';
import { Lifecycle } from '../lifecycle';
import { locale } from '../locale';
import type { Needs } from '../services';
import type { StoreSession } from '../session/storeSession';
import type { OrderService } from './orderService';
import { notice, noticeOf } from '../notify';
import { execute } from '../commands/execute';

/** What this module uses of the feature services (src/host/features.ts builds them). */
type Deps = Needs<'context' | 'logger' | 'notifier' | 'settings'>;

/**
 * One order panel: a (store, order id) pair and its message loop. It belongs to its store's
 * session, which closes it on sign-out; it never keeps a customer beyond the order it shows.
 */
export class OrderPanel extends Lifecycle {
  private state: OrderViewState;
  private ready = false;
  private inflight: vscode.CancellationTokenSource | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly session: StoreSession,
    readonly id: number,
    private readonly services: Deps,
    private readonly orders: OrderService,
  ) {
    super();
    this.state = { kind: 'loading', alias: session.alias, id };
    const ext = services.context.extensionUri;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')] };
    panel.iconPath = vscode.Uri.joinPath(ext, 'media', 'yampi.svg');
    this.register(panel.onDidDispose(() => { this.dispose(); }));
    this.register(panel.webview.onDidReceiveMessage((m: unknown) => { void this.receive(m); }));
    this.writeDocument();
  }

  get alias(): string {
    return this.session.alias;
  }

  get order(): OrderDetail | undefined {
    return this.state.kind === 'order' ? this.state.order : undefined;
  }

  /** The body as the webview gets it now (test seams). */
  bodyHtml(): string {
    return renderOrderBody({ state: this.state, locale: locale(), privacy: this.privacy });
  }

  private get privacy(): boolean {
    return this.services.settings.settings.maskSensitiveData;
  }

  private writeDocument(): void {
    const w = this.panel.webview;
    const ext = this.services.context.extensionUri;
    this.ready = false;
    this.panel.title = orderTitle(this.state, locale());
    w.html = renderOrderDocument({
      state: this.state,
      locale: locale(),
      privacy: this.privacy,
      cspSource: w.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'orderView.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'detail.css')).toString(),
      codiconsUri: w.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'codicons', 'codicon.css')).toString(),
    });
  }

  render(): void {
    if (this.isDisposed) {
      return;
    }
    this.panel.title = orderTitle(this.state, locale());
    if (this.ready) {
      this.post({ type: 'render', html: this.bodyHtml(), state: orderStateOf(this.state) });
    }
  }

  private post(m: ToOrderWebview): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(m);
    }
  }

  /** Shows an order already fetched and checked (by the lookup), then its store's status names. */
  async show(order: OrderDetail): Promise<OrderDetail | undefined> {
    const statuses = await this.orders.statuses(this.session);
    if (this.isDisposed) {
      return undefined;
    }
    this.state = { kind: 'order', alias: this.alias, order, statuses };
    this.render();
    return order;
  }

  /** Fetches the order by id through the session; shows it or a designed state with Retry. */
  async load(skipCache: boolean): Promise<OrderDetail | undefined> {
    this.inflight?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inflight = cts;
    if (this.state.kind !== 'order') {
      this.state = { kind: 'loading', alias: this.alias, id: this.id };
      this.render();
    } else {
      this.post({ type: 'busy', busy: true });
    }
    try {
      const [order, statuses] = await this.services.notifier.progress(
        { location: vscode.ProgressLocation.Window, title: notice('Loading order id {0}…', this.id) },
        () => Promise.all([this.orders.getById(this.session, this.id, { skipCache, token: cts.token }), this.orders.statuses(this.session, { skipCache })]),
      );
      if (this.isDisposed) {
        return undefined;
      }
      this.state = { kind: 'order', alias: this.alias, order, statuses };
      return order;
    } catch (e) {
      if (isCancellation(e) || cts.token.isCancellationRequested) {
        return undefined;
      }
      this.services.logger.warn(`Order id ${this.id} in ${this.alias} could not be loaded.`, e);
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

  private errorState(e: unknown): OrderViewState {
    if (YampiError.is(e)) {
      return e.kind === 'notFound'
        ? { kind: 'notFound', alias: this.alias, id: this.id }
        : { kind: 'error', alias: this.alias, id: this.id, error: e.kind, message: describeError(e).message };
    }
    return { kind: 'error', alias: this.alias, id: this.id, error: e instanceof NotSignedInError ? 'signedOut' : 'other', message: describeError(e).message };
  }

  async receive(raw: unknown): Promise<void> {
    if (!isFromOrderWebview(raw)) {
      this.services.logger.warn('Ignored a malformed message from the order panel.');
      return;
    }
    try {
      await this.handle(raw);
    } catch (e) {
      showError(this.services.logger, this.services.notifier, e);
    }
  }

  private async handle(m: FromOrderWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
      case 'refresh':
      case 'retry':
        await this.load(true);
        return;
      case 'copy':
        return this.copy(m.what);
      case 'openCustomer': {
        const customerId = this.order?.customer?.id ?? this.order?.customerId;
        if (customerId !== undefined && customerId > 0) {
          await execute(COMMANDS.openCustomer, customerId, this.alias);
        }
        return;
      }
      case 'setCredentials':
        await execute(COMMANDS.setCredentials);
        return;
      case 'showLog':
        await execute(COMMANDS.showLog);
        return;
    }
  }

  /** Copies the number or the id through the host clipboard; the notification names the field, never the value. */
  private async copy(what: OrderCopyField): Promise<void> {
    const order = this.order;
    if (!order) {
      return;
    }
    await vscode.env.clipboard.writeText(what === 'number' ? String(order.number ?? order.id) : String(order.id));
    const text = orderCopyConfirmation(what, locale());
    this.post({ type: 'copied', what, text });
    void this.services.notifier.info(noticeOf(text));
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  protected override onDispose(): void {
    this.inflight?.cancel();
    this.state = { kind: 'loading', alias: this.alias, id: this.id };
    this.panel.dispose();
  }
}
