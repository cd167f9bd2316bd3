import vscode = require('vscode');
import { VIEWS, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { OrderDetail } from '../../core/orders/orderModel';
import { isOrderPanelState } from '../../core/orders/orderProtocol';
import { orderPanelTitle } from '../../core/orders/orderFormat';
import { locale } from '../locale';
import type { Services } from '../services';
import type { StoreSession } from '../session/storeSession';
import { WebviewPanels } from '../webview/webviewPanels';
import { OrderPanel } from './orderPanel';
import type { OrderService } from './orderService';

/**
 * Every open order panel, one per (store, order id), over the registry base
 * (src/host/webview/webviewPanels.ts): each belongs to its store's session, which closes it on
 * sign-out (like the customer panels); panels come back after a window reload for stores still
 * signed in.
 */
export class OrderPanels extends WebviewPanels<OrderPanel> {
  constructor(private readonly services: Services, private readonly orders: OrderService) {
    super(services, { viewType: VIEWS.orderPanel, rememberKey: WORKSPACE_KEYS.orderPanelsOpen, isState: isOrderPanelState });
  }

  protected create(panel: vscode.WebviewPanel, session: StoreSession, id: number): OrderPanel {
    return new OrderPanel(panel, session, id, this.services, this.orders);
  }

  /**
   * Opens (or reveals) the panel of order `id`. `known`: the order as a lookup already fetched and
   * checked it (no second request). Resolves the order shown, or undefined.
   */
  open(alias: string | undefined, id: number, known?: OrderDetail): Promise<OrderDetail | undefined> {
    const show = (p: OrderPanel): Promise<OrderDetail | undefined> => (known ? p.show(known) : p.load(false));
    return this.openPanel(alias, id, orderPanelTitle(known?.number, id, locale()), async (p) => p.order ?? show(p), show);
  }

  /** The open panels (test seams): store, order id, title and body HTML. */
  snapshots(): { alias: string; id: number; title: string; html: string }[] {
    return [...this.panels.values()].map((p) => ({ alias: p.alias, id: p.id, title: p.panel.title, html: p.bodyHtml() }));
  }
}
