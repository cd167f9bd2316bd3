/**
 * The order routes (`GET /{alias}/orders?…`, `/orders/{id}`, `/checkout/statuses`) as the client's
 * generic store GET takes them, and an OrderFinder over any such GET: the host runs it through a
 * store's session, tests and the bench straight through the client.
 */
import { YampiError } from '../api/errors';
import type { StoreRoute } from '../api/types';
import { TtlLruCache } from '../common/cache';
import { decodeOrderEnvelope, decodeOrderList } from './decodeOrder';
import { type NumberConvention, numberQuery, type OrderFinder } from './orderLookup';

/** What an order answer includes: items, the buyer and the delivery address — never transactions (card-holder documents). */
export const ORDER_INCLUDE = 'items,customer,shipping_address';
/** Orders asked per number lookup: enough for a lax `q` that matches more than one number. */
export const LOOKUP_LIMIT = 10;

export function numberRoute(n: number, convention: NumberConvention): StoreRoute {
  return { kind: `orders:${convention}`, path: '/orders', query: { ...numberQuery(convention, n), include: ORDER_INCLUDE, limit: String(LOOKUP_LIMIT) } };
}

export function idRoute(id: number): StoreRoute {
  return { kind: 'order', path: `/orders/${id}`, query: { include: ORDER_INCLUDE } };
}

export const STATUSES_ROUTE: StoreRoute = { kind: 'statuses', path: '/checkout/statuses' };

/** A GET of one store route, decoded. */
export type RouteGet = <T>(route: StoreRoute, decode: (body: unknown) => T) => Promise<T>;

/**
 * Ids the store answered 404 for, kept like the client keeps answers (the id check of bare digits
 * asks for one on almost every lookup; a warm lookup makes no request).
 */
export class MissingIds {
  private readonly cache: TtlLruCache<true, number>;

  constructor(ttlMs: number, now?: () => number) {
    this.cache = new TtlLruCache<true, number>({ ttlMs, maxEntries: 200, ...(now === undefined ? {} : { now }) });
  }

  has(id: number): boolean {
    return this.cache.get(id) === true;
  }

  add(id: number): void {
    this.cache.set(id, true);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** The finder over `get`: a 404 on `/orders/{id}` means "no such order" (remembered in `missing`, when given). */
export function orderFinder(get: RouteGet, missing?: MissingIds, skipCache = false): OrderFinder {
  return {
    byNumber: (n, convention) => get(numberRoute(n, convention), decodeOrderList),
    byId: async (id) => {
      if (!skipCache && missing?.has(id) === true) {
        return undefined;
      }
      try {
        return await get(idRoute(id), decodeOrderEnvelope);
      } catch (e) {
        if (YampiError.is(e) && e.kind === 'notFound') {
          missing?.add(id);
          return undefined;
        }
        throw e;
      }
    },
  };
}
