/**
 * One HTTP attempt over undici, with the client's own Agent (never the global dispatcher: that
 * would change `fetch` for every extension in the host).
 *
 * Turns every transport failure into a YampiError (network, timeout, cancelled, invalidResponse
 * for oversized bodies) and returns the status, the headers the client needs and the body text.
 *
 * It dispatches straight to the Agent with its own handler instead of `undici.request`: the body
 * arrives as chunks in `onResponseData`, with no Readable stream, async iterator or
 * AsyncResource per request. On loopback that machinery cost about a third of the request.
 */
import { createSecureContext, type SecureContext } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { type FailureReason, YampiError } from './errors';
import type { Route, Trust } from './network';
import { cancelledError } from './retry';

type IncomingHttpHeaders = Record<string, string | string[] | undefined>;

/** Starts a one-shot timer and returns its cancel function (injectable for tests). */
export type SetTimer = (ms: number, fire: () => void) => () => void;

/** `setTimeout`, unref'd so a pending attempt never keeps the process alive. */
export const defaultSetTimer: SetTimer = (ms, fire) => {
  const timer = setTimeout(fire, Math.max(0, ms));
  timer.unref();
  return () => {
    clearTimeout(timer);
  };
};

export interface AttemptRequest {
  readonly method: 'GET' | 'POST';
  /** e.g. `https://api.dooki.com.br` (no path). */
  readonly origin: string;
  /** Encoded path and query, e.g. `/v2/loja/customers/1`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  /**
   * The whole attempt (connection, headers, body) ends within this, on a real timer: bytes
   * trickling in do not extend it.
   */
  readonly timeoutMs: number;
  /** undici's own connect/headers/body idle timeouts: a backstop, normally >= timeoutMs. */
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly setTimer: SetTimer;
  /** The proxy this request goes through (`scheme://host:port`), to tell proxy failures apart. */
  readonly proxy: string | undefined;
}

export interface AttemptResponse {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly rateLimit: number | undefined;
  readonly rateRemaining: number | undefined;
  readonly contentType: string | undefined;
  readonly text: string;
}

let lastContext: { readonly ca: readonly string[]; readonly context: SecureContext } | undefined;

/**
 * One SecureContext per CA list, reused across rebuilds (settings changes): with the system store
 * it holds ~600 certificates and takes tens of ms to build.
 */
function contextFor(trust: Trust): SecureContext | undefined {
  const ca = trust.ca;
  if (ca === undefined) {
    return undefined;
  }
  if (lastContext?.ca.length !== ca.length || lastContext.ca.some((c, i) => c !== ca[i])) {
    lastContext = { ca, context: createSecureContext({ ca: [...ca] }) };
  }
  return lastContext.context;
}

/** undici options shared by the direct Agent and the ProxyAgent's inner Agent. */
function poolOptions(connections: number): Agent.Options {
  return { connections, pipelining: 1, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 };
}

/**
 * The client's own dispatcher for a route (never the global one: that would change `fetch` for
 * every extension in the host). Direct → an Agent; proxy → undici's ProxyAgent (CONNECT tunnel
 * for https targets, plain forwarding for http ones). Extra CAs go in one SecureContext built here,
 * not a `ca` list per connection. `http.proxyStrictSSL: false` turns certificate checks off on the
 * proxied route only; a direct route always checks.
 */
