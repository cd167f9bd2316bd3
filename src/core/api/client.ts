/**
 * The Yampi API client: validation → cache → in-flight dedupe → per-store limiter → undici attempt,
 * with retries for idempotent GETs and 429 waits, decoding at the edge and one error family.
 */
import type { Agent, ProxyAgent } from 'undici';
import { TtlLruCache } from '../common/cache';
import { nullLogger, type Logger } from '../common/logger';
import type { AuthMe, CustomerPage, CustomerRecord } from '../customers/customer';
import type { AddressPage, CartPage, OrderPage } from '../related/related';
import { decodeAuthMe, decodeCustomerEnvelope, decodeCustomerPage } from './decode';
import { decodeAddressPage, decodeCartPage, decodeOrderPage } from './decodeRelated';
import { YampiError } from './errors';
import { InFlight } from './inflight';
import { searchQueryParams } from '../search/search';
import { type Lane, RateLimiter, type Slot } from './rateLimiter';
import { backoffDelay, defaultSleep, isRetryableStatus, parseRetryAfter } from './retry';
import { describeRoute, loadTrust, resolveRoute, type ProxySettings, type Route, type TlsSettings } from './network';
import { attempt, createDispatcher, defaultSetTimer, type AttemptResponse, type SetTimer } from './transport';
import type {
  ClientOptions, Credentials, GetCustomerOptions, RateLimitWaitOption, ListCustomersOptions, MeOptions, RelatedOptions, StoreRef, StoreRoute,
  UpdatableClientOptions, YampiClient,
} from './types';
import {
  normalizeBaseUrl, validateAlias, validateCredentials, validateCustomerId, validateLimit, validatePage, validateQuery,
} from './validate';

interface Settings {
  baseUrl: string;
  /** `baseUrl` split once for undici's dispatch: `https://host` and `/v2` (or ''). */
  origin: string;
  basePath: string;
  userAgent: string;
  timeoutMs: number;
  /** Explicit whole-operation deadline; undefined → `operationDeadlineMs(timeoutMs)`. */
  operationTimeoutMs: number | undefined;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  requestsPerMinute: number;
  authRequestsPerMinute: number;
  maxAttempts: number;
  maxResponseBytes: number;
  rateLimitWaitCapMs: number;
  proxy: ProxySettings;
  tls: TlsSettings;
  logger: Logger;
}

interface Context {
  readonly alias?: string | undefined;
  readonly customerId?: number | undefined;
}

interface Call {
  readonly method: 'GET' | 'POST';
  /** Clock time by which the operation ends, in data or an error: attempts, backoff and waits included. */
  readonly deadline: number;
  /** The caller never waits for a rate-limit window (the hover): fail at once with `rateLimited`. */
  readonly noWait: boolean;
  /** The limiter lane: `background` for work the user did not ask for (RateLimiter). */
  readonly lane?: Lane;
  /** Encoded path and query after the base URL, e.g. `/loja/customers/1?skipCache=true`. */
  readonly target: string;
  /** The same without anything personal (search text), for the log. */
  readonly logTarget: string;
  readonly limiter: RateLimiter;
  readonly creds: Credentials;
  readonly ctx: Context;
}

const AUTH_LIMITER = '\u0000auth';

/** What a whole operation may add to its attempts: backoff and short rate-limit waits. */
export const DEADLINE_GRACE_MS = 5_000;

/**
 * The whole-operation deadline for a per-attempt timeout: `2 × timeout + 5 s` (what the setting's
 * description promises). Attempts after the first get what is left of it.
 */
export function operationDeadlineMs(timeoutMs: number): number {
  return 2 * timeoutMs + DEADLINE_GRACE_MS;
}

/** An attempt needs at least this long to be worth starting; less is left → the operation ends. */
const MIN_ATTEMPT_MS = 50;

export class HttpYampiClient implements YampiClient {
  private s: Settings;
  private agent: Agent | ProxyAgent;
  private route: Route = { kind: 'direct', why: 'not built yet' };
  private closed = false;
  private readonly customers: TtlLruCache<CustomerRecord>;
  private readonly pages: TtlLruCache<CustomerPage>;
  /** Orders, addresses and carts pages of one customer (keys start with storeKey like the others). */
  private readonly related: TtlLruCache<OrderPage | AddressPage | CartPage>;
  /** What `getStoreRoute` decoded (other features' routes: orders by number, statuses…), keyed by route. */
  private readonly routes: TtlLruCache<unknown>;
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly inflight = new InFlight<unknown>();
  /**
   * Bumped by clearCache (per store, or for all): a response to a request made before the clear
   * is returned to its caller but never written into the cache, and later callers don't join it.
   */
  private epochAll = 0;
  private readonly epochs = new Map<string, number>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly setTimer: SetTimer;
  private readonly windowMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxConnections: number;

