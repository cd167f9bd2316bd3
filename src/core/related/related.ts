/**
 * A customer's related records — orders, addresses, abandoned carts — as decoded at the edge
 * (src/core/api/decodeRelated.ts). Only what the extension shows is kept: no `raw` copy, so a
 * cart's `token` / `simulate_url` (they open the cart) live only in `CartSecrets`, which no
 * summary, JSON export or chat text reads.
 */
import type { Pagination, YampiDate } from '../customers/customer';

export interface OrderItem {
  readonly id?: number | undefined;
  readonly skuId?: number | undefined;
  /** The SKU code (`item_sku`). */
  readonly sku?: string | undefined;
  readonly name?: string | undefined;
  readonly quantity: number;
  /** Unit price in BRL as the API sent it (number or decimal string). */
  readonly price?: number | string | undefined;
}

/** The order's current status, from `include=status` (`status.data.{id, alias, name}`). */
export interface OrderStatus {
  readonly id?: number | undefined;
  /** Stable key, e.g. `paid`, `waiting_payment`, `cancelled`. */
  readonly alias?: string | undefined;
  /** The store's own wording (Portuguese), shown when the alias is not one we know. */
  readonly name?: string | undefined;
}

export interface Order {
  readonly id: number;
  readonly customerId: number;
  /** The number customers and staff quote (`number`); not the id. */
  readonly number?: number | string | undefined;
  readonly createdAt?: YampiDate | string | undefined;
  readonly status?: OrderStatus | undefined;
  readonly total?: number | string | undefined;
  readonly products?: number | string | undefined;
  readonly shipment?: number | string | undefined;
  readonly discount?: number | string | undefined;
  readonly paymentMethod?: string | undefined;
  readonly shipmentService?: string | undefined;
  /** Undefined when the API sent no items (not asked with include=items). */
  readonly items?: readonly OrderItem[] | undefined;
}

export interface OrderPage {
  readonly orders: readonly Order[];
  readonly pagination: Pagination;
  /**
   * Orders the API returned for another customer and that were dropped (the filter was
   * ignored). Never shown; a count only, for the log and for the "filter ignored" note.
   */
  readonly dropped: number;
}

export interface Address {
  readonly id: number;
  readonly customerId?: number | undefined;
  readonly receiver?: string | undefined;
  readonly zipCode?: string | undefined;
  readonly street?: string | undefined;
  readonly number?: string | undefined;
  readonly complement?: string | undefined;
  readonly neighborhood?: string | undefined;
  readonly city?: string | undefined;
  readonly uf?: string | undefined;
  readonly createdAt?: YampiDate | string | undefined;
}

export interface AddressPage {
  readonly addresses: readonly Address[];
  readonly pagination: Pagination;
  readonly dropped: number;
}

export interface CartItem {
  readonly sku?: string | undefined;
  readonly name?: string | undefined;
  readonly quantity: number;
  readonly price?: number | string | undefined;
}

/** What opens the cart for whoever holds it: never rendered, summarized, exported or logged. */
export interface CartSecrets {
  readonly token?: string | undefined;
  readonly simulateUrl?: string | undefined;
}

export interface Cart {
  readonly id: number;
  readonly customerId?: number | undefined;
  readonly createdAt?: YampiDate | string | undefined;
  readonly updatedAt?: YampiDate | string | undefined;
  readonly totalItems?: number | undefined;
  readonly subtotal?: number | string | undefined;
  readonly shipment?: number | string | undefined;
  readonly discount?: number | string | undefined;
  readonly total?: number | string | undefined;
  readonly lastTransactionStatus?: string | undefined;
  readonly paymentAlias?: string | undefined;
  readonly items?: readonly CartItem[] | undefined;
}

export interface CartRecord {
  readonly cart: Cart;
  readonly secrets: CartSecrets;
}

export interface CartPage {
  readonly carts: readonly CartRecord[];
  readonly pagination: Pagination;
  readonly dropped: number;
}

/**
 * Whether more pages follow the page we asked for (a `next` link, or a page count above it). The
 * server's `current_page` is not trusted: some answer 1 whatever was asked.
 */
export function hasMorePages(p: Pagination, requestedPage: number): boolean {
  return p.next !== undefined || requestedPage < p.totalPages;
}

/** The page to ask for after `requestedPage`, or undefined when it was the last. */
export function nextPageAfter(requestedPage: number, p: Pagination): number | undefined {
  return hasMorePages(p, requestedPage) ? requestedPage + 1 : undefined;
}

/** The cart as plain JSON for a copy or a chat tool: the secrets are not in `Cart` at all. */
export function cartJson(record: CartRecord): string {
  return JSON.stringify(record.cart, null, 2);
}
