/** The client's orders, addresses and carts operations against the sandbox over loopback. */
import assert from 'node:assert/strict';
import type { Logger } from '../../../src/core/common/logger';
import type { YampiClient } from '../../../src/core/api/types';
import { MISSING_CUSTOMER_ID, ORDER_CASE_IDS } from '../../sandbox/constants';
import type { Sandbox } from '../../sandbox/server';
import { aurora, clientFor, inactive, rejection, sandboxPerSuite, serra } from './helpers';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: unknown): void => {
    lines.push(String(m));
  };
  return { lines, trace: push, debug: push, info: push, warn: push, error: push };
}

describe('YampiClient related records (sandbox over loopback)', () => {
  const ctx = sandboxPerSuite();
  const many = ORDER_CASE_IDS.manyOrders;
  let sb: Sandbox;
  let client: YampiClient;
  beforeEach(() => {
    ({ sb, client } = ctx);
  });

  it('asks for orders with the bracket filter, includes, newest first, and pages', async () => {
    const first = await client.listCustomerOrders(aurora, many, { limit: 25 });
    const req = sb.requests()[0];
    assert.ok(req);
    assert.equal(req.path, '/v2/loja-aurora/orders');
    assert.deepEqual(req.query, {
      'customer_id[]': String(many), include: 'items,status', orderBy: 'created_at', sortedBy: 'desc', page: '1', limit: '25',
    });
    assert.equal(first.orders.length, 25);
    assert.equal(first.dropped, 0);
    assert.equal(first.pagination.total, 32);
    assert.ok(first.orders.every((o) => o.customerId === many && (o.items?.length ?? 0) > 0 && o.status !== undefined));
    const dates = first.orders.map((o) => (typeof o.createdAt === 'string' ? o.createdAt : (o.createdAt?.date ?? '')));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const second = await client.listCustomerOrders(aurora, many, { limit: 25, page: 2 });
    assert.equal(second.orders.length, 7);
    assert.equal(second.pagination.next, undefined);
    const ids = new Set([...first.orders, ...second.orders].map((o) => o.id));
    assert.equal(ids.size, 32);
  });

  it('never returns another customer\'s order when the API ignores the filter, and logs how many it dropped', async () => {
    const logger = recordingLogger();
    const c = clientFor(sb, { logger });
    try {
      sb.addFault({ path: '/orders', ignoreFilters: true });
      const page = await c.listCustomerOrders(aurora, many, { limit: 100 });
      assert.ok(page.dropped > 50, `dropped ${page.dropped}`);
      assert.ok(page.orders.every((o) => o.customerId === many));
      const warn = logger.lines.find((l) => l.startsWith('orders of customer'));
      assert.ok(warn?.includes(`dropped ${page.dropped} record(s)`), warn);
    } finally {
      await c.close();
    }
  });

  it('reads addresses and carts of a customer; empty lists for a customer without any', async () => {
    const addresses = await client.listCustomerAddresses(aurora, many);
    assert.equal(addresses.addresses.length, 3);
    assert.ok(addresses.addresses.every((a) => a.customerId === many && a.street !== undefined));
    const carts = await client.listCustomerCarts(aurora, many);
    assert.equal(carts.carts.length, 2);
    assert.ok(carts.carts.every((c) => c.secrets.token !== undefined && c.cart.total !== undefined && (c.cart.items?.length ?? 0) > 0));
    const none = ORDER_CASE_IDS.noRelated;
    const [o, a, k] = await Promise.all([client.listCustomerOrders(aurora, none), client.listCustomerAddresses(aurora, none), client.listCustomerCarts(aurora, none)]);
    assert.deepEqual([o.orders.length, a.addresses.length, k.carts.length], [0, 0, 0]);
    assert.deepEqual(sb.requests().map((r) => r.path).slice(0, 2), [`/v2/loja-aurora/customers/${many}/addresses`, `/v2/loja-aurora/customers/${many}/carts`]);
  });

  it('caches per store, collapses identical in-flight requests, and clearCache(alias) forgets only that store', async () => {
    await Promise.all([client.listCustomerOrders(aurora, many), client.listCustomerOrders(aurora, many)]);
    assert.equal(sb.requests().length, 1);
    await client.listCustomerOrders(aurora, many);
    await client.listCustomerAddresses(aurora, many);
    await client.listCustomerAddresses(aurora, many);
    assert.equal(sb.requests().length, 2);
    const serraId = sb.data.get('emporio-serra')?.customers[0]?.id ?? 0;
    await client.listCustomerCarts(serra, serraId);
    client.clearCache('loja-aurora');
    await client.listCustomerOrders(aurora, many);
    await client.listCustomerCarts(serra, serraId);
    assert.equal(sb.requests().length, 4);
    await client.listCustomerOrders(aurora, many, { skipCache: true });
    assert.equal(sb.requests().at(-1)?.query['skipCache'], 'true');
  });

  it('never caches orders, addresses or carts that arrive after clearCache (issue 18 point 2.6)', async () => {
    for (const [path, list] of [
      ['/orders', () => client.listCustomerOrders(aurora, many)],
      [`/customers/${many}/addresses`, () => client.listCustomerAddresses(aurora, many)],
      [`/customers/${many}/carts`, () => client.listCustomerCarts(aurora, many)],
    ] as const) {
      for (const clear of [() => { client.clearCache('loja-aurora'); }, () => { client.clearCache(); }]) {
        client.clearCache();
        sb.reset();
        sb.addFault({ path, latencyMs: 150, times: 1 });
        const early = list();
        await new Promise((r) => setTimeout(r, 30));
        clear(); // Clear Cached Data while the request is in flight
        await early;
        await list();
        assert.equal(sb.requests().length, 2, `${path}: a page that outlived clearCache was cached`);
      }
    }
  });

  it('reads emporio-serra money and pagination as numeric strings', async () => {
    const store = sb.data.get('emporio-serra');
    const withOrders = store?.related.orders[0]?.customerId ?? 0;
    const page = await client.listCustomerOrders(serra, withOrders);
    assert.ok(page.orders.length > 0);
    assert.equal(typeof page.orders[0]?.total, 'string');
  });

  it('maps errors of the new routes to the same error family', async () => {
    assert.equal((await rejection(client.listCustomerAddresses(aurora, MISSING_CUSTOMER_ID))).kind, 'notFound');
    assert.equal((await rejection(client.listCustomerCarts(inactive, many))).kind, 'forbidden');
    assert.equal((await rejection(client.listCustomerOrders(aurora, 'abc'))).kind, 'invalidInput');
    assert.equal((await rejection(client.listCustomerOrders(aurora, many, { limit: 500 }))).kind, 'invalidInput');
    sb.addFault({ path: '/orders', body: 'wrongShape' });
    const wrong = await rejection(client.listCustomerOrders(aurora, many));
    assert.deepEqual([wrong.kind, wrong.field, wrong.alias, wrong.customerId], ['invalidResponse', 'data', 'loja-aurora', many]);
    sb.clearFaults();
    sb.addFault({ path: '/carts', status: 503, times: 1 });
    const carts = await client.listCustomerCarts(aurora, many);
    assert.equal(carts.carts.length, 2, 'a 503 is retried');
    sb.addFault({ path: '/addresses', status: 401 });
    assert.equal((await rejection(client.listCustomerAddresses(aurora, many))).kind, 'auth');
  });
});
