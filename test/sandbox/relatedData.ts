/**
 * Deterministic orders, addresses and abandoned carts for the sandbox customers (issue 11). Built
 * from their own seed after the customers, so adding them changed no customer record.
 * Shapes follow the stored Yampi docs (see README § Orders, addresses, carts); values invented.
 */
import { EDGE_CASE_IDS, ORDER_CASE_IDS, XSS_CUSTOMER_IDS, type SandboxStoreInfo } from './constants';
import { CITIES, NEIGHBORHOODS, STREETS, type Json } from './vocabulary';

/** The order statuses the sandbox uses (`include=status` → `status.data`). */
export const ORDER_STATUSES = {
  waitingPayment: { id: 1, alias: 'waiting_payment', name: 'Aguardando pagamento' },
  paid: { id: 2, alias: 'paid', name: 'Pagamento aprovado' },
  shipped: { id: 3, alias: 'shipped', name: 'Em transporte' },
  delivered: { id: 4, alias: 'delivered', name: 'Entregue' },
  cancelled: { id: 5, alias: 'cancelled', name: 'Cancelado' },
  refunded: { id: 6, alias: 'refunded', name: 'Estornado' },
} as const;

/** [SKU, name, price in cents]. */
const PRODUCTS: readonly (readonly [string, string, number])[] = [
  ['NAT-KAI-100', 'Kaiak Eau de Toilette 100 ml', 16990], ['BOT-MAL-75', 'Malbec Desodorante Colônia 75 ml', 18990],
  ['GRA-GLI-200', 'Sabonete Líquido Glicerina 200 ml', 2490], ['PAY-HID-50', 'Hidratante Facial Payot 50 g', 4590],
  ['VUL-BAS-30', 'Base Líquida Vult 30 ml', 3990], ['RUB-BAT-01', 'Batom Matte Ruby Rose', 1290],
  ['EUD-SHA-250', 'Shampoo Eudora Siàge 250 ml', 3490], ['AVO-CRE-400', 'Creme Corporal Avon Care 400 ml', 1990],
  ['CAF-MOG-250', 'Café Especial Sul de Minas 250 g', 3890], ['QUE-CAN-500', 'Queijo Canastra Meia Cura 500 g', 7490],
  ['DOC-LEI-400', 'Doce de Leite Viçosa 400 g', 2290], ['GOI-CAS-300', 'Goiabada Cascão 300 g', 1690],
];
const PAYMENTS = ['Pix', 'Cartão de crédito', 'Boleto bancário'] as const;
const SHIPPING = ['PAC', 'SEDEX', 'Transportadora', 'Retirada na loja'] as const;
const RECEIVERS = ['Portaria', 'Recepção', 'Vizinho do 12'] as const;
const CART_STATUSES = ['refused', 'waiting_payment', 'cancelled', null] as const;

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 2);
const SPAN_DAYS = 900;

/** An order as stored: `json` without its includes, which the route adds when asked. */
export interface SandboxOrder {
  readonly customerId: number;
  readonly json: Json;
  /** `include=status` → `status: {data: …}`. */
  readonly status: Json;
  /** `include=items` → `items: {data: […]}`. */
  readonly items: readonly Json[];
}

export interface RelatedData {
  /** Every order of the store, newest first. */
  readonly orders: readonly SandboxOrder[];
  readonly addresses: ReadonlyMap<number, readonly Json[]>;
  readonly carts: ReadonlyMap<number, readonly Json[]>;
}

