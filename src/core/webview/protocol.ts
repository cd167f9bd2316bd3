/**
 * Messages between the detail panel webview and the extension host, in both directions.
 * DOM- and Node-neutral: both bundles import it (the webview for types and the guard).
 *
 * Design: the host owns the full record and renders HTML (renderDetailBody) for the current
 * privacy mode and revealed set, so a masked or hidden value never reaches the webview DOM until
 * it is revealed. The webview only ever names a field by its record path; the host copies.
 */
import { isSectionId, type SectionId } from '../related/sections';

/** The only thing the webview persists (getState/setState): which customer of which store. */
export interface PanelState {
  readonly alias: string;
  readonly id: number;
}

export type FromWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'copy'; readonly field: string }
  | { readonly type: 'copyJson' }
  | { readonly type: 'reveal'; readonly field: string }
  | { readonly type: 'hide'; readonly field: string }
  | { readonly type: 'revealAll' }
  | { readonly type: 'hideAll' }
  | { readonly type: 'refresh' }
  | { readonly type: 'retry' }
  | { readonly type: 'openWhatsApp' }
  | { readonly type: 'setCredentials' }
  | { readonly type: 'showLog' }
  /** The user expanded a section that loads on demand (addresses, carts): load its first page. */
  | { readonly type: 'openSection'; readonly section: SectionId }
  /** The section's Load more button: the next page. */
  | { readonly type: 'loadMore'; readonly section: SectionId }
  /** The section's Retry button after a failed load (first page or Load more). */
  | { readonly type: 'retrySection'; readonly section: SectionId }
  /** Copy an order's number or id; the host looks the order up in what it loaded (never trusts a value from the page). */
  | { readonly type: 'copyOrder'; readonly orderId: number; readonly what: 'number' | 'id' }
  /** An order row's "Open order": its order panel (the host checks the order is one it loaded). */
  | { readonly type: 'openOrder'; readonly orderId: number };

export type ToWebviewMessage =
  /** Replace the panel body (from renderDetailBody); `state` is what the webview persists. */
  | { readonly type: 'render'; readonly html: string; readonly state?: PanelState }
  /** A request is running (refresh): show progress without dropping the current content. */
  | { readonly type: 'busy'; readonly busy: boolean }
  /**
   * The host copied a field: tick its Copy button and announce `text` to screen readers
   * (copyConfirmation(): names the field, never the value). The host still shows its notification.
   */
  | { readonly type: 'copied'; readonly field: string; readonly text: string }
  /** Replace one section's content (from renderSection); the other sections and the record stay as they are. */
  | { readonly type: 'section'; readonly section: SectionId; readonly html: string };

export type FromWebviewType = FromWebviewMessage['type'];

const SIMPLE_FROM: ReadonlySet<string> = new Set<FromWebviewType>([
  'ready',
  'copyJson',
  'revealAll',
  'hideAll',
  'refresh',
  'retry',
  'openWhatsApp',
  'setCredentials',
  'showLog',
]);
const FIELD_FROM: ReadonlySet<string> = new Set<FromWebviewType>(['copy', 'reveal', 'hide']);

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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isFieldPath(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD_LENGTH;
}

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

const SECTION_FROM: ReadonlySet<string> = new Set<FromWebviewType>(['openSection', 'loadMore', 'retrySection']);

/** The `data-field` of an order's copyable row: `order:<id>:number` / `order:<id>:id`. */
export function orderFieldKey(orderId: number, what: 'number' | 'id'): string {
  return `order:${orderId}:${what}`;
}

/** Narrows a message the host received from the webview; anything else is rejected. */
export function isFromWebviewMessage(v: unknown): v is FromWebviewMessage {
  if (!isRecord(v) || typeof v['type'] !== 'string') {
    return false;
  }
  if (SIMPLE_FROM.has(v['type'])) {
    return true;
  }
  if (SECTION_FROM.has(v['type'])) {
    return isSectionId(v['section']);
  }
  if (v['type'] === 'openOrder') {
    const id = v['orderId'];
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
  }
  if (v['type'] === 'copyOrder') {
    const id = v['orderId'];
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 && (v['what'] === 'number' || v['what'] === 'id');
  }
  return FIELD_FROM.has(v['type']) && isFieldPath(v['field']);
}

/** Narrows a message the webview received from the host. */
export function isToWebviewMessage(v: unknown): v is ToWebviewMessage {
  if (!isRecord(v)) {
    return false;
  }
  switch (v['type']) {
    case 'render':
      return (
        typeof v['html'] === 'string' && v['html'].length <= MAX_HTML_LENGTH && (v['state'] === undefined || isPanelState(v['state']))
      );
    case 'busy':
      return typeof v['busy'] === 'boolean';
    case 'copied':
      return isFieldPath(v['field']) && typeof v['text'] === 'string' && v['text'].length <= 500;
    case 'section':
      return isSectionId(v['section']) && typeof v['html'] === 'string' && v['html'].length <= MAX_HTML_LENGTH;
    default:
      return false;
  }
}
