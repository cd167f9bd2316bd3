/**
 * Tree descriptors for a customer node's related records — `Orders`, `Addresses`, `Abandoned
 * carts` — as plain data the host maps to vscode.TreeItem. Groups load when expanded and page by
 * TREE_PAGE_SIZE with a `Load more…` leaf, like All customers. contextValues are namespaced with
 * `+flags` for `viewItem =~` menus: `yampi:related+orders`, `yampi:order+copyable`,
 * `yampi:loadMore+orders`, `yampi:sectionError+retry`.
 */
import type { Address, Cart, Order, OrderItem } from './related';
import { ignoredFilterText, type SectionState } from './relatedPaging';
import {
  addressLines, cartTransactionText, itemCount, sectionErrorText, itemCountText, money, orderLabel, orderSummary, statusView, when,
} from './relatedFormat';
import { type Locale, type Message, msg, t } from '../common/strings';
import type { GroupRecords, SectionId } from './sections';

export interface RelatedNode {
  /** Stable across refreshes: `<alias>/<customerId>/orders`, `…/orders/<orderId>`, `…/orders/more`. */
  readonly id: string;
  readonly label: string;
  readonly description?: string | undefined;
  /** Plain text (the host may wrap it in a MarkdownString, escaped). */
  readonly tooltip?: string | undefined;
  readonly contextValue: string;
  /** A codicon id for ThemeIcon. */
  readonly icon: string;
  readonly collapsible: 'none' | 'collapsed';
  /** What the host does on click (Load more, Retry) or expand (a group); absent for plain leaves. */
  readonly action?:
    | { readonly kind: 'expandGroup'; readonly section: SectionId }
    | { readonly kind: 'loadMore'; readonly section: SectionId; readonly page: number }
    | { readonly kind: 'retry'; readonly section: SectionId; readonly page: number }
    | undefined;
  /** For order leaves: what `copyOrder` takes. */
  readonly orderId?: number | undefined;
}

const GROUPS: readonly (readonly [SectionId, Message, string])[] = [
  ['orders', msg('Orders'), 'package'],
  ['addresses', msg('Addresses'), 'location'],
  ['carts', msg('Abandoned carts'), 'archive'],
];
const EMPTY: Readonly<Record<SectionId, Message>> = {
  orders: msg('No orders yet.'), addresses: msg('No saved addresses.'), carts: msg('No abandoned carts.'),
};

const base = (alias: string, customerId: number, section: SectionId): string => `${alias}/${customerId}/${section}`;

/** The three collapsed groups under a customer node; the description shows a count once loaded. */
export function relatedGroups(
  alias: string, customerId: number, locale: Locale, states?: Partial<Readonly<Record<SectionId, SectionState<unknown>>>>,
): RelatedNode[] {
  return GROUPS.map(([section, key, icon]) => {
    const s = states?.[section];
    const description =
      s?.status === 'loaded' ? (s.total !== undefined && s.total > s.items.length ? t(locale, '{0} of {1}', s.items.length, s.total) : String(s.items.length)) : undefined;
    return {
      id: base(alias, customerId, section), label: t(locale, key), description, contextValue: `yampi:related+${section}`, icon,
      collapsible: 'collapsed', action: { kind: 'expandGroup', section },
    };
  });
}

export function orderNode(alias: string, customerId: number, o: Order, locale: Locale): RelatedNode {
  const status = statusView(o.status, locale);
  const items = (o.items ?? []).map((i) => itemLine(i, locale));
  return {
    id: `${base(alias, customerId, 'orders')}/${o.id}`,
    label: orderLabel(o),
    description: [when(o.createdAt, locale), status.label, money(o.total, locale)].join(' \u00b7 '),
    tooltip: [orderSummary(o, locale), itemCountText(itemCount(o.items), locale), ...items].join('\n'),
    contextValue: 'yampi:order+copyable',
    icon: 'package',
    collapsible: o.items === undefined || o.items.length === 0 ? 'none' : 'collapsed',
    orderId: o.id,
  };
}

function itemLine(i: Pick<OrderItem, 'sku' | 'name' | 'quantity' | 'price'>, locale: Locale): string {
  return `${i.quantity} \u00d7 ${i.name ?? i.sku ?? '\u2014'}${i.sku !== undefined && i.name !== undefined ? ` (${i.sku})` : ''} \u00b7 ${money(i.price, locale)}`;
}

