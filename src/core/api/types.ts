/**
 * The public shape of the Yampi API client. No runtime imports: the host imports this file with
 * `import type` and loads the implementation (./index, the dist/api.js chunk with undici) on first use.
 */
import type { Logger } from '../common/logger';
import type { AuthMe, CustomerPage, CustomerRecord } from '../customers/customer';
import type { AddressPage, CartPage, OrderPage } from '../related/related';
import type { ProxySettings, TlsSettings } from './network';
import type { SearchConvention } from '../search/search';

export type { ProxySettings, TlsSettings } from './network';

export interface Credentials {
  readonly userToken: string;
  readonly userSecretKey: string;
}

/** A store (its alias, the path segment after /v2/) and the credentials used to reach it. */
export type StoreRef = { readonly alias: string } & Credentials;

/** How a read behaves when the store's rate budget is spent. */
export interface RateLimitWaitOption {
  /**
   * `false`: never wait for a rate-limit window (client-side queue or a 429): fail at once with
   * `rateLimited` and `retryAfterMs`. For the hover, which must answer now or not at all.
   * Default `true`: wait, within the operation deadline.
   */
  readonly waitForRateLimit?: boolean;
  /**
   * `true`: work of our own, not asked for by the user (records fetched to label Recent and Pinned):
   * the limiter's background lane, after every user request and at most a third of the budget.
   */
  readonly background?: boolean;
}

export interface GetCustomerOptions extends RateLimitWaitOption {
  /** Bypass our cache and Yampi's (sends `skipCache=true`); the result refreshes our cache. */
  readonly skipCache?: boolean;
  readonly signal?: AbortSignal;
}

export interface ListCustomersOptions extends RateLimitWaitOption {
  /** 1-based page number. Default 1. */
  readonly page?: number;
  /** Page size, 1..100 (Yampi's maximum). Default 10 (Yampi's default). */
  readonly limit?: number;
  /** Free-text search over name, e-mail, CPF/CNPJ and phone. Empty means no search. */
  readonly q?: string;
  /**
   * How `q` is sent: `q=<text>` (default) or Yampi's SDK form `search=<text>&searchFields=…`
   * (src/core/search). Whatever is sent, the answer is the store's: check it (runSearch does).
   */
  readonly convention?: SearchConvention;
  readonly skipCache?: boolean;
  readonly signal?: AbortSignal;
}

