import vscode = require('vscode');
import { YampiError } from '../../core/api/errors';
import type { StoreRef, StoreRoute, YampiClient } from '../../core/api/types';
import type { Logger } from '../../core/common/logger';
import type { CustomerPage, CustomerRecord } from '../../core/customers/customer';
import { type AddressPage, type CartPage, nextPageAfter, type OrderPage } from '../../core/related/related';
import { type SectionError, type SectionState, TREE_PAGE_SIZE } from '../../core/related/relatedPaging';
import type { RelatedItem, RelatedPage, SectionId } from '../../core/related/sections';
import type { StoreTreeState } from '../../core/customers/customerTree';
import type { CustomerLists } from '../customers/customerLists';
import { describeError, NotSignedInError, SessionEndedError } from '../common/errors';
import { Lifecycle } from '../common/lifecycle';
import { RelatedSection } from '../related/relatedSection';
import { runSearch, type SearchMode, type SearchOutcome } from '../../core/search/search';
import type { SearchResults } from '../../core/customers/customerTree';

export const PAGE_SIZE = 25;

export interface FetchOptions {
  readonly skipCache?: boolean;
  readonly token?: vscode.CancellationToken | undefined;
  /** false: fail at once with rateLimited instead of waiting for a rate window (the hover). */
  readonly waitForRateLimit?: boolean;
  /** true: work the user did not ask for (labels of Recent and Pinned): the limiter's background lane. */
  readonly background?: boolean;
}

/** What a session needs from the rest of the extension. */
export interface SessionDeps {
  readonly credentials: (alias: string) => Promise<StoreRef | undefined>;
  readonly client: () => YampiClient;
  readonly lists: CustomerLists;
  readonly logger: Logger;
}

interface AllPages {
  readonly records: CustomerRecord[];
  nextPage: number | undefined;
  total: number;
}

/**
 * Everything scoped to one connected store: its lists (All customers pages, search results, the
 * records fetched for Recent and Pinned), its slice of the client cache, the panels and requests
 * it owns. Ending it (sign-out, credentials changed) cancels its requests, drops late results,
 * closes its panels and forgets its data; clearing it empties the data but keeps it connected.
 */
export class StoreSession extends Lifecycle {
  private readonly lifetime = this.register(new vscode.CancellationTokenSource());
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the store's lists change (the tree re-renders this store). */
  readonly onDidChange = this.changed.event;
  /** Bumped by clear(): a result of a request started before it is not kept. */
  private generation = 0;
  private all: AllPages | undefined;
  private search: SearchResults | undefined;
  /** What this store's search honours, found out by the first search (memory only, for the session). */
  private searchMode: SearchMode | undefined;
  private readonly byId = new Map<number, CustomerRecord>();
  private readonly failures = new Map<number, string>();
  private skipCacheOnce = false;
  /**
   * The store's credentials, read from SecretStorage once: the session ends whenever they change,
   * so a hover on a cached customer costs no secret read. A failed or empty read is not kept.
   */
  private credentials: StoreRef | undefined;
  /** The tree's Orders / Addresses / Abandoned carts groups, by `<customerId>/<section>`. */
  private readonly related = new Map<string, RelatedSection>();
  /** Sections shown before a refresh: their next first page bypasses the cache. */
  private readonly relatedStale = new Set<string>();

  constructor(readonly alias: string, private readonly deps: SessionDeps) {
    super();
  }

  /** A method, not a getter: it is read again after every await. */
  hasEnded(): boolean {
    return this.isDisposed;
  }

  /** A customer through the client (and its cache); rejects with SessionEndedError once ended. */
  getCustomer(id: number, opts: FetchOptions = {}): Promise<CustomerRecord> {
    return this.run(opts.token, (store, signal) => this.deps.client().getCustomer(store, id, {
      skipCache: opts.skipCache ?? false, signal, ...(opts.waitForRateLimit === false ? { waitForRateLimit: false } : {}),
      ...(opts.background === true ? { background: true } : {}),
    }));
  }