  constructor(options: ClientOptions) {
    this.s = {
      ...endpoint(options.baseUrl),
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs ?? 15_000,
      operationTimeoutMs: options.operationTimeoutMs,
      cacheTtlMs: options.cacheTtlMs ?? 300_000,
      cacheMaxEntries: options.cacheMaxEntries ?? 500,
      requestsPerMinute: options.requestsPerMinute ?? 60,
      authRequestsPerMinute: options.authRequestsPerMinute ?? 10,
      maxAttempts: Math.max(1, options.maxAttempts ?? 3),
      maxResponseBytes: options.maxResponseBytes ?? 5 * 1024 * 1024,
      rateLimitWaitCapMs: options.rateLimitWaitCapMs ?? 60_000,
      proxy: options.proxy ?? {},
      tls: options.tls ?? {},
      logger: options.logger ?? nullLogger,
    };
    const hooks = options.hooks ?? {};
    this.now = hooks.now ?? Date.now;
    this.sleep = hooks.sleep ?? defaultSleep;
    this.random = hooks.random ?? Math.random;
    this.setTimer = hooks.setTimer ?? defaultSetTimer;
    this.windowMs = hooks.rateWindowMs ?? 60_000;
    this.backoffBaseMs = hooks.backoffBaseMs ?? 300;
    this.backoffMaxMs = hooks.backoffMaxMs ?? 5_000;
    this.maxConnections = options.maxConnections ?? 6;
    this.agent = this.buildDispatcher();
    const cacheOptions = { ttlMs: this.s.cacheTtlMs, maxEntries: this.s.cacheMaxEntries, now: this.now };
    this.customers = new TtlLruCache<CustomerRecord>(cacheOptions);
    this.pages = new TtlLruCache<CustomerPage>(cacheOptions);
    this.related = new TtlLruCache<OrderPage | AddressPage | CartPage>(cacheOptions);
    this.routes = new TtlLruCache<unknown>(cacheOptions);
  }

  async getStoreRoute<T>(store: StoreRef, route: StoreRoute, decode: (body: unknown) => T, opts: GetCustomerOptions = {}): Promise<T> {
    const alias = this.checkStore(store);
    const params = new URLSearchParams(route.query);
    if (opts.skipCache === true) {
      params.set('skipCache', 'true');
    }
    const path = `/${encodeURIComponent(alias)}${route.path}`;
    const query = params.toString();
    const target = query === '' ? path : `${path}?${query}`;
    // keyed by the decoder's name too: one route decoded two ways never shares an entry
    const key = `${storeKey(store)}r:${route.kind}:${route.path}?${new URLSearchParams(route.query).toString()}`;
    if (opts.skipCache !== true) {
      const hit = this.routes.get(key);
      if (hit !== undefined) {
        return hit as T; // keyed by kind: stored by the same decoder
      }
    }
    const epoch = this.epochOf(alias);
    const result = await this.getShared(store, target, route.logTarget ?? target, { alias }, opts, decode);
    if (this.epochOf(alias) === epoch) {
      this.routes.set(key, result);
    }
    return result;
  }

  async getCustomer(store: StoreRef, id: number | string, opts: GetCustomerOptions = {}): Promise<CustomerRecord> {
    const alias = this.checkStore(store);
    const customerId = validateCustomerId(id, alias);
    const key = `${storeKey(store)}c:${customerId}`;
    if (opts.skipCache !== true) {
      const hit = this.customers.get(key);
      if (hit !== undefined) {
        return hit;
      }
    }
    const path = `/${encodeURIComponent(alias)}/customers/${encodeURIComponent(String(customerId))}`;
    const query = opts.skipCache === true ? '?skipCache=true' : '';
    const ctx = { alias, customerId };
    const epoch = this.epochOf(alias);
    const record = await this.getShared(store, path + query, path + query, ctx, opts, (body) => askedCustomer(decodeCustomerEnvelope(body), customerId));
    if (this.epochOf(alias) === epoch) {
      this.customers.set(key, record);
    }
    return record;
  }

