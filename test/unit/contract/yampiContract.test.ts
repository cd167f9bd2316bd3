/**
 * Contract tests from what Yampi published (issue 18 § 3): our requests follow the official SDK's
 * conventions (somosyampi/yampi-php-sdk: parameter names, `limit` ≤ 100, `skipCache=true`, the
 * l5-repository `search`/`searchFields`; array filters with `[]`, which third parties found Yampi
 * needs), every example body the docs give decodes (test/fixtures/api/README.md), and the sandbox
 * answers in the documented shapes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAuthMe, decodeCustomer, decodeCustomerEnvelope, decodeCustomerPage } from '../../../src/core/api/decode';
import { decodeOrderPage } from '../../../src/core/api/decodeRelated';
import { YampiError } from '../../../src/core/api/errors';
import type { YampiClient } from '../../../src/core/api/types';
import { compilePatterns, DEFAULT_HOVER_PATTERNS } from '../../../src/core/refs/patterns';
import { scanDocument } from '../../../src/core/refs/textScan';
import { hasMorePages } from '../../../src/core/related/related';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { aurora, clientFor, rejection, sandboxWithClient, serra } from '../api/helpers';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'api');
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

/**
 * Query parameters of Yampi's SDK (Request.php: page, limit, search, searchFields, orderBy,
 * sortedBy, skipCache, include, date), plus `q` (the third-party convention our search calibrates
 * against) and array filters in bracket form.
 */
const SDK_PARAMS = new Set(['page', 'limit', 'search', 'searchFields', 'orderBy', 'sortedBy', 'skipCache', 'include', 'date', 'q']);
const isKnownParam = (name: string): boolean => SDK_PARAMS.has(name) || /^[a-z_]+\[\]$/.test(name);

describe('contract: requests follow the official SDK', () => {
  const ctx = sandboxWithClient();
  let sb: Sandbox;
  let client: YampiClient;
  beforeEach(() => {
    ({ sb, client } = ctx());
  });

  it('lists with page, limit ≤ 100 and skipCache=true, nothing else', async () => {
    await client.listCustomers(aurora, { page: 2, limit: 100, skipCache: true });
    await client.listCustomers(aurora, {});
    assert.deepEqual(sb.requests().map((r) => r.query), [{ page: '2', limit: '100', skipCache: 'true' }, { page: '1', limit: '10' }]);
    const e = await rejection(client.listCustomers(aurora, { limit: 101 }));
    assert.equal(e.kind, 'invalidInput');
    assert.equal(sb.requests().length, 2, 'a limit over 100 never leaves the machine');
  });

  it('searches in the SDK form: search + searchFields of field:like pairs joined by ";", never q alongside', async () => {
    await client.listCustomers(aurora, { q: 'Beatriz', convention: 'search' });
    await client.listCustomers(aurora, { q: '348.912.675-00', convention: 'search' });
    for (const r of sb.requests()) {
      assert.equal(r.query['q'], undefined);
      assert.match(r.query['searchFields'] ?? '', /^[a-z_]+:(like|=)(;[a-z_]+:(like|=))*$/);
      assert.doesNotMatch(r.query['search'] ?? '', /[;:]/, 'a plain value (l5 splits on ; and :)');
    }
    assert.deepEqual(sb.requests().map((r) => r.query['search']), ['Beatriz', '34891267500']);
  });

  it('reads one customer with skipCache=true only when asked', async () => {
    await client.getCustomer(aurora, 48213907, { skipCache: true });
    await client.getCustomer(aurora, 48213907);
    assert.deepEqual(sb.requests().map((r) => [r.path, r.query]), [
      ['/v2/loja-aurora/customers/48213907', { skipCache: 'true' }],
      ['/v2/loja-aurora/customers/48213907', {}],
    ]);
  });

  it('filters orders with the bracket form customer_id[] (never plain customer_id), SDK sorting and includes', async () => {
    await client.listCustomerOrders(aurora, 48213907, { page: 1, limit: 100 });
    const q = sb.requests()[0]?.query ?? {};
    assert.equal(q['customer_id[]'], '48213907');
    assert.equal(q['customer_id'], undefined);
    assert.equal(q['include'], 'items,status');
    assert.deepEqual([q['orderBy'], q['sortedBy']], ['created_at', 'desc']);
    assert.ok(Number(q['limit']) <= 100);
  });

  it('every parameter name sent is one the SDK knows (or q, or a bracketed array filter); headers as documented', async () => {
    await client.listCustomers(aurora, { q: 'Ana', convention: 'q', skipCache: true });
    await client.listCustomers(aurora, { q: 'Ana', convention: 'search' });
    await client.listCustomerOrders(aurora, 48213907, { skipCache: true });
    await client.listCustomerAddresses(aurora, 48213907);
    await client.listCustomerCarts(aurora, 48213907);
    await client.me(aurora);
    for (const r of sb.requests()) {
      for (const name of Object.keys(r.query)) {
        assert.ok(isKnownParam(name), `${r.path}: unknown parameter ${name}`);
      }
      assert.equal(r.headers.contentType, 'application/json');
      assert.equal(r.headers.userToken, aurora.userToken);
      assert.equal(r.headers.userSecretKey, aurora.userSecretKey);
      if (r.query['limit'] !== undefined) {
        assert.ok(Number(r.query['limit']) <= 100);
      }
    }
  });
});

