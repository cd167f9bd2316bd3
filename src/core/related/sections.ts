/**
 * The sections of a customer's 360 view — orders, addresses, abandoned carts — as the panel
 * (`[data-section="…"]`, product.md § Detail panel) and the tree (the related groups) both show
 * them: the section ids, one page of a section's records, and the typed group of a section's state.
 * Pure and DOM/Node-neutral: the webview bundle imports the ids from here too.
 */
import type { Pagination } from '../customers/customer';
import type { Address, Cart, Order } from './related';
import type { SectionState } from './relatedPaging';

/** The related-record sections below the record (`[data-section="…"]`, product.md § Detail panel). */
export type SectionId = 'orders' | 'addresses' | 'carts';
export const SECTION_IDS: readonly SectionId[] = ['orders', 'addresses', 'carts'];

export function isSectionId(v: unknown): v is SectionId {
  return v === 'orders' || v === 'addresses' || v === 'carts';
}

/** One record of a section, as panel and tree keep it (carts without their secrets). */
export type RelatedItem = Order | Address | Cart;

/** One page of a customer's related records. */
export interface RelatedPage {
  readonly items: readonly RelatedItem[];
  readonly pagination: Pagination;
  /** Records of other customers the client dropped (the API ignored the customer filter). */
  readonly dropped: number;
}

export type GroupRecords =
  | { readonly section: 'orders'; readonly state: SectionState<Order> }
  | { readonly section: 'addresses'; readonly state: SectionState<Address> }
  | { readonly section: 'carts'; readonly state: SectionState<Cart> };

/** The typed group of a section's state: each section only ever holds its own kind of record. */
export function groupOf(section: SectionId, state: SectionState<RelatedItem>): GroupRecords {
  switch (section) {
    case 'orders':
      return { section, state: state as SectionState<Order> };
    case 'addresses':
      return { section, state: state as SectionState<Address> };
    case 'carts':
      return { section, state: state as SectionState<Cart> };
  }
}
