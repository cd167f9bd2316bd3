/**
 * The order panel's HTML (`yampi.orderDetail`), as pure functions: the document (the customer
 * panel's strict CSP, scripts by nonce, its stylesheet) and the body the host re-renders on every
 * change. `[data-section="order"]` holds number, id, date, status by the store's own name, totals,
 * payment, delivery (address masked in privacy mode), items and tracking; the buyer (masked) with
 * `[data-action="open-customer"]`. Every value is escaped; masked values are all the HTML holds.
 */
import type { YampiErrorKind } from '../api/errors';
import { money, when } from '../related/relatedFormat';
import { type Locale, type Message, msg, t } from '../common/strings';
import { escapeHtml } from '../webview/escapeHtml';
import { MAX_HTML_LENGTH } from '../webview/protocol';
import { describeFailure, type Failure } from '../failures/vocabulary';
import { button, failureBody, renderWebviewDocument, stateBody } from '../customers/renderDetailHtml';
import { orderAddress, orderCustomer, orderNumberText, orderPanelTitle, orderStatus } from './orderFormat';
import type { OrderDetail, StoreStatus } from './orderModel';
import type { OrderPanelState } from './orderProtocol';

export type OrderViewState =
  | { readonly kind: 'loading'; readonly alias: string; readonly id: number }
  | { readonly kind: 'order'; readonly alias: string; readonly order: OrderDetail; readonly statuses: readonly StoreStatus[] | undefined }
  | { readonly kind: 'notFound'; readonly alias: string; readonly id: number }
  | { readonly kind: 'error'; readonly alias: string; readonly id: number; readonly error: YampiErrorKind | 'signedOut' | 'other'; readonly message: string };

export interface OrderBodyOptions {
  readonly state: OrderViewState;
  readonly locale: Locale;
  readonly privacy: boolean;
}

export interface OrderDocumentOptions extends OrderBodyOptions {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
}

export function orderStateOf(state: OrderViewState): OrderPanelState {
  return { alias: state.alias, id: state.kind === 'order' ? state.order.id : state.id };
}

/** The tab title: `Order #1000457` once known, `Order (id 123)` before; never the buyer's name. */
export function orderTitle(state: OrderViewState, locale: Locale): string {
  return state.kind === 'order' ? orderPanelTitle(state.order.number, state.order.id, locale) : orderPanelTitle(undefined, state.id, locale);
}

const icon = (name: string, extra = ''): string => `<span class="codicon codicon-${name}${extra}" aria-hidden="true"></span>`;

function row(label: string, valueHtml: string, field?: string, actions = ''): string {
  const attr = field === undefined ? '' : ` data-field="${field}"`;
  return `<div class="field"${attr}><dt class="field-label">${escapeHtml(label)}</dt><dd class="field-value">${valueHtml}</dd>${actions === '' ? '' : `<dd class="field-actions">${actions}</dd>`}</div>`;
}

const value = (text: string): string => `<span class="value" dir="auto">${escapeHtml(text)}</span>`;

function copyRow(label: string, what: 'number' | 'id', text: string, locale: Locale): string {
  const copy = escapeHtml(t(locale, 'Copy {0}', label));
  return row(label, value(text), `order.${what}`,
    `<button type="button" class="icon-button" data-action="copy" data-what="${what}" data-focus-key="copy:${what}" aria-label="${copy}" title="${copy}">${icon('copy')}</button>`);
}

