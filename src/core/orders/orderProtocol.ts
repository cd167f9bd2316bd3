/**
 * Messages between the order panel webview and the extension host. DOM- and Node-neutral: both
 * bundles import it. Like the customer panel, the host renders the body (masked as privacy mode
 * says) and the page only names what was clicked; the host copies and opens.
 */
import { isPanelState, MAX_HTML_LENGTH, type PanelState } from '../webview/protocol';

/** The only thing the page persists: which order of which store (`id` is the order id). */
export type OrderPanelState = PanelState;
export const isOrderPanelState = isPanelState;

export type OrderCopyField = 'number' | 'id';

export type FromOrderWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'retry' }
  | { readonly type: 'showLog' }
  | { readonly type: 'setCredentials' }
  /** `[data-action="open-customer"]`: the buyer's customer panel (the host knows who, never the page). */
  | { readonly type: 'openCustomer' }
  | { readonly type: 'copy'; readonly what: OrderCopyField };

export type ToOrderWebview =
  | { readonly type: 'render'; readonly html: string; readonly state?: OrderPanelState }
  | { readonly type: 'busy'; readonly busy: boolean }
  /** The host copied: tick the button of `what` and announce `text` (names the field, never the value). */
  | { readonly type: 'copied'; readonly what: OrderCopyField; readonly text: string };

const SIMPLE: ReadonlySet<string> = new Set(['ready', 'refresh', 'retry', 'showLog', 'setCredentials', 'openCustomer']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isCopyField = (v: unknown): v is OrderCopyField => v === 'number' || v === 'id';

export function isFromOrderWebview(v: unknown): v is FromOrderWebview {
  if (!isRecord(v) || typeof v['type'] !== 'string') {
    return false;
  }
  return SIMPLE.has(v['type']) || (v['type'] === 'copy' && isCopyField(v['what']));
}

export function isToOrderWebview(v: unknown): v is ToOrderWebview {
  if (!isRecord(v)) {
    return false;
  }
  switch (v['type']) {
    case 'render':
      return typeof v['html'] === 'string' && v['html'].length <= MAX_HTML_LENGTH && (v['state'] === undefined || isOrderPanelState(v['state']));
    case 'busy':
      return typeof v['busy'] === 'boolean';
    case 'copied':
      return isCopyField(v['what']) && typeof v['text'] === 'string' && v['text'].length <= 500;
    default:
      return false;
  }
}
