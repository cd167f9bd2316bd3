/**
 * One order as the order panel, the hover card and the chat tool show it (product.md § Order
 * panel): the fields a customer's Orders section already decodes (src/core/related/related.ts), plus
 * what only a single order carries — its status id, the buyer, the delivery address and tracking.
 * Transactions are never decoded: they hold card-holder documents and billet links.
 */
import type { Address, Order } from '../related/related';

/** The buyer, from `include=customer` (`customer.data`): only what the card and the panel show. */
export interface OrderCustomer {
  readonly id: number;
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

export interface OrderTracking {
  readonly code?: string | undefined;
  readonly url?: string | undefined;
}

export interface OrderDetail extends Order {
  /** `status_id`: the key into the store's own list (`GET /{alias}/checkout/statuses`). */
  readonly statusId?: number | undefined;
  readonly customer?: OrderCustomer | undefined;
  readonly shippingAddress?: Address | undefined;
  readonly tracking?: OrderTracking | undefined;
  readonly delivered?: boolean | undefined;
}

/** One entry of the store's status list (`id, order, alias, name, description`). */
export interface StoreStatus {
  readonly id: number;
  readonly alias?: string | undefined;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly order?: number | undefined;
}

/** An order list answer: the orders as decoded and how many the API said match. */
export interface OrderList {
  readonly orders: readonly OrderDetail[];
  readonly total: number;
}

/** True when the order's `number` is exactly `n` (the API sends it as a number or a numeric string). */
export function hasNumber(o: Pick<Order, 'number'>, n: number): boolean {
  const v = o.number;
  return v !== undefined && String(v).trim() === String(n);
}
