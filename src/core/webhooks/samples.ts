/**
 * Sample webhook bodies in Yampi's envelope — `{event, time, merchant: {id, alias}, resource}`
 * (yampi-api.md §7) — for each of the 14 events, from sandbox-like data or from a real customer
 * (and order) of the store. With privacy mode on, personal values are masked before the body is
 * signed or shown (payloadMask.ts); `token` and `login_url` never enter a sample.
 */
import { findEvent, type ResourceKind } from './events';
import { maskJsonValue } from './payloadMask';

type Json = Record<string, unknown>;

export interface SampleCustomer {
  readonly id: number;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly cpf?: string;
  /** The record as the API sent it (customer events carry it whole, minus account secrets). */
  readonly raw?: Readonly<Record<string, unknown>>;
}

export interface SampleOrder {
  readonly id: number;
  readonly number: number | string;
  readonly total: number;
  readonly status: { readonly id: number; readonly alias: string; readonly name: string };
  readonly items: readonly { readonly sku: string; readonly name: string; readonly quantity: number; readonly price: number }[];
}

export interface SampleSource {
  readonly merchant: { readonly id: number; readonly alias: string };
  readonly customer: SampleCustomer;
  readonly order: SampleOrder;
}

/**
 * Sandbox-like data: the sandbox store loja-aurora and its customer 48213907, so a sample sent to
 * the receiver shows a customer the sandbox (and the hover) knows.
 */
export const SANDBOX_SAMPLE: SampleSource = {
  merchant: { id: 109111, alias: 'loja-aurora' },
  customer: { id: 48213907, name: 'Mariana Costa Almeida', email: 'mariana.almeida@example.com', phone: '5516981875668', cpf: '39053344705' },
  order: {
    id: 90311245,
    number: 1042,
    total: 289.9,
    status: { id: 2, alias: 'paid', name: 'Pagamento aprovado' },
    items: [
      { sku: 'NAT-KAI-100', name: 'Kaiak Eau de Toilette 100 ml', quantity: 1, price: 169.9 },
      { sku: 'CAF-MOG-250', name: 'Café Especial Sul de Minas 250 g', quantity: 2, price: 60 },
    ],
  },
};

