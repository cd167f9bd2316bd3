/**
 * The state of one list of related records (a panel section or a tree group) and its transitions,
 * as pure functions the host calls around each client request, so panel and tree page alike.
 */
import type { YampiErrorKind } from '../api/errors';
import type { Pagination } from './customer';
import { hasMorePages } from './related';

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
    };

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
  // A page that came back empty ends the list even if the API still announces more.
  const hasMore = items.length > 0 && hasMorePages(pagination, page);
  return {
    status: 'loaded', items: merged, total: dropped > 0 ? undefined : pagination.total, hasMore, page,
    dropped: (base?.dropped ?? 0) + dropped,
  };
}

/** Load more pressed: keep the rows, show progress. Undefined when there is nothing to load. */
export function loadingMore<T>(prev: SectionState<T>): { state: SectionState<T>; page: number } | undefined {
  if (prev.status !== 'loaded' || !prev.hasMore || prev.loadingMore === true) {
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
