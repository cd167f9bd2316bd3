import { strict as assert } from 'node:assert';
import { lookUpOrder, type NumberConvention, type OrderFinder } from '../../../src/core/orders/orderLookup';
import { hasNumber, type OrderDetail, type OrderList } from '../../../src/core/orders/orderModel';

const order = (id: number, number: number | string | undefined): OrderDetail => ({ id, number, customerId: 7, items: [] });

/** A store: its orders, which number conventions it honours, and a log of the requests made. */
function store(orders: readonly OrderDetail[], honours: readonly NumberConvention[], opts: { laxId?: boolean } = {}): OrderFinder & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    byNumber: (n, convention) => {
      log.push(`number:${convention}`);
      const list: OrderList = honours.includes(convention) ? { orders: orders.filter((o) => hasNumber(o, n)), total: 0 } : { orders: orders.slice(3), total: orders.length };
      return Promise.resolve(list);
    },
    byId: (id) => {
      log.push('id');
      return Promise.resolve(opts.laxId === true ? orders[0] : orders.find((o) => o.id === id));
    },
  };
}

const ORDERS = [order(11, 1000), order(12, 1001), order(13, '1002'), order(1001, 5555), order(14, 1003)];

describe('orders: finding an order by number, checked against the question', () => {
  it('finds it with the bracket filter in at most two requests (number and id check)', async () => {
    const s = store(ORDERS, ['bracket']);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 1002, alsoId: true });
    assert.equal(outcome.kind, 'found');
    assert.equal(outcome.order.id, 13);
    assert.deepEqual(s.log.sort(), ['id', 'number:bracket']);
  });

  it('asks for the number only when the input said number (#N): one request', async () => {
    const s = store(ORDERS, ['bracket']);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 1003, alsoId: false });
    assert.equal(outcome.kind === 'found' && outcome.order.id, 14);
    assert.deepEqual(s.log, ['number:bracket']);
  });

  it('falls back to search=, then q=, only when the answer held other orders only', async () => {
    const search = store(ORDERS, ['search']);
    const r1 = await lookUpOrder(search, { kind: 'number', number: 1001, alsoId: false });
    assert.equal(r1.outcome.kind === 'found' && r1.outcome.order.id, 12);
    assert.deepEqual(search.log, ['number:bracket', 'number:search']);
    assert.deepEqual(r1.search?.ignored, ['bracket']);
    const q = store(ORDERS, ['q']);
    const r2 = await lookUpOrder(q, { kind: 'number', number: 1001, alsoId: false });
    assert.equal(r2.outcome.kind === 'found' && r2.outcome.convention, 'q');
    assert.deepEqual(q.log, ['number:bracket', 'number:search', 'number:q']);
  });

  it('starts with the convention the store honoured before', async () => {
    const s = store(ORDERS, ['q']);
    await lookUpOrder(s, { kind: 'number', number: 1001, alsoId: false }, 'q');
    assert.deepEqual(s.log, ['number:q']);
  });

  it('never shows another order when every filter is ignored: not found, and says the filter was ignored', async () => {
    const s = store(ORDERS, []);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 1002, alsoId: false });
    // 1002 is in the store but none of the pages the filters returned holds it
    assert.deepEqual(outcome, { kind: 'notFound', ignored: true });
  });

  it('an empty answer means "no such number": no fallback, not "ignored"', async () => {
    const s = store(ORDERS, ['bracket']);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 4242, alsoId: false });
    assert.deepEqual(outcome, { kind: 'notFound', ignored: false });
    assert.deepEqual(s.log, ['number:bracket']);
  });

  it('matches the number exactly (string or number), never a prefix or a neighbour', async () => {
    const lax: OrderFinder = { byNumber: () => Promise.resolve({ orders: [order(1, 10001), order(2, '100'), order(3, ' 1000 ')], total: 3 }), byId: () => Promise.resolve(undefined) };
    const { outcome } = await lookUpOrder(lax, { kind: 'number', number: 1000, alsoId: false });
    assert.equal(outcome.kind === 'found' && outcome.order.id, 3);
    const none = await lookUpOrder(lax, { kind: 'number', number: 10, alsoId: false });
    assert.equal(none.outcome.kind, 'notFound');
  });

  it('offers both when the digits are one order’s number and another order’s id', async () => {
    const s = store(ORDERS, ['bracket']);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 1001, alsoId: true });
    assert.equal(outcome.kind, 'choice');
    assert.deepEqual([outcome.byNumber.id, outcome.byId.id], [12, 1001]);
  });

  it('offers the id alone (never opens it unasked) when no order has that number', async () => {
    const s = store([order(77, 9000)], ['bracket']);
    const { outcome } = await lookUpOrder(s, { kind: 'number', number: 77, alsoId: true });
    assert.equal(outcome.kind, 'idOnly');
  });

  it('an id or URL input shows the order only when its id is the one asked', async () => {
    assert.equal((await lookUpOrder(store(ORDERS, ['bracket']), { kind: 'id', id: 12 })).outcome.kind, 'found');
    assert.deepEqual((await lookUpOrder(store(ORDERS, ['bracket']), { kind: 'id', id: 99 })).outcome, { kind: 'notFound', ignored: false });
    // a server answering another order for /orders/12 is not believed
    assert.deepEqual((await lookUpOrder(store(ORDERS, ['bracket'], { laxId: true }), { kind: 'id', id: 12 })).outcome, { kind: 'notFound', ignored: false });
  });
});
