/**
 * The related-record sections below the record — `[data-section="orders"|"addresses"|"carts"]` —
 * as pure functions. Each section renders on its own (loading, empty, error with Retry, loaded with
 * Load more) and is replaced on its own by a `{type:'section'}` message, so a failing section
 * never hides the record or the other sections. All data escaped; addresses masked in privacy
 * mode (the masked values are all the HTML contains); cart secrets never reach these functions.
 */
export type { SectionError, SectionState } from './relatedPaging';
import type { Address, Cart, Order, OrderItem } from './related';
import { ignoredFilterText, LOOK_FURTHER_PAGES, type SectionError, type SectionState } from './relatedPaging';
import {
  addressLines, cartTransactionText, sectionErrorText, itemCount, itemCountText, money, orderLabel, statusView, when, type StatusView,
} from './relatedFormat';
import { type Locale, type Message, msg, t } from '../common/strings';
import { escapeHtml } from '../webview/escapeHtml';
import { codicon, type WebviewIcon } from '../webview/codicons';
import type { SectionId } from './sections';
import { orderFieldKey } from '../webview/protocol';

export type SectionView =
  | { readonly section: 'orders'; readonly state: SectionState<Order> }
  | { readonly section: 'addresses'; readonly state: SectionState<Address> }
  /** Carts without their secrets (`CartRecord.cart`). */
  | { readonly section: 'carts'; readonly state: SectionState<Cart> };

/**
 * The `revealed` entry that unmasks addresses in the panel (privacy mode on, the user chose to
 * see them: Reveal all adds it, Hide all removes it).
 */
export const ADDRESSES_REVEAL_KEY = 'addresses';

export interface SectionRenderOptions {
  readonly locale: Locale;
  /** Privacy mode and nothing revealed: street, number, complement and CEP masked. */
  readonly maskAddresses: boolean;
}

const icon = codicon;

const TITLE: Readonly<Record<SectionId, Message>> = { orders: msg('Orders'), addresses: msg('Addresses'), carts: msg('Abandoned carts') };
const LOADING: Readonly<Record<SectionId, Message>> = {
  orders: msg('Loading orders…'), addresses: msg('Loading addresses…'), carts: msg('Loading abandoned carts…'),
};
const EMPTY: Readonly<Record<SectionId, Message>> = {
  orders: msg('No orders yet.'), addresses: msg('No saved addresses.'), carts: msg('No abandoned carts.'),
};
const ICON: Readonly<Record<SectionId, WebviewIcon>> = { orders: 'package', addresses: 'location', carts: 'archive' };

function sectionButton(section: SectionId, action: 'loadMore' | 'retrySection', label: string, iconName: WebviewIcon, title?: string): string {
  const tip = title === undefined ? '' : ` title="${escapeHtml(title)}"`;
  return (
    `<button type="button" class="button secondary" data-action="${action}" data-section="${section}"` +
    ` data-focus-key="section:${section}:${action}"${tip}>${icon(iconName)}<span>${escapeHtml(label)}</span></button>`
  );
}

function errorBlock(section: SectionId, e: SectionError, locale: Locale): string {
  return (
    `<div class="section-state section-error" role="alert">${icon('error')}` +
    `<span dir="auto">${escapeHtml(t(locale, 'Could not load this section: {0}', sectionErrorText(e, locale)))}</span>` +
    `${sectionButton(section, 'retrySection', t(locale, 'Retry'), 'refresh')}</div>`
  );
}

function badge(s: StatusView): string {
  return `<span class="badge badge-${s.tone}" data-status="${escapeHtml(s.alias)}">${escapeHtml(s.label)}</span>`;
}