  listCustomers(page: number, limit: number, q: string | undefined, opts: FetchOptions = {}): Promise<CustomerPage> {
    return this.run(opts.token, (store, signal) => this.deps.client().listCustomers(store, {
      page, limit, ...(q !== undefined && q !== '' ? { q } : {}), skipCache: opts.skipCache ?? false, signal,
    }));
  }

  /**
   * A search whose every result matches the query by our rule (src/core/search): the convention
   * the store honours is found out once per session and logged; when it honours none, at most a
   * few pages are looked through and the outcome says so.
   */
  searchCustomers(query: string, limit: number, opts: FetchOptions = {}): Promise<SearchOutcome> {
    const q = query.trim();
    return runSearch({
      fetch: (convention, page, size) => this.run(opts.token, (store, signal) => this.deps.client().listCustomers(store, {
        page, limit: size, ...(convention === undefined ? {} : { q, convention }), skipCache: opts.skipCache ?? false, signal,
      })),
      mode: this.searchMode,
      remember: (mode) => {
        if (!this.hasEnded()) {
          this.searchMode = mode;
        }
      },
      log: (m) => { this.deps.logger.info(`${m} (store ${this.alias})`); },
    }, q, limit);
  }

  /**
   * A GET of another feature's route (orders by number, statuses…) under this session: the
   * client's cache, limiter and deadline; cancelled when the session ends, its late result dropped.
   */
  getRoute<T>(route: StoreRoute, decode: (body: unknown) => T, opts: FetchOptions = {}): Promise<T> {
    return this.run(opts.token, (store, signal) => this.deps.client().getStoreRoute(store, route, decode, {
      skipCache: opts.skipCache ?? false, signal, ...(opts.waitForRateLimit === false ? { waitForRateLimit: false } : {}),
    }));
  }

  /** A page of the customer's orders (newest first; other customers' orders already dropped by the client). */
  listOrders(customerId: number, page: number, limit: number, opts: FetchOptions = {}): Promise<OrderPage> {
    return this.run(opts.token, (store, signal) => this.deps.client().listCustomerOrders(store, customerId, { page, limit, skipCache: opts.skipCache ?? false, signal })).then((p) => this.noteDropped('orders', customerId, p));
  }

  listAddresses(customerId: number, page: number, limit: number, opts: FetchOptions = {}): Promise<AddressPage> {
    return this.run(opts.token, (store, signal) => this.deps.client().listCustomerAddresses(store, customerId, { page, limit, skipCache: opts.skipCache ?? false, signal })).then((p) => this.noteDropped('addresses', customerId, p));
  }

  /** Abandoned carts; their secrets stay in `CartRecord.secrets` and go no further than this call's caller. */
  listCarts(customerId: number, page: number, limit: number, opts: FetchOptions = {}): Promise<CartPage> {
    return this.run(opts.token, (store, signal) => this.deps.client().listCustomerCarts(store, customerId, { page, limit, skipCache: opts.skipCache ?? false, signal })).then((p) => this.noteDropped('carts', customerId, p));
  }

  /**
   * One page of a section, the same shape for all three (carts reduced to `cart`: the secrets
   * never leave this method).
   */
  async relatedPage(section: SectionId, customerId: number, page: number, limit: number, opts: FetchOptions = {}): Promise<RelatedPage> {
    let result: RelatedPage;
    switch (section) {
      case 'orders': {
        const p = await this.listOrders(customerId, page, limit, opts);
        result = { items: p.orders, pagination: p.pagination, dropped: p.dropped };
        break;
      }
      case 'addresses': {
        const p = await this.listAddresses(customerId, page, limit, opts);
        result = { items: p.addresses, pagination: p.pagination, dropped: p.dropped };
        break;
      }
      case 'carts': {
        const p = await this.listCarts(customerId, page, limit, opts);
        result = { items: p.carts.map((c) => c.cart), pagination: p.pagination, dropped: p.dropped };
        break;
      }
    }
    return result;
  }

