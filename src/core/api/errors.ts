/**
 * One typed family for everything that can go wrong talking to Yampi. No user-facing wording here
 * (the host localizes by `kind`) and never a secret in a message. One class at run time: the client
 * (dist/api.js) is an import() chunk of the host's build, so `instanceof` holds across them.
 */
export type YampiErrorKind =
  | 'auth' // 401: credentials rejected
  | 'forbidden' // 403: store inactive or no permission
  | 'notFound' // 404: customer (or store alias) not found
  | 'rateLimited' // 429 after waiting within the cap
  | 'server' // 5xx after retries
  | 'network' // connection refused/reset, DNS
  | 'timeout' // an attempt's timer or the operation's deadline
  | 'tls' // the server's certificate is not trusted (or TLS failed): `host` says whose
  | 'proxy' // the proxy refused, failed or is misconfigured: `proxy` says which (scheme://host:port)
  | 'invalidResponse' // not JSON, too large, wrong shape
  | 'invalidInput' // bad alias/id before any request
  | 'cancelled'; // AbortSignal fired

export interface YampiErrorDetails {
  readonly status?: number | undefined;
  readonly alias?: string | undefined;
  readonly customerId?: number | string | undefined;
  /** For invalidResponse: the JSON path of the wrong field, e.g. `data.id`. */
  readonly field?: string | undefined;
  /** For rateLimited: how long the caller should wait before trying again. */
  readonly retryAfterMs?: number | undefined;
  /** How many attempts were made (retries included). */
  readonly attempts?: number | undefined;
  /** For tls: the host whose certificate failed. */
  readonly host?: string | undefined;
  /** For proxy: the proxy as `scheme://host:port` (never its credentials). */
  readonly proxy?: string | undefined;
  /** Which failure of its kind (tls, proxy): see FailureReason. */
  readonly reason?: FailureReason | undefined;
  readonly cause?: unknown;
}

/**
 * What exactly failed, for the kinds that have several causes the user fixes differently.
 * tls: `untrusted` (unknown issuer, self-signed), `expired` (outside its validity dates),
 * `hostname` (the certificate names another host), `protocol` (no TLS version or cipher in common,
 * or not TLS at all). proxy: `unsupportedScheme` (socks5:// and any non-http proxy), `invalidUrl`.
 */
export type FailureReason = 'untrusted' | 'expired' | 'hostname' | 'protocol' | 'unsupportedScheme' | 'invalidUrl';

export class YampiError extends Error {
  readonly kind: YampiErrorKind;
  readonly status: number | undefined;
  readonly alias: string | undefined;
  readonly customerId: number | string | undefined;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number | undefined;
  readonly host: string | undefined;
  readonly proxy: string | undefined;
  readonly reason: FailureReason | undefined;

  constructor(kind: YampiErrorKind, message: string, details: YampiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'YampiError';
    this.kind = kind;
    this.status = details.status;
    this.alias = details.alias;
    this.customerId = details.customerId;
    this.field = details.field;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts;
    this.host = details.host;
    this.proxy = details.proxy;
    this.reason = details.reason;
  }

  /** Works across bundles: anything shaped like a YampiError counts. */
  static is(e: unknown, kind?: YampiErrorKind): e is YampiError {
    if (typeof e !== 'object' || e === null || !('kind' in e) || (e as { name?: unknown }).name !== 'YampiError') {
      return false;
    }
    return kind === undefined || e.kind === kind;
  }
}
