/**
 * Messages between the order panel webview and the extension host. DOM- and Node-neutral: both
 * bundles import it. Like the customer panel, the host renders the body (masked as privacy mode
 * says) and the page only names what was clicked; the host copies and opens.
 */
import { guardOf, isBoolean, type MessageOf, type MessageTable, oneOf, optional, text } from '../webview/messageTable';
import { isPanelState, MAX_HTML_LENGTH, type PanelState } from '../webview/protocol';

/** The only thing the page persists: which order of which store (`id` is the order id). */
export type OrderPanelState = PanelState;
export const isOrderPanelState = isPanelState;

export type OrderCopyField = 'number' | 'id';
export const isCopyField = oneOf('number', 'id');

/** What the order page may send: message type → its fields. */
export const FROM_ORDER_WEBVIEW = {
  ready: {},
  refresh: {},
  retry: {},
  showLog: {},
  setCredentials: {},
  /** `[data-action="open-customer"]`: the buyer's customer panel (the host knows who, never the page). */
  openCustomer: {},
  copy: { what: isCopyField },
} as const satisfies MessageTable;

/** What the host may send the order page. */
export const TO_ORDER_WEBVIEW = {
  render: { html: text(MAX_HTML_LENGTH), state: optional(isOrderPanelState) },
  busy: { busy: isBoolean },
  /** The host copied: tick the button of `what` and announce `text` (names the field, never the value). */
  copied: { what: isCopyField, text: text(500) },
} as const satisfies MessageTable;

export type FromOrderWebview = MessageOf<typeof FROM_ORDER_WEBVIEW>;
export type ToOrderWebview = MessageOf<typeof TO_ORDER_WEBVIEW>;

export const isFromOrderWebview = guardOf(FROM_ORDER_WEBVIEW);
export const isToOrderWebview = guardOf(TO_ORDER_WEBVIEW);