  /** Logs the records of other customers the client dropped (a count only: the API ignored the filter). */
  private noteDropped<P extends { readonly dropped: number }>(section: SectionId, customerId: number, page: P): P {
    if (page.dropped > 0) {
      this.deps.logger.warn(`${section} of customer #${customerId} in ${this.alias}: the API returned ${page.dropped} record(s) of other customers (filter ignored); dropped; Look further is offered, bounded.`);
    }
    return page;
  }

  /** The tree's state of one section of a customer (undefined: never expanded). */
  relatedState(customerId: number, section: SectionId): SectionState<RelatedItem> | undefined {
    return this.related.get(`${customerId}/${section}`)?.state;
  }

  /**
   * A tree group of a customer (Orders, Addresses, Abandoned carts), kept until refresh, Clear
   * Cached Data or the end of the session. Its changes re-render this store's tree.
   */
  relatedSection(customerId: number, section: SectionId): RelatedSection {
    const key = `${customerId}/${section}`;
    let s = this.related.get(key);
    if (!s) {
      s = new RelatedSection({
        fetch: (page, skipCache, token) => this.relatedPage(section, customerId, page, TREE_PAGE_SIZE, { skipCache: skipCache || this.relatedStale.delete(key), token }),
        changed: () => { this.changed.fire(); },
        failed: (e) => {
          this.deps.logger.warn(`${section} of customer #${customerId} in ${this.alias} could not be loaded.`, e);
          return sectionErrorOf(e);
        },
      });
      this.related.set(key, s);
    }
    return s;
  }

  /** Remembers what a search showed (the tree's Search results). */
  setSearchResults(query: string, outcome: Pick<SearchOutcome, 'items' | 'unfiltered'>): void {
    if (!this.hasEnded()) {
      this.search = { query, records: [...outcome.items], unfiltered: outcome.unfiltered };
      this.changed.fire();
    }
  }

  /** The first page of All customers (fetched once, then kept until refresh/clear). */
  async loadAll(): Promise<void> {
    if (this.all) {
      return;
    }
    const gen = this.generation;
    const page = await this.listCustomers(1, PAGE_SIZE, undefined, { skipCache: this.takeSkipCache() });
    if (gen === this.generation) {
      this.all = { records: [...page.items], ...paging(page, 1) };
      this.changed.fire();
    }
  }

  async loadMore(): Promise<void> {
    const all = this.all;
    if (all?.nextPage === undefined) {
      return;
    }
    const gen = this.generation;
    const asked = all.nextPage;
    const page = await this.listCustomers(asked, PAGE_SIZE, undefined);
    if (gen === this.generation && this.all === all) {
      const seen = new Set(all.records.map((r) => r.customer.id));
      all.records.push(...page.items.filter((r) => !seen.has(r.customer.id)));
      Object.assign(all, paging(page, asked));
      this.changed.fire();
    }
  }

  /**
   * Fetches the records of Recent or Pinned, called when the folder is expanded (VS Code asks for a
   * folder's children only then), in the limiter's background lane: after anything the user asks
   * for and within a third of the store's budget, so a hover or lookup never fails for it. Records
   * that find no slot in time keep their failure (rate limited) as the node's message.
   */
  async loadIds(ids: readonly number[]): Promise<void> {
    const gen = this.generation;
    const skipCache = this.takeSkipCache();
    const results = await Promise.allSettled(ids.map((id) => this.getCustomer(id, { skipCache, background: true })));
    if (gen !== this.generation || this.hasEnded()) {
      return;
    }
    results.forEach((r, i) => {
      const id = ids[i] ?? 0;
      if (r.status === 'fulfilled') {
        this.byId.set(id, r.value);
        this.failures.delete(id);
      } else {
        this.byId.delete(id);
        this.failures.set(id, describeError(r.reason).message);
      }
    });
  }

