/**
 * Orders by number, one order by id and the store's status list (issue 20), after the shared
 * auth/store gate. Yampi documents no number filter, so the sandbox answers the three conventions
 * a client may send — the bracket filter `number[]=N`, the official SDK's `search=number:N` (with
 * `searchFields=number:=` exact, `number:like` contains) and a third party's `q=N` (number contains)
 * — and a fault (`ignoreOrderNumberFilters`) makes it ignore any of them, answering the whole
 * store's orders as a store that does not know the filter would. An unbracketed `number=N` is
 * always ignored (yampi-api.md § 1.6). Status names are each store's own.
 */
import { SANDBOX_STORES } from './constants';
import type { StoreData } from './data';
import { paginated, type PagingContext } from './paging';
import { ORDER_STATUSES, type RelatedData, type SandboxOrder, yampiDate } from './relatedData';
import { error, type ApiAnswer, type ApiRequest } from './routes';
import type { Json } from './vocabulary';

/** The number conventions the sandbox honours, and what a fault can make it ignore. */
export const ORDER_NUMBER_CONVENTIONS = ['number[]', 'search', 'q'] as const;
export type OrderNumberConvention = (typeof ORDER_NUMBER_CONVENTIONS)[number];

/**
 * loja-aurora's ambiguous case: an order whose `number` is the `id` of another order (the store's
 * oldest, id 1091111), so "1091111" is both. Appended last (oldest date): no other order changed.
 */
export const ORDER_LOOKUP_CASES = {
  /** Both the number of `twinId` and the id of the store's oldest order (number 1000). */
  ambiguous: 1091111,
  twinId: 1099999,
  /** The oldest order's number. */
  ambiguousIdNumber: 1000,
  /** No order has this number or id. */
  missingNumber: 999999,
} as const;

/** Each store's own status list (`GET /{alias}/checkout/statuses`): same ids, its own names. */
export const STORE_STATUS_NAMES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  [SANDBOX_STORES.aurora.alias]: {
    1: 'Aguardando pagamento', 2: 'Pagamento aprovado', 3: 'Em transporte', 4: 'Entregue', 5: 'Cancelado', 6: 'Estornado', 7: 'Em separação',
  },
  [SANDBOX_STORES.serra.alias]: {
    1: 'Pagamento pendente', 2: 'Pago – separar pedido', 3: 'Saiu para entrega', 4: 'Entregue ao cliente', 5: 'Cancelado pela loja', 6: 'Reembolsado',
  },
};

/** Adds loja-aurora's ambiguous twin (see ORDER_LOOKUP_CASES) to the orders built from the seed. */
export function withOrderCases(related: RelatedData, alias: string, customerId: number): RelatedData {
  if (alias !== SANDBOX_STORES.aurora.alias) {
    return related;
  }
  const oldest = related.orders[related.orders.length - 1];
  if (oldest === undefined || oldest.json['id'] !== ORDER_LOOKUP_CASES.ambiguous) {
    throw new Error('sandbox: the oldest order of loja-aurora is not the documented one');
  }
  const at = Date.UTC(2022, 11, 1, 15, 30);
  const twin: SandboxOrder = {
    customerId,
    status: ORDER_STATUSES.delivered,
    items: [{ id: ORDER_LOOKUP_CASES.twinId * 10, product_id: 1008, sku_id: 5008, item_sku: 'CAF-MOG-250', name: 'Café Especial Sul de Minas 250 g', quantity: 2, price: 38.9, gift: false, is_digital: false }],
    json: {
      ...oldest.json, id: ORDER_LOOKUP_CASES.twinId, number: ORDER_LOOKUP_CASES.ambiguous, customer_id: customerId, status_id: ORDER_STATUSES.delivered.id,
      delivered: true, authorized: true, value_products: 77.8, value_shipment: 12.9, value_discount: 0, value_total: 90.7,
      created_at: yampiDate(at), updated_at: yampiDate(at + 86_400_000),
    },
  };
  return { ...related, orders: [...related.orders, twin] };
}