  async listCustomers(store: StoreRef, opts: ListCustomersOptions = {}): Promise<CustomerPage> {
    const alias = this.checkStore(store);
    const page = validatePage(opts.page ?? 1);
    const limit = validateLimit(opts.limit ?? 10);
    const q = validateQuery(opts.q);
    const convention = opts.convention ?? 'q';
    const key = `${storeKey(store)}l:${page}:${limit}:${q === undefined ? '' : `${convention}:${q}`}`;
    if (opts.skipCache !== true) {
      const hit = this.pages.get(key);
      if (hit !== undefined) {
        return hit;
      }
    }
    const params = new URLSearchParams({ page: String(page), limit: String(limit) });
    if (q !== undefined) {
      for (const [k, v] of searchQueryParams(convention, q)) {
        params.set(k, v);
      }
    }
    if (opts.skipCache === true) {
      params.set('skipCache', 'true');
    }
    const path = `/${encodeURIComponent(alias)}/customers`;
    const logTarget = `${path}?${params.toString().replace(/(^|&)(q|search)=[^&]*/, '$1$2=[redacted]')}`;
    const epoch = this.epochOf(alias);
    const result = await this.getShared(store, `${path}?${params.toString()}`, logTarget, { alias }, opts, decodeCustomerPage);
    if (this.epochOf(alias) !== epoch) {
      return result;
    }
    this.pages.set(key, result);
    for (const item of result.items) {
      this.customers.set(`${storeKey(store)}c:${item.customer.id}`, item);
    }
    return result;
  }

  async listCustomerOrders(store: StoreRef, customerId: number | string, opts: RelatedOptions = {}): Promise<OrderPage> {
    // Bracket form: Yampi ignores `customer_id=` silently and answers the whole store's orders.
    const query = { include: 'items,status', orderBy: 'created_at', sortedBy: 'desc' };
    return this.getRelated(store, customerId, opts, 'orders', (alias) => `/${alias}/orders`, query, decodeOrderPage);
  }

  async listCustomerAddresses(store: StoreRef, customerId: number | string, opts: RelatedOptions = {}): Promise<AddressPage> {
    return this.getRelated(store, customerId, opts, 'addresses', (alias, id) => `/${alias}/customers/${id}/addresses`, {}, decodeAddressPage);
  }

  async listCustomerCarts(store: StoreRef, customerId: number | string, opts: RelatedOptions = {}): Promise<CartPage> {
    return this.getRelated(store, customerId, opts, 'carts', (alias, id) => `/${alias}/customers/${id}/carts`, {}, decodeCartPage);
  }

  /**
   * Cache → shared GET for one page of a customer's related records. Records of another customer
   * were dropped by the decoder; how many is logged (a count, nothing personal).
   */
  private async getRelated<T extends OrderPage | AddressPage | CartPage>(
    store: StoreRef, customerId: number | string, opts: RelatedOptions, what: 'orders' | 'addresses' | 'carts',
    pathOf: (alias: string, id: number) => string, query: Readonly<Record<string, string>>,
    decode: (body: unknown, customerId: number) => T,
  ): Promise<T> {
    const alias = this.checkStore(store);
    const id = validateCustomerId(customerId, alias);
    const page = validatePage(opts.page ?? 1);
    const limit = validateLimit(opts.limit ?? 10);
    const key = `${storeKey(store)}${what}:${id}:${page}:${limit}`;
    if (opts.skipCache !== true) {
      const hit = this.related.get(key);
      if (hit !== undefined) {
        return hit as T; // keyed by `what`: the entry was stored by the same decoder
      }
    }
    const params = new URLSearchParams(what === 'orders' ? { 'customer_id[]': String(id), ...query } : query);
    params.set('page', String(page));
    params.set('limit', String(limit));
    if (opts.skipCache === true) {
      params.set('skipCache', 'true');
    }
    const target = `${pathOf(encodeURIComponent(alias), id)}?${params.toString()}`;
    const epoch = this.epochOf(alias);
    const result = await this.getShared(store, target, target, { alias, customerId: id }, opts, (body) => decode(body, id));
    if (result.dropped > 0) {
      this.s.logger.warn(`${what} of customer ${id}: dropped ${result.dropped} record(s) of other customers (filter ignored?)`);
    }
    // a page requested before a clearCache is returned to its caller, never cached
    if (this.epochOf(alias) === epoch) {
      this.related.set(key, result);
    }
    return result;
  }

