/**
 * Human-visible renderings of orders, addresses and carts, shared by panel, tree and chat tools
 * so they never disagree: status labels and tones in both languages, BRL money, item counts,
 * address lines masked in privacy mode.
 */
import { formatCep, formatDateTime, formatMoney } from '../common/format';
import { maskCep, maskStreet, maskText } from '../common/mask';
import { reportedFailure } from '../failures/classify';
import { describeFailure } from '../failures/vocabulary';
import type { Address, Cart, Order, OrderStatus } from './related';
import type { SectionError } from './relatedPaging';
import { type Locale, type Message, msg, t } from '../common/strings';

export type StatusTone = 'success' | 'warning' | 'neutral' | 'info' | 'danger';

export interface StatusView {
  readonly label: string;
  readonly tone: StatusTone;
  /** The alias as the API sent it (for a `data-status` attribute), or `unknown`. */
  readonly alias: string;
}

const KNOWN: Readonly<Record<string, readonly [Message, StatusTone]>> = {
  waiting_payment: [msg('Waiting for payment'), 'warning'],
  pending: [msg('Waiting for payment'), 'warning'],
  paid: [msg('Paid'), 'success'],
  approved: [msg('Paid'), 'success'],
  invoiced: [msg('Invoiced'), 'info'],
  shipped: [msg('Shipped'), 'info'],
  on_carriage: [msg('Shipped'), 'info'],
  delivered: [msg('Delivered'), 'success'],
  cancelled: [msg('Cancelled'), 'danger'],
  canceled: [msg('Cancelled'), 'danger'],
  refused: [msg('Refused'), 'danger'],
  refunded: [msg('Refunded'), 'neutral'],
};

/** A status alias we know gets our label; an unknown one keeps the store's own name. */
export function statusView(status: OrderStatus | string | undefined, locale: Locale): StatusView {
  const s: OrderStatus | undefined = typeof status === 'string' ? { alias: status } : status;
  const alias = s?.alias?.trim().toLowerCase() ?? '';
  const known = Object.hasOwn(KNOWN, alias) ? KNOWN[alias] : undefined;
  if (known) {
    return { label: t(locale, known[0]), tone: known[1], alias };
  }
  const name = s?.name?.trim() || s?.alias?.trim();
  return { label: name !== undefined && name !== '' ? name : t(locale, 'Unknown status'), tone: 'neutral', alias: alias === '' ? 'unknown' : alias };
}

const EMPTY = '\u2014';

/** `R$ 1.234,56` or an em dash when absent. */
export function money(value: number | string | undefined, locale: Locale): string {
  return value === undefined ? EMPTY : formatMoney(value, locale);
}

export function when(value: Order['createdAt'], locale: Locale): string {
  return value === undefined ? EMPTY : formatDateTime(value, locale);
}

/** `#1042` (the number staff quote), or `#id` when the order has no number. */
export function orderLabel(o: Order): string {
  return `#${String(o.number ?? o.id)}`;
}

/** Units in the order (sum of quantities), undefined when items were not included. */
export function itemCount(items: readonly { readonly quantity: number }[] | undefined): number | undefined {
  return items?.reduce((sum, it) => sum + it.quantity, 0);
}

export function itemCountText(count: number | undefined, locale: Locale): string {
  if (count === undefined) {
    return EMPTY;
  }
  return count === 1 ? t(locale, '1 item') : t(locale, '{0} items', count);
}

/** One line for trees, chat tools and logs-free summaries: `#1042 · 18/05/2025 14:32 · Pago · R$ 189,90`. */
export function orderSummary(o: Order, locale: Locale): string {
  return [orderLabel(o), when(o.createdAt, locale), statusView(o.status, locale).label, money(o.total, locale)].join(' \u00b7 ');
}

/** Address lines for display; street, number, complement and CEP masked when `masked`. */
export function addressLines(a: Address, masked: boolean): string[] {
  const street = a.street === undefined || a.street === '' ? undefined : masked ? maskStreet(a.street) : a.street;
  const num = a.number === undefined || a.number === '' ? undefined : masked ? '***' : a.number;
  const complement = a.complement === undefined || a.complement === '' ? undefined : masked ? maskText(a.complement) : a.complement;
  const first = [street, num].filter((x) => x !== undefined).join(', ') + (complement === undefined ? '' : ` \u2013 ${complement}`);
  const place = [a.neighborhood, [a.city, a.uf].filter(Boolean).join(' \u2013 ')].filter((x) => x !== undefined && x !== '').join(', ');
  const zip = a.zipCode === undefined || a.zipCode === '' ? '' : masked ? maskCep(a.zipCode) : formatCep(a.zipCode);
  return [first, place, zip].filter((l) => l !== '');
}

/** `Last payment attempt: Refused` / `No payment attempt`. */
export function cartTransactionText(c: Cart, locale: Locale): string {
  return c.lastTransactionStatus === undefined || c.lastTransactionStatus === ''
    ? t(locale, 'No payment attempt')
    : t(locale, 'Last payment attempt: {0}', statusView(c.lastTransactionStatus, locale).label);
}

/** What `copyOrder` puts on the clipboard: the order number (or the id when it has none) / the id. */
export function orderCopyText(o: Order, what: 'number' | 'id'): string {
  return what === 'number' ? String(o.number ?? o.id) : String(o.id);
}

/** `Order number copied` / `Número do pedido copiado`: names the field, never the value. */
export function orderCopyConfirmation(what: 'number' | 'id', locale: Locale): string {
  return t(locale, '{0} copied', t(locale, what === 'number' ? msg('Order number') : msg('Order id')));
}

/** Short localized reason for a failed section (the message of an unexpected error as is). */
export function sectionErrorText(e: SectionError, locale: Locale): string {
  return describeFailure(reportedFailure(e), locale, { surface: 'section' }).reason;
}

