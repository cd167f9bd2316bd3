/** The tree's Orders / Addresses / Abandoned carts nodes (core/related/relatedTree) and the chat tool's orders page. */
import assert from 'node:assert/strict';
import { ordersPageOf } from '../../../src/core/chat/results';
import type { Pagination } from '../../../src/core/customers/customer';
import type { Address, Cart, Order } from '../../../src/core/related/related';
import { loadingMore, type SectionState, withError, withPage } from '../../../src/core/related/relatedPaging';
import { customerChildren, describeNode, relatedChildren, type StoreTreeState } from '../../../src/core/customers/customerTree';
import { isNode, type Node, nodeId } from '../../../src/core/customers/nodes';
import type { SectionId } from '../../../src/core/related/sections';
import { exampleCustomer } from '../customers/fixtures';

const pag = (currentPage: number, totalPages: number, total: number): Pagination => ({ total, count: 0, perPage: 25, currentPage, totalPages });
const order = (id: number, over: Partial<Order> = {}): Order => ({
  id, customerId: 7, number: 1000 + id, createdAt: '2025-05-18 14:32:07', status: { alias: 'paid' }, total: '189.90',
  items: [{ sku: 'NAT-1', name: 'Kaiak', quantity: 2, price: 85 }, { sku: 'NAT-2', name: '<b>Ekos</b>', quantity: 1, price: 19.9 }], ...over,
});
const address: Address = { id: 3, street: 'Avenida Brasil', number: '10', city: 'Curitiba', uf: 'PR', zipCode: '80010000' };

type States = Partial<Record<SectionId, SectionState<Order | Address | Cart>>>;
function store(states: States): StoreTreeState {
  return {
    alias: 'loja', name: 'Loja', active: true, recent: [], pinned: [], all: undefined, search: undefined,
    record: () => undefined, failure: () => undefined, related: (id, section) => (id === 7 ? states[section] : undefined),
  };
}
const ctx = { locale: 'en', privacy: true, message: () => undefined } as const;
const group = (section: SectionId): Extract<Node, { type: 'related' }> => ({ type: 'related', alias: 'loja', folder: 'recent', id: 7, section });

describe('tree: related nodes', () => {
  it('a loaded customer gets its field groups, then Orders, Addresses and Abandoned carts with stable ids', () => {
    const r = exampleCustomer();
    const kids = customerChildren({ type: 'customer', alias: 'loja', folder: 'recent', id: r.customer.id }, r, 'en');
    const related = kids.filter((k) => k.type === 'related');
    assert.deepEqual(related.map((k) => nodeId(k)), ['orders', 'addresses', 'carts'].map((s) => `store/loja/recent/${r.customer.id}/r/${s}`));
    assert.ok(related.every(isNode));
    const d = describeNode(group('orders'), store({}), ctx);
    assert.deepEqual([d.label, d.contextValue, d.collapsible, d.command], ['Orders', 'yampi:related+orders', 'collapsed', undefined]);
  });

  it('a group shows loading, then its rows with Load more (a command taking the node), an order its items', () => {
    assert.deepEqual(relatedChildren(group('orders'), store({}), ctx).map((n) => describeNode(n, store({}), ctx).contextValue), ['yampi:loading']);
    const s = store({ orders: withPage({ status: 'loading' }, [order(1), order(2)], pag(1, 3, 60), 0, 1) });
    const rows = relatedChildren(group('orders'), s, ctx);
    const ds = rows.map((n) => describeNode(n, s, ctx));
    assert.deepEqual(ds.map((d) => d.label), ['#1001', '#1002', 'Load more…']);
    assert.equal(ds[0]?.contextValue, 'yampi:order+copyable');
    assert.equal(ds[0].collapsible, 'collapsed');
    assert.equal(describeNode(group('orders'), s, ctx).description, '2 of 60');
    const more = ds[2];
    assert.deepEqual([more?.contextValue, more?.command?.id, more?.command?.args[0]], ['yampi:loadMore+orders', 'yampi.loadMore', rows[2]]);
    const first = rows[0];
    assert.ok(first);
    const items = relatedChildren(first as Extract<Node, { type: 'related' }>, s, ctx);
    assert.deepEqual(items.map((n) => describeNode(n, s, ctx).label), ['2 × Kaiak', '1 × <b>Ekos</b>']);
    assert.equal(relatedChildren(items[0] as Extract<Node, { type: 'related' }>, s, ctx).length, 0);
  });

  it('an error leaf retries through yampi.retry; a failed Load more keeps the rows', () => {
    const err = { kind: 'server', message: 'Yampi is not answering.' } as const;
    const s = store({ carts: withError({ status: 'loading' }, err) });
    const [leaf] = relatedChildren(group('carts'), s, ctx);
    assert.ok(leaf);
    const d = describeNode(leaf, s, ctx);
    assert.deepEqual([d.contextValue, d.command?.id, d.icon?.id], ['yampi:sectionError+retry', 'yampi.retry', 'error']);
    const loaded = withPage({ status: 'loading' }, [order(1)], pag(1, 2, 30), 0, 1);
    const s2 = store({ orders: withError(loadingMore(loaded)?.state ?? loaded, err) });
    assert.deepEqual(relatedChildren(group('orders'), s2, ctx).map((n) => describeNode(n, s2, ctx).contextValue), ['yampi:order+copyable', 'yampi:sectionError+retry']);
  });

  it('addresses are masked in privacy mode and shown without it', () => {
    const s = store({ addresses: withPage({ status: 'loading' }, [address], pag(1, 1, 1), 0, 1) });
    const [row] = relatedChildren(group('addresses'), s, ctx);
    assert.ok(row);
    const masked = describeNode(row, s, ctx);
    assert.ok(![masked.label, masked.description, ...masked.tooltip].join(' ').includes('Avenida Brasil'));
    const open = describeNode(row, s, { ...ctx, privacy: false });
    assert.ok([open.label, open.description].join(' ').includes('Avenida Brasil'));
  });
});

describe('chat: ordersPageOf', () => {
  it('maps orders to the tool summary: number (else id), date, localized status, total, unit count', () => {
    const page = ordersPageOf({ orders: [order(1), order(2, { number: undefined, items: undefined, createdAt: { date: '2025-01-02 10:00:00.000000' } })], pagination: pag(1, 1, 2), dropped: 0 }, 'pt-br');
    assert.deepEqual(page.orders[0], { number: 1001, date: '2025-05-18 14:32:07', status: 'Pago', total: '189.90', itemCount: 3 });
    assert.deepEqual([page.orders[1]?.number, page.orders[1]?.date, page.orders[1]?.itemCount], [2, '2025-01-02 10:00:00.000000', undefined]);
    assert.equal(page.total, 2);
  });

  it('gives no total when the API ignored the customer filter (its total counts the whole store)', () => {
    assert.equal(ordersPageOf({ orders: [order(1)], pagination: pag(1, 40, 1000), dropped: 24 }, 'en').total, undefined);
  });
});