export function createDispatcher(route: Route, trust: Trust, timeoutMs: number, connections: number): Agent | ProxyAgent {
  const secureContext = contextFor(trust);
  const tlsOptions = (rejectUnauthorized: boolean): Record<string, unknown> => ({
    timeout: timeoutMs,
    rejectUnauthorized,
    ...(secureContext === undefined ? {} : { secureContext }),
  });
  if (route.kind !== 'proxy') {
    // badProxy: the client refuses before dispatching; this Agent is never used for it.
    return new Agent({ ...poolOptions(connections), connect: tlsOptions(true), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }
  return new ProxyAgent({
    ...poolOptions(connections),
    uri: route.uri,
    // Plain forwarding (absolute URI) for http targets, as a forward proxy expects; https always tunnels.
    proxyTunnel: false,
    requestTls: tlsOptions(route.strictSSL),
    proxyTls: tlsOptions(route.strictSSL),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function headerNumber(v: string | string[] | undefined): number | undefined {
  const s = header(v);
  if (s === undefined || s.trim() === '') {
    return undefined;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') {
    return e.code;
  }
  return undefined;
}

/** Keep only a code and undici's fixed message as the cause: nothing request-specific. */
function safeCause(e: unknown): Error {
  const code = errorCode(e) ?? 'UNKNOWN';
  const message = e instanceof Error ? e.message : 'transport error';
  const err = new Error(`${code}: ${message}`);
  err.name = e instanceof Error ? e.name : 'Error';
  return err;
}

/**
 * Timeouts: one real timer per attempt (`timeoutMs`) that fails it wherever it is (waiting for a
 * connection, headers trickling in, body trickling in), plus undici's idle timeouts as a backstop.
 * The timer is a plain unref'd `setTimeout` (Node keeps same-duration timers in one list: O(1)),
 * not an AbortController/AbortSignal.timeout, which cost as much as a loopback request.
 */
export function attempt(agent: Dispatcher, req: AttemptRequest): Promise<AttemptResponse> {
  if (req.signal?.aborted === true) {
    return Promise.reject(cancelledError());
  }
  return new Promise((resolve, reject) => {
    const handler = new AttemptHandler(req, resolve, reject);
    agent.dispatch(
      { origin: req.origin, path: req.path, method: req.method, headers: req.headers, headersTimeout: req.idleTimeoutMs, bodyTimeout: req.idleTimeoutMs },
      handler,
    );
  });
}

/** Collects one response; settles the attempt exactly once, and aborts the request if it fails first. */
class AttemptHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private status = 0;
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly onAbort: (() => void) | undefined;
  private readonly cancelTimer: () => void;

  constructor(
    private readonly req: AttemptRequest,
    private readonly resolve: (res: AttemptResponse) => void,
    private readonly reject: (e: YampiError) => void,
  ) {
    if (req.signal !== undefined) {
      this.onAbort = () => {
        this.fail(cancelledError());
      };
      req.signal.addEventListener('abort', this.onAbort, { once: true });
    }
    this.cancelTimer = req.setTimer(req.timeoutMs, () => {
      this.fail(timedOut(req.timeoutMs));
    });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) {
      // The caller left while the request waited for a connection: don't send it.
      controller.abort(new Error('attempt abandoned'));
    }
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders): void {
    if (status < 200) {
      return; // 1xx: the real response follows
    }
    this.status = status;
    this.headers = headers;
    const declared = headerNumber(headers['content-length']);
    if (declared !== undefined && declared > this.req.maxBytes) {
      this.fail(tooLarge(status));
    }
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) {
      return;
    }
    this.size += chunk.length;
    if (this.size > this.req.maxBytes) {
      this.fail(tooLarge(this.status));
    } else {
      this.chunks.push(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    this.unlisten();
    const { headers, chunks } = this;
    this.resolve({
      status: this.status,
      retryAfter: header(headers['retry-after']),
      rateLimit: headerNumber(headers['x-ratelimit-limit']),
      rateRemaining: headerNumber(headers['x-ratelimit-remaining']),
      contentType: header(headers['content-type']),
      text: chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)).toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, e: Error): void {
    if (this.settled) {
      return;
    }
    if (this.req.signal?.aborted === true) {
      this.fail(cancelledError());
      return;
    }
    const code = errorCode(e);
    if (code !== undefined && TIMEOUT_CODES.has(code)) {
      this.fail(timedOut(this.req.timeoutMs, e));
      return;
    }
    const tlsReason = tlsFailureReason(e);
    if (tlsReason !== undefined) {
      this.fail(new YampiError('tls', `TLS with ${hostOf(this.req.origin)} failed (${deepCode(e) ?? 'unknown'})`, {
        host: hostOf(this.req.origin), proxy: this.req.proxy, cause: safeCause(e), reason: tlsReason,
      }));
      return;
    }
    if (this.req.proxy !== undefined && isProxyFailure(e, this.req.proxy)) {
      const status = /\((\d{3})\)/.exec(e.message)?.[1];
      this.fail(new YampiError('proxy', `proxy ${this.req.proxy} failed (${status === undefined ? code ?? 'unknown' : `HTTP ${status}`})`, {
        proxy: this.req.proxy, status: status === undefined ? undefined : Number(status), cause: safeCause(e),
      }));
      return;
    }
    this.fail(new YampiError('network', `connection failed (${code ?? 'unknown'})`, { cause: safeCause(e) }));
  }

  private fail(e: YampiError): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    this.unlisten();
    this.reject(e);
    // Undici reports the abort back through onResponseError, which is ignored once settled.
    this.controller?.abort(e);
  }

  private unlisten(): void {
    this.cancelTimer();
    if (this.onAbort !== undefined) {
      this.req.signal?.removeEventListener('abort', this.onAbort);
    }
  }
}

/** The code of an error or of the error it wraps (undici wraps proxy TLS failures). */
function deepCode(e: unknown): string | undefined {
  const own = errorCode(e);
  if (own !== undefined && own !== 'UND_ERR_PRX_TLS') {
    return own;
  }
  return e instanceof Error && e.cause !== undefined ? deepCode(e.cause) ?? own : own;
}

/** OpenSSL verification codes and Node's TLS errors: the certificate (or the handshake) failed. */
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|^INVALID_(PURPOSE|CA)$|^PATH_LENGTH_EXCEEDED$|^ERR_TLS_|^ERR_SSL_|^UND_ERR_PRX_TLS$|^EPROTO$/;

/**
 * Which TLS failure `e` is, by its code (OpenSSL's verification codes as Node reports them, Node's
 * ERR_TLS_* and ERR_SSL_*, EPROTO from the handshake), or undefined when it is not one.
 */
export function tlsFailureReason(e: unknown): FailureReason | undefined {
  const code = deepCode(e);
  if (code === undefined || !TLS_CODE.test(code)) {
    return undefined;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return 'hostname';
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'ERR_TLS_CERT_EXPIRED') {
    return 'expired';
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code === 'ERR_TLS_INVALID_PROTOCOL_VERSION' || code === 'ERR_TLS_PROTOCOL_VERSION_CONFLICT') {
    return 'protocol';
  }
  return 'untrusted';
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

/**
 * Through a proxy, a refused CONNECT ("Proxy response (407) !== 200"), a refused forward ("Proxy
 * Authentication Required (407)") or a connection error on the proxy's own port is the proxy's
 * failure; errors once the tunnel stands are the server's.
 */
function isProxyFailure(e: unknown, proxy: string): boolean {
  if (e instanceof Error && /^Proxy (response|Authentication Required) \(\d+\)/.test(e.message)) {
    return true;
  }
  const code = errorCode(e);
  if (code === undefined || !CONNECT_CODES.has(code) || typeof e !== 'object' || e === null) {
    return false;
  }
  const port = 'port' in e ? Number(e.port) : Number.NaN;
  return Number.isFinite(port) && proxy.endsWith(`:${port}`);
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return origin;
  }
}

function timedOut(timeoutMs: number, cause?: unknown): YampiError {
  return new YampiError('timeout', `no complete response within ${timeoutMs} ms`, cause === undefined ? {} : { cause: safeCause(cause) });
}

function tooLarge(status: number): YampiError {
  return new YampiError('invalidResponse', 'response body exceeds the size cap', { status, field: '(body)' });
}
