/**
 * Issue 23: orders, addresses and carts decode to exactly the records the panel and the tree show
 * (deep equality, every field and every fallback), wrong types are refused at their JSON path, and
 * pages keep their order and ownership rules at the edges (same date, exact limits).
 */
import assert from 'node:assert/strict';
import { YampiError } from '../../../src/core/api/errors';
import {
  checkDepth, decodeAddress, decodeAddressPage, decodeCart, decodeCartPage, decodeOrder, decodeOrderPage, MAX_DEPTH, MAX_ITEMS,
  MAX_RECORDS_PER_PAGE, MAX_TEXT,
} from '../../../src/core/api/decodeRelated';

/** The refusal's field path; its log line must say what was expected (never checked word for word). */
function refusedAt(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    assert.ok(YampiError.is(e, 'invalidResponse'), String(e));
    const expected = / should be (.*)$/.exec(e.message)?.[1] ?? '';
    assert.ok(/\w{2,}/.test(expected), `the log line does not say what was expected: ${e.message}`);
    return e.field;
  }
  assert.fail('accepted');
}

const LONG_DATE = `2025-05-18 14:32:07.000000${'9'.repeat(60)}`;

describe('decodeRelated: every field (issue 23)', () => {
  it('an order with every field, wrapped as Fractal includes it', () => {
    const order = decodeOrder({
      id: '501', customer_id: '7', number: '1042', created_at: { date: LONG_DATE, timezone_type: 3, timezone: 'America/Sao_Paulo' },
      date: '1999-01-01', status: { data: { id: '2', alias: 'paid', name: 'Pagamento aprovado' } },
      value_total: '189.90', value_products: 170, value_shipment: ' 19.90 ', value_discount: 0, payment_method: 'pix', shipment_service: 'Sedex',
      items: { data: [
        { id: '1', sku_id: '9', item_sku: 'NAT-1', sku_code: 'ignored', name: 'Kaiak', product_name: 'ignored', quantity: '2', price: '85.00' },
        { sku_code: 'NAT-2', product_name: 'Essencial', quantity: 3, price: 10 },
        { sku: { data: { title: 'Ekos' } } },
        { sku: { title: 'Luna' }, quantity: '0' },
        { sku: 'not an object', quantity: null, price: '' },
      ] },
    }, 'data[0]');
    assert.deepEqual(order, {
      id: 501, customerId: 7, number: '1042', createdAt: { date: LONG_DATE.slice(0, 64), timezone: 'America/Sao_Paulo' },
      status: { id: 2, alias: 'paid', name: 'Pagamento aprovado' }, total: '189.90', products: 170, shipment: ' 19.90 ', discount: 0,
      paymentMethod: 'pix', shipmentService: 'Sedex',
      items: [
        { id: 1, skuId: 9, sku: 'NAT-1', name: 'Kaiak', quantity: 2, price: '85.00' },
        { id: undefined, skuId: undefined, sku: 'NAT-2', name: 'Essencial', quantity: 3, price: 10 },
        { id: undefined, skuId: undefined, sku: undefined, name: 'Ekos', quantity: 1, price: undefined },
        { id: undefined, skuId: undefined, sku: undefined, name: 'Luna', quantity: 0, price: undefined },
        { id: undefined, skuId: undefined, sku: undefined, name: undefined, quantity: 1, price: undefined },
      ],
    });
  });

  it('an order with only its id: every other field undefined, the customer 0 (no owner)', () => {
    assert.deepEqual(decodeOrder({ id: 1 }, 'o'), {
      id: 1, customerId: 0, number: undefined, createdAt: undefined, status: undefined, total: undefined, products: undefined, shipment: undefined,
      discount: undefined, paymentMethod: undefined, shipmentService: undefined, items: undefined,
    });
    assert.deepEqual(decodeOrder({ id: 1, customer_id: '', number: null, created_at: '', status: null, items: null }, 'o').customerId, 0);
    assert.equal(decodeOrder({ id: 1, created_at: '', date: '2025-02-03' }, 'o').createdAt, '2025-02-03');
    assert.equal(decodeOrder({ id: 1, created_at: '' }, 'o').createdAt, undefined);
  });

  it('order fallbacks: the date field, a status given as text, the payment of the first transaction', () => {
    const o = decodeOrder({
      id: 1, created_at: null, date: { date: '2025-01-02 03:04:05' }, status: `shipped${'x'.repeat(200)}`,
      transactions: { data: [{ payment: { data: { name: 'Cartão de crédito' } } }, { payment: { name: 'Pix' } }] },
    }, 'o');
    assert.deepEqual([o.createdAt, o.status, o.paymentMethod], [{ date: '2025-01-02 03:04:05', timezone: null }, { alias: `shipped${'x'.repeat(93)}` }, 'Cartão de crédito']);
    assert.equal(decodeOrder({ id: 1, date: 'ontem' }, 'o').createdAt, 'ontem');
    assert.equal(decodeOrder({ id: 1, created_at: LONG_DATE }, 'o').createdAt, LONG_DATE.slice(0, 64));
    assert.equal(decodeOrder({ id: 1, transactions: [{ payment: { name: 'Boleto' } }] }, 'o').paymentMethod, 'Boleto');
    assert.equal(decodeOrder({ id: 1, payment_method: 'pix', transactions: [{ payment: { name: 'Boleto' } }] }, 'o').paymentMethod, 'pix');
    for (const transactions of [[], null, ['x'], [{ payment: 'x' }], [{}]]) {
      assert.equal(decodeOrder({ id: 1, transactions }, 'o').paymentMethod, undefined, JSON.stringify(transactions));
    }
    assert.deepEqual(decodeOrder({ id: 1, status: { alias: 'paid' } }, 'o').status, { id: undefined, alias: 'paid', name: undefined });
    assert.deepEqual(decodeOrder({ id: 1, created_at: { date: 'd', timezone: 5 } }, 'o').createdAt, { date: 'd', timezone: null });
  });

  it('wrong order fields are refused at their path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 0 }, 'o.id'], [{ id: '' }, 'o.id'], [{ id: 1.5 }, 'o.id'], [{ id: 2 ** 53 }, 'o.id'], [{}, 'o.id'],
      [{ id: 1, customer_id: -1 }, 'o.customer_id'], [{ id: 1, customer_id: 'x' }, 'o.customer_id'],
      [{ id: 1, number: 'N-1' }, 'o.number'], [{ id: 1, created_at: 5 }, 'o.created_at'], [{ id: 1, date: [] }, 'o.date'],
      [{ id: 1, status: { data: 5 } }, 'o.status'], [{ id: 1, status: { id: 'x' } }, 'o.status.id'], [{ id: 1, status: { alias: {}, name: 'x' } }, 'o.status.alias'],
      [{ id: 1, status: { name: {} } }, 'o.status.name'],
      [{ id: 1, value_total: 'x' }, 'o.value_total'], [{ id: 1, value_products: {} }, 'o.value_products'], [{ id: 1, value_shipment: '1,5' }, 'o.value_shipment'],
      [{ id: 1, value_discount: Number.NaN }, 'o.value_discount'], [{ id: 1, payment_method: {} }, 'o.payment_method'],
      [{ id: 1, transactions: 'x' }, 'o.transactions'], [{ id: 1, transactions: [{ payment: { name: [] } }] }, 'o.transactions[0].payment.name'],
      [{ id: 1, shipment_service: [] }, 'o.shipment_service'], [{ id: 1, items: [5] }, 'o.items[0]'],
      [{ id: 1, items: [{ id: -1 }] }, 'o.items[0].id'], [{ id: 1, items: [{ sku_id: 'x' }] }, 'o.items[0].sku_id'],
      [{ id: 1, items: [{ item_sku: {} }] }, 'o.items[0].item_sku'], [{ id: 1, items: [{ sku_code: {} }] }, 'o.items[0].sku_code'],
      [{ id: 1, items: [{ product_name: {} }] }, 'o.items[0].product_name'], [{ id: 1, items: [{ sku: { title: {} } }] }, 'o.items[0].sku.data.title'],
      [{ id: 1, items: [{ quantity: -1 }] }, 'o.items[0].quantity'], [{ id: 1, items: [{ quantity: 'x' }] }, 'o.items[0].quantity'],
      [{ id: 1, items: [{ price: 'grátis' }] }, 'o.items[0].price'],
    ];
    for (const [raw, field] of cases) {
      assert.equal(refusedAt(() => decodeOrder(raw, 'o')), field, JSON.stringify(raw));
    }
    assert.equal(refusedAt(() => decodeOrder('x', 'o')), 'o');
  });

  it('an address with every field; the older zipcode name; numbers as text', () => {
    assert.deepEqual(decodeAddress({
      id: '3', customer_id: '7', receiver: 'Mariana Ribeiro', zip_code: '14015-000', zipcode: 'ignored', street: 'Rua das Flores', number: 123,
      complement: 'Apto 12', neighborhood: 'Centro', city: 'Ribeirão Preto', uf: 'SP', created_at: '2025-01-01 10:00:00',
    }, 'a'), {
      id: 3, customerId: 7, receiver: 'Mariana Ribeiro', zipCode: '14015-000', street: 'Rua das Flores', number: '123', complement: 'Apto 12',
      neighborhood: 'Centro', city: 'Ribeirão Preto', uf: 'SP', createdAt: '2025-01-01 10:00:00',
    });
    assert.equal(decodeAddress({ id: 3, zipcode: 14015000 }, 'a').zipCode, '14015000');
    assert.deepEqual(decodeAddress({ id: 3 }, 'a'), {
      id: 3, customerId: undefined, receiver: undefined, zipCode: undefined, street: undefined, number: undefined, complement: undefined,
      neighborhood: undefined, city: undefined, uf: undefined, createdAt: undefined,
    });
    for (const key of ['receiver', 'zip_code', 'zipcode', 'street', 'number', 'complement', 'neighborhood', 'city', 'uf']) {
      assert.equal(refusedAt(() => decodeAddress({ id: 3, [key]: { x: 1 } }, 'a')), `a.${key}`, key);
    }
    assert.equal(refusedAt(() => decodeAddress({ id: 3, customer_id: 0 }, 'a')), 'a.customer_id');
    assert.equal(refusedAt(() => decodeAddress({ id: 3, created_at: true }, 'a')), 'a.created_at');
    assert.equal(refusedAt(() => decodeAddress(null, 'a')), 'a');
    assert.equal(refusedAt(() => decodeAddress({ id: 'x' }, 'a')), 'a.id');
    for (const city of [Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.equal(refusedAt(() => decodeAddress({ id: 3, city }, 'a')), 'a.city', String(city));
    }
  });

  it('text longer than the limit is cut to it; at the limit it stays whole', () => {
    assert.equal(decodeAddress({ id: 1, city: 'c'.repeat(MAX_TEXT) }, 'a').city, 'c'.repeat(MAX_TEXT));
    assert.equal(decodeAddress({ id: 1, city: 'c'.repeat(MAX_TEXT + 1) }, 'a').city, 'c'.repeat(MAX_TEXT));
  });

  it('a cart with every field, its secrets apart', () => {
    assert.deepEqual(decodeCart({
      id: '9', customer_id: 7, created_at: '2025-03-01 10:00:00', updated_at: { date: '2025-03-02 11:00:00', timezone: 'America/Sao_Paulo' },
      totalizers: { total_items: '3', subtotal: '100.00', shipment: 10, discount: '5.00', total: '105.00' },
      last_transaction_status: { data: { name: 'Recusada', alias: 'refused', status: 'x' } }, payment_alias: 'credit_card',
      items: { data: [{ item_sku: 'A', sku: 'ignored', name: 'Item', quantity: '3', price: 33.33 }, { sku: 'B', product_name: 'Outro' }] },
      token: 'tok_secret', simulate_url: 'https://loja/simulate?t=tok_secret',
    }, 'c'), {
      cart: {
        id: 9, customerId: 7, createdAt: '2025-03-01 10:00:00', updatedAt: { date: '2025-03-02 11:00:00', timezone: 'America/Sao_Paulo' },
        totalItems: 3, subtotal: '100.00', shipment: 10, discount: '5.00', total: '105.00', lastTransactionStatus: 'Recusada', paymentAlias: 'credit_card',
        items: [{ sku: 'A', name: 'Item', quantity: 3, price: 33.33 }, { sku: 'B', name: 'Outro', quantity: 1, price: undefined }],
      },
      secrets: { token: 'tok_secret', simulateUrl: 'https://loja/simulate?t=tok_secret' },
    });
    assert.deepEqual(decodeCart({ id: 9 }, 'c'), {
      cart: {
        id: 9, customerId: undefined, createdAt: undefined, updatedAt: undefined, totalItems: undefined, subtotal: undefined, shipment: undefined,
        discount: undefined, total: undefined, lastTransactionStatus: undefined, paymentAlias: undefined, items: undefined,
      },
      secrets: { token: undefined, simulateUrl: undefined },
    });
  });

  it('the last transaction status: its name, else its alias, else its status, or plain text', () => {
    const status = (v: unknown): string | undefined => decodeCart({ id: 1, last_transaction_status: v }, 'c').cart.lastTransactionStatus;
    assert.equal(status({ name: 'Aprovada', alias: 'paid' }), 'Aprovada');
    assert.equal(status({ alias: 'paid', status: 'x' }), 'paid');
    assert.equal(status({ data: { status: 'waiting' } }), 'waiting');
    assert.equal(status('pending'), 'pending');
    assert.equal(status(null), undefined);
    assert.equal(status({}), undefined);
    assert.equal(refusedAt(() => decodeCart({ id: 1, last_transaction_status: { name: [] } }, 'c')), 'c.last_transaction_status.name');
    assert.equal(refusedAt(() => decodeCart({ id: 1, last_transaction_status: { alias: {} } }, 'c')), 'c.last_transaction_status.alias');
    assert.equal(refusedAt(() => decodeCart({ id: 1, last_transaction_status: { status: {} } }, 'c')), 'c.last_transaction_status.status');
    assert.equal(refusedAt(() => decodeCart({ id: 1, last_transaction_status: [] }, 'c')), 'c.last_transaction_status');
  });

  it('wrong cart fields are refused at their path', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 1, totalizers: 'x' }, 'c.totalizers'], [{ id: 1, totalizers: { total_items: 'x' } }, 'c.totalizers.total_items'], [{ id: 1, totalizers: { total_items: 1.5 } }, 'c.totalizers.total_items'],
      [{ id: 1, totalizers: { total_items: -2 } }, 'c.totalizers.total_items'], [{ id: 1, totalizers: { subtotal: 'x' } }, 'c.totalizers.subtotal'],
      [{ id: 1, totalizers: { shipment: 'x' } }, 'c.totalizers.shipment'], [{ id: 1, totalizers: { discount: 'x' } }, 'c.totalizers.discount'],
      [{ id: 1, customer_id: 'x' }, 'c.customer_id'], [{ id: 1, created_at: 1 }, 'c.created_at'], [{ id: 1, updated_at: 1 }, 'c.updated_at'],
      [{ id: 1, payment_alias: {} }, 'c.payment_alias'], [{ id: 1, items: 'x' }, 'c.items'], [{ id: 1, items: [null] }, 'c.items[0]'],
      [{ id: 1, items: [{ item_sku: [] }] }, 'c.items[0].item_sku'], [{ id: 1, items: [{ sku: [] }] }, 'c.items[0].sku'],
      [{ id: 1, items: [{ quantity: 'x' }] }, 'c.items[0].quantity'], [{ id: 1, items: [{ price: {} }] }, 'c.items[0].price'],
      [{ id: 1, token: {} }, 'c.token'], [{ id: 1, simulate_url: [] }, 'c.simulate_url'], [{ id: 'x' }, 'c.id'],
    ];
    for (const [raw, field] of cases) {
      assert.equal(refusedAt(() => decodeCart(raw, 'c')), field, JSON.stringify(raw));
    }
    assert.equal(refusedAt(() => decodeCart([], 'c')), 'c');
    assert.equal(decodeCart({ id: 1, totalizers: null }, 'c').cart.total, undefined);
  });
});

