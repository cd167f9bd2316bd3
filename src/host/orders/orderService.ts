import { YampiError } from '../../core/api/errors';
import type { Logger } from '../../core/common/logger';
import { decodeOrderEnvelope, decodeStatuses } from '../../core/orders/decodeOrder';
import { idRoute, MissingIds, orderFinder, STATUSES_ROUTE } from '../../core/orders/orderApi';
import type { OrderQuery } from '../../core/orders/orderInput';
import { lookUpOrder, type LookupOutcome, type NumberConvention } from '../../core/orders/orderLookup';
import type { OrderDetail, StoreStatus } from '../../core/orders/orderModel';
import type { FetchOptions, StoreSession } from '../session/storeSession';

/**
 * Orders through a store's session (its cache, limiter, deadline and end): by id, by number with
 * every answer checked (src/core/orders/orderLookup.ts), and the store's own status list, fetched
 * once per session. What each store honoured for numbers is remembered for the session.
 */
export class OrderService {
  private readonly statusLists = new WeakMap<StoreSession, Promise<readonly StoreStatus[] | undefined>>();
  private readonly preferred = new WeakMap<StoreSession, NumberConvention>();
  private readonly missing = new WeakMap<StoreSession, MissingIds>();

  /** `cacheTtlMs`: how long a 404 for an id is believed (the client's cache time). */
  constructor(private readonly logger: Logger, private readonly cacheTtlMs: () => number) {}

  /** `GET /{alias}/orders/{id}`; a 404, or an answer about another order, rejects with `notFound`. */
  async getById(session: StoreSession, id: number, opts: FetchOptions = {}): Promise<OrderDetail> {
    const order = await session.getRoute(idRoute(id), decodeOrderEnvelope, opts);
    if (order.id !== id) {
      this.logger.warn(`Order id ${id} in ${session.alias}: the API answered another order; not shown.`);
      throw new YampiError('notFound', `order ${id} not found in store ${session.alias}`, { alias: session.alias });
    }
    return order;
  }

  /** The lookup of "Look Up Order…", the hover and the chat tool: never an order that does not match. */
  async lookup(session: StoreSession, query: OrderQuery, opts: FetchOptions = {}): Promise<LookupOutcome> {
    let missing = this.missing.get(session);
    if (missing === undefined) {
      missing = new MissingIds(this.cacheTtlMs());
      this.missing.set(session, missing);
    }
    const finder = orderFinder((route, decode) => session.getRoute(route, decode, opts), missing, opts.skipCache === true);
    const { outcome, search } = await lookUpOrder(finder, query, this.preferred.get(session));
    if (search !== undefined && search.ignored.length > 0) {
      this.logger.warn(`Order number lookup in ${session.alias}: the API ignored ${search.ignored.join(', ')} (answered other orders only)${search.convention === undefined ? '; no convention filtered' : `; ${search.convention} filtered`}.`);
    }
    if (search?.convention !== undefined && this.preferred.get(session) !== search.convention) {
      this.preferred.set(session, search.convention);
      this.logger.info(`Order number lookup in ${session.alias}: using the ${search.convention} convention for this session.`);
    }
    return outcome;
  }

  /**
   * The store's own status list (`GET /{alias}/checkout/statuses`), once per session (a refresh asks
   * again; the session's end cancels it). Never rejects: without it the order's own status include
   * or alias is shown.
   */
  statuses(session: StoreSession, opts: { readonly skipCache?: boolean } = {}): Promise<readonly StoreStatus[] | undefined> {
    let list = opts.skipCache === true ? undefined : this.statusLists.get(session);
    if (list === undefined) {
      // no caller's token: the list is shared by every panel, card and tool of the session
      list = session.getRoute(STATUSES_ROUTE, decodeStatuses, { skipCache: opts.skipCache ?? false }).catch((e: unknown) => {
        this.logger.warn(`The status list of ${session.alias} could not be loaded; statuses show as the order carries them.`, e);
        this.statusLists.delete(session);
        return undefined;
      });
      this.statusLists.set(session, list);
    }
    return list;
  }
}
