/**
 * Messages between the order panel webview and the extension host. DOM- and Node-neutral: both
 * bundles import it. Like the customer panel, the host renders the body (masked as privacy mode
 * says) and the page only names what was clicked; the host copies and opens.
 */
import { guardOf, type MessageOf, type MessageTable, oneOf, text } from '../webview/messageTable';
import { isPanelState, PANEL_FROM_WEBVIEW, PANEL_TO_WEBVIEW, type PanelState } from '../webview/protocol';

/** The only thing the page persists: which order of which store (`id` is the order id). */
export type OrderPanelState = PanelState;
export const isOrderPanelState = isPanelState;

export type OrderCopyField = 'number' | 'id';
export const isCopyField = oneOf('number', 'id');

/** What the order page may send: message type → its fields. */
export const FROM_ORDER_WEBVIEW = {
  ...PANEL_FROM_WEBVIEW,
  /** `[data-action="open-customer"]`: the buyer's customer panel (the host knows who, never the page). */
  openCustomer: {},
  copy: { what: isCopyField },
} as const satisfies MessageTable;

/** What the host may send the order page. */
export const TO_ORDER_WEBVIEW = {
  /** render (from renderOrderBody; `state` is the order's {alias, id}) and busy. */
  ...PANEL_TO_WEBVIEW,
  /** The host copied: tick the button of `what` and announce `text` (names the field, never the value). */
  copied: { what: isCopyField, text: text(500) },
} as const satisfies MessageTable;

export type ToOrderWebview = MessageOf<typeof TO_ORDER_WEBVIEW>;

export const isFromOrderWebview = guardOf(FROM_ORDER_WEBVIEW);
export const isToOrderWebview = guardOf(TO_ORDER_WEBVIEW);