/** Paging of a customer's orders, addresses or carts. */
export interface RelatedOptions extends RateLimitWaitOption {
  /** 1-based page number. Default 1. */
  readonly page?: number;
  /** Page size, 1..100. Default 10. */
  readonly limit?: number;
  readonly skipCache?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * A GET on one of the store's routes (`/{alias}` + `path`), for a feature that decodes its own
 * answer (src/core/<feature>/): it goes through the same cache, limiter, in-flight sharing,
 * retries, deadline and cache epoch as the customer routes.
 */
export interface StoreRoute {
  /** Names the answer's decoder; part of the cache key. */
  readonly kind: string;
  /** After the alias, already encoded: `/orders/123`, `/checkout/statuses`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** The target as logged, when the query holds something personal. */
  readonly logTarget?: string;
}

export interface MeOptions {
  readonly signal?: AbortSignal;
}

/** Injection points for tests and benchmarks; production code leaves them unset. */
export interface ClientTestHooks {
  readonly now?: () => number;
  /** Must resolve after `ms` (or reject when `signal` aborts). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Returns a number in [0, 1); drives backoff jitter. */
  readonly random?: () => number;
  /** Length of the rate-limit window. Default 60000 (Yampi counts per minute). */
  readonly rateWindowMs?: number;
  /** First retry delay before jitter; doubles per attempt. Default 300. */
  readonly backoffBaseMs?: number;
  /** Upper bound of one backoff delay. Default 5000. */
  readonly backoffMaxMs?: number;
  /** Starts the per-attempt timer (real time); returns its cancel. Default: unref'd setTimeout. */
  readonly setTimer?: (ms: number, fire: () => void) => () => void;
}

export interface ClientOptions {
  /** e.g. `https://api.dooki.com.br/v2` (no trailing slash needed). */
  readonly baseUrl: string;
  /** Names the extension and its version, e.g. `yampi-customers-vscode/0.1.0`. */
  readonly userAgent: string;
  /**
   * Each attempt (connect, headers, body) ends within this, on a real timer. Default 15000
   * (`yampi.requestTimeoutSeconds`).
   */
  readonly timeoutMs?: number;
  /**
   * Each operation (lookup, list page, search, /auth/me) ends within this, in data or an error:
   * attempts, backoff and rate-limit waits included. Default `2 × timeoutMs + 5000`
   * (`operationDeadlineMs`); set it only in tests.
   */
  readonly operationTimeoutMs?: number;
  /** In-memory cache freshness. Default 300000; 0 disables the cache. */
  readonly cacheTtlMs?: number;
  /** Default 500. */
  readonly cacheMaxEntries?: number;
  /** Client-side budget per store. Default 60; `Infinity` disables the limiter. */
  readonly requestsPerMinute?: number;
  /** Budget for POST /auth/me (Yampi documents 10 a minute). Default 10. */
  readonly authRequestsPerMinute?: number;
  /** Attempts per GET, retries included. Default 3. */
  readonly maxAttempts?: number;
  /** Larger bodies fail with `invalidResponse`. Default 5 MiB. */
  readonly maxResponseBytes?: number;
  /** Longest a request waits out a 429 before failing with `rateLimited`. Default 60000. */
  readonly rateLimitWaitCapMs?: number;
  /** Connections per origin kept by the client's own undici Agent. Default 6. */
  readonly maxConnections?: number;
  /**
   * Proxy as VS Code resolves it (`http.proxy`, `http.noProxy`, `http.proxyStrictSSL`, the
   * `*_PROXY` environment): the host passes plain values. Default: direct.
   */
  readonly proxy?: ProxySettings;
  /** Extra certificates to trust (`NODE_EXTRA_CA_CERTS`, `http.systemCertificates`). */
  readonly tls?: TlsSettings;
  readonly logger?: Logger;
  readonly hooks?: ClientTestHooks;
}

/** What `updateOptions` can change on a live client (settings changed without a rebuild). */
export type UpdatableClientOptions = Partial<
  Pick<
    ClientOptions,
    | 'baseUrl'
    | 'userAgent'
    | 'timeoutMs'
    | 'operationTimeoutMs'
    | 'cacheTtlMs'
    | 'cacheMaxEntries'
    | 'requestsPerMinute'
    | 'authRequestsPerMinute'
    | 'maxAttempts'
    | 'maxResponseBytes'
    | 'rateLimitWaitCapMs'
    | 'proxy'
    | 'tls'
    | 'logger'
  >
>;

/**
 * Every method rejects only with a `YampiError` (check `YampiError.is(e)` / `e.kind`, not
 * `instanceof`: the client is a separately loaded bundle).
 */
export interface YampiClient {
  getCustomer(store: StoreRef, id: number | string, opts?: GetCustomerOptions): Promise<CustomerRecord>;
  listCustomers(store: StoreRef, opts?: ListCustomersOptions): Promise<CustomerPage>;
  /**
   * GET /{alias}/orders?customer_id[]={id}&include=items,status, newest first. Orders of any other
   * customer (the API ignores a filter it does not understand) are dropped and counted in `dropped`.
   */
  listCustomerOrders(store: StoreRef, customerId: number | string, opts?: RelatedOptions): Promise<OrderPage>;
  /** GET /{alias}/customers/{id}/addresses. */
  listCustomerAddresses(store: StoreRef, customerId: number | string, opts?: RelatedOptions): Promise<AddressPage>;
  /** GET /{alias}/customers/{id}/carts (abandoned carts); cart secrets stay in `CartRecord.secrets`. */
  listCustomerCarts(store: StoreRef, customerId: number | string, opts?: RelatedOptions): Promise<CartPage>;
  /** GET `/{alias}{route.path}?{route.query}` decoded by `decode` (cached per store, route and kind). */
  getStoreRoute<T>(store: StoreRef, route: StoreRoute, decode: (body: unknown) => T, opts?: GetCustomerOptions): Promise<T>;
  /** POST /auth/me: the user and the stores the credentials reach. Never cached. */
  me(creds: Credentials, opts?: MeOptions): Promise<AuthMe>;
  /** Forget cached responses of one store, or of all stores. */
  clearCache(alias?: string): void;
  updateOptions(options: UpdatableClientOptions): void;
  /** Cancels queued requests, lets in-flight ones finish, closes connections. */
  close(): Promise<void>;
}
