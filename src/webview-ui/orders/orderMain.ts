/**
 * The order panel's browser script, over the shared page runtime (common/runtime.ts). Like the
 * customer panel's, it holds no data of its own: the host renders the body and the runtime swaps it
 * in, keeps focus, and turns clicks on `[data-action]` buttons into typed messages. Persisted
 * state: {alias, id} of the order only.
 */
import { FROM_ORDER_WEBVIEW, isToOrderWebview } from '../../core/orders/orderProtocol';
import { startPage } from '../common/runtime';

startPage({
  from: FROM_ORDER_WEBVIEW,
  guard: isToOrderWebview,
  idAttribute: 'orderId',
  /** `data-action` → message type (the buyer's button is `open-customer` in the page). */
  actions: { 'open-customer': 'openCustomer', copy: 'copy', refresh: 'refresh', retry: 'retry', showLog: 'showLog', setCredentials: 'setCredentials' },
  valuesOf: (button) => ({ what: button.dataset['what'] }),
  handlers: (page) => ({
    render: (m) => { page.render(m.html, m.state); },
    busy: (m) => { page.busy(m.busy); },
    copied: (m) => { page.copied(document.querySelector(`[data-action="copy"][data-what="${CSS.escape(m.what)}"]`), m.text); },
  }),
});