  async me(creds: Credentials, opts: MeOptions = {}): Promise<AuthMe> {
    this.checkOpen();
    validateCredentials(creds);
    const call: Call = {
      method: 'POST', target: '/auth/me', logTarget: '/auth/me', creds, ctx: {}, deadline: this.deadline(), noWait: false,
      limiter: this.limiter(AUTH_LIMITER, this.s.authRequestsPerMinute),
    };
    const body = await this.send(call, opts.signal);
    return decodeWithContext(body, decodeAuthMe, call.ctx);
  }

  clearCache(alias?: string): void {
    if (alias === undefined) {
      this.epochAll++;
      this.customers.clear();
      this.pages.clear();
      this.related.clear();
      this.routes.clear();
      return;
    }
    this.epochs.set(alias, (this.epochs.get(alias) ?? 0) + 1);
    const prefix = `${alias}\u0000`;
    this.customers.deleteWhere((k) => k.startsWith(prefix));
    this.pages.deleteWhere((k) => k.startsWith(prefix));
    this.related.deleteWhere((k) => k.startsWith(prefix));
    this.routes.deleteWhere((k) => k.startsWith(prefix));
  }

  updateOptions(o: UpdatableClientOptions): void {
    const before = this.s;
    const next: Settings = { ...before, ...o };
    if (o.baseUrl !== undefined) {
      Object.assign(next, endpoint(o.baseUrl));
    }
    next.maxAttempts = Math.max(1, next.maxAttempts);
    this.s = next;
    if (next.baseUrl !== before.baseUrl) {
      this.clearCache();
    }
    if (next.timeoutMs !== before.timeoutMs || next.origin !== before.origin || next.proxy !== before.proxy || next.tls !== before.tls) {
      // Timeouts, route and trust belong to the dispatcher; in-flight requests finish on the old one.
      const old = this.agent;
      this.agent = this.buildDispatcher();
      old.close().catch(() => undefined);
    }
    this.customers.configure({ ttlMs: next.cacheTtlMs, maxEntries: next.cacheMaxEntries });
    this.pages.configure({ ttlMs: next.cacheTtlMs, maxEntries: next.cacheMaxEntries });
    this.related.configure({ ttlMs: next.cacheTtlMs, maxEntries: next.cacheMaxEntries });
    this.routes.configure({ ttlMs: next.cacheTtlMs, maxEntries: next.cacheMaxEntries });
    for (const [key, limiter] of this.limiters) {
      limiter.setBudget(key === AUTH_LIMITER ? next.authRequestsPerMinute : next.requestsPerMinute);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const limiter of this.limiters.values()) {
      limiter.close();
    }
    this.clearCache();
    await this.agent.close();
  }

  /** The dispatcher for the current origin, proxy settings and trust; logs the route taken. */
  private buildDispatcher(): Agent | ProxyAgent {
    const s = this.s;
    this.route = resolveRoute(new URL(s.origin), s.proxy);
    const trust = s.origin.startsWith('https:') ? loadTrust(s.tls) : { ca: undefined, added: [], problems: [] };
    s.logger.info(describeRoute(s.origin, this.route));
    if (trust.added.length > 0 || trust.problems.length > 0) {
      s.logger.info(`TLS trust: Node's bundled roots${trust.added.map((a) => ` + ${a}`).join('')}${trust.problems.map((p) => `; ${p}`).join('')}.`);
    }
    return createDispatcher(this.route, trust, s.timeoutMs, this.maxConnections);
  }

  private epochOf(alias: string): number {
    return this.epochAll + (this.epochs.get(alias) ?? 0);
  }

  private checkOpen(): void {
    if (this.closed) {
      throw new YampiError('cancelled', 'client closed');
    }
  }

  private checkStore(store: StoreRef): string {
    this.checkOpen();
    const alias = validateAlias(store.alias);
    validateCredentials(store, alias);
    return alias;
  }

