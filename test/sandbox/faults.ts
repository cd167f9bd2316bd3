/**
 * Fault injection for the sandbox: rules matched per request (method, path substring, store),
 * applied to the next N matching requests or until cleared. The first matching rule wins.
 */

export interface FaultSpec {
  /** Only requests for this store alias. */
  readonly alias?: string;
  /** Only requests whose path contains this, e.g. `/customers/48213907` or `/auth/me`. */
  readonly path?: string;
  readonly method?: 'GET' | 'POST';
  /** Apply to the next N matching requests, then expire. Default: until cleared. */
  readonly times?: number;
  /** Wait this long before answering (alone: a slow but normal answer). */
  readonly latencyMs?: number;
  /** Answer this status with an API-like JSON body (429 gets the documented body). */
  readonly status?: number;
  /** Adds `Retry-After` (seconds) to the faulted answer. */
  readonly retryAfterSeconds?: number;
  /** Destroy the connection before the headers (ECONNRESET) or halfway through the body. */
  readonly reset?: 'beforeHeaders' | 'midBody';
  /**
   * Replace the body: cut JSON in half, not JSON at all, an HTML error page, nothing, JSON of the
   * wrong shape (`data.id` a string, `data` not a list), or a body of `oversizedBytes`.
   */
  readonly body?: 'truncated' | 'malformed' | 'html' | 'empty' | 'wrongShape' | 'oversized';
  /** Size of the `oversized` body. Default 6 MiB (over the client's 5 MB cap). */
  readonly oversizedBytes?: number;
  /** Send the body without Content-Length (chunked), so the client cannot refuse it up front. */
  readonly chunked?: boolean;
  /** Trickle the body in pieces over this many milliseconds. */
  readonly slowBodyMs?: number;
  /**
   * Trickle the status line and headers byte by byte over this many milliseconds (raw on the
   * socket, `Connection: close`), then send the body at once: a server that is alive but slow.
   */
  readonly slowHeadersMs?: number;
  /** Force the single-customer envelope: `data: {...}` or `data: [{...}]`. */
  readonly dataShape?: 'object' | 'array';
  /**
   * Ignore every list filter, brackets or not (`GET /orders` answers the whole store's orders): the
   * failure the client's customer_id check exists for.
   */
  readonly ignoreFilters?: boolean;
  /** Orders only: each order's items repeated until its item names hold about this many characters (a huge section). */
  readonly hugeItemsChars?: number;
  /** `GET /customers/{id}` answers this other customer instead (issue 18: the answer must match the question). */
  readonly answerCustomer?: number;
  /** Ignore these order-number conventions (`number[]`, `search`, `q`): answer as if they were not sent (orderRoutes.ts). */
  readonly ignoreOrderNumberFilters?: readonly ('number[]' | 'search' | 'q')[];
}

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
  hits: number;
}

const ALLOWED_KEYS = new Set([
  'alias', 'path', 'method', 'times', 'latencyMs', 'status', 'retryAfterSeconds', 'reset', 'body', 'oversizedBytes', 'chunked',
  'slowBodyMs', 'slowHeadersMs', 'dataShape', 'ignoreFilters', 'hugeItemsChars', 'answerCustomer', 'ignoreOrderNumberFilters',
]);

/** Checks a fault received over HTTP; returns an error message or undefined. */
export function checkFaultSpec(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return 'fault must be a JSON object';
  }
  const unknownKey = Object.keys(v).find((k) => !ALLOWED_KEYS.has(k));
  return unknownKey === undefined ? undefined : `unknown fault field: ${unknownKey}`;
}

export class FaultTable {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const id = this.nextId++;
    this.faults.push({ ...spec, id, remaining: spec.times ?? Number.POSITIVE_INFINITY, hits: 0 });
    return id;
  }

  remove(id: number): boolean {
    const i = this.faults.findIndex((f) => f.id === id);
    if (i >= 0) {
      this.faults.splice(i, 1);
    }
    return i >= 0;
  }

  clear(): void {
    this.faults.length = 0;
  }

  list(): readonly ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first rule matching this request, consumed once. */
  take(method: string, path: string, alias: string | undefined): ActiveFault | undefined {
    const i = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || path.includes(f.path)) &&
        (f.alias === undefined || f.alias === alias),
    );
    const fault = this.faults[i];
    if (fault === undefined) {
      return undefined;
    }
    fault.hits++;
    fault.remaining--;
    if (fault.remaining <= 0) {
      this.faults.splice(i, 1);
    }
    return { ...fault };
  }
}

/** The replacement body text for a `body` fault, given the normal body. */
export function faultBody(kind: NonNullable<FaultSpec['body']>, normal: string, oversizedBytes: number): string {
  switch (kind) {
    case 'truncated':
      return normal.slice(0, Math.max(1, Math.floor(normal.length / 2)));
    case 'malformed':
      return '{"data": {"id": 1, "name": "x",, } ]';
    case 'html':
      return '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    case 'empty':
      return '';
    case 'wrongShape':
      return JSON.stringify({
        data: { id: 'not-a-number', merchants: { data: [{ name: 1 }] } },
        meta: { pagination: { total: 'many' } },
      });
    case 'oversized': {
      const filler = 'x'.repeat(Math.max(0, oversizedBytes - 40));
      return `{"data": {"id": 1, "padding": "${filler}"}}`;
    }
  }
}
