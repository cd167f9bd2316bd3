/**
 * The routes of a customer's related records (issue 11): `GET /v2/{alias}/orders` with the
 * bracket filter `customer_id[]=` and `include=items,status`, and `GET
 * /v2/{alias}/customers/{id}/addresses` and `…/carts`. Called after the shared auth/store gate.
 */
import type { StoreData } from './data';
import { paginated, type PagingContext } from './paging';
import { filterByNumber, orderAnswer, orderExtras } from './orderRoutes';
import type { SandboxOrder } from './relatedData';
import { error, type ApiAnswer, type ApiRequest } from './routes';
import type { Json } from './vocabulary';

function includes(q: URLSearchParams): ReadonlySet<string> {
  return new Set((q.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/**
 * `bareItems` (emporio-serra): `items` as the bare array the docs' order example shows; loja-aurora
 * sends the Fractal include `{data: [...]}`. Both are what Yampi published; the decoder takes both.
 */
function orderJson(o: SandboxOrder, inc: ReadonlySet<string>, store: StoreData, hugeItemsChars?: number): Json {
  const bareItems = store.numbersAsStrings;
  const out: Json = { ...o.json, ...orderExtras(o, inc, store) };
  if (inc.has('items')) {
    const items = hugeItemsChars === undefined ? o.items : hugeItems(o.items, hugeItemsChars);
    out['items'] = bareItems ? items : { data: items };
  }
  if (inc.has('status')) {
    out['status'] = { data: o.status };
  }
  return out;
}

/**
 * The documented quirk (yampi-api.md § 1.6): only the bracket form `customer_id[]=` filters; a
 * plain `customer_id=` is ignored and the whole store's orders come back.
 */
function orders(req: ApiRequest, store: StoreData, alias: string, ctx: PagingContext): Json {
  const wanted = req.ignoreFilters === true ? [] : req.query.getAll('customer_id[]').map(Number).filter((n) => Number.isSafeInteger(n));
  const all = filterByNumber(req, store.related.orders);
  const matching = wanted.length === 0 ? all : all.filter((o) => wanted.includes(o.customerId));
  // Stored newest first; `sortedBy=asc` (or no sortedBy) answers oldest first like an id-ordered table.
  const ordered = req.query.get('sortedBy') === 'desc' ? matching : [...matching].reverse();
  const inc = includes(req.query);
  const keep: Record<string, string> = {};
  for (const k of ['include', 'orderBy', 'sortedBy']) {
    const v = req.query.get(k);
    if (v !== null) {
      keep[k] = v;
    }
  }
  if (wanted.length > 0) {
    keep['customer_id[]'] = String(wanted[0]);
  }
  for (const k of ['number[]', 'search', 'searchFields', 'q']) {
    const v = req.query.get(k);
    if (v !== null) {
      keep[k] = v;
    }
  }
  return paginated(ctx, ordered, `/${alias}/orders`, keep, (o) => orderJson(o, inc, store, req.hugeItemsChars));
}

/** Fault `hugeItemsChars`: the items with long names, repeated until the names hold about `chars` characters. */
function hugeItems(items: SandboxOrder['items'], chars: number): SandboxOrder['items'] {
  const name = 'Item de catálogo com descrição longa '.repeat(100);
  const out: Json[] = [];
  for (let i = 0; out.length * name.length < chars && items.length > 0; i++) {
    const item = items[i % items.length] as Json;
    out.push({ ...item, id: 9_000_000 + i, name: `${name} #${i}` });
  }
  return out;
}

export function relatedAnswer(req: ApiRequest, store: StoreData, alias: string, bucket: string): ApiAnswer {
  const ctx: PagingContext = { query: req.query, baseUrl: req.baseUrl, numbersAsStrings: store.numbersAsStrings };
  if (/\/(?:orders\/[^/]+|checkout\/statuses)\/?$/.test(req.path)) {
    return orderAnswer(req, store, alias, bucket, (o, inc) => orderJson(o, inc, store));
  }
  if (/\/orders\/?$/.test(req.path)) {
    return { status: 200, body: orders(req, store, alias, ctx), bucket };
  }
  const m = /\/customers\/(\d+)\/(addresses|carts)\/?$/.exec(req.path);
  const id = Number(m?.[1]);
  if (m === null || !store.byId.has(id)) {
    return { ...error(404, 'Customer not found.'), bucket };
  }
  const table = m[2] === 'addresses' ? store.related.addresses : store.related.carts;
  return { status: 200, body: paginated(ctx, table.get(id) ?? [], `/${alias}/customers/${id}/${m[2] ?? ''}`, {}, (j) => j), bucket };
}