  private limiter(key: string, budget: number): RateLimiter {
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new RateLimiter(budget, this.windowMs, { now: this.now, sleep: this.sleep });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Clock time by which an operation starting now must end. */
  private deadline(): number {
    return this.now() + (this.s.operationTimeoutMs ?? operationDeadlineMs(this.s.timeoutMs));
  }

  /**
   * A GET whose identical in-flight twins (same store, credentials, URL and waiting mode) share one
   * request. A no-wait caller (hover) never joins a twin that may be queued for the rate limit.
   */
  private async getShared<T>(
    store: StoreRef, target: string, logTarget: string, ctx: Context, opts: RateLimitWaitOption & { readonly signal?: AbortSignal | undefined },
    decode: (body: unknown) => T,
  ): Promise<T> {
    const noWait = opts.waitForRateLimit === false;
    const lane: Lane = opts.background === true ? 'background' : 'user';
    const call: Call = {
      method: 'GET', target, logTarget, creds: store, ctx, deadline: this.deadline(), noWait, lane,
      limiter: this.limiter(store.alias, this.s.requestsPerMinute),
    };
    // a user request never joins background work (it may be queued behind the user's own)
    const key = `${storeKey(store)}${this.epochOf(store.alias)}\u0000${store.userSecretKey}\u0000${noWait ? 'n' : 'w'}${lane === 'background' ? 'b' : 'u'}${target}`;
    // Shared callers get the same decoded value; the model types are readonly.
    return (await this.inflight.run(key, opts.signal, async (shared) => {
      const body = await this.send(call, shared);
      return decodeWithContext(body, decode, ctx);
    })) as T;
  }

  private async send(call: Call, signal: AbortSignal | undefined): Promise<unknown> {
    let waited = 0;
    for (let n = 1; ; n++) {
      const s = this.s;
      let slot: Slot;
      try {
        slot = await call.limiter.acquire({ signal, deadline: call.deadline, noWait: call.noWait, lane: call.lane });
      } catch (e) {
        throw YampiError.is(e) ? withContext(e, call.ctx, n - 1) : e;
      }
      const started = this.now();
      const budget = Math.min(s.timeoutMs, call.deadline - started);
      if (budget < MIN_ATTEMPT_MS) {
        slot.settle();
        throw withContext(deadlineError(call), call.ctx, n - 1);
      }
      const route = this.route;
      if (route.kind === 'badProxy') {
        slot.settle();
        const unsupported = route.problem === 'unsupportedScheme';
        throw new YampiError('proxy', unsupported ? `the proxy from ${route.source} uses an unsupported scheme (${route.scheme ?? '?'}://)` : `the proxy URL from ${route.source} is not valid`, {
          attempts: n, alias: call.ctx.alias, customerId: call.ctx.customerId, reason: unsupported ? 'unsupportedScheme' : 'invalidUrl',
          ...(unsupported ? { proxy: `${route.scheme ?? '?'}://` } : {}),
        });
      }
      const proxy = route.kind === 'proxy' ? route.display : undefined;
      let res: AttemptResponse;
      try {
        res = await attempt(this.agent, {
          proxy,
          method: call.method, origin: s.origin, path: s.basePath + call.target, timeoutMs: budget, idleTimeoutMs: s.timeoutMs,
          maxBytes: s.maxResponseBytes, signal, setTimer: this.setTimer,
          headers: {
            'user-token': call.creds.userToken,
            'user-secret-key': call.creds.userSecretKey,
            'content-type': 'application/json',
            accept: 'application/json',
            'user-agent': s.userAgent,
          },
        });
      } catch (e) {
        const err = e as YampiError; // attempt() rejects only with YampiError
        if (s.logger !== nullLogger) {
          s.logger.debug(`${call.method} ${call.logTarget} failed: ${err.kind} (attempt ${n})`);
        }
        // A proxy's connection failure or 5xx may pass; its refusal (407, 403…) will not.
        const transient = err.kind === 'network' || err.kind === 'timeout' || (err.kind === 'proxy' && (err.status === undefined || err.status >= 500));
        if (call.method === 'GET' && transient && n < s.maxAttempts) {
          if (await this.backoff(call, n, signal)) {
            continue;
          }
        }
        throw withContext(err, call.ctx, n);
      } finally {
        slot.settle();
      }
      call.limiter.observe(res.rateLimit, res.rateRemaining);
      if (s.logger !== nullLogger) {
        s.logger.debug(`${call.method} ${call.logTarget} → ${res.status} in ${this.now() - started} ms (attempt ${n})`);
      }
      if (res.status >= 200 && res.status < 300) {
        return parseJson(res, call.ctx, n);
      }
      if (res.status === 407 && proxy !== undefined) {
        // A forwarding proxy (http target) answers its refusal as a response.
        throw new YampiError('proxy', `proxy ${proxy} requires authentication (HTTP 407)`, {
          status: 407, proxy, attempts: n, alias: call.ctx.alias, customerId: call.ctx.customerId,
        });
      }
      if (res.status === 429) {
        const wait = parseRetryAfter(res.retryAfter, this.now()) ?? call.limiter.windowLengthMs;
        call.limiter.pause(wait);
        // Wait only if the retry can still start in time; a no-wait caller never waits.
        const fits = this.now() + wait + MIN_ATTEMPT_MS <= call.deadline;
        if (!call.noWait && n < s.maxAttempts && waited + wait <= s.rateLimitWaitCapMs && fits) {
          waited += wait;
          continue;
        }
        throw new YampiError('rateLimited', 'rate limit exceeded (HTTP 429)', {
          status: 429, retryAfterMs: wait, attempts: n, alias: call.ctx.alias, customerId: call.ctx.customerId,
        });
      }
      if (call.method === 'GET' && isRetryableStatus(res.status) && n < s.maxAttempts && (await this.backoff(call, n, signal))) {
        continue;
      }
      throw statusError(res.status, call.ctx, n);
    }
  }

  /** Sleeps before retry `n + 1`; false (no sleep) when the retry could not start before the deadline. */
  private async backoff(call: Call, n: number, signal: AbortSignal | undefined): Promise<boolean> {
    const delay = backoffDelay(n, this.backoffBaseMs, this.backoffMaxMs, this.random);
    if (this.now() + delay + MIN_ATTEMPT_MS > call.deadline) {
      return false;
    }
    await this.sleep(delay, signal);
    return true;
  }
}

/** The answer must be about the customer asked for: another one is never shown (or cached) as it. */
function askedCustomer(record: CustomerRecord, customerId: number): CustomerRecord {
  if (record.customer.id !== customerId) {
    throw new YampiError('invalidResponse', `unexpected response: data.id is another customer than the one asked for`, { field: 'data.id', customerId });
  }
  return record;
}

function deadlineError(call: Call): YampiError {
  return new YampiError('timeout', `operation deadline reached (${call.method}, no time left for another attempt)`);
}

function endpoint(baseUrl: string): Pick<Settings, 'baseUrl' | 'origin' | 'basePath'> {
  const normalized = normalizeBaseUrl(baseUrl);
  const url = new URL(normalized);
  return { baseUrl: normalized, origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

function storeKey(store: StoreRef): string {
  return `${store.alias}\u0000${store.userToken}\u0000`;
}

function parseJson(res: AttemptResponse, ctx: Context, attempts: number): unknown {
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    throw new YampiError('invalidResponse', 'response body is not JSON', {
      status: res.status, field: '(body)', alias: ctx.alias, customerId: ctx.customerId, attempts,
    });
  }
}

function decodeWithContext<T>(body: unknown, decode: (body: unknown) => T, ctx: Context): T {
  try {
    return decode(body);
  } catch (e) {
    throw YampiError.is(e) ? withContext(e, ctx) : e;
  }
}

function withContext(e: YampiError, ctx: Context, attempts?: number): YampiError {
  return new YampiError(e.kind, e.message, {
    status: e.status, field: e.field, retryAfterMs: e.retryAfterMs, cause: e.cause, host: e.host, proxy: e.proxy, reason: e.reason,
    alias: e.alias ?? ctx.alias, customerId: e.customerId ?? ctx.customerId, attempts: attempts ?? e.attempts,
  });
}

export function statusError(status: number, ctx: Context, attempts: number): YampiError {
  const details = { status, attempts, alias: ctx.alias, customerId: ctx.customerId };
  if (status === 401) {
    return new YampiError('auth', 'credentials rejected (HTTP 401)', details);
  }
  if (status === 403) {
    return new YampiError('forbidden', `access to store ${ctx.alias ?? '(auth)'} refused (HTTP 403)`, details);
  }
  if (status === 404) {
    const what = ctx.customerId === undefined ? `store ${ctx.alias ?? '?'}` : `customer ${ctx.customerId} in store ${ctx.alias ?? '?'}`;
    return new YampiError('notFound', `${what} not found (HTTP 404)`, details);
  }
  if (status >= 500) {
    return new YampiError('server', `server error (HTTP ${status})`, details);
  }
  if (status === 400 || status === 422) {
    return new YampiError('invalidInput', `request rejected as invalid (HTTP ${status})`, details);
  }
  return new YampiError('invalidResponse', `unexpected HTTP status ${status}`, details);
}