/** The numbers asked in the conventions honoured (`undefined`: no number asked, or every form ignored). */
function numberFilter(q: URLSearchParams, ignored: readonly OrderNumberConvention[]): ((n: number) => boolean) | undefined {
  const tests: ((n: number) => boolean)[] = [];
  const bracket = q.getAll('number[]').filter((v) => /^\d+$/.test(v)).map(Number);
  if (bracket.length > 0 && !ignored.includes('number[]')) {
    tests.push((n) => bracket.includes(n));
  }
  const search = q.get('search');
  if (search !== null && search !== '' && !ignored.includes('search')) {
    const exact = /(?:^|;)number:=/.test(q.get('searchFields') ?? '');
    const value = /(?:^|;)number:([^;]*)/.exec(search)?.[1] ?? (search.includes(':') ? undefined : search);
    if (value !== undefined) {
      tests.push((n) => (exact ? String(n) === value.trim() : String(n).includes(value.trim())));
    }
  }
  const text = q.get('q');
  if (text !== null && text.trim() !== '' && !ignored.includes('q')) {
    tests.push((n) => String(n).includes(text.trim()));
  }
  return tests.length === 0 ? undefined : (n) => tests.every((t) => t(n));
}

/** Filters a store's orders by the number conventions the request used (and the fault left honoured). */
export function filterByNumber(req: ApiRequest, orders: readonly SandboxOrder[]): readonly SandboxOrder[] {
  if (req.ignoreFilters === true) {
    return orders;
  }
  const test = numberFilter(req.query, req.ignoreOrderNumberFilters ?? []);
  return test === undefined ? orders : orders.filter((o) => test(o.json['number'] as number));
}

/** The includes only one order carries in the sandbox: `customer`, `shipping_address`, and tracking once shipped. */
export function orderExtras(o: SandboxOrder, inc: ReadonlySet<string>, store: StoreData): Json {
  const out: Json = {};
  const customer = store.byId.get(o.customerId)?.json;
  if (inc.has('customer') && customer !== undefined) {
    out['customer'] = { data: { id: customer['id'], name: customer['name'] ?? null, email: customer['email'] ?? null, phone: customer['phone'] ?? null, cpf: customer['cpf'] ?? null } };
  }
  if (inc.has('shipping_address')) {
    const a = store.related.addresses.get(o.customerId)?.[0];
    out['shipping_address'] = { data: a === undefined ? null : a };
  }
  const statusId = o.json['status_id'];
  if (statusId === ORDER_STATUSES.shipped.id || statusId === ORDER_STATUSES.delivered.id) {
    const code = `QB${String(o.json['id']).padStart(9, '0')}BR`;
    out['track_code'] = code;
    out['track_url'] = `https://rastreamento.correios.example/?objeto=${code}`;
  }
  return out;
}

/** `GET /{alias}/orders/{id}` and `GET /{alias}/checkout/statuses`. */
export function orderAnswer(req: ApiRequest, store: StoreData, alias: string, bucket: string, orderJson: (o: SandboxOrder, inc: ReadonlySet<string>) => Json): ApiAnswer {
  if (/\/checkout\/statuses\/?$/.test(req.path)) {
    const names = STORE_STATUS_NAMES[alias] ?? {};
    const aliases = new Map<number, string>(Object.values(ORDER_STATUSES).map((s) => [s.id, s.alias]));
    aliases.set(7, 'in_separation');
    const list = Object.entries(names).map(([id, name], i) => ({ id: Number(id), order: i + 1, alias: aliases.get(Number(id)) ?? `status_${id}`, name, description: `${name} (${store.info.name})` }));
    const ctx: PagingContext = { query: req.query, baseUrl: req.baseUrl, numbersAsStrings: store.numbersAsStrings };
    return { status: 200, body: paginated(ctx, list, `/${alias}/checkout/statuses`, {}, (j) => j), bucket };
  }
  const m = /\/orders\/([^/]+)\/?$/.exec(req.path);
  const id = /^\d+$/.test(m?.[1] ?? '') ? Number(m?.[1]) : Number.NaN;
  const order = store.related.orders.find((o) => o.json['id'] === id);
  if (order === undefined) {
    return { ...error(404, 'Order not found.'), bucket };
  }
  const inc = new Set((req.query.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  return { status: 200, body: { data: orderJson(order, inc) }, bucket };
}