describe('contract: every example body the docs give decodes', () => {
  const single = fixture('yampi-customer-example.json');

  it('a customer as an object and as [ {...} ] (the docs show both) decodes to the same record', () => {
    const asObject = decodeCustomerEnvelope(single);
    const asArray = decodeCustomerEnvelope({ data: [single['data']] });
    assert.equal(asObject.customer.id, 48213907);
    assert.equal(asObject.customer.name, 'Mariana Costa Ribeiro');
    assert.equal(asObject.customer.phone?.formated_number, '(16) 98187-5668');
    assert.deepEqual(asArray, asObject);
  });

  it('the list example, the intro envelope (numbers, a next link) and the endpoint example (numeric strings, "" links)', () => {
    const list = decodeCustomerPage(fixture('yampi-customers-list-example.json'));
    assert.deepEqual(list.items.map((r) => r.customer.id), [48213907, 48214552, 48216030]);
    assert.equal(list.pagination.currentPage, 2);
    const intro = decodeCustomerPage({ data: [], meta: { pagination: { total: 1000, count: 10, per_page: 10, current_page: 1, total_pages: 100, links: { next: 'https://api.dooki.com.br/v2/loja/foo?page=2' } } } });
    assert.deepEqual([intro.pagination.total, intro.pagination.totalPages, hasMorePages(intro.pagination, 1)], [1000, 100, true]);
    const strings = decodeCustomerPage({ data: [single['data']], meta: { pagination: { total: '10', count: '1', per_page: '10', current_page: '1', total_pages: '1', links: { previous: '', next: '' } } } });
    assert.deepEqual(strings.pagination, { total: 10, count: 1, perPage: 10, currentPage: 1, totalPages: 1, next: undefined, previous: undefined });
    const php = decodeCustomerPage({ data: [], meta: { pagination: { total: 0, count: 0, per_page: 10, current_page: 1, total_pages: 1, links: [] } } });
    assert.equal(hasMorePages(php.pagination, 1), false);
  });

  it('the order detail example: data as a list, money as numbers, items as a bare array', () => {
    const body = {
      data: [{
        delivered: false, track_url: null, track_code: null, authorized: true, customer_id: 48213907, promocode_id: null, marketplace_id: null, number: 2910,
        value_total: 189.9, value_products: 189.9, value_discount: 0, value_shipment: 0, value_tax: 0, shipment_service: 'SEDEX', days_delivery: 3, id: 1093021,
        items: [{ id: 1, product_id: 10, sku_id: 9012, item_sku: 'NAT-KAI-100', quantity: 1, price: 189.9, price_cost: 80, shipment_cost: 0, gift: false }],
      }],
    };
    const page = decodeOrderPage(body, 48213907);
    assert.deepEqual([page.orders.length, page.dropped, page.orders[0]?.number, page.orders[0]?.items?.[0]?.sku], [1, 0, 2910, 'NAT-KAI-100']);
  });

  it('POST /auth/me: the documented start of data, stores under data.merchants.data[]', () => {
    const me = decodeAuthMe({ data: {
      id: 987654, active: true, name: 'João Silva', social_name: null, email: 'joao@loja.com.br', temporary_email: null, is_owner: true,
      last_login_at: '2025-07-15 14:22:10', type: 'user', created_at: { date: '2021-03-02 09:15:00.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' },
      merchants: { data: [{ id: 109111, alias: 'loja-exemplo', name: 'Loja Exemplo', active: true, domain: 'www.loja-exemplo.com.br' }] },
    } });
    assert.deepEqual([me.userId, me.stores.map((s) => s.alias)], [987654, ['loja-exemplo']]);
  });

  it('webhooks: in an order event the customer is resource.customer.data.id (not resource.id, the order); a customer event\'s resource is the customer', () => {
    const order = fixture('webhook-order-paid-example.json');
    const text = JSON.stringify(order, null, 2);
    const { patterns } = compilePatterns(DEFAULT_HOVER_PATTERNS);
    const ids = new Set(scanDocument(text, 'json', patterns).refs.map((r) => r.id));
    assert.deepEqual([...ids], [48213907]);
    const created = fixture('webhook-customer-created-example.json');
    const customer = decodeCustomer(created['resource'], 'resource');
    assert.deepEqual([customer.customer.id, customer.customer.email], [48213907, 'mariana.c.ribeiro@exemplo.com.br']);
  });

  it('the documented 429 body and headers become rateLimited (no Retry-After documented)', async () => {
    const sb = await startSandbox({ rateLimit: false });
    const client = clientFor(sb, { maxAttempts: 1 });
    try {
      sb.addFault({ path: '/customers', status: 429 });
      const e = await rejection(client.listCustomers(aurora, { waitForRateLimit: false }));
      assert.ok(YampiError.is(e, 'rateLimited'));
    } finally {
      await client.close();
      await sb.close();
    }
  });
});

