/**
 * Deliveries the receiver got, in memory only: the newest MAX_DELIVERIES, newest first. Each keeps
 * its raw bytes (to verify again and to resend unchanged), the headers that matter and a summary
 * read from the body. Nothing here is ever written anywhere, and nothing of a body is executed.
 */
import type { Headers, Verdict } from './signature';

export const MAX_DELIVERIES = 200;
/** Bodies over this get 413 and are not kept. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface DeliverySummary {
  /** `event` of the body, else undefined (not JSON, no event). */
  readonly event: string | undefined;
  readonly alias: string | undefined;
  readonly orderId: number | undefined;
  readonly orderNumber: string | undefined;
  readonly customerId: number | undefined;
  readonly customerName: string | undefined;
  readonly customerEmail: string | undefined;
}

export interface Delivery {
  /** 1, 2, 3… in arrival order (ids are never reused within a session). */
  readonly seq: number;
  readonly receivedAt: number;
  readonly path: string;
  readonly body: Uint8Array;
  /** Lowercase header names; only what verification and resend need (no cookies, no authorization). */
  readonly headers: Headers;
  readonly summary: DeliverySummary;
  verdict: Verdict;
}

const KEPT_HEADERS = /^(x-yampi-|x-hub-|x-signature|x-hmac|content-type$|user-agent$)|signature|hmac/;

/** The headers worth keeping: the signature (under any plausible name), content type, user agent. */
export function keptHeaders(headers: Headers): Headers {
  const out: Record<string, string | readonly string[] | undefined> = {};
  for (const [k, v] of Object.entries(headers)) {
    const key = k.toLowerCase();
    if (KEPT_HEADERS.test(key) && v !== undefined) {
      out[key] = typeof v === 'string' ? v.slice(0, 512) : v.slice(0, 4).map((x) => x.slice(0, 512));
    }
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : undefined);
const str = (v: unknown, max = 200): string | undefined => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** What a row shows about a body: read defensively, anything can be missing or of the wrong type. */
export function summarize(body: Uint8Array): DeliverySummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const root = obj(parsed);
  const event = str(root?.['event'], 100);
  const resource = obj(root?.['resource']);
  const isCustomer = event !== undefined && /^customer\.(created|updated)$/.test(event);
  const customer = isCustomer ? resource : obj(obj(resource?.['customer'])?.['data']) ?? obj(resource?.['customer']);
  const isOrder = event?.startsWith('order.') === true;
  return {
    event,
    alias: str(obj(root?.['merchant'])?.['alias'], 100),
    orderId: isOrder ? num(resource?.['id']) : num(resource?.['order_id']),
    orderNumber: isOrder ? str(resource?.['number'], 30) : str(obj(obj(resource?.['order'])?.['data'])?.['number'], 30),
    customerId: num(customer?.['id']) ?? num(resource?.['customer_id']),
    customerName: str(customer?.['name']),
    customerEmail: str(customer?.['email']),
  };
}

/** The newest deliveries, bounded. */
export class DeliveryLog {
  private items: Delivery[] = [];
  private next = 1;

  constructor(private readonly max = MAX_DELIVERIES) {}

  add(d: Omit<Delivery, 'seq'>): Delivery {
    const delivery: Delivery = { ...d, seq: this.next++ };
    this.items.unshift(delivery);
    if (this.items.length > this.max) {
      this.items.length = this.max;
    }
    return delivery;
  }

  /** Newest first. */
  all(): readonly Delivery[] {
    return this.items;
  }

  get(seq: number): Delivery | undefined {
    return this.items.find((d) => d.seq === seq);
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items = [];
  }
}