function itemsTable(o: OrderDetail, locale: Locale): string {
  if (o.items === undefined) {
    return `<p class="muted">${escapeHtml(t(locale, 'Items not included in the answer.'))}</p>`;
  }
  const head = [msg('SKU'), msg('Product'), msg('Qty'), msg('Unit price')].map((k) => `<th scope="col">${escapeHtml(t(locale, k))}</th>`);
  const rows = o.items.map((it) =>
    `<tr data-sku="${escapeHtml(it.sku ?? '')}"><td><code>${escapeHtml(it.sku ?? '\u2014')}</code></td><td dir="auto">${escapeHtml(it.name ?? '\u2014')}</td>` +
    `<td class="num">${it.quantity}</td><td class="num">${escapeHtml(money(it.price, locale))}</td></tr>`);
  return `<table class="items" data-part="items"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function group(id: string, title: Message, inner: string, locale: Locale): string {
  return `<section class="group" data-group="${id}" aria-labelledby="group-${id}"><h2 id="group-${id}">${escapeHtml(t(locale, title))}</h2>${inner}</section>`;
}

function customerGroup(o: OrderDetail, privacy: boolean, locale: Locale): string {
  const c = orderCustomer(o, privacy);
  if (c === undefined) {
    return group('customer', msg('Customer'), `<p class="muted">${escapeHtml(t(locale, 'The order names no customer.'))}</p>`, locale);
  }
  const rows = [
    row(t(locale, 'Name'), c.name === undefined ? value('\u2014') : `<bdi class="value">${escapeHtml(c.name)}</bdi>`, 'customer.name'),
    row(t(locale, 'Customer id'), value(`#${c.id}`), 'customer.id'),
  ];
  if (c.email !== undefined) {
    rows.push(`<div class="field${privacy ? ' is-concealed' : ''}" data-field="customer.email"><dt class="field-label">${escapeHtml(t(locale, 'E-mail'))}</dt><dd class="field-value">${value(c.email)}</dd></div>`);
  }
  if (c.phone !== undefined) {
    rows.push(`<div class="field${privacy ? ' is-concealed' : ''}" data-field="customer.phone"><dt class="field-label">${escapeHtml(t(locale, 'Phone'))}</dt><dd class="field-value">${value(c.phone)}</dd></div>`);
  }
  const open = button({ action: 'open-customer', focusKey: 'customer:open', label: t(locale, 'Open customer #{0}', c.id), icon: 'person', primary: true });
  return group('customer', msg('Customer'), `<dl class="fields">${rows.join('')}</dl><div class="toolbar">${open}</div>`, locale);
}

function orderBody(alias: string, o: OrderDetail, statuses: readonly StoreStatus[] | undefined, privacy: boolean, locale: Locale): string {
  const status = orderStatus(o, statuses, locale);
  const number = orderNumberText(o, locale);
  const header =
    `<header class="header"><div class="identity">${icon('package', ' avatar')}<div class="heading">` +
    `<h1 id="order-title">${escapeHtml(t(locale, 'Order {0}', number))}</h1>` +
    `<p class="subtitle">${escapeHtml(t(locale, 'Store {0}', alias))} · ${escapeHtml(when(o.createdAt, locale))}</p></div></div>` +
    `<ul class="badges"><li class="badge badge-${status.tone}" data-status="${escapeHtml(status.alias)}" data-status-source="${status.source}">${escapeHtml(status.label)}</li></ul></header>`;
  const toolbar = `<div class="toolbar" role="group" aria-label="${escapeHtml(t(locale, 'Order actions'))}">${button({ action: 'refresh', focusKey: 'toolbar:refresh', label: t(locale, 'Refresh'), icon: 'refresh' })}</div>`;
  const summary = [
    copyRow(t(locale, 'Order number'), 'number', o.number === undefined ? '\u2014' : String(o.number), locale),
    copyRow(t(locale, 'Order id'), 'id', String(o.id), locale),
    row(t(locale, 'Date'), value(when(o.createdAt, locale)), 'order.created_at'),
    row(t(locale, 'Status'), value(status.label), 'order.status'),
  ];
  const totals = [
    row(t(locale, 'Products'), value(money(o.products, locale)), 'order.value_products'),
    row(t(locale, 'Shipping'), value(money(o.shipment, locale)), 'order.value_shipment'),
    row(t(locale, 'Discount'), value(money(o.discount, locale)), 'order.value_discount'),
    row(t(locale, 'Total'), value(money(o.total, locale)), 'order.value_total'),
  ];
  if (o.paymentMethod !== undefined) {
    totals.push(row(t(locale, 'Payment'), value(o.paymentMethod), 'order.payment'));
  }
  const delivery: string[] = [];
  if (o.shipmentService !== undefined) {
    delivery.push(row(t(locale, 'Delivery'), value(o.shipmentService), 'order.shipment_service'));
  }
  const lines = orderAddress(o, privacy);
  if (lines.length > 0) {
    delivery.push(`<div class="field${privacy ? ' is-concealed' : ''}" data-field="order.shipping_address"><dt class="field-label">${escapeHtml(t(locale, 'Address'))}</dt><dd class="field-value">${lines.map((l) => `<span class="address-line" dir="auto">${escapeHtml(l)}</span>`).join('<br>')}</dd></div>`);
  }
  if (o.tracking?.code !== undefined) {
    delivery.push(row(t(locale, 'Tracking code'), `<code>${escapeHtml(o.tracking.code)}</code>`, 'order.track_code'));
  }
  if (o.tracking?.url !== undefined) {
    // shown as text, never a link: it comes from the API
    delivery.push(row(t(locale, 'Tracking link'), value(o.tracking.url), 'order.track_url'));
  }
  const note =
    `<p class="privacy-note">${icon(privacy ? 'shield' : 'unlock')}<span>${escapeHtml(t(locale, privacy ? msg('Privacy mode is on: the buyer’s e-mail, phone and street address are masked. Payment documents are never shown.') : msg('Privacy mode is off: personal data is shown. Payment documents are never shown.')))}</span></p>`;
  const groups = [
    group('summary', msg('Order'), `<dl class="fields">${summary.join('')}</dl>`, locale),
    group('totals', msg('Totals and payment'), `<dl class="fields">${totals.join('')}</dl>`, locale),
    customerGroup(o, privacy, locale),
    group('delivery', msg('Delivery'), delivery.length === 0 ? `<p class="muted">${escapeHtml(t(locale, 'No delivery details.'))}</p>` : `<dl class="fields">${delivery.join('')}</dl>`, locale),
    group('items', msg('Items'), itemsTable(o, locale), locale),
  ];
  return `<section data-section="order" data-order-id="${o.id}" aria-labelledby="order-title">${header}${toolbar}${note}<div class="groups">${groups.join('')}</div></section>`;
}