class Gen {
  constructor(private readonly rnd: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `{date: "2024-03-05 14:02:11.000000", timezone_type: 3, timezone: "America/Sao_Paulo"}`. */
export function yampiDate(ms: number): Json {
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date: `${text}.000000`, timezone_type: 3, timezone: 'America/Sao_Paulo' };
}

function orderCount(g: Gen, id: number): number {
  switch (id) {
    case ORDER_CASE_IDS.manyOrders:
      return 32;
    case ORDER_CASE_IDS.company:
      return 12;
    case ORDER_CASE_IDS.markupItems:
      return 2;
    case ORDER_CASE_IDS.noRelated:
    case EDGE_CASE_IDS.emptyFields:
    case EDGE_CASE_IDS.hostileLabels:
      return 0;
  }
  if (XSS_CUSTOMER_IDS.includes(id)) {
    return 0; // store-wide order numbers follow the dates: an order of theirs would renumber others
  }
  const r = g.int(0, 99);
  return r < 25 ? 0 : r < 85 ? g.int(1, 5) : r < 97 ? g.int(6, 15) : g.int(16, 40);
}

function statusFor(g: Gen, ageDays: number): Json {
  const s = ORDER_STATUSES;
  if (ageDays < 3) {
    return g.pick([s.waitingPayment, s.paid, s.paid]);
  }
  if (ageDays < 12) {
    return g.pick([s.paid, s.shipped, s.shipped, s.cancelled]);
  }
  const r = g.int(0, 99);
  return r < 80 ? s.delivered : r < 90 ? s.cancelled : r < 96 ? s.refunded : s.waitingPayment;
}

function items(g: Gen, hostile: boolean): { items: Json[]; cents: number } {
  const out: Json[] = [];
  let cents = 0;
  const n = g.int(1, 5);
  for (let i = 0; i < n; i++) {
    const [sku, name, price] = g.pick(PRODUCTS);
    const quantity = g.int(1, 3);
    cents += price * quantity;
    out.push({
      id: 0, product_id: 1000 + PRODUCTS.findIndex((p) => p[0] === sku), sku_id: 5000 + PRODUCTS.findIndex((p) => p[0] === sku),
      item_sku: sku, name: hostile && i === 0 ? '<img src=x onerror=alert(1)> Kit "Promo" & <b>brinde</b>' : name,
      quantity, price: price / 100, gift: false, is_digital: false,
    });
  }
  return { items: out, cents };
}

function money(cents: number, asString: boolean): number | string {
  return asString ? (cents / 100).toFixed(2) : Math.round(cents) / 100;
}

interface Draft extends SandboxOrder {
  readonly at: number;
}

function ordersOf(g: Gen, customer: Json, asStrings: boolean): Draft[] {
  const id = customer['id'] as number;
  const count = orderCount(g, id);
  const out: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const day = g.int(0, SPAN_DAYS);
    const at = START + day * DAY + g.int(8 * 60, 22 * 60) * 60_000 + g.int(0, 59) * 1000;
    const status = statusFor(g, SPAN_DAYS - day);
    const { items: list, cents } = items(g, id === ORDER_CASE_IDS.markupItems);
    const shipment = g.chance(0.3) ? 0 : g.int(990, 3990);
    const discount = g.chance(0.2) ? Math.round(cents * 0.1) : 0;
    out.push({
      at, customerId: id, status, items: list,
      json: {
        id: 0, number: 0, customer_id: id, merchant_id: customer['merchant_id'], status_id: status['id'],
        delivered: status === ORDER_STATUSES.delivered, authorized: status !== ORDER_STATUSES.waitingPayment,
        value_products: money(cents, asStrings), value_shipment: money(shipment, asStrings), value_discount: money(discount, asStrings),
        value_tax: 0, value_total: money(cents + shipment - discount, asStrings), shipment_service: g.pick(SHIPPING),
        days_delivery: g.int(2, 12), payment_method: g.pick(PAYMENTS), utm_source: customer['utm_source'] ?? null,
        ip: customer['ip'] ?? null, created_at: yampiDate(at), updated_at: yampiDate(at + g.int(1, 72) * 3_600_000),
      },
    });
  }
  return out;
}

/** No addresses or carts, and no draw from the seed (so adding such a customer changes nobody else's). */
const noRelated = (id: number): boolean => id === ORDER_CASE_IDS.noRelated || id === EDGE_CASE_IDS.hostileLabels;

