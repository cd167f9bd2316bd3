/**
 * Messages between the detail panel webview and the extension host, in both directions.
 * DOM- and Node-neutral: both bundles import it (the webview for types and the guard).
 *
 * Design: the host owns the full record and renders HTML (renderDetailBody) for the current
 * privacy mode and revealed set, so a masked or hidden value never reaches the webview DOM until
 * it is revealed. The webview only ever names a field by its record path; the host copies.
 */
import { isSectionId } from '../related/sections';
import { guardOf, isBoolean, isPositiveId, isRecord, type MessageOf, type MessageTable, oneOf, optional, text } from './messageTable';

/** The only thing the webview persists (getState/setState): which customer of which store. */
export interface PanelState {
  readonly alias: string;
  readonly id: number;
}

const MAX_FIELD_LENGTH = 512;
/**
 * Largest `render` body the webview accepts (4 MB of UTF-16 text: well under the message size a
 * webview carries, and more than any real record needs); renderDetailBody never exceeds it.
 */
export const MAX_HTML_LENGTH = 4_000_000;

/**
 * The largest `section` body the host posts (issue 18 point 2.8): a quarter of what the webview's
 * guard (isToWebviewMessage) accepts, so a section never posts a message the page would drop and
 * leave at "Loading". VS Code's postMessage serializes the message to JSON over the extension host's
 * RPC and resolves true whatever the page does with it; there is no failure to wait for, so the
 * cap is ours and checked before posting. A larger section shows its error state with Retry.
 */
export const MAX_SECTION_HTML_LENGTH = 1_000_000;

/** True when a section's HTML fits in one message the webview accepts (with room to spare). */
export function sectionFitsMessage(html: string): boolean {
  return html.length <= MAX_SECTION_HTML_LENGTH;
}

/** A field's record path (`data-field`), as the page names it. */
const isFieldPath = text(MAX_FIELD_LENGTH, 1);

export function isPanelState(v: unknown): v is PanelState {
  return (
    isRecord(v) &&
    typeof v['alias'] === 'string' &&
    v['alias'].length > 0 &&
    v['alias'].length <= 200 &&
    typeof v['id'] === 'number' &&
    Number.isSafeInteger(v['id']) &&
    v['id'] > 0
  );
}

/** The `data-field` of an order's copyable row: `order:<id>:number` / `order:<id>:id`. */
export function orderFieldKey(orderId: number, what: 'number' | 'id'): string {
  return `order:${orderId}:${what}`;
}

/**
 * What every panel's page may send (the panel base in src/host/webview handles them): it loaded and
 * wants its content, Refresh, Retry after a failed load, and the buttons of the error states.
 */
export const PANEL_FROM_WEBVIEW = {
  ready: {},
  refresh: {},
  retry: {},
  setCredentials: {},
  showLog: {},
} as const satisfies MessageTable;

/** What the host may send every panel's page. */
export const PANEL_TO_WEBVIEW = {
  /** Replace the panel body; `state` is what the webview persists. */
  render: { html: text(MAX_HTML_LENGTH), state: optional(isPanelState) },
  /** A request is running (refresh): show progress without dropping the current content. */
  busy: { busy: isBoolean },
} as const satisfies MessageTable;

/** What the customer page may send: message type → its fields. The page only ever names things; the host looks them up. */
export const FROM_WEBVIEW = {
  ...PANEL_FROM_WEBVIEW,
  copy: { field: isFieldPath },
  copyJson: {},
  reveal: { field: isFieldPath },
  hide: { field: isFieldPath },
  revealAll: {},
  hideAll: {},
  openWhatsApp: {},
  /** The user expanded a section that loads on demand (addresses, carts): load its first page. */
  openSection: { section: isSectionId },
  /** The section's Load more button: the next page. */
  loadMore: { section: isSectionId },
  /** The section's Retry button after a failed load (first page or Load more). */
  retrySection: { section: isSectionId },
  /** Copy an order's number or id; the host looks the order up in what it loaded (never trusts a value from the page). */
  copyOrder: { orderId: isPositiveId, what: oneOf('number', 'id') },
  /** An order row's "Open order": its order panel (the host checks the order is one it loaded). */
  openOrder: { orderId: isPositiveId },
} as const satisfies MessageTable;

/** What the host may send the customer page: message type → its fields. */
export const TO_WEBVIEW = {
  /** render (from renderDetailBody) and busy. */
  ...PANEL_TO_WEBVIEW,
  /**
   * The host copied a field: tick its Copy button and announce `text` to screen readers
   * (copyConfirmation(): names the field, never the value). The host still shows its notification.
   */
  copied: { field: isFieldPath, text: text(500) },
  /** Replace one section's content (from renderSection); the other sections and the record stay as they are. */
  section: { section: isSectionId, html: text(MAX_HTML_LENGTH) },
} as const satisfies MessageTable;

export type ToWebviewMessage = MessageOf<typeof TO_WEBVIEW>;

/** Narrows a message the host received from the webview; anything else (unknown type, a field missing, wrong or too long, an extra field) is rejected. */
export const isFromWebviewMessage = guardOf(FROM_WEBVIEW);

/** Narrows a message the webview received from the host. */
export const isToWebviewMessage = guardOf(TO_WEBVIEW);
