/**
 * Decoding of a customer's related records at the edge: `GET /{alias}/orders` (with
 * include=items,status), `GET /{alias}/customers/{id}/addresses` and `…/carts`. Same rules as
 * decode.ts (numbers may be numeric strings, a wrong field fails with `invalidResponse` naming its
 * JSON path) plus limits on nesting and list sizes, and the ownership check: a record whose
 * `customer_id` is not the customer asked for is dropped and counted, never returned.
 */
import type { Pagination, YampiDate } from '../customers/customer';
import type {
  Address, AddressPage, Cart, CartItem, CartPage, CartRecord, Order, OrderItem, OrderPage, OrderStatus,
} from '../related/related';
import { decodePagination, isObject, wrongField } from './decode';

type Json = Record<string, unknown>;

/** Deeper JSON than this is refused before decoding (Yampi's own payloads stay under 8). */
export const MAX_DEPTH = 32;
/** Records in one page (Yampi caps `limit` at 100; the margin tolerates a lax server). */
export const MAX_RECORDS_PER_PAGE = 250;
/** Items in one order or cart. */
export const MAX_ITEMS = 500;
/** Longest text kept from a field; longer values are cut (a 5 MB name helps nobody). */
export const MAX_TEXT = 2000;

/** Fails when `body` nests deeper than MAX_DEPTH (walked iteratively: no stack overflow). */
export function checkDepth(body: unknown, max = MAX_DEPTH): void {
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) {
      continue;
    }
    if (depth > max) {
      throw wrongField('(body)', `nested at most ${max} levels deep`);
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, the loop skips a non-object when it pops it (this only saves the push)
      if (typeof child === 'object' && child !== null) {
        stack.push([child, depth + 1]);
      }
    }
  }
}

export function num(v: unknown, path: string): number | undefined {
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isFinite is false for every non-number (no coercion)
  if (typeof v === 'number' && Number.isFinite(v)) {
    return v;
  }
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) {
    return Number(v);
  }
  throw wrongField(path, 'a number');
}

function id(v: unknown, path: string): number {
  const n = num(v, path);
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isSafeInteger(undefined) is false too
  if (n === undefined || !Number.isSafeInteger(n) || n <= 0) {
    throw wrongField(path, 'a positive integer');
  }
  return n;
}

export function optId(v: unknown, path: string): number | undefined {
  return v === undefined || v === null || v === '' ? undefined : id(v, path);
}

/** Money as sent (number or decimal string), after checking it is numeric. */
function money(v: unknown, path: string): number | string | undefined {
  return num(v, path) === undefined ? undefined : (v as number | string);
}

