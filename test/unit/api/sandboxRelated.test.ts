/** The sandbox's orders, addresses and carts: realistic deterministic data and faithful routes. */
import assert from 'node:assert/strict';
import { ORDER_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from '../../sandbox/constants';
import { buildSandboxData } from '../../sandbox/data';
import { ORDER_STATUSES } from '../../sandbox/relatedData';
import { startSandbox, type Sandbox } from '../../sandbox/server';

describe('sandbox store: orders, addresses, carts', () => {
  const data = buildSandboxData();
  const aurora = data.get(SANDBOX_STORES.aurora.alias);

  it('gives 0 to dozens of orders per customer with every status, items, totals and dates; deterministic', () => {
    assert.ok(aurora);
    const counts = new Map<number, number>();
    for (const o of aurora.related.orders) {
      counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
    }
    const perCustomer = aurora.customers.map((c) => counts.get(c.id) ?? 0);
    assert.ok(perCustomer.includes(0));
    assert.ok(Math.max(...perCustomer) >= 16, `max ${Math.max(...perCustomer)}`);
    assert.equal(counts.get(ORDER_CASE_IDS.manyOrders), 32);
    assert.equal(counts.get(ORDER_CASE_IDS.noRelated), undefined);
    const aliases = new Set(aurora.related.orders.map((o) => o.status['alias']));
    assert.deepEqual([...aliases].sort(), Object.values(ORDER_STATUSES).map((s) => s.alias).sort());
    for (const o of aurora.related.orders.slice(0, 200)) {
      assert.ok(o.items.length >= 1);
      const sum = o.items.reduce((s, it) => s + (it['price'] as number) * (it['quantity'] as number), 0);
      assert.ok(Math.abs(sum - (o.json['value_products'] as number)) < 0.01);
      const total = (o.json['value_products'] as number) + (o.json['value_shipment'] as number) - (o.json['value_discount'] as number);
      assert.ok(Math.abs(total - (o.json['value_total'] as number)) < 0.011);
      assert.match((o.json['created_at'] as { date: string }).date, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000000$/);
      assert.ok(typeof o.json['payment_method'] === 'string');
    }
    const numbers = aurora.related.orders.map((o) => o.json['number'] as number);
    assert.equal(new Set(numbers).size, numbers.length);
    assert.ok(aurora.customers.some((c) => (aurora.related.addresses.get(c.id)?.length ?? 0) >= 2));
    assert.ok(aurora.customers.some((c) => (aurora.related.carts.get(c.id)?.length ?? 0) >= 1));
    assert.deepEqual(buildSandboxData().get('loja-aurora')?.related.orders.slice(0, 50), aurora.related.orders.slice(0, 50));
  });

  describe('over HTTP', () => {
    let sb: Sandbox;
    const { owner } = SANDBOX_USERS;
    const headers = { 'user-token': owner.userToken, 'user-secret-key': owner.userSecretKey, 'content-type': 'application/json' };
    const get = async (path: string): Promise<{ status: number; body: { data: Record<string, unknown>[]; meta: { pagination: { total: number } } } }> => {
      const res = await fetch(`${sb.baseUrl}${path}`, { headers });
      return { status: res.status, body: (await res.json()) as never };
    };
    before(async () => {
      sb = await startSandbox({ rateLimit: { perWindow: 2, windowMs: 60_000 } });
    });
    after(async () => {
      await sb.close();
    });
    beforeEach(() => {
      sb.reset();
      sb.setRateLimit(false);
    });

    it('filters by customer_id[] (brackets) and ignores a plain customer_id, as documented', async () => {
      const id = ORDER_CASE_IDS.manyOrders;
      const filtered = await get(`/loja-aurora/orders?customer_id%5B%5D=${id}&limit=100`);
      assert.equal(filtered.body.meta.pagination.total, 32);
      assert.ok(filtered.body.data.every((o) => o['customer_id'] === id));
      const ignored = await get(`/loja-aurora/orders?customer_id=${id}&limit=100`);
      assert.equal(ignored.body.meta.pagination.total, aurora?.related.orders.length);
      assert.ok(ignored.body.data.some((o) => o['customer_id'] !== id));
    });

    it('adds items and status only when included', async () => {
      const id = ORDER_CASE_IDS.manyOrders;
      const plain = await get(`/loja-aurora/orders?customer_id%5B%5D=${id}`);
      assert.equal(plain.body.data[0]?.['items'], undefined);
      assert.equal(plain.body.data[0]?.['status'], undefined);
      const full = await get(`/loja-aurora/orders?customer_id%5B%5D=${id}&include=items,status`);
      assert.ok(Array.isArray((full.body.data[0]?.['items'] as { data: unknown }).data));
      assert.equal(typeof (full.body.data[0]?.['status'] as { data: { alias: unknown } }).data.alias, 'string');
    });

    it('serves addresses and carts of a customer, 404 for an unknown one, 403 for an inactive store', async () => {
      const id = ORDER_CASE_IDS.manyOrders;
      assert.equal((await get(`/loja-aurora/customers/${id}/addresses`)).body.data.length, 3);
      const carts = await get(`/loja-aurora/customers/${id}/carts`);
      assert.equal(carts.body.data.length, 2);
      assert.equal(typeof carts.body.data[0]?.['token'], 'string');
      assert.equal((await get('/loja-aurora/customers/99999999/carts')).status, 404);
      assert.equal((await get(`/loja-inativa/customers/${id}/addresses`)).status, 403);
      assert.equal((await get('/loja-inativa/orders')).status, 403);
    });

    it('applies rate limits and faults to the new routes', async () => {
      sb.setRateLimit({ perWindow: 2, windowMs: 60_000 });
      const id = ORDER_CASE_IDS.manyOrders;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await get(`/loja-aurora/customers/${id}/carts`)).status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      sb.setRateLimit(false);
      sb.addFault({ path: '/orders', status: 500, times: 1 });
      assert.equal((await get('/loja-aurora/orders')).status, 500);
      assert.equal((await get('/loja-aurora/orders')).status, 200);
    });
  });
});
