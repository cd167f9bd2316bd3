/**
 * Issue 18 point 2.7: "No orders yet" is said only when it is true. When the store ignored the
 * customer filter, page 1 may hold only other customers' orders: the panel section, the tree group
 * and the chat tool say the filter was ignored and offer a bounded look further; a malformed order
 * of another customer is dropped and counted, never a failed page.
 */
import assert from 'node:assert/strict';
import { decodeOrderPage } from '../../../src/core/api/decodeRelated';
import { ordersPageOf, ordersResult } from '../../../src/core/chat/results';
import type { Pagination } from '../../../src/core/customers/customer';
import type { Order, OrderPage } from '../../../src/core/related/related';
import { collectOrders, LOOK_FURTHER_PAGES, loadingMore, withPage } from '../../../src/core/related/relatedPaging';
import { groupChildren } from '../../../src/core/related/relatedTree';
import { renderSection } from '../../../src/core/related/renderSections';

const pag = (currentPage: number, totalPages: number, total: number): Pagination => ({ total, count: 10, perPage: 10, currentPage, totalPages });
const order = (id: number, customerId = 7): Order => ({ id, customerId, number: 1000 + id, total: 10, items: [] });
const aurora = { alias: 'loja-aurora', name: 'Loja Aurora' };

describe('an ignored customer filter is never "no orders"', () => {
  it('drops and counts a malformed order of another customer instead of failing the page', () => {
    const own = { id: 1, customer_id: 7, number: 1001, value_total: '10.00' };
    const foreignBroken = { id: 2, customer_id: 8, number: 'not a number', value_total: { nope: true }, items: 'broken' };
    const page = decodeOrderPage({ data: [own, foreignBroken], meta: { pagination: { total: 2, current_page: 1, total_pages: 1 } } }, 7);
    assert.deepEqual([page.orders.map((o) => o.id), page.dropped], [[1], 1]);
  });

  it('panel: page 1 of only strangers says the filter was ignored and offers Look further, not "No orders yet."', () => {
    const state = withPage<Order>({ status: 'loading' }, [], pag(1, 40, 400), 10, 1);
    const html = renderSection({ section: 'orders', state }, { locale: 'en', maskAddresses: true });
    assert.doesNotMatch(html, /No orders yet/);
    assert.match(html, /ignored the customer filter/);
    assert.match(html, /data-action="loadMore" data-section="orders"[^>]*>.*Look further/);
    const pt = renderSection({ section: 'orders', state }, { locale: 'pt-br', maskAddresses: true });
    assert.doesNotMatch(pt, /Nenhum pedido ainda/);
  });

  it('tree: the Orders group says the same and offers Look further…', () => {
    const state = withPage<Order>({ status: 'loading' }, [], pag(1, 40, 400), 10, 1);
    const rows = groupChildren('loja-aurora', 7, { section: 'orders', state }, 'en', true);
    assert.ok(!rows.some((r) => /No orders yet/.test(r.label)), rows.map((r) => r.label).join(' | '));
    assert.ok(rows.some((r) => /ignored the customer filter/.test(r.label)));
    assert.ok(rows.some((r) => /Look further/.test(r.label) && r.action?.kind === 'loadMore'));
  });

  it('Look further is bounded: it stops offering once the store has no more pages or the cap is reached', () => {
    let state = withPage<Order>({ status: 'loading' }, [], pag(1, 3, 30), 10, 1);
    const more = loadingMore(state);
    assert.ok(more);
    assert.equal(more.page, 2, 'Look further asks the next page');
    state = withPage(more.state, [order(5)], pag(2, 3, 30), 9, 2);
    assert.ok(state.status === 'loaded' && state.items.length === 1 && state.canLookFurther === true);
    state = withPage(state, [], pag(3, 3, 30), 10, 3);
    assert.ok(state.status === 'loaded' && state.canLookFurther === false && state.items.length === 1);
    // a store with thousands of pages: never further than the cap
    const deep = withPage<Order>({ status: 'loading' }, [], pag(1, 5000, 50000), 10, 1 + 3 * LOOK_FURTHER_PAGES);
    assert.ok(deep.status === 'loaded' && deep.canLookFurther === false);
  });

  it('the real "no orders" is still said when the filter held (nothing dropped)', () => {
    const state = withPage<Order>({ status: 'loading' }, [], pag(1, 1, 0), 0, 1);
    assert.match(renderSection({ section: 'orders', state }, { locale: 'en', maskAddresses: true }), /No orders yet/);
  });

  it('chat: looks through a few more pages by itself and says the filter was ignored when it finds nothing', async () => {
    const asked: number[] = [];
    const strangersOnly = (page: number): Promise<OrderPage> => {
      asked.push(page);
      return Promise.resolve({ orders: [], pagination: pag(page, 400, 4000), dropped: 10 });
    };
    const collected = await collectOrders(strangersOnly, 5);
    assert.deepEqual(asked, [1, 2, 3, 4].slice(0, 1 + LOOK_FURTHER_PAGES));
    const text = ordersResult(7, ordersPageOf(collected, 'en'), aurora, 'en');
    assert.doesNotMatch(text, /has no orders/);
    assert.match(text, /ignored the customer filter/);
    // found among the next pages: shown, with the same note
    let n = 0;
    const found = await collectOrders((page) => Promise.resolve({ orders: page === 3 ? [order(++n)] : [], pagination: pag(page, 400, 4000), dropped: 9 }), 5);
    assert.equal(found.orders.length, 1);
    assert.match(ordersResult(7, ordersPageOf(found, 'en'), aurora, 'en'), /ignored the customer filter[\s\S]*|Order 1001/);
  });
});
