/** Tree descriptors of a customer's orders, addresses and carts, and the paging state they share with the panel. */
import assert from 'node:assert/strict';
import type { Pagination } from '../../../src/core/customers/customer';
import type { Address, Order } from '../../../src/core/related/related';
import { loadingMore, retryPage, withError, withPage, type SectionState } from '../../../src/core/related/relatedPaging';
import { addressNode, groupChildren, orderItemNodes, orderNode, relatedGroups } from '../../../src/core/related/relatedTree';

const pag = (currentPage: number, totalPages: number, total: number): Pagination => ({ total, count: 0, perPage: 25, currentPage, totalPages });
const order = (id: number, over: Partial<Order> = {}): Order => ({
  id, customerId: 7, number: 1000 + id, createdAt: '2025-05-18 14:32:07', status: { alias: 'delivered' }, total: 189.9,
  items: [{ sku: 'NAT-1', name: 'Kaiak', quantity: 2, price: 85 }], ...over,
});
const address: Address = { id: 3, receiver: 'Mariana', street: 'Avenida Brasil', number: '10', city: 'Curitiba', uf: 'PR', zipCode: '80010000' };

describe('related paging state', () => {
  it('page 1 replaces, later pages append without duplicates, and an empty page ends the list', () => {
    let s: SectionState<Order> = { status: 'loading' };
    s = withPage(s, [order(1), order(2)], pag(1, 2, 4), 0, 1);
    assert.deepEqual(s.status === 'loaded' && [s.items.length, s.hasMore, s.total, s.page], [2, true, 4, 1]);
    const more = loadingMore(s);
    assert.ok(more);
    assert.equal(more.page, 2);
    assert.equal(loadingMore(more.state), undefined, 'no second Load more while one runs');
    s = withPage(more.state, [order(2), order(3), order(4)], pag(2, 2, 4), 0, 2);
    assert.deepEqual(s.status === 'loaded' && [s.items.map((o) => o.id), s.hasMore, s.loadingMore], [[1, 2, 3, 4], false, undefined]);
    assert.equal(loadingMore(s), undefined);
    const stuck = withPage({ status: 'loading' }, [], pag(1, 9, 200), 0, 1);
    assert.equal(stuck.status === 'loaded' && stuck.hasMore, false);
  });

  it('a failed first page is an error; a failed Load more keeps the rows and Retry asks the next page', () => {
    const err = { kind: 'timeout', message: 'timed out' } as const;
    assert.deepEqual(withError({ status: 'loading' }, err), { status: 'error', error: err });
    assert.equal(retryPage(withError({ status: 'loading' }, err)), 1);
    const loaded = withPage({ status: 'loading' }, [order(1)], pag(1, 3, 60), 0, 1);
    const failed = withError(loadingMore(loaded)?.state ?? loaded, err);
    assert.deepEqual(failed.status === 'loaded' && [failed.items.length, failed.moreError, failed.loadingMore], [1, err, false]);
    assert.equal(retryPage(failed), 2);
  });

  it('hides the total and counts dropped records when the API answered other customers\' orders', () => {
    const s = withPage({ status: 'loading' }, [order(1)], pag(1, 40, 1000), 24, 1);
    assert.deepEqual(s.status === 'loaded' && [s.total, s.dropped], [undefined, 24]);
    const s2 = withPage(s, [order(2)], pag(2, 40, 1000), 20, 2);
    assert.equal(s2.status === 'loaded' && s2.dropped, 44);
  });
});

describe('tree: related groups', () => {
  it('a customer node gains Orders, Addresses, Abandoned carts (collapsed, stable ids, contextValue flags)', () => {
    const groups = relatedGroups('loja-aurora', 7, 'pt-br');
    assert.deepEqual(groups.map((g) => [g.id, g.label, g.contextValue, g.collapsible]), [
      ['loja-aurora/7/orders', 'Pedidos', 'yampi:related+orders', 'collapsed'],
      ['loja-aurora/7/addresses', 'Endereços', 'yampi:related+addresses', 'collapsed'],
      ['loja-aurora/7/carts', 'Carrinhos abandonados', 'yampi:related+carts', 'collapsed'],
    ]);
    const counted = relatedGroups('loja-aurora', 7, 'en', { orders: withPage({ status: 'loading' }, [order(1)], pag(1, 2, 30), 0, 1) });
    assert.equal(counted[0]?.description, '1 of 30');
    assert.equal(counted[1]?.description, undefined);
  });

  it('children: loading, error with Retry, empty, records, then Load more with the next page', () => {
    assert.deepEqual(groupChildren('a', 7, { section: 'orders', state: { status: 'loading' } }, 'en', true).map((n) => n.contextValue), ['yampi:loading']);
    const error = groupChildren('a', 7, { section: 'carts', state: { status: 'error', error: { kind: 'forbidden', message: 'x' } } }, 'pt-br', true);
    const [first] = error;
    assert.ok(first);
    assert.equal(first.label, 'Não foi possível carregar esta seção: sem permissão nesta loja');
    assert.deepEqual(first.action, { kind: 'retry', section: 'carts', page: 1 });
    assert.equal(groupChildren('a', 7, { section: 'addresses', state: withPage({ status: 'loading' }, [], pag(1, 1, 0), 0, 1) }, 'en', true)[0]?.label, 'No saved addresses.');
    const page1 = withPage({ status: 'loading' }, Array.from({ length: 25 }, (_, i) => order(i + 1)), pag(1, 2, 32), 0, 1);
    const nodes = groupChildren('a', 7, { section: 'orders', state: page1 }, 'en', true);
    assert.equal(nodes.length, 26);
    assert.deepEqual(nodes.at(-1)?.action, { kind: 'loadMore', section: 'orders', page: 2 });
    assert.equal(nodes.at(-1)?.contextValue, 'yampi:loadMore+orders');
    assert.equal(nodes.at(-1)?.label, 'Load more\u2026');
    assert.equal(new Set(nodes.map((n) => n.id)).size, 26);
  });

  it('order, item and address nodes: summary in pt-BR, copyable orders, masked street', () => {
    const o = orderNode('a', 7, order(42), 'pt-br');
    assert.deepEqual([o.label, o.description, o.contextValue, o.orderId, o.collapsible], ['#1042', '18/05/2025 14:32 · Entregue · R$ 189,90', 'yampi:order+copyable', 42, 'collapsed']);
    assert.match(o.tooltip ?? '', /2 itens\n2 × Kaiak \(NAT-1\) · R\$ 85,00/);
    assert.equal(orderNode('a', 7, order(43, { items: undefined }), 'en').collapsible, 'none');
    assert.deepEqual(orderItemNodes('a', 7, order(42), 'en').map((n) => [n.label, n.description]), [['2 × Kaiak', 'NAT-1 · R$ 85.00']]);
    const masked = addressNode('a', 7, address, true);
    assert.equal(masked.label, 'Avenida ***, ***');
    assert.doesNotMatch(JSON.stringify(masked), /Brasil|80010-000|"10"/);
    assert.equal(masked.contextValue, 'yampi:address+masked');
    assert.equal(addressNode('a', 7, address, false).label, 'Avenida Brasil, 10');
  });
});
