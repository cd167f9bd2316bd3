import vscode = require('vscode');
import { execute } from '../common/execute';
import { YampiError } from '../../core/api/errors';
import { COMMANDS } from '../../core/commands/ids';
import type { OrderDetail } from '../../core/orders/orderModel';
import { type FROM_ORDER_WEBVIEW, isFromOrderWebview, type OrderCopyField, type ToOrderWebview } from '../../core/orders/orderProtocol';
import { type OrderViewState, orderStateOf, orderTitle, renderOrderBody, renderOrderDocument } from '../../core/orders/renderOrderHtml';
import { orderCopyConfirmation } from '../../core/related/relatedFormat';
import type { Handlers } from '../../core/webview/messageTable';
import type { PANEL_FROM_WEBVIEW } from '../../core/webview/protocol';
import { describeError, NotSignedInError } from '../common/errors';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import type { StoreSession } from '../session/storeSession';
import { WebviewPanel, type WebviewResources } from '../webview/webviewPanel';
import type { OrderService } from './orderService';
import { notice } from '../common/notify';

/**
 * One order panel: a (store, order id) pair, over the panel base (src/host/webview/webviewPanel.ts).
 * It belongs to its store's session, which closes it on sign-out; it never keeps a customer beyond
 * the order it shows.
 */
export class OrderPanel extends WebviewPanel<OrderViewState, typeof FROM_ORDER_WEBVIEW, ToOrderWebview> {
  constructor(
    panel: vscode.WebviewPanel,
    session: StoreSession,
    id: number,
    services: Needs<'context' | 'logger' | 'notifier' | 'settings'>,
    private readonly orders: OrderService,
  ) {
    super(panel, session, id, services, { script: 'orderView.js', name: 'order panel', guard: isFromOrderWebview, contentKind: 'order' });
    this.writeDocument();
  }

  get order(): OrderDetail | undefined {
    return this.state.kind === 'order' ? this.state.order : undefined;
  }

  /** The body as the webview gets it now (test seams). */
  bodyHtml(): string {
    return renderOrderBody({ state: this.state, locale: locale(), privacy: this.privacy });
  }

  protected title(): string {
    return orderTitle(this.state, locale());
  }

  protected document(resources: WebviewResources): string {
    return renderOrderDocument({ ...resources, state: this.state, locale: locale(), privacy: this.privacy });
  }

  protected renderMessage(): ToOrderWebview & { readonly type: 'render' } {
    return { type: 'render', html: this.bodyHtml(), state: orderStateOf(this.state) };
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
    const shown = await this.fetch(
      notice('Loading order id {0}…', this.id),
      `Order id ${this.id}`,
      (token) => Promise.all([this.orders.getById(this.session, this.id, { skipCache, token }), this.orders.statuses(this.session, { skipCache })]),
      ([order, statuses]) => ({ kind: 'order', alias: this.alias, order, statuses }),
    );
    return shown?.[0];
  }

  protected errorState(e: unknown): OrderViewState {
    if (YampiError.is(e)) {
      return e.kind === 'notFound'
        ? { kind: 'notFound', alias: this.alias, id: this.id }
        : { kind: 'error', alias: this.alias, id: this.id, error: e.kind, message: describeError(e).message };
    }
    return { kind: 'error', alias: this.alias, id: this.id, error: e instanceof NotSignedInError ? 'signedOut' : 'other', message: describeError(e).message };
  }

  protected handlers(): Omit<Handlers<typeof FROM_ORDER_WEBVIEW>, keyof typeof PANEL_FROM_WEBVIEW> {
    return {
      copy: (m) => this.copy(m.what),
      openCustomer: async () => {
        const customerId = this.order?.customer?.id ?? this.order?.customerId;
        if (customerId !== undefined && customerId > 0) {
          await execute(COMMANDS.openCustomer, customerId, this.alias);
        }
      },
    };
  }

  /** Copies the number or the id through the host clipboard; the notification names the field, never the value. */
  private async copy(what: OrderCopyField): Promise<void> {
    const order = this.order;
    if (!order) {
      return;
    }
    const text = orderCopyConfirmation(what, locale());
    await this.copyThroughHost(what === 'number' ? String(order.number ?? order.id) : String(order.id), text, { type: 'copied', what, text });
  }
}