describe('decodeRelated: pages at the edges (issue 23)', () => {
  it('orders of the same date: the higher id first; an order without a date last', () => {
    const at = (date: string): Record<string, unknown> => ({ date, timezone: 'America/Sao_Paulo' });
    const body = { data: [
      { id: 10, customer_id: 7, created_at: at('2025-01-01 10:00:00') },
      { id: 12, customer_id: 7, created_at: '2025-01-01 10:00:00' },
      { id: 11, customer_id: 7, created_at: at('2025-01-01 10:00:00') },
      { id: 99, customer_id: 7 },
      { id: 1, customer_id: 7, created_at: '2025-06-01 00:00:00' },
    ] };
    assert.deepEqual(decodeOrderPage(body, 7).orders.map((o) => o.id), [1, 12, 11, 10, 99]);
  });

  it('a page: exactly its records, the dropped count and the pagination', () => {
    const page = decodeAddressPage({ data: [{ id: 1, customer_id: 7 }, { id: 2, customer_id: 8 }, { id: 3 }], meta: { pagination: { total: 40, total_pages: 2 } } }, 7);
    assert.deepEqual(page.addresses.map((a) => [a.id, a.customerId]), [[1, 7], [3, undefined]]);
    assert.equal(page.dropped, 1);
    assert.deepEqual(page.pagination, { total: 40, count: 3, perPage: 3, currentPage: 1, totalPages: 2, next: undefined, previous: undefined });
    const carts = decodeCartPage({ data: [{ id: 1 }, { id: 2, customer_id: 7 }, { id: 3, customer_id: 6 }] }, 7);
    assert.deepEqual([carts.carts.map((c) => c.cart.id), carts.dropped], [[1, 2], 1]);
  });

  it('exact limits: 250 records, 500 items and 32 levels pass; one more is refused', () => {
    const records = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
    assert.equal(MAX_RECORDS_PER_PAGE, 250);
    assert.equal(decodeAddressPage({ data: records(MAX_RECORDS_PER_PAGE) }, 7).addresses.length, MAX_RECORDS_PER_PAGE);
    assert.equal(refusedAt(() => decodeAddressPage({ data: records(MAX_RECORDS_PER_PAGE + 1) }, 7)), 'data');
    assert.equal(MAX_ITEMS, 500);
    const items = (n: number): unknown[] => Array.from({ length: n }, () => ({ quantity: 1 }));
    assert.equal(decodeCart({ id: 1, items: items(MAX_ITEMS) }, 'c').cart.items?.length, MAX_ITEMS);
    assert.equal(refusedAt(() => decodeCart({ id: 1, items: items(MAX_ITEMS + 1) }, 'c')), 'c.items');
    const nest = (levels: number): unknown => {
      let v: unknown = 1;
      for (let i = 0; i < levels; i++) {
        v = { x: v };
      }
      return v;
    };
    assert.equal(MAX_DEPTH, 32);
    checkDepth(nest(32));
    assert.equal(refusedAt(() => { checkDepth(nest(33)); }), '(body)');
    checkDepth(nest(3), 3);
    assert.equal(refusedAt(() => { checkDepth(nest(4), 3); }), '(body)');
    checkDepth([null, 1, 'x', [null]], 2);
  });

  it('a page body of the wrong shape is refused', () => {
    assert.equal(refusedAt(() => decodeCartPage('x', 7)), '(body)');
    assert.equal(refusedAt(() => decodeCartPage(null, 7)), '(body)');
    assert.equal(refusedAt(() => decodeOrderPage(undefined, 7)), '(body)');
    assert.equal(refusedAt(() => decodeCartPage({ data: {} }, 7)), 'data');
    assert.equal(refusedAt(() => decodeAddressPage({}, 7)), 'data');
  });
});