export function text(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isFinite is false for every non-number (no coercion)
  if (typeof v === 'number' && Number.isFinite(v)) {
    return String(v);
  }
  if (typeof v !== 'string') {
    throw wrongField(path, 'a string');
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, slicing a value of at most MAX_TEXT to MAX_TEXT returns it unchanged
  return v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v;
}

function date(v: unknown, path: string): YampiDate | string | undefined {
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  if (typeof v === 'string') {
    return v.slice(0, 64);
  }
  if (isObject(v) && typeof v['date'] === 'string') {
    return { date: v['date'].slice(0, 64), timezone: typeof v['timezone'] === 'string' ? v['timezone'] : null };
  }
  throw wrongField(path, 'a date string or {date}');
}

/** An include: `{data: X}` (Fractal) or X itself, as the generated docs show both. */
export function unwrap(v: unknown): unknown {
  return isObject(v) && 'data' in v ? v['data'] : v;
}

export function list(v: unknown, path: string, max: number): unknown[] | undefined {
  const inner = unwrap(v);
  if (inner === undefined || inner === null) {
    return undefined;
  }
  if (!Array.isArray(inner)) {
    throw wrongField(path, 'an array');
  }
  if (inner.length > max) {
    throw wrongField(path, `at most ${max} entries`);
  }
  return inner as unknown[];
}

function quantity(v: unknown, path: string): number {
  const n = num(v, path) ?? 1;
  if (!Number.isInteger(n) || n < 0) {
    throw wrongField(path, 'a non-negative integer');
  }
  return n;
}

function itemName(src: Json, path: string): string | undefined {
  const direct = text(src['name'], `${path}.name`) ?? text(src['product_name'], `${path}.product_name`);
  if (direct !== undefined) {
    return direct;
  }
  const sku = unwrap(src['sku']);
  return isObject(sku) ? text(sku['title'], `${path}.sku.data.title`) : undefined;
}

function decodeOrderItem(v: unknown, path: string): OrderItem {
  if (!isObject(v)) {
    throw wrongField(path, 'an order item object');
  }
  return {
    id: optId(v['id'], `${path}.id`),
    skuId: optId(v['sku_id'], `${path}.sku_id`),
    sku: text(v['item_sku'], `${path}.item_sku`) ?? text(v['sku_code'], `${path}.sku_code`),
    name: itemName(v, path),
    quantity: quantity(v['quantity'], `${path}.quantity`),
    price: money(v['price'], `${path}.price`),
  };
}

function decodeStatus(v: unknown, path: string): OrderStatus | undefined {
  const s = unwrap(v);
  if (s === undefined || s === null) {
    return undefined;
  }
  if (typeof s === 'string') {
    return { alias: s.slice(0, 100) };
  }
  if (!isObject(s)) {
    throw wrongField(path, 'a status object');
  }
  return { id: optId(s['id'], `${path}.id`), alias: text(s['alias'], `${path}.alias`), name: text(s['name'], `${path}.name`) };
}

function paymentMethod(v: Json, path: string): string | undefined {
  const direct = text(v['payment_method'], `${path}.payment_method`);
  if (direct !== undefined) {
    return direct;
  }
  // include=transactions: the first transaction's payment name, when present.
  const first = list(v['transactions'], `${path}.transactions`, MAX_ITEMS)?.[0];
  const payment = isObject(first) ? unwrap(first['payment']) : undefined;
  return isObject(payment) ? text(payment['name'], `${path}.transactions[0].payment.name`) : undefined;
}

export function decodeOrder(v: unknown, path: string): Order {
  if (!isObject(v)) {
    throw wrongField(path, 'an order object');
  }
  const items = list(v['items'], `${path}.items`, MAX_ITEMS)?.map((it, i) => decodeOrderItem(it, `${path}.items[${i}]`));
  return {
    id: id(v['id'], `${path}.id`),
    customerId: optId(v['customer_id'], `${path}.customer_id`) ?? 0,
    number: num(v['number'], `${path}.number`) === undefined ? undefined : (v['number'] as number | string),
    createdAt: date(v['created_at'], `${path}.created_at`) ?? date(v['date'], `${path}.date`),
    status: decodeStatus(v['status'], `${path}.status`),
    total: money(v['value_total'], `${path}.value_total`),
    products: money(v['value_products'], `${path}.value_products`),
    shipment: money(v['value_shipment'], `${path}.value_shipment`),
    discount: money(v['value_discount'], `${path}.value_discount`),
    paymentMethod: paymentMethod(v, path),
    shipmentService: text(v['shipment_service'], `${path}.shipment_service`),
    items,
  };
}

function dataList(body: unknown, what: string): unknown[] {
  checkDepth(body);
  if (!isObject(body)) {
    throw wrongField('(body)', 'an object');
  }
  const data = body['data'];
  if (!Array.isArray(data)) {
    throw wrongField('data', `an array of ${what}`);
  }
  if (data.length > MAX_RECORDS_PER_PAGE) {
    throw wrongField('data', `at most ${MAX_RECORDS_PER_PAGE} ${what}`);
  }
  return data;
}

/**
 * One page of records that each name their customer: the ones naming another customer (or, when
 * `strict`, none) are dropped and counted.
 */
function ownedPage<T>(
  body: unknown, what: string, decodeOne: (v: unknown, path: string) => T, ownerOf: (t: T) => number | undefined, customerId: number,
  strict: boolean,
): { kept: T[]; pagination: Pagination; dropped: number } {
  const data = dataList(body, what);
  // A record that names another customer is dropped before it is decoded: a malformed stranger
  // (the store ignored the filter) is counted, not a failed page.
  const mine = data.map((v, i) => [v, i] as const).filter(([v]) => !namesAnother(v, customerId));
  const all = mine.map(([v, i]) => decodeOne(v, `data[${i}]`));
  const kept = all.filter((t) => {
    const owner = ownerOf(t);
    return owner === customerId || (!strict && owner === undefined);
  });
  return { kept, pagination: decodePagination((body as Json)['meta'], data.length), dropped: data.length - kept.length };
}

/** Whether a raw record's `customer_id` is a readable id other than `customerId`. */
function namesAnother(v: unknown, customerId: number): boolean {
  const raw = isObject(v) ? v['customer_id'] : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
  return n !== undefined && Number.isSafeInteger(n) && n !== customerId;
}

function createdMs(o: Order): string {
  const d = o.createdAt;
  return typeof d === 'string' ? d : (d?.date ?? '');
}

/**
 * A page of `GET /{alias}/orders`, keeping only `customerId`'s orders, newest first (by
 * `created_at`, then id) whatever order the server used.
 */
export function decodeOrderPage(body: unknown, customerId: number): OrderPage {
  // Stryker disable next-line BooleanLiteral: equivalent, an order's customerId is never undefined (0 when absent), so `strict` changes nothing here
  const { kept, pagination, dropped } = ownedPage(body, 'orders', decodeOrder, (o) => o.customerId, customerId, true);
  kept.sort((a, b) => createdMs(b).localeCompare(createdMs(a)) || b.id - a.id);
  return { orders: kept, pagination, dropped };
}

export function decodeAddress(v: unknown, path: string): Address {
  if (!isObject(v)) {
    throw wrongField(path, 'an address object');
  }
  return {
    id: id(v['id'], `${path}.id`),
    customerId: optId(v['customer_id'], `${path}.customer_id`),
    receiver: text(v['receiver'], `${path}.receiver`),
    zipCode: text(v['zip_code'], `${path}.zip_code`) ?? text(v['zipcode'], `${path}.zipcode`),
    street: text(v['street'], `${path}.street`),
    number: text(v['number'], `${path}.number`),
    complement: text(v['complement'], `${path}.complement`),
    neighborhood: text(v['neighborhood'], `${path}.neighborhood`),
    city: text(v['city'], `${path}.city`),
    uf: text(v['uf'], `${path}.uf`),
    createdAt: date(v['created_at'], `${path}.created_at`),
  };
}

/** Addresses of `customerId`; one that names another customer is dropped (absent customer_id is kept: the path names the customer). */
export function decodeAddressPage(body: unknown, customerId: number): AddressPage {
  const { kept, pagination, dropped } = ownedPage(body, 'addresses', decodeAddress, (a) => a.customerId, customerId, false);
  return { addresses: kept, pagination, dropped };
}

function decodeCartItem(v: unknown, path: string): CartItem {
  if (!isObject(v)) {
    throw wrongField(path, 'a cart item object');
  }
  return {
    sku: text(v['item_sku'], `${path}.item_sku`) ?? text(v['sku'], `${path}.sku`),
    name: itemName(v, path),
    quantity: quantity(v['quantity'], `${path}.quantity`),
    price: money(v['price'], `${path}.price`),
  };
}

function lastTransactionStatus(v: unknown, path: string): string | undefined {
  const s = unwrap(v);
  if (isObject(s)) {
    return text(s['name'], `${path}.name`) ?? text(s['alias'], `${path}.alias`) ?? text(s['status'], `${path}.status`);
  }
  return text(s, path);
}

export function decodeCart(v: unknown, path: string): CartRecord {
  if (!isObject(v)) {
    throw wrongField(path, 'a cart object');
  }
  const totals = v['totalizers'];
  if (totals !== undefined && totals !== null && !isObject(totals)) {
    throw wrongField(`${path}.totalizers`, 'an object');
  }
  const tz: Json = isObject(totals) ? totals : {};
  const tp = `${path}.totalizers`;
  const totalItems = num(tz['total_items'], `${tp}.total_items`);
  const cart: Cart = {
    id: id(v['id'], `${path}.id`),
    customerId: optId(v['customer_id'], `${path}.customer_id`),
    createdAt: date(v['created_at'], `${path}.created_at`),
    updatedAt: date(v['updated_at'], `${path}.updated_at`),
    totalItems: totalItems === undefined ? undefined : quantity(totalItems, `${tp}.total_items`),
    subtotal: money(tz['subtotal'], `${tp}.subtotal`),
    shipment: money(tz['shipment'], `${tp}.shipment`),
    discount: money(tz['discount'], `${tp}.discount`),
    total: money(tz['total'], `${tp}.total`),
    lastTransactionStatus: lastTransactionStatus(v['last_transaction_status'], `${path}.last_transaction_status`),
    paymentAlias: text(v['payment_alias'], `${path}.payment_alias`),
    items: list(v['items'], `${path}.items`, MAX_ITEMS)?.map((it, i) => decodeCartItem(it, `${path}.items[${i}]`)),
  };
  const secrets = { token: text(v['token'], `${path}.token`), simulateUrl: text(v['simulate_url'], `${path}.simulate_url`) };
  return { cart, secrets };
}

/** Carts of `customerId` (one naming another customer is dropped; absent customer_id kept, the path names the customer). */
export function decodeCartPage(body: unknown, customerId: number): CartPage {
  const { kept, pagination, dropped } = ownedPage(body, 'carts', decodeCart, (c) => c.cart.customerId, customerId, false);
  return { carts: kept, pagination, dropped };
}
