import vscode = require('vscode');
import { VIEWS, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { OrderDetail } from '../../core/orders/orderModel';
import { isOrderPanelState } from '../../core/orders/orderProtocol';
import { orderPanelTitle } from '../../core/orders/orderFormat';
import { locale } from '../common/locale';
import type { Inspectable, OrderPanelsFacts } from '../app/inspection';
import type { Needs } from '../app/services';
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
/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

export class OrderPanels extends WebviewPanels<OrderPanel> implements Inspectable<OrderPanelsFacts> {
  constructor(private readonly services: Deps, private readonly orders: OrderService) {
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

  /** The open panels: store, order id, title, body HTML and message handler (src/host/app/inspection.ts). */
  inspect(): OrderPanelsFacts {
    return { panels: this.facts().map(({ panel, ...f }) => ({ ...f, title: panel.panel.title, html: panel.bodyHtml() })) };
  }
}
