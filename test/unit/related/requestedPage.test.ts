/**
 * Issue 18 point 2.11: paging follows the page it asked for, not the page number the server claims
 * (a server that always answers `current_page: 1`, or echoes a wrong one, must not make Load more
 * replace rows, ask the same page forever or stop early).
 */
import assert from 'node:assert/strict';
import type { Pagination } from '../../../src/core/customers/customer';
import type { Order } from '../../../src/core/related/related';
import { nextPageAfter } from '../../../src/core/related/related';
import { loadingMore, withPage, type SectionState } from '../../../src/core/related/relatedPaging';

const pag = (currentPage: number, totalPages: number, total: number): Pagination => ({ total, count: 0, perPage: 2, currentPage, totalPages });
const order = (id: number): Order => ({ id, customerId: 7 });

describe('paging uses the page asked for', () => {
  it('Load more appends page 2 even when the server claims it is page 1', () => {
    const first = withPage<Order>({ status: 'loading' }, [order(1), order(2)], pag(1, 3, 6), 0, 1);
    const more = loadingMore(first);
    assert.ok(more);
    assert.equal(more.page, 2);
    const second = withPage(more.state, [order(3), order(4)], pag(1, 3, 6), 0, 2);
    assert.deepEqual(second.status === 'loaded' && [second.items.map((o) => o.id), second.page, second.hasMore], [[1, 2, 3, 4], 2, true]);
    const third = loadingMore(second);
    assert.ok(third);
    assert.equal(third.page, 3, 'the next request is page 3, not page 2 again');
    const last = withPage(third.state, [order(5), order(6)], pag(1, 3, 6), 0, 3);
    assert.deepEqual(last.status === 'loaded' && [last.items.length, last.hasMore], [6, false]);
  });

  it('a first page the server calls page 5 still replaces the rows and pages on from 1', () => {
    const stale: SectionState<Order> = { status: 'loaded', items: [order(9)], hasMore: false, page: 1 };
    const s = withPage(stale, [order(1)], pag(5, 3, 3), 0, 1);
    assert.deepEqual(s.status === 'loaded' && [s.items.map((o) => o.id), s.page, s.hasMore], [[1], 1, true]);
  });

  it('All customers: the next page follows the requested page', () => {
    assert.equal(nextPageAfter(2, pag(1, 3, 60)), 3);
    assert.equal(nextPageAfter(3, pag(1, 3, 60)), undefined);
    assert.equal(nextPageAfter(1, pag(7, 3, 60)), 2);
    assert.equal(nextPageAfter(1, { ...pag(1, 1, 60), next: 'https://x/customers?page=2' }), 2, 'a next link means more');
  });
});