  /** The tree's view of this store. */
  treeState(name: string, active: boolean): StoreTreeState {
    const all = this.all;
    return {
      alias: this.alias,
      name,
      active,
      recent: this.deps.lists.recent(this.alias),
      pinned: this.deps.lists.pinned(this.alias),
      all: all ? { records: all.records, total: all.total, more: all.nextPage !== undefined } : undefined,
      search: this.search,
      record: (id) => this.record(id),
      failure: (id) => this.failures.get(id),
      related: (id, section) => this.relatedState(id, section),
    };
  }

  /** A record this session already holds (for the tree only; panels read through the client cache). */
  record(id: number): CustomerRecord | undefined {
    return this.byId.get(id) ?? this.all?.records.find((r) => r.customer.id === id) ?? this.search?.records.find((r) => r.customer.id === id);
  }

  /** Refresh: forget pages and fetched records; the next loads bypass the caches. */
  refresh(): void {
    for (const k of this.related.keys()) {
      this.relatedStale.add(k);
    }
    this.forget({ search: false });
    this.skipCacheOnce = true;
    this.changed.fire();
  }

  /** Clear Cached Data: everything this session holds, search results and the client's slice included. */
  clear(): void {
    this.forget({ search: true });
    this.deps.client().clearCache(this.alias);
    this.changed.fire();
  }

  protected override onDispose(): void {
    this.lifetime.cancel();
    this.forget({ search: true });
    this.credentials = undefined;
    this.searchMode = undefined;
  }

  /** Drops the data this session holds; requests started before are not kept (generation). */
  private forget(what: { readonly search: boolean }): void {
    this.generation++;
    this.all = undefined;
    this.dropRelated();
    this.byId.clear();
    this.failures.clear();
    if (what.search) {
      this.relatedStale.clear();
      this.search = undefined;
    }
  }

  private dropRelated(): void {
    for (const s of this.related.values()) {
      s.dispose();
    }
    this.related.clear();
  }

  private takeSkipCache(): boolean {
    const v = this.skipCacheOnce;
    this.skipCacheOnce = false;
    return v;
  }

  /** Runs a client call under this session: cancelled when it ends, its late result dropped. */
  private async run<T>(token: vscode.CancellationToken | undefined, call: (store: StoreRef, signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.hasEnded()) {
      throw new SessionEndedError(this.alias);
    }
    const store = this.credentials ?? (this.credentials = await this.deps.credentials(this.alias));
    if (this.hasEnded()) {
      throw new SessionEndedError(this.alias);
    }
    if (!store) {
      throw new NotSignedInError();
    }
    const controller = new AbortController();
    const subs = [this.lifetime.token, ...(token ? [token] : [])].map((t) => t.onCancellationRequested(() => { controller.abort(); }));
    if (token?.isCancellationRequested === true) {
      controller.abort();
    }
    try {
      const result = await call(store, controller.signal);
      if (this.hasEnded()) {
        throw new SessionEndedError(this.alias);
      }
      return result;
    } catch (e) {
      throw this.hasEnded() ? new SessionEndedError(this.alias) : e;
    } finally {
      for (const s of subs) {
        s.dispose();
      }
    }
  }
}

/** A failure as a section shows it: its kind (for the wording) and the localized message. */
export function sectionErrorOf(e: unknown): SectionError {
  return { kind: YampiError.is(e) ? e.kind : 'network', message: describeError(e).message };
}

/** What follows the page asked for (the server's `current_page` is not trusted); an empty page ends the list. */
function paging(page: CustomerPage, asked: number): { nextPage: number | undefined; total: number } {
  return { nextPage: page.items.length === 0 ? undefined : nextPageAfter(asked, page.pagination), total: page.pagination.total };
}