describe('contract: the sandbox answers like the examples', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ rateLimit: false });
  });
  after(async () => {
    await sb.close();
  });
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sb.baseUrl}${path}`, { headers: { 'user-token': aurora.userToken, 'user-secret-key': aurora.userSecretKey, 'content-type': 'application/json' } });
    return (await res.json()) as Record<string, unknown>;
  };
  const shape = (v: unknown): unknown => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v);

  it('the sandbox customer 48213907 has exactly the documented fields, each of the documented type', async () => {
    const body = await get('/loja-aurora/customers/48213907');
    assert.deepEqual(shape(body['data']), shape(fixture('yampi-customer-example.json')['data']));
  });

  it('list meta as the intro (numbers) in loja-aurora and as the endpoint example (numeric strings, "" links) in emporio-serra', async () => {
    const a = (await get('/loja-aurora/customers?limit=5')) as { meta: { pagination: Record<string, unknown> } };
    assert.deepEqual(Object.keys(a.meta.pagination).sort(), ['count', 'current_page', 'links', 'per_page', 'total', 'total_pages']);
    assert.equal(typeof a.meta.pagination['total'], 'number');
    const s = (await get(`/${serra.alias}/customers?limit=5`)) as { meta: { pagination: Record<string, unknown> } };
    assert.equal(typeof s.meta.pagination['total'], 'string');
    assert.equal((s.meta.pagination['links'] as Record<string, unknown>)['previous'], '');
  });

  it('orders: emporio-serra sends items as the docs\' bare array, loja-aurora as the Fractal include', async () => {
    const s = (await get(`/${serra.alias}/orders?include=items,status&limit=1`)) as { data: Record<string, unknown>[] };
    assert.ok(Array.isArray(s.data[0]?.['items']));
    const a = (await get('/loja-aurora/orders?include=items,status&limit=1')) as { data: Record<string, unknown>[] };
    assert.ok(Array.isArray((a.data[0]?.['items'] as { data?: unknown }).data));
  });
});

describe('contract: every answer is checked against the question', () => {
  const ctx = sandboxWithClient();

  it('a single-customer answer about another customer is refused, never shown or cached as the one asked', async () => {
    const { sb, client } = ctx();
    sb.addFault({ path: '/customers/48213907', answerCustomer: 48216030, times: 1 });
    const e = await rejection(client.getCustomer(aurora, 48213907));
    assert.equal(e.kind, 'invalidResponse');
    assert.equal(e.field, 'data.id');
    assert.equal((await client.getCustomer(aurora, 48213907)).customer.id, 48213907);
  });
});
