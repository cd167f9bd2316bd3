/**
 * Decoding of single orders, order lists and the store's status list at the edge. The base fields
 * come from the Orders section's decoder (decodeOrder in src/core/api/decodeRelated.ts): the same
 * rules, limits and errors. What is added here — status id, buyer, delivery address, tracking — is
 * checked the same way; `transactions` (card-holder documents, billet links) is never read.
 */
import { decodePagination, isObject, wrongField } from '../api/decode';
import { checkDepth, decodeAddress, decodeOrder, MAX_RECORDS_PER_PAGE, num, optId, text, unwrap } from '../api/decodeRelated';
import type { OrderCustomer, OrderDetail, OrderList, StoreStatus } from './orderModel';

function customerOf(v: unknown, path: string): OrderCustomer | undefined {
  const c = unwrap(v);
  if (c === undefined || c === null) {
    return undefined;
  }
  if (Array.isArray(c) && c.length <= 1) {
    return customerOf(c[0], `${path}[0]`);
  }
  if (!isObject(c)) {
    throw wrongField(path, 'a customer object');
  }
  const id = optId(c['id'], `${path}.id`);
  if (id === undefined) {
    return undefined;
  }
  const phone = unwrap(c['phone']);
  return {
    id,
    name: text(c['name'], `${path}.name`),
    email: text(c['email'], `${path}.email`),
    phone: isObject(phone) ? (text(phone['full_number'], `${path}.phone.full_number`) ?? text(phone['formated_number'], `${path}.phone.formated_number`)) : text(phone, `${path}.phone`),
  };
}

/** One order object with its includes (`items`, `customer`, `shipping_address`). */
export function decodeOrderDetail(v: unknown, path: string): OrderDetail {
  const base = decodeOrder(v, path);
  const o = v as Record<string, unknown>; // decodeOrder checked it is an object
  const address = unwrap(o['shipping_address']);
  const customer = customerOf(o['customer'], `${path}.customer`);
  const code = text(o['track_code'], `${path}.track_code`);
  const url = text(o['track_url'], `${path}.track_url`);
  return {
    ...base,
    customerId: base.customerId === 0 && customer !== undefined ? customer.id : base.customerId,
    statusId: optId(o['status_id'], `${path}.status_id`),
    customer,
    shippingAddress: isObject(address) ? decodeAddress(address, `${path}.shipping_address`) : undefined,
    tracking: code === undefined && url === undefined ? undefined : { code, url },
    delivered: typeof o['delivered'] === 'boolean' ? o['delivered'] : undefined,
  };
}

/** `GET /{alias}/orders/{id}`: `data` as an object or a one-element array. */
export function decodeOrderEnvelope(body: unknown): OrderDetail {
  checkDepth(body);
  if (!isObject(body)) {
    throw wrongField('(body)', 'an object');
  }
  const data = body['data'];
  if (Array.isArray(data)) {
    if (data.length !== 1) {
      throw wrongField('data', 'one order');
    }
    return decodeOrderDetail(data[0], 'data[0]');
  }
  return decodeOrderDetail(data, 'data');
}

/** `GET /{alias}/orders?…`: every order of the page, decoded (the caller checks each against the question). */
export function decodeOrderList(body: unknown): OrderList {
  checkDepth(body);
  if (!isObject(body)) {
    throw wrongField('(body)', 'an object');
  }
  const data = body['data'];
  if (!Array.isArray(data)) {
    throw wrongField('data', 'an array of orders');
  }
  if (data.length > MAX_RECORDS_PER_PAGE) {
    throw wrongField('data', `at most ${MAX_RECORDS_PER_PAGE} orders`);
  }
  const orders = data.map((o, i) => decodeOrderDetail(o, `data[${i}]`));
  return { orders, total: decodePagination(body['meta'], orders.length).total };
}

/** `GET /{alias}/checkout/statuses`: the store's own status list (entries without an id are skipped). */
export function decodeStatuses(body: unknown): readonly StoreStatus[] {
  checkDepth(body);
  const data = isObject(body) ? unwrap(body['data']) : undefined;
  if (!Array.isArray(data)) {
    throw wrongField('data', 'an array of statuses');
  }
  if (data.length > MAX_RECORDS_PER_PAGE) {
    throw wrongField('data', `at most ${MAX_RECORDS_PER_PAGE} statuses`);
  }
  const out: StoreStatus[] = [];
  data.forEach((s, i) => {
    if (!isObject(s)) {
      throw wrongField(`data[${i}]`, 'a status object');
    }
    const id = optId(s['id'], `data[${i}].id`);
    if (id !== undefined) {
      const order = num(s['order'], `data[${i}].order`);
      out.push({ id, alias: text(s['alias'], `data[${i}].alias`), name: text(s['name'], `data[${i}].name`), description: text(s['description'], `data[${i}].description`), order });
    }
  });
  return out;
}
