/**
 * The sandbox store: a loopback HTTP server that behaves like the documented Yampi API (see
 * README.md in this folder), with a request log, rate limits and fault injection, all
 * controllable in-process and over HTTP under `/__sandbox/` (for tests in another process).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SANDBOX_RATE_LIMIT } from './constants';
import { buildSandboxData, type StoreData } from './data';
import { handleControl } from './control';
import { faultBody, FaultTable, type ActiveFault, type FaultSpec } from './faults';
import { aliasOf, answer, type SearchMode } from './routes';

export { EDGE_CASE_IDS, MISSING_CUSTOMER_ID, SANDBOX_RATE_LIMIT, SANDBOX_STORES, SANDBOX_USERS } from './constants';
export type { FaultSpec } from './faults';
export { SEARCH_MODES, type SearchMode } from './routes';

export interface RateLimitConfig {
  /** Requests per window per store (customers routes). Default 60. */
  readonly perWindow: number;
  /** Requests per window on POST /auth/me. Default 10. */
  readonly authPerWindow: number;
  /** Fixed window length, aligned to the clock. Default 60000. */
  readonly windowMs: number;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** `false` turns rate limiting and the X-RateLimit-* headers off (benchmarks). */
  readonly rateLimit?: Partial<RateLimitConfig> | false;
  /** Clock for rate windows and log timestamps. */
  readonly now?: () => number;
  /** Serve https with this key and certificate (PEM), e.g. from test/harness/testCa.ts. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** The customer-search convention every store honours (default `q`); `setSearchMode` changes it per store. */
  readonly searchMode?: SearchMode;
}

export interface RequestLogEntry {
  readonly seq: number;
  /** Arrival time (ms, from the sandbox clock). */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly alias: string | undefined;
  readonly headers: {
    readonly userToken: string | undefined;
    readonly userSecretKey: string | undefined;
    readonly contentType: string | undefined;
    readonly userAgent: string | undefined;
  };
  /** Status sent; 0 when the connection was reset before headers. */
  status: number;
  /** Id of the fault applied, if any. */
  fault: number | undefined;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:41234/v2` — what `yampi.apiBaseUrl` / ClientOptions.baseUrl take. */
  readonly baseUrl: string;
  /** e.g. `http://127.0.0.1:41234` — control endpoints live under `${origin}/__sandbox/`. */
  readonly origin: string;
  readonly port: number;
  readonly data: ReadonlyMap<string, StoreData>;
  /** API requests seen so far (control endpoints excluded), oldest first. */
  requests(): readonly RequestLogEntry[];
  /**
   * The most API requests that arrived within any span of `windowMs` (sliding, by arrival time on
   * the sandbox clock), optionally for one store only.
   */
  peakInWindow(windowMs: number, alias?: string): number;
  clearRequests(): void;
  addFault(spec: FaultSpec): number;
  removeFault(id: number): boolean;
  clearFaults(): void;
  faults(): readonly ActiveFault[];
  setRateLimit(config: Partial<RateLimitConfig> | false): void;
  /** Which search convention a store honours (`q`, `search`, `ignore`); without `alias`, every store. */
  setSearchMode(mode: SearchMode, alias?: string): void;
  searchMode(alias: string): SearchMode;
  /** Clears faults, the request log and rate windows (data never changes). */
  reset(): void;
  close(): Promise<void>;
}

let sharedData: ReadonlyMap<string, StoreData> | undefined;