const ACCOUNT_SECRETS = new Set(['token', 'login_url']);

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-01-01 12:00:00` in São Paulo time (UTC−3), as Yampi writes `time`. */
export function yampiTime(ms: number): string {
  const d = new Date(ms - 3 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function dateOf(ms: number): Json {
  return { date: `${yampiTime(ms)}.000000`, timezone_type: 3, timezone: 'America/Sao_Paulo' };
}

function customerData(c: SampleCustomer): Json {
  return { data: { id: c.id, name: c.name ?? null, email: c.email ?? null, phone: { full_number: c.phone ?? null } } };
}

function orderResource(s: SampleSource, event: string, now: number): Json {
  const o = s.order;
  const status = event === 'order.created' ? { id: 1, alias: 'waiting_payment', name: 'Aguardando pagamento' } : o.status;
  const products = o.items.reduce((sum, i) => sum + i.quantity * i.price, 0);
  const resource: Json = {
    id: o.id,
    merchant_id: s.merchant.id,
    number: o.number,
    status_id: status.id,
    desire_status_id: [],
    desire_status: [],
    customer_id: s.customer.id,
    value_total: o.total,
    value_products: Math.round(products * 100) / 100,
    value_shipment: Math.max(0, Math.round((o.total - products) * 100) / 100),
    value_discount: 0,
    created_at: dateOf(now - 3600_000),
    updated_at: dateOf(now),
    customer: customerData(s.customer),
    status: { data: status },
    items: { data: o.items.map((i, n) => ({ id: o.id * 10 + n, item_sku: i.sku, name: i.name, quantity: i.quantity, price: i.price })) },
  };
  if (event.startsWith('order.invoice.')) {
    resource['invoices'] = { data: [{ number: '000123', series: '1', key: '35241112345678000190550010000001231000001234', created_at: dateOf(now) }] };
  }
  return resource;
}

function customerResource(c: SampleCustomer, merchantId: number, now: number): Json {
  const base: Json = c.raw ? Object.fromEntries(Object.entries(c.raw).filter(([k]) => !ACCOUNT_SECRETS.has(k))) : {
    id: c.id, merchant_id: merchantId, active: true, type: 'f', name: c.name ?? null, email: c.email ?? null, cpf: c.cpf ?? null,
    phone: { full_number: c.phone ?? null }, newsletter: true, created_at: dateOf(now),
  };
  return { ...base, id: c.id };
}

const RESOURCES: Record<ResourceKind, (s: SampleSource, event: string, now: number) => Json> = {
  order: orderResource,
  transaction: (s, _e, now) => ({
    id: s.order.id * 3, order_id: s.order.id, customer_id: s.customer.id, status: 'refused', amount: s.order.total,
    installments: 1, payment: { data: { alias: 'credit_card', name: 'Cartão de crédito' } }, error_message: 'Transação negada pelo emissor',
    created_at: dateOf(now), order: { data: { id: s.order.id, number: s.order.number, customer_id: s.customer.id } }, customer: customerData(s.customer),
  }),
  cart: (s, _e, now) => ({
    id: s.order.id * 7, customer_id: s.customer.id, customer: customerData(s.customer),
    items: { data: s.order.items.map((i) => ({ item_sku: i.sku, name: i.name, quantity: i.quantity, price: i.price })) },
    totalizers: { total: s.order.total }, created_at: dateOf(now - 86_400_000), updated_at: dateOf(now),
  }),
  customer: (s, _e, now) => customerResource(s.customer, s.merchant.id, now),
  address: (s, _e, now) => ({
    id: s.customer.id * 2, customer_id: s.customer.id, receiver: s.customer.name ?? null, zip_code: '14015-060', street: 'Rua Duque de Caxias',
    number: '1250', complement: 'Apto 42', neighborhood: 'Centro', city: 'Ribeirão Preto', uf: 'SP', created_at: dateOf(now), customer: customerData(s.customer),
  }),
  product: (s, event, now) => {
    const item = s.order.items[0] ?? { sku: 'SKU-1', name: 'Produto', price: 10, quantity: 1 };
    return event === 'product.deleted'
      ? { id: 7001, merchant_id: s.merchant.id, sku: item.sku, name: item.name, deleted_at: dateOf(now) }
      : { id: 7001, merchant_id: s.merchant.id, sku: item.sku, name: item.name, slug: item.sku.toLowerCase(), active: true, created_at: dateOf(now - 86_400_000), updated_at: dateOf(now),
        skus: { data: [{ id: 7101, sku: item.sku, price_sale: item.price, quantity: 12 }] } };
  },
  inventory: (s, _e, now) => {
    const item = s.order.items[0] ?? { sku: 'SKU-1' };
    return { id: 7101, product_id: 7001, sku: item.sku, quantity: 11, previous_quantity: 12, updated_at: dateOf(now) };
  },
  cashback: (s, _e, now) => ({
    id: s.customer.id * 5, customer_id: s.customer.id, amount: 15, expires_at: dateOf(now + 7 * 86_400_000), customer: customerData(s.customer),
  }),
};

/** The body of a sample delivery of `event` (one of the 14), masked when `mask` is true. Throws for an unknown event. */
export function buildSample(event: string, source: SampleSource = SANDBOX_SAMPLE, options: { now?: number; mask?: boolean } = {}): Json {
  const e = findEvent(event);
  if (!e) {
    throw new Error(`unknown webhook event: ${event}`);
  }
  const now = options.now ?? Date.now();
  const resource = RESOURCES[e.resource](source, event, now);
  const body: Json = { event: e.name, time: yampiTime(now), merchant: { id: source.merchant.id, alias: source.merchant.alias }, resource };
  return options.mask === false ? body : (maskJsonValue(body) as Json);
}

/** The body as Yampi would send it: compact JSON (what gets signed). */
export function sampleText(event: string, source?: SampleSource, options?: { now?: number; mask?: boolean }): string {
  return JSON.stringify(buildSample(event, source, options));
}