/** The items of an expanded order node. */
export function orderItemNodes(alias: string, customerId: number, o: Order, locale: Locale): RelatedNode[] {
  return (o.items ?? []).map((i, n) => ({
    id: `${base(alias, customerId, 'orders')}/${o.id}/${n}`, label: `${i.quantity} \u00d7 ${i.name ?? i.sku ?? '\u2014'}`,
    description: [i.sku, money(i.price, locale)].filter((x) => x !== undefined).join(' \u00b7 '),
    contextValue: 'yampi:orderItem', icon: 'tag', collapsible: 'none',
  }));
}

export function addressNode(alias: string, customerId: number, a: Address, masked: boolean): RelatedNode {
  const [first = '', ...rest] = addressLines(a, masked);
  return {
    id: `${base(alias, customerId, 'addresses')}/${a.id}`, label: first === '' ? (rest[0] ?? `#${a.id}`) : first,
    description: rest.join(' \u00b7 '), tooltip: [a.receiver, first, ...rest].filter(Boolean).join('\n'),
    contextValue: masked ? 'yampi:address+masked' : 'yampi:address', icon: 'location', collapsible: 'none',
  };
}

export function cartNode(alias: string, customerId: number, c: Cart, locale: Locale): RelatedNode {
  const count = itemCountText(c.totalItems ?? itemCount(c.items), locale);
  return {
    id: `${base(alias, customerId, 'carts')}/${c.id}`, label: when(c.updatedAt ?? c.createdAt, locale),
    description: [count, money(c.total, locale)].join(' \u00b7 '),
    tooltip: [count, money(c.total, locale), cartTransactionText(c, locale), ...(c.items ?? []).map((i) => itemLine(i, locale))].join('\n'),
    contextValue: 'yampi:cart', icon: 'archive', collapsible: 'none',
  };
}

/**
 * The children of an expanded group: a loading or error (Retry) leaf, an empty leaf, or the
 * records followed by `Load more…` while pages remain. Addresses masked when `maskAddresses`.
 */
export function groupChildren(alias: string, customerId: number, group: GroupRecords, locale: Locale, maskAddresses: boolean): RelatedNode[] {
  const { section, state } = group;
  const id = base(alias, customerId, section);
  const leaf = (suffix: string, label: string, icon: string, contextValue: string, action?: RelatedNode['action']): RelatedNode => ({
    id: `${id}/${suffix}`, label, icon, contextValue, collapsible: 'none', action,
  });
  switch (state.status) {
    case 'idle':
    case 'loading':
      return [leaf('loading', t(locale, 'Loading…'), 'loading~spin', 'yampi:loading')];
    case 'error':
      return [leaf('error', t(locale, 'Could not load this section: {0}', sectionErrorText(state.error, locale)), 'error', 'yampi:sectionError+retry', { kind: 'retry', section, page: 1 })];
    case 'loaded':
      break;
  }
  const nodes: RelatedNode[] =
    group.section === 'orders' && group.state.status === 'loaded'
      ? group.state.items.map((o) => orderNode(alias, customerId, o, locale))
      : group.section === 'addresses' && group.state.status === 'loaded'
        ? group.state.items.map((a) => addressNode(alias, customerId, a, maskAddresses))
        : group.section === 'carts' && group.state.status === 'loaded'
          ? group.state.items.map((c) => cartNode(alias, customerId, c, locale))
          : [];
  const ignored = ignoredFilterText(state, locale);
  if (ignored !== undefined) {
    nodes.push(leaf('ignored', ignored, 'warning', 'yampi:empty'));
  } else if (nodes.length === 0 && !state.hasMore) {
    return [leaf('empty', t(locale, EMPTY[section]), 'info', 'yampi:empty')];
  }
  const next = (state.page ?? 1) + 1;
  if (state.moreError !== undefined) {
    nodes.push(leaf('more', t(locale, 'Could not load this section: {0}', sectionErrorText(state.moreError, locale)), 'error', 'yampi:sectionError+retry', { kind: 'retry', section, page: next }));
  } else if (state.loadingMore === true) {
    nodes.push(leaf('more', t(locale, 'Loading more…'), 'loading~spin', 'yampi:loading'));
  } else if (state.hasMore) {
    nodes.push(leaf('more', t(locale, 'Load more…'), 'fold-down', `yampi:loadMore+${section}`, { kind: 'loadMore', section, page: next }));
  } else if (state.canLookFurther === true) {
    nodes.push(leaf('more', t(locale, 'Look further…'), 'search', `yampi:loadMore+${section}`, { kind: 'loadMore', section, page: next }));
  }
  return nodes;
}