function rateConfig(c: Partial<RateLimitConfig> | false | undefined): RateLimitConfig | false {
  if (c === false) {
    return false;
  }
  return {
    perWindow: c?.perWindow ?? SANDBOX_RATE_LIMIT.perMinute,
    authPerWindow: c?.authPerWindow ?? SANDBOX_RATE_LIMIT.authPerMinute,
    windowMs: c?.windowMs ?? SANDBOX_RATE_LIMIT.windowMs,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits `ms`, or less if the client hangs up first: a fault never outlives its connection. */
function delayWhileOpen(ms: number, res: ServerResponse): Promise<void> {
  const socket = res.socket;
  if (socket === null || socket.destroyed) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.once('close', done);
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  sharedData ??= buildSandboxData();
  const data = sharedData;
  const now = options.now ?? Date.now;
  const faults = new FaultTable();
  let log: RequestLogEntry[] = [];
  let seq = 0;
  let limits = rateConfig(options.rateLimit);
  let windows = new Map<string, { start: number; count: number }>();
  let baseUrl = '';
  const defaultSearchMode = options.searchMode ?? 'q';
  let searchModes = new Map<string, SearchMode>();
  const searchModeOf = (alias: string | undefined): SearchMode => (alias === undefined ? undefined : searchModes.get(alias)) ?? searchModes.get('*') ?? defaultSearchMode;

  function countRequest(bucket: string): { limit: number; remaining: number; allowed: boolean } | undefined {
    if (limits === false) {
      return undefined;
    }
    const limit = bucket === 'auth' ? limits.authPerWindow : limits.perWindow;
    const start = Math.floor(now() / limits.windowMs) * limits.windowMs;
    let w = windows.get(bucket);
    if (w?.start !== start) {
      w = { start, count: 0 };
      windows.set(bucket, w);
    }
    w.count++;
    return { limit, remaining: Math.max(0, limit - w.count), allowed: w.count <= limit };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const alias = aliasOf(url.pathname);
    const entry: RequestLogEntry = {
      seq: ++seq, at: now(), method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), alias,
      headers: {
        userToken: header(req, 'user-token'), userSecretKey: header(req, 'user-secret-key'),
        contentType: header(req, 'content-type'), userAgent: header(req, 'user-agent'),
      },
      status: 0, fault: undefined,
    };
    log.push(entry);
    const fault = faults.take(entry.method, url.pathname, alias);
    entry.fault = fault?.id;
    if (fault?.latencyMs !== undefined) {
      await delayWhileOpen(fault.latencyMs, res);
      if (res.destroyed) {
        return;
      }
    }
    if (fault?.reset === 'beforeHeaders') {
      req.socket.destroy();
      return;
    }
    const api = answer(
      { method: entry.method, path: url.pathname, query: url.searchParams, userToken: entry.headers.userToken,
        userSecretKey: entry.headers.userSecretKey, baseUrl, dataShape: fault?.dataShape, ignoreFilters: fault?.ignoreFilters === true,
        hugeItemsChars: fault?.hugeItemsChars, searchMode: searchModeOf(alias), answerCustomer: fault?.answerCustomer,
        ...(fault?.ignoreOrderNumberFilters === undefined ? {} : { ignoreOrderNumberFilters: fault.ignoreOrderNumberFilters }) },
      data,
    );
    let { status, body } = api;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const rate = api.bucket === undefined ? undefined : countRequest(api.bucket);
    if (rate !== undefined) {
      headers['x-ratelimit-limit'] = String(rate.limit);
      headers['x-ratelimit-remaining'] = String(rate.remaining);
      if (!rate.allowed) {
        status = 429;
        body = { message: 'Too Many Requests', status_code: 429 };
      }
    }
    if (fault?.status !== undefined) {
      status = fault.status;
      body = status === 429 ? { message: 'Too Many Requests', status_code: 429 } : { message: `Sandbox fault ${status}`, status_code: status };
      if (status === 429) {
        headers['x-ratelimit-remaining'] = '0';
      }
    }
    if (fault?.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(fault.retryAfterSeconds);
    }
    let text = JSON.stringify(body);
    if (fault?.body !== undefined) {
      text = faultBody(fault.body, text, fault.oversizedBytes ?? 6 * 1024 * 1024);
      if (fault.body === 'html') {
        headers['content-type'] = 'text/html';
      }
    }
    entry.status = status;
    await send(res, status, headers, text, fault);
  }

  async function send(res: ServerResponse, status: number, headers: Record<string, string>, text: string, fault: ActiveFault | undefined): Promise<void> {
    const buf = Buffer.from(text, 'utf8');
    if (fault?.chunked !== true) {
      headers['content-length'] = String(buf.length);
    }
    if (fault?.slowHeadersMs !== undefined) {
      await sendSlowHeaders(res, status, headers, buf, fault.slowHeadersMs);
      return;
    }
    res.writeHead(status, headers);
    if (fault?.reset === 'midBody') {
      res.write(buf.subarray(0, Math.floor(buf.length / 2)));
      await delay(5);
      res.socket?.destroy();
      return;
    }
    const pieces = fault?.slowBodyMs !== undefined ? 10 : fault?.chunked === true ? Math.ceil(buf.length / 65536) : 1;
    const size = Math.ceil(buf.length / pieces);
    for (let i = 0; i < pieces && !res.destroyed; i++) {
      if (i > 0 && fault?.slowBodyMs !== undefined) {
        await delayWhileOpen(fault.slowBodyMs / pieces, res);
      }
      const ok = res.write(buf.subarray(i * size, (i + 1) * size));
      if (!ok) {
        await new Promise((r) => res.once('drain', r));
      }
    }
    res.end();
  }

  /** Writes the head raw on the socket a few bytes at a time, then the body, then closes. */
  async function sendSlowHeaders(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer, overMs: number): Promise<void> {
    const socket = res.socket;
    if (socket === null) {
      return;
    }
    const lines = Object.entries({ ...headers, connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`);
    const head = Buffer.from(`HTTP/1.1 ${status} Sandbox\r\n${lines.join('')}\r\n`, 'latin1');
    const pieces = 20;
    const size = Math.ceil(head.length / pieces);
    for (let i = 0; i < pieces && !socket.destroyed; i++) {
      socket.write(head.subarray(i * size, (i + 1) * size));
      await delayWhileOpen(overMs / pieces, res);
    }
    if (!socket.destroyed) {
      socket.end(body);
    }
  }

  const sandbox: Sandbox = {
    baseUrl: '', origin: '', port: 0, data,
    requests: () => log,
    peakInWindow: (windowMs, alias) => peakInWindow(log.filter((r) => alias === undefined || r.alias === alias).map((r) => r.at), windowMs),
    clearRequests: () => {
      log = [];
    },
    addFault: (spec) => faults.add(spec),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => {
      faults.clear();
    },
    faults: () => faults.list(),
    setRateLimit: (config) => {
      limits = rateConfig(config);
      windows = new Map();
    },
    setSearchMode: (mode, alias) => {
      if (alias === undefined) {
        searchModes = new Map([['*', mode]]);
      } else {
        searchModes.set(alias, mode);
      }
    },
    searchMode: (alias) => searchModeOf(alias),
    reset: () => {
      faults.clear();
      log = [];
      windows = new Map();
      searchModes = new Map();
    },
    close: () => closeServer(server),
  };

  const listener: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const handled = url.pathname.startsWith('/__sandbox/')
      ? handleControl(req, res, url, sandbox)
      : handleApi(req, res, url);
    handled.catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
      }
      res.end('{"message":"sandbox error","status_code":500}');
    });
  };
  const server: Server = options.tls === undefined ? createServer(listener) : createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;
  baseUrl = `${origin}/v2`;
  return Object.assign(sandbox, { baseUrl, origin, port });
}

/** Most timestamps in any half-open span `[t, t + windowMs)`; `times` ascending. */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[hi] ?? 0) - (times[lo] ?? 0) >= windowMs) {
      lo++;
    }
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
