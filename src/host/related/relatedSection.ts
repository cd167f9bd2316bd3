import vscode = require('vscode');
import type { SectionError, SectionState } from '../../core/related/relatedPaging';
import { LOOK_FURTHER_PAGES, loadingMore, retryPage, withError, withPage } from '../../core/related/relatedPaging';
import { isCancellation } from '../common/errors';
import type { RelatedItem, RelatedPage } from '../../core/related/sections';

export interface RelatedSectionDeps {
  /** One page of the section, through the store's session (so its end cancels the request). */
  readonly fetch: (page: number, skipCache: boolean, token: vscode.CancellationToken) => Promise<RelatedPage>;
  /** The state changed (a request started or ended). */
  readonly changed: () => void;
  /** A request failed (not a cancellation): log it, and say how the section shows it. */
  readonly failed: (e: unknown) => SectionError;
}

/**
 * One list of a customer's related records — a panel section or a tree group — and its requests:
 * first page, Load more, Retry (the page that failed), reload. A newer request of the same list
 * cancels the older; a cancelled one changes nothing. The panel and the tree each own theirs.
 */
export class RelatedSection implements vscode.Disposable {
  private current: SectionState<RelatedItem>;
  private inflight: vscode.CancellationTokenSource | undefined;
  private disposed = false;
  /** The error shown is a loaded page refused by showError: Retry bypasses the cache. */
  private refusedPage = false;

  constructor(private readonly deps: RelatedSectionDeps, initial: SectionState<RelatedItem> = { status: 'idle' }) {
    this.current = initial;
  }

  get state(): SectionState<RelatedItem> {
    return this.current;
  }

  /** The first page, once (a section that loads on demand was expanded). */
  open(): Promise<void> {
    return this.current.status === 'idle' ? this.load({ status: 'loading' }, 1, false) : Promise.resolve();
  }

  /** The first page again, e.g. Refresh with `skipCache`. */
  reload(skipCache: boolean): Promise<void> {
    return this.load({ status: 'loading' }, 1, skipCache);
  }

  /**
   * The next page; when the store ignored the customer filter, Look further: at most
   * LOOK_FURTHER_PAGES more pages, stopping at the first that holds the customer's records.
   */
  async loadMore(): Promise<void> {
    const further = this.current.status === 'loaded' && this.current.filterIgnored === true;
    for (let i = 0; i < (further ? LOOK_FURTHER_PAGES : 1); i++) {
      const before = this.current.status === 'loaded' ? this.current.items.length : 0;
      const more = loadingMore(this.current);
      if (!more) {
        return;
      }
      await this.load(more.state, more.page, false);
      const now = this.current;
      if (now.status !== 'loaded' || now.moreError !== undefined || now.items.length > before) {
        return;
      }
    }
  }

  /** After a failure: the first page again, or the Load more that failed (the rows stay). */
  retry(): Promise<void> {
    const prev = this.current;
    if (prev.status === 'error') {
      // a page refused after it loaded (showError) is in the client cache: ask the API again
      const skipCache = this.refusedPage;
      this.refusedPage = false;
      return this.load({ status: 'loading' }, 1, skipCache);
    }
    if (prev.status === 'loaded' && prev.moreError !== undefined) {
      const more = loadingMore({ ...prev, moreError: undefined });
      return more ? this.load(more.state, retryPage(prev), false) : Promise.resolve();
    }
    return Promise.resolve();
  }

  /**
   * Shows `error` in place of what was loaded (the loaded page cannot be shown, e.g. too large for
   * the webview); Retry loads page 1 again.
   */
  showError(error: SectionError): void {
    this.inflight?.cancel();
    this.inflight = undefined;
    this.refusedPage = true;
    this.set({ status: 'error', error });
  }

  dispose(): void {
    this.disposed = true;
    this.inflight?.cancel();
    this.inflight = undefined;
    this.current = { status: 'idle' };
  }

  private set(state: SectionState<RelatedItem>): void {
    if (!this.disposed) {
      this.current = state;
      this.deps.changed();
    }
  }

  private async load(next: SectionState<RelatedItem>, page: number, skipCache: boolean): Promise<void> {
    if (this.disposed) {
      return;
    }
    this.inflight?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inflight = cts;
    this.set(next);
    try {
      const p = await this.deps.fetch(page, skipCache, cts.token);
      if (!cts.token.isCancellationRequested) {
        this.set(withPage(next, p.items, p.pagination, p.dropped, page));
      }
    } catch (e) {
      if (!cts.token.isCancellationRequested && !isCancellation(e)) {
        this.set(withError(next, this.deps.failed(e)));
      }
    } finally {
      if (this.inflight === cts) {
        this.inflight = undefined;
      }
      cts.dispose();
    }
  }
}
