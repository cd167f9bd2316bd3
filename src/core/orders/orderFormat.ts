/**
 * Every human-visible rendering of one order, shared by the order panel, the hover card and the
 * chat tool so they never disagree: the status by the store's own name (its `checkout/statuses`
 * list, never a name of ours), money, dates, the buyer and the delivery address masked in privacy
 * mode. Plain text: each sink escapes for itself.
 */
import { maskEmail, maskPhone } from '../common/mask';
import { addressLines, itemCount, money, statusView, type StatusTone, when } from '../related/relatedFormat';
import { type Locale, t } from '../common/strings';
import type { OrderDetail, StoreStatus } from './orderModel';

export interface OrderStatusText {
  readonly label: string;
  readonly tone: StatusTone;
  /** The alias, for a `data-status` attribute (`unknown` when there is none). */
  readonly alias: string;
  /** Where the label came from: the store's list, the order's own include, or nowhere. */
  readonly source: 'store' | 'order' | 'none';
}

/**
 * The order's status as the store names it: the entry of the store's list whose id is the order's
 * `status_id`; else the name the order carried (`include=status`); else its alias. The tone comes
 * from the alias (colour only, never words).
 */
export function orderStatus(o: OrderDetail, statuses: readonly StoreStatus[] | undefined, locale: Locale): OrderStatusText {
  const own = o.statusId === undefined ? undefined : statuses?.find((s) => s.id === o.statusId);
  const alias = (own?.alias ?? o.status?.alias ?? '').trim().toLowerCase();
  const tone = statusView(alias, locale).tone;
  const ownName = own?.name?.trim();
  if (ownName !== undefined && ownName !== '') {
    return { label: ownName, tone, alias: alias === '' ? 'unknown' : alias, source: 'store' };
  }
  const carried = o.status?.name?.trim() || o.status?.alias?.trim();
  if (carried !== undefined && carried !== '') {
    return { label: carried, tone, alias: alias === '' ? 'unknown' : alias, source: 'order' };
  }
  return { label: t(locale, 'Unknown status'), tone: 'neutral', alias: 'unknown', source: 'none' };
}

/** `#1000457` (the number staff quote), or `id 123` when the order has none. */
export function orderNumberText(o: Pick<OrderDetail, 'number' | 'id'>, locale: Locale): string {
  return o.number === undefined ? t(locale, 'id {0}', o.id) : `#${String(o.number)}`;
}

/** The panel's tab title: `Order #1000457` — never a customer's name (titles are kept on disk). */
export function orderPanelTitle(number: string | number | undefined, id: number, locale: Locale): string {
  return number === undefined ? t(locale, 'Order (id {0})', id) : t(locale, 'Order #{0}', String(number));
}

export interface OrderCustomerText {
  readonly id: number;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly phone: string | undefined;
}

/** The buyer as shown: name, and e-mail and phone masked while privacy mode is on. */
export function orderCustomer(o: OrderDetail, privacy: boolean): OrderCustomerText | undefined {
  const c = o.customer;
  const id = c?.id ?? (o.customerId > 0 ? o.customerId : undefined);
  if (id === undefined) {
    return undefined;
  }
  const email = c?.email === undefined || c.email === '' ? undefined : privacy ? maskEmail(c.email) : c.email;
  const phone = c?.phone === undefined || c.phone === '' ? undefined : privacy ? maskPhone(c.phone) : c.phone;
  return { id, name: c?.name === undefined || c.name.trim() === '' ? undefined : c.name, email, phone };
}

/** Delivery address lines, masked (street, number, complement, CEP) in privacy mode. */
export function orderAddress(o: OrderDetail, privacy: boolean): readonly string[] {
  return o.shippingAddress === undefined ? [] : addressLines(o.shippingAddress, privacy);
}

/** The short facts a card or a chat line shows. */
export interface OrderFacts {
  readonly number: string;
  readonly date: string;
  readonly status: OrderStatusText;
  readonly total: string;
  readonly items: string;
}

export function orderFacts(o: OrderDetail, statuses: readonly StoreStatus[] | undefined, locale: Locale): OrderFacts {
  const count = itemCount(o.items);
  return {
    number: orderNumberText(o, locale),
    date: when(o.createdAt, locale),
    status: orderStatus(o, statuses, locale),
    total: money(o.total, locale),
    items: count === undefined ? '\u2014' : count === 1 ? t(locale, '1 item') : t(locale, '{0} items', count),
  };
}