/** The failure an order panel error state stands for ('other' and the rest carry the host's message). */
export function orderStateFailure(state: Extract<OrderViewState, { kind: 'error' | 'notFound' }>): Failure {
  if (state.kind === 'notFound') {
    return { kind: 'api', error: { kind: 'notFound', alias: state.alias } };
  }
  switch (state.error) {
    case 'signedOut':
      return { kind: 'notSignedIn' };
    case 'auth':
    case 'forbidden':
    case 'rateLimited':
    case 'notFound':
      return { kind: 'api', error: { kind: state.error, alias: state.alias } };
    case 'cancelled':
    case 'invalidInput':
    case 'invalidResponse':
    case 'network':
    case 'other':
    case 'proxy':
    case 'server':
    case 'timeout':
    case 'tls':
      return { kind: 'unknown', message: state.message };
  }
}

const failedBody = (state: Extract<OrderViewState, { kind: 'error' | 'notFound' }>, locale: Locale): string =>
  failureBody(describeFailure(orderStateFailure(state), locale, { surface: 'panel', subject: { kind: 'order', id: state.id } }), locale);

/** The body (content of `<main id="root">`), never longer than MAX_HTML_LENGTH. */
export function renderOrderBody(opts: OrderBodyOptions): string {
  const { state, locale } = opts;
  let html: string;
  switch (state.kind) {
    case 'order':
      html = orderBody(state.alias, state.order, state.statuses, opts.privacy, locale);
      break;
    case 'loading':
      html =
        `<section class="state state-loading" aria-busy="true">${icon('loading', ' codicon-modifier-spin state-icon')}` +
        `<p class="state-body" role="status">${escapeHtml(t(locale, 'Loading order id {0}…', state.id))}</p>` +
        `<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div></section>`;
      break;
    case 'notFound':
    case 'error':
      html = failedBody(state, locale);
      break;
  }
  if (html.length <= MAX_HTML_LENGTH) {
    return html;
  }
  return stateBody('too-large', 'warning', t(locale, 'Too large to show'), escapeHtml(t(locale, 'This order has more data than this panel can show.')), [
    { action: 'retry', focusKey: 'state:retry', label: t(locale, 'Retry'), icon: 'refresh', primary: true },
  ]);
}

/** The full document. Throws on a nonce or cspSource that could break the CSP. */
export function renderOrderDocument(opts: OrderDocumentOptions): string {
  const state = orderStateOf(opts.state);
  return renderWebviewDocument({
    ...opts,
    title: orderTitle(opts.state, opts.locale),
    rootAttributes: `class="root order-root" data-alias="${escapeHtml(state.alias)}" data-order-id="${state.id}"`,
    bodyHtml: renderOrderBody(opts),
  });
}