function addressesOf(g: Gen, customer: Json): Json[] {
  const id = customer['id'] as number;
  const n = id === ORDER_CASE_IDS.manyOrders ? 3 : noRelated(id) ? 0 : XSS_CUSTOMER_IDS.includes(id) ? 1 : g.chance(0.3) ? 0 : g.chance(0.65) ? 1 : g.int(2, 4);
  const sheet = (customer['spreadsheet'] as { data?: Json | null } | null)?.data ?? {};
  const out: Json[] = [];
  for (let i = 0; i < n; i++) {
    const [city, uf] = i === 0 && typeof sheet['city'] === 'string' ? [sheet['city'], sheet['uf']] : g.pick(CITIES);
    const street = i === 0 && typeof sheet['street'] === 'string' ? sheet['street'] : g.pick(STREETS);
    const number = i === 0 && typeof sheet['number'] === 'string' ? sheet['number'] : String(g.int(1, 4200));
    const complement = g.chance(0.4) ? `Apto ${g.int(1, 40)}${g.int(0, 9)}` : '';
    const neighborhood = g.pick(NEIGHBORHOODS);
    const zip = `${g.int(10000, 99999)}${pad(g.int(0, 99))}${g.int(0, 9)}`;
    const created = START + g.int(0, SPAN_DAYS) * DAY;
    out.push({
      id: id * 10 + i, customer_id: id, receiver: i === 0 ? customer['name'] ?? null : g.pick(RECEIVERS), zip_code: zip, street,
      number, complement, neighborhood, city, uf,
      full_address: `${street}, ${number}${complement === '' ? '' : ` - ${complement}`} - ${neighborhood}, ${city} - ${String(uf)}, ${zip}`,
      created_at: yampiDate(created), updated_at: yampiDate(created),
    });
  }
  return out;
}

function cartsOf(g: Gen, customer: Json, store: SandboxStoreInfo, asStrings: boolean): Json[] {
  const id = customer['id'] as number;
  const n = id === ORDER_CASE_IDS.manyOrders ? 2 : noRelated(id) ? 0 : g.chance(0.7) ? 0 : g.chance(0.66) ? 1 : g.int(2, 3);
  const out: Json[] = [];
  for (let i = 0; i < n; i++) {
    const { items: list, cents } = items(g, id === ORDER_CASE_IDS.markupItems);
    const shipment = g.int(0, 3990);
    const token = Array.from({ length: 40 }, () => g.int(0, 15).toString(16)).join('');
    const created = START + g.int(0, SPAN_DAYS) * DAY + g.int(8 * 60, 23 * 60) * 60_000;
    const brl = (c: number): string => `R$ ${(c / 100).toFixed(2).replace('.', ',')}`;
    out.push({
      id: id * 100 + i, merchant_id: store.id, customer_id: id, token, payment_alias: g.pick(['pix', 'credit_card', 'billet']),
      simulate_url: `https://${store.domain}/checkout/simulate?cart_token=${token}`,
      totalizers: {
        total_items: list.reduce((s, it) => s + (it['quantity'] as number), 0), subtotal: money(cents, asStrings), discount: money(0, asStrings),
        shipment: money(shipment, asStrings), total: money(cents + shipment, asStrings), subtotal_formated: brl(cents), total_formated: brl(cents + shipment),
      },
      tracking_data: { name: customer['name'] ?? null, email: customer['email'] ?? null },
      utm_source: customer['utm_source'] ?? null, utm_campaign: null, last_transaction_status: g.pick(CART_STATUSES),
      items: { data: list.map(({ item_sku, name, quantity, price }) => ({ item_sku, name, quantity, price })) },
      created_at: yampiDate(created), updated_at: yampiDate(created + g.int(1, 180) * 60_000),
    });
  }
  return out;
}

/** Orders (numbered store-wide by date), addresses and carts for every customer of a store. */
export function buildRelated(g0: () => number, store: SandboxStoreInfo, customers: readonly Json[], asStrings: boolean): RelatedData {
  const g = new Gen(g0);
  const drafts: Draft[] = [];
  const addresses = new Map<number, Json[]>();
  const carts = new Map<number, Json[]>();
  for (const c of customers) {
    const id = c['id'] as number;
    drafts.push(...ordersOf(g, c, asStrings));
    addresses.set(id, addressesOf(g, c));
    carts.set(id, cartsOf(g, c, store, asStrings));
  }
  drafts.sort((a, b) => a.at - b.at || (a.json['customer_id'] as number) - (b.json['customer_id'] as number));
  const base = store.id * 10;
  drafts.forEach((d, i) => {
    d.json['id'] = base + i + 1;
    d.json['number'] = 1000 + i;
    d.items.forEach((it, k) => {
      it['id'] = (base + i + 1) * 10 + k;
    });
  });
  return { orders: drafts.reverse().map(({ customerId, json, status, items: list }) => ({ customerId, json, status, items: list })), addresses, carts };
}
