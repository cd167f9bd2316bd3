/**
 * The state of one list of related records (a panel section or a tree group) and its transitions,
 * as pure functions the host calls around each client request, so panel and tree page alike.
 */
import type { YampiErrorKind } from '../api/errors';
import type { Pagination } from '../customers/customer';
import { hasMorePages, type OrderPage } from './related';
import { type Locale, t } from '../common/strings';

export interface SectionError {
  readonly kind: YampiErrorKind;
  readonly message: string;
}

export type SectionState<T> =
  /** Loads on demand and was not opened yet. */
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: SectionError }
  | {
      readonly status: 'loaded';
      readonly items: readonly T[];
      /** The API's total, when it gave one. */
      readonly total?: number | undefined;
      readonly hasMore: boolean;
      /** The last page loaded (1-based); Load more asks for `page + 1`. */
      readonly page?: number | undefined;
      readonly loadingMore?: boolean | undefined;
      /** Load more failed: the loaded items stay, with a Retry. */
      readonly moreError?: SectionError | undefined;
      /** Records of other customers the client dropped, over all pages (a count only). */
      readonly dropped?: number | undefined;
      /**
       * The store ignored the customer filter (a page held other customers' records): its paging
       * counts the whole store, so there is no Load more, and an empty list is not "none".
       */
      readonly filterIgnored?: boolean | undefined;
      /** With `filterIgnored`: a bounded Look further is offered (more pages exist, the cap is not reached). */
      readonly canLookFurther?: boolean | undefined;
    };

/** Pages one Look further looks through at most (it stops at the first page holding the customer's records). */
export const LOOK_FURTHER_PAGES = 3;
/** Never further than this page of a store that ignores the filter: Look further never walks the store. */
export const LOOK_FURTHER_MAX_PAGE = 1 + 3 * LOOK_FURTHER_PAGES;

/** Page sizes: the panel shows 10 orders before Load more; the tree pages by 25 like All customers. */
export const PANEL_PAGE_SIZE = 10;
export const TREE_PAGE_SIZE = 25;

/**
 * The state after page `page` (the one asked for; the server's `current_page` is not trusted)
 * arrived: page 1 replaces, later pages append (ids already shown are skipped).
 */
export function withPage<T extends { readonly id: number }>(
  prev: SectionState<T>, items: readonly T[], pagination: Pagination, dropped: number, page: number,
): SectionState<T> {
  const base = prev.status === 'loaded' && page > 1 ? prev : undefined;
  const seen = new Set(base?.items.map((i) => i.id));
  const merged = base === undefined ? [...items] : [...base.items, ...items.filter((i) => !seen.has(i.id))];
  const filterIgnored = dropped > 0 || base?.filterIgnored === true;
  // A page that came back empty ends the list even if the API still announces more.
  const serverMore = items.length + dropped > 0 && hasMorePages(pagination, page);
  return {
    status: 'loaded', items: merged, total: filterIgnored ? undefined : pagination.total, hasMore: !filterIgnored && serverMore, page,
    dropped: (base?.dropped ?? 0) + dropped,
    ...(filterIgnored ? { filterIgnored, canLookFurther: serverMore && page < LOOK_FURTHER_MAX_PAGE } : {}),
  };
}

/**
 * Up to `limit` of a customer's orders for a caller that cannot press Look further (the chat
 * tool): page 1, and when the store ignored the filter, at most LOOK_FURTHER_PAGES more pages.
 */
export async function collectOrders(fetch: (page: number) => Promise<OrderPage>, limit: number): Promise<OrderPage & { readonly pages: number }> {
  const first = await fetch(1);
  const orders = [...first.orders];
  const seen = new Set(orders.map((o) => o.id));
  let { dropped } = first;
  let last = first;
  let page = 1;
  while (dropped > 0 && orders.length < limit && page <= LOOK_FURTHER_PAGES && last.orders.length + last.dropped > 0 && hasMorePages(last.pagination, page)) {
    page++;
    last = await fetch(page);
    dropped += last.dropped;
    orders.push(...last.orders.filter((o) => !seen.has(o.id)));
    last.orders.forEach((o) => seen.add(o.id));
  }
  return { orders: orders.slice(0, limit), pagination: first.pagination, dropped, pages: page };
}

/** Load more pressed: keep the rows, show progress. Undefined when there is nothing to load. */
export function loadingMore<T>(prev: SectionState<T>): { state: SectionState<T>; page: number } | undefined {
  if (prev.status !== 'loaded' || (!prev.hasMore && prev.canLookFurther !== true) || prev.loadingMore === true) {
    return undefined;
  }
  return { state: { ...prev, loadingMore: true, moreError: undefined }, page: (prev.page ?? 1) + 1 };
}

/** A request failed: the first page becomes an error state; a failed Load more keeps the rows. */
export function withError<T>(prev: SectionState<T>, error: SectionError): SectionState<T> {
  return prev.status === 'loaded' && prev.loadingMore === true
    ? { ...prev, loadingMore: false, moreError: { kind: error.kind, message: error.message } }
    : { status: 'error', error: { kind: error.kind, message: error.message } };
}

/**
 * What Retry asks for: the next page after a failed Load more, else the first page again.
 */
export function retryPage<T>(prev: SectionState<T>): number {
  return prev.status === 'loaded' && prev.moreError !== undefined ? (prev.page ?? 1) + 1 : 1;
}

/**
 * What a list says when the store ignored the customer filter (instead of "No orders yet" when
 * nothing of the customer's was found), or undefined when it did not.
 */
export function ignoredFilterText(state: SectionState<unknown>, locale: Locale): string | undefined {
  if (state.status !== 'loaded' || state.filterIgnored !== true) {
    return undefined;
  }
  return state.items.length === 0
    ? t(locale, 'Yampi ignored the customer filter: the {0} page(s) looked through held only other customers’ records ({1}, not shown), so this customer may still have some further on.', state.page ?? 1, state.dropped ?? 0)
    : t(locale, 'Yampi ignored the customer filter: the {0} page(s) looked through also held {1} record(s) of other customers (not shown); this customer may have more further on.', state.page ?? 1, state.dropped ?? 0);
}
