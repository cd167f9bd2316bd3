/**
 * Finding an order by its number without ever taking the API's word for it (yampi-api.md § 8, § 9).
 * Yampi documents no number filter: a bracketed list filter (`number[]=N`) is what its list routes
 * honour, the official SDK sends `search=number:N` with `searchFields=number:=`, a third party sends
 * `q=N`, and a filter a store does not understand is silently ignored (the whole store comes back).
 * So every answer is checked: an order is shown only if its `number` is exactly the one asked (or
 * its `id`, when an id was asked). A convention whose answer holds orders but not that one was
 * ignored: the next is tried. An empty answer means the filter was applied and nothing matched.
 * Pure: the host supplies the requests (the client's cache, limiter and cancellation).
 */
import { hasNumber, type OrderDetail, type OrderList } from './orderModel';
import type { OrderQuery } from './orderInput';

/** How a list request asks for a number. */
export type NumberConvention = 'bracket' | 'search' | 'q';
export const NUMBER_CONVENTIONS: readonly NumberConvention[] = ['bracket', 'search', 'q'];

/** The query parameters of each convention (besides include/limit). */
export function numberQuery(convention: NumberConvention, n: number): Record<string, string> {
  switch (convention) {
    case 'bracket':
      return { 'number[]': String(n) };
    case 'search':
      return { search: `number:${n}`, searchFields: 'number:=' };
    case 'q':
      return { q: String(n) };
  }
}

/** The requests a lookup may make. */
export interface OrderFinder {
  /** A page of `GET /{alias}/orders` asked for number `n` in one convention. */
  byNumber(n: number, convention: NumberConvention): Promise<OrderList>;
  /** `GET /{alias}/orders/{id}`; undefined when the API says there is no such order (404). */
  byId(id: number): Promise<OrderDetail | undefined>;
}

export type LookupOutcome =
  | { readonly kind: 'found'; readonly order: OrderDetail; readonly convention?: NumberConvention | undefined }
  /** The text was bare digits: one order has that number, another that id. The user chooses. */
  | { readonly kind: 'choice'; readonly byNumber: OrderDetail; readonly byId: OrderDetail; readonly convention?: NumberConvention | undefined }
  /** No order has that number, but one has that id (bare digits only): offered, never opened unasked. */
  | { readonly kind: 'idOnly'; readonly byId: OrderDetail }
  /**
   * Nothing matched. `ignored`: every convention came back with other orders only — the store
   * ignores number filters we know, so "not found" is not certain.
   */
  | { readonly kind: 'notFound'; readonly ignored: boolean };

/** What the number search learned. */
export interface NumberSearch {
  readonly order: OrderDetail | undefined;
  /** The convention the store honoured (it answered with the order, or with nothing at all). */
  readonly convention: NumberConvention | undefined;
  /** Conventions whose answer held only other orders. */
  readonly ignored: readonly NumberConvention[];
  /** Requests made. */
  readonly requests: number;
}

/**
 * Asks for number `n`, starting with `preferred` (what this store honoured before), then the other
 * conventions in order, stopping at the first answer that is not "other orders only".
 */
export async function findByNumber(finder: OrderFinder, n: number, preferred?: NumberConvention): Promise<NumberSearch> {
  const order = preferred === undefined ? NUMBER_CONVENTIONS : [preferred, ...NUMBER_CONVENTIONS.filter((c) => c !== preferred)];
  const ignored: NumberConvention[] = [];
  let requests = 0;
  for (const convention of order) {
    const answer = await finder.byNumber(n, convention);
    requests++;
    const match = answer.orders.find((o) => hasNumber(o, n));
    if (match !== undefined) {
      return { order: match, convention, ignored, requests };
    }
    if (answer.orders.length === 0) {
      return { order: undefined, convention, ignored, requests };
    }
    ignored.push(convention);
  }
  return { order: undefined, convention: undefined, ignored, requests };
}

/** The id check: the order whose `id` is `id`, checked (a lax server answering another order is not believed). */
export async function findById(finder: OrderFinder, id: number): Promise<OrderDetail | undefined> {
  const o = await finder.byId(id);
  return o !== undefined && o.id === id ? o : undefined;
}

/**
 * The whole lookup. Bare digits ask for the number and the id at once (two requests on the happy
 * path); `#N` asks only for the number, a URL only for the id.
 */
export async function lookUpOrder(finder: OrderFinder, query: OrderQuery, preferred?: NumberConvention): Promise<{ outcome: LookupOutcome; search?: NumberSearch }> {
  if (query.kind === 'id') {
    const order = await findById(finder, query.id);
    return { outcome: order === undefined ? { kind: 'notFound', ignored: false } : { kind: 'found', order } };
  }
  const [search, byId] = await Promise.all([findByNumber(finder, query.number, preferred), query.alsoId ? findById(finder, query.number) : Promise.resolve(undefined)]);
  const byNumber = search.order;
  if (byNumber !== undefined) {
    return { outcome: byId !== undefined && byId.id !== byNumber.id ? { kind: 'choice', byNumber, byId, convention: search.convention } : { kind: 'found', order: byNumber, convention: search.convention }, search };
  }
  if (byId !== undefined) {
    return { outcome: { kind: 'idOnly', byId }, search };
  }
  return { outcome: { kind: 'notFound', ignored: search.convention === undefined && search.ignored.length > 0 }, search };
}