function itemsTable(items: readonly Pick<OrderItem, 'sku' | 'name' | 'quantity' | 'price'>[], locale: Locale): string {
  const head = [msg('SKU'), msg('Product'), msg('Qty'), msg('Unit price')].map((k) => `<th scope="col">${escapeHtml(t(locale, k))}</th>`);
  const rows = items.map(
    (it) =>
      `<tr><td><code>${escapeHtml(it.sku ?? '\u2014')}</code></td><td dir="auto">${escapeHtml(it.name ?? '\u2014')}</td>` +
      `<td class="num">${it.quantity}</td><td class="num">${escapeHtml(money(it.price, locale))}</td></tr>`,
  );
  return `<table class="items"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function copyRow(orderId: number, what: 'number' | 'id', value: string, locale: Locale): string {
  const label = t(locale, what === 'number' ? msg('Order number') : msg('Order id'));
  const key = orderFieldKey(orderId, what);
  const copy = escapeHtml(t(locale, 'Copy {0}', label));
  return (
    `<div class="field" data-field="${key}"><dt class="field-label">${escapeHtml(label)}</dt>` +
    `<dd class="field-value"><span class="value">${escapeHtml(value)}</span></dd><dd class="field-actions">` +
    `<button type="button" class="icon-button" data-action="copyOrder" data-order-id="${orderId}" data-what="${what}"` +
    ` data-focus-key="copy:${key}" aria-label="${copy}" title="${copy}">${icon('copy')}</button></dd></div>`
  );
}

function plainRow(label: string, value: string): string {
  return `<div class="field"><dt class="field-label">${escapeHtml(label)}</dt><dd class="field-value"><span class="value" dir="auto">${escapeHtml(value)}</span></dd></div>`;
}

function orderHtml(o: Order, locale: Locale): string {
  const count = itemCount(o.items);
  const summary =
    `<summary class="row-summary" data-focus-key="order:${o.id}"><span class="order-number">${escapeHtml(orderLabel(o))}</span>` +
    `<span class="row-date">${escapeHtml(when(o.createdAt, locale))}</span>${badge(statusView(o.status, locale))}` +
    `<span class="row-total">${escapeHtml(money(o.total, locale))}</span><span class="row-count">${escapeHtml(itemCountText(count, locale))}</span></summary>`;
  const rows = [
    copyRow(o.id, 'number', String(o.number ?? '\u2014'), locale),
    copyRow(o.id, 'id', String(o.id), locale),
    plainRow(t(locale, 'Products'), money(o.products, locale)),
    plainRow(t(locale, 'Shipping'), money(o.shipment, locale)),
    plainRow(t(locale, 'Discount'), money(o.discount, locale)),
    plainRow(t(locale, 'Total'), money(o.total, locale)),
  ];
  if (o.paymentMethod !== undefined) {
    rows.push(plainRow(t(locale, 'Payment'), o.paymentMethod));
  }
  if (o.shipmentService !== undefined) {
    rows.push(plainRow(t(locale, 'Delivery'), o.shipmentService));
  }
  const items = o.items === undefined ? `<p class="muted">${escapeHtml(t(locale, 'Items not included in the answer.'))}</p>` : itemsTable(o.items, locale);
  const open =
    `<div class="toolbar"><button type="button" class="button secondary" data-action="openOrder" data-order-id="${o.id}" data-focus-key="open:order:${o.id}">` +
    `${icon('link-external')}<span>${escapeHtml(t(locale, 'Open order {0}', orderLabel(o)))}</span></button></div>`;
  return (
    `<li class="order" data-order-id="${o.id}"><details data-key="order:${o.id}">${summary}` +
    `<div class="row-body">${open}<dl class="fields">${rows.join('')}</dl>${items}</div></details></li>`
  );
}

function addressHtml(a: Address, index: number, opts: SectionRenderOptions): string {
  const lines = addressLines(a, opts.maskAddresses)
    .map((l) => `<span class="address-line" dir="auto">${escapeHtml(l)}</span>`)
    .join('');
  const receiver =
    a.receiver === undefined || a.receiver === ''
      ? ''
      : `<span class="address-receiver">${escapeHtml(t(opts.locale, 'Receiver'))}: <bdi>${escapeHtml(a.receiver)}</bdi></span>`;
  return (
    `<li class="address${opts.maskAddresses ? ' is-concealed' : ''}" data-address-id="${a.id}"` +
    ` aria-label="${escapeHtml(t(opts.locale, 'Address {0}', index + 1))}">${receiver}${lines}</li>`
  );
}

function cartHtml(c: Cart, locale: Locale): string {
  const count = c.totalItems ?? itemCount(c.items);
  const tx = c.lastTransactionStatus === undefined || c.lastTransactionStatus === '' ? '' : badge(statusView(c.lastTransactionStatus, locale));
  const summary =
    `<summary class="row-summary" data-focus-key="cart:${c.id}"><span class="row-date">${escapeHtml(when(c.updatedAt ?? c.createdAt, locale))}</span>` +
    `<span class="row-count">${escapeHtml(itemCountText(count, locale))}</span><span class="row-total">${escapeHtml(money(c.total, locale))}</span>${tx}</summary>`;
  const items = c.items === undefined ? '' : itemsTable(c.items, locale);
  return (
    `<li class="cart" data-cart-id="${c.id}"><details data-key="cart:${c.id}">${summary}<div class="row-body">` +
    `<p class="muted">${escapeHtml(cartTransactionText(c, locale))}</p>${items}</div></details></li>`
  );
}

function listHtml(view: SectionView, opts: SectionRenderOptions): string {
  switch (view.section) {
    case 'orders':
      return view.state.status === 'loaded' ? `<ol class="rows orders">${view.state.items.map((o) => orderHtml(o, opts.locale)).join('')}</ol>` : '';
    case 'addresses':
      return view.state.status === 'loaded' ? `<ul class="rows addresses">${view.state.items.map((a, i) => addressHtml(a, i, opts)).join('')}</ul>` : '';
    case 'carts':
      return view.state.status === 'loaded' ? `<ul class="rows carts">${view.state.items.map((c) => cartHtml(c, opts.locale)).join('')}</ul>` : '';
  }
}

function bodyHtml(view: SectionView, opts: SectionRenderOptions): string {
  const { section, state } = view;
  const { locale } = opts;
  switch (state.status) {
    case 'idle':
      return `<p class="section-state muted">${escapeHtml(t(locale, 'Expand to load.'))}</p>`;
    case 'loading':
      return `<p class="section-state" role="status">${icon('loading', ' codicon-modifier-spin')}<span>${escapeHtml(t(locale, LOADING[section]))}</span></p>`;
    case 'error':
      return errorBlock(section, state.error, locale);
    case 'loaded': {
      const ignored = ignoredFilterText(state, locale);
      if (state.items.length === 0 && !state.hasMore && ignored === undefined) {
        return `<p class="section-state section-empty">${escapeHtml(t(locale, EMPTY[section]))}</p>`;
      }
      const note = ignored ?? (state.dropped !== undefined && state.dropped > 0 ? t(locale, 'The API also returned {0} record(s) of other customers; they are not shown.', state.dropped) : undefined);
      const dropped = note === undefined ? '' : `<p class="muted section-note${ignored === undefined ? '' : ' section-filter-ignored'}" role="status">${icon(ignored === undefined ? 'info' : 'warning')}${escapeHtml(note)}</p>`;
      let more = '';
      if (state.moreError !== undefined) {
        more = errorBlock(section, state.moreError, locale);
      } else if (state.loadingMore === true) {
        more = `<p class="section-state" role="status">${icon('loading', ' codicon-modifier-spin')}<span>${escapeHtml(t(locale, 'Loading more…'))}</span></p>`;
      } else if (state.hasMore) {
        more = sectionButton(section, 'loadMore', t(locale, 'Load more'), 'fold-down', t(locale, 'Load the next {0}', t(locale, TITLE[section]).toLowerCase()));
      } else if (state.canLookFurther === true) {
        more = sectionButton(section, 'loadMore', t(locale, 'Look further'), 'search', t(locale, 'Look through at most {0} more pages of what Yampi returns', LOOK_FURTHER_PAGES));
      }
      return `${listHtml(view, opts)}${dropped}<div class="section-more">${more}</div>`;
    }
  }
}

function countText(state: SectionView['state'], locale: Locale): string {
  if (state.status !== 'loaded' || (state.items.length === 0 && !state.hasMore) || state.filterIgnored === true) {
    return state.status === 'loaded' && state.filterIgnored === true && state.items.length > 0 ? String(state.items.length) : '';
  }
  const n = state.items.length;
  return state.total !== undefined && state.total > n ? t(locale, '{0} of {1}', n, state.total) : String(n);
}

/** The inner HTML of `<section data-section="…">`: a <details> whose summary is the section heading. */
export function renderSection(view: SectionView, opts: SectionRenderOptions): string {
  const { section, state } = view;
  const open = section === 'orders' || state.status !== 'idle';
  const count = countText(state, opts.locale);
  const busy = state.status === 'loading' || (state.status === 'loaded' && state.loadingMore === true);
  return (
    `<details class="section-details" data-key="section:${section}"${open ? ' open' : ''}${state.status === 'idle' ? ' data-lazy="idle"' : ''}>` +
    `<summary class="section-summary" data-focus-key="section:${section}">${icon(ICON[section])}` +
    `<h2 id="section-${section}-title">${escapeHtml(t(opts.locale, TITLE[section]))}</h2>` +
    `${count === '' ? '' : `<span class="section-count">${escapeHtml(count)}</span>`}</summary>` +
    `<div class="section-body" aria-busy="${String(busy)}">${bodyHtml(view, opts)}</div></details>`
  );
}

/** The three sections for the first document, each in its own `[data-section]` element. */
export function renderSectionsShell(views: readonly SectionView[], opts: SectionRenderOptions): string {
  const sections = views.map(
    (v) => `<section class="related-section" data-section="${v.section}" aria-labelledby="section-${v.section}-title">${renderSection(v, opts)}</section>`,
  );
  return `<div id="related" class="related">${sections.join('')}</div>`;
}

/** The first state of each section under the eager-loading rule: orders load with the panel, the others on demand. */
export function initialSectionViews(): SectionView[] {
  return [
    { section: 'orders', state: { status: 'loading' } },
    { section: 'addresses', state: { status: 'idle' } },
    { section: 'carts', state: { status: 'idle' } },
  ];
}
