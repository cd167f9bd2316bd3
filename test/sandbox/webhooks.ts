/**
 * The sandbox as a Yampi webhook sender (issue 21 §7): `POST /__sandbox/webhooks/emit` builds a
 * delivery of one of the 14 events from the sandbox's own data and POSTs it to a URL (loopback
 * only), signed the way `mode` says, so tests reach every branch of the workbench's verification:
 *
 * | mode | header |
 * |---|---|
 * | `raw` (default) | `X-Yampi-Hmac-SHA256` = base64 HMAC-SHA256 of the raw body (what the docs say) |
 * | `php` | base64 HMAC of PHP `json_encode(json_decode($body))` (the docs' PHP example) |
 * | `hex` | hex HMAC of the raw body |
 * | `unsigned` | no signature header |
 * | `forged` | base64 HMAC with another secret (`wh_forged…`) |
 * | `wrong-header` | the secret sent as `X-Yampi-Secret`, no `X-Yampi-Hmac-SHA256` |
 *
 * The body is compact JSON with `/` and accents unescaped (a JavaScript sender), so `php` differs
 * from `raw`. The PHP re-encoding here is written independently of src/core/webhooks/phpJson.ts
 * (escape the compact JSON's `/` and non-ASCII), valid for these bodies: no floats with a `.0`, no
 * integer-like keys.
 */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { EDGE_CASE_IDS } from './constants';
import type { StoreData } from './data';

export const SANDBOX_WEBHOOK_MODES = ['raw', 'php', 'hex', 'unsigned', 'forged', 'wrong-header'] as const;
export type SandboxWebhookMode = (typeof SANDBOX_WEBHOOK_MODES)[number];

export interface EmitSpec {
  /** Loopback URL to POST to. */
  readonly url: string;
  readonly event?: string;
  readonly secret?: string;
  readonly mode?: SandboxWebhookMode;
  /** Send this body instead of building one. */
  readonly body?: string;
  readonly customerId?: number;
  /** The store whose data builds the body (default loja-aurora). */
  readonly alias?: string;
}

export interface EmitResult {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function phpReencoded(body: string): string {
  return JSON.stringify(JSON.parse(body)).replace(/\//g, '\\/').replace(/[\u007f-\uffff]/g, (c) => (c === '\u007f' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A body of `event` from the store's data (the customer `customerId`, else the known-good one, and their first order). */
export function sandboxWebhookBody(store: StoreData, event: string, customerId: number = EDGE_CASE_IDS.knownGood, now = Date.now()): string {
  const customer = store.byId.get(customerId) ?? store.customers[0];
  const c = (customer?.json ?? {}) as Record<string, unknown>;
  const order = store.related.orders.find((o) => o.customerId === customer?.id);
  const d = new Date(now - 3 * 3600_000);
  const time = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const phone = c['phone'] as { full_number?: unknown } | undefined;
  const customerData = { data: { id: c['id'], name: c['name'], email: c['email'], phone: { full_number: phone?.full_number ?? null } } };
  let resource: Record<string, unknown>;
  if (event.startsWith('order.')) {
    const o = (order?.json ?? { id: 1 }) as Record<string, unknown>;
    resource = { ...o, customer_id: c['id'], customer: customerData, status: order?.status ?? null, items: { data: order?.items ?? [] } };
  } else if (event === 'customer.created') {
    resource = Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'token' && k !== 'login_url'));
  } else {
    resource = { id: Number(c['id']) * 3, customer_id: c['id'], customer: customerData };
  }
  return JSON.stringify({ event, time, merchant: { id: store.info.id, alias: store.info.alias }, resource });
}

/** The headers a mode puts on a body. */
export function sandboxWebhookHeaders(body: string, secret: string, mode: SandboxWebhookMode): Record<string, string> {
  const mac = (data: string, key = secret): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
  switch (mode) {
    case 'raw':
      return { 'x-yampi-hmac-sha256': mac(body).toString('base64') };
    case 'php':
      return { 'x-yampi-hmac-sha256': mac(phpReencoded(body)).toString('base64') };
    case 'hex':
      return { 'x-yampi-hmac-sha256': mac(body).toString('hex') };
    case 'unsigned':
      return {};
    case 'forged':
      return { 'x-yampi-hmac-sha256': mac(body, 'wh_forged_0000000000000000000000000000000').toString('base64') };
    case 'wrong-header':
      return { 'x-yampi-secret': secret };
  }
}

/** Builds, signs and POSTs one delivery; resolves with the receiver's status and what was sent. */
export function emitWebhook(store: StoreData, spec: EmitSpec): Promise<EmitResult> {
  const url = new URL(spec.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol !== 'http:') {
    return Promise.reject(new Error('the sandbox emits webhooks to http loopback URLs only'));
  }
  const body = spec.body ?? sandboxWebhookBody(store, spec.event ?? 'order.paid', spec.customerId);
  const headers = sandboxWebhookHeaders(body, spec.secret ?? '', spec.mode ?? 'raw');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'user-agent': 'Yampi-Sandbox-Webhooks', ...headers } }, (res) => {
      res.resume();
      res.once('end', () => { resolve({ status: res.statusCode ?? 0, body, headers }); });
    });
    req.once('error', reject);
    req.end(body);
  });
}
