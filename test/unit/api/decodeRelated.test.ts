/** Decoders of orders, addresses and carts: documented shapes, hostile payloads, the ownership check. */
import assert from 'node:assert/strict';
import { YampiError } from '../../../src/core/api/errors';
import {
  MAX_DEPTH, MAX_ITEMS, MAX_TEXT, checkDepth, decodeAddressPage, decodeCartPage, decodeOrderPage,
} from '../../../src/core/api/decodeRelated';
import { cartJson } from '../../../src/core/related/related';

function fails(fn: () => unknown, field: string): void {
  assert.throws(fn, (e: unknown) => YampiError.is(e, 'invalidResponse') && e.field === field, `expected invalidResponse at ${field}`);
}

const order = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 501, number: 1042, customer_id: 7, value_total: '189.90', value_products: 170, value_shipment: '19.90', value_discount: 0,
  created_at: { date: '2025-05-18 14:32:07.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' },
  status: { data: { id: 2, alias: 'paid', name: 'Pagamento aprovado' } },
  items: { data: [{ id: 1, sku_id: 9, item_sku: 'NAT-1', name: 'Kaiak', quantity: '2', price: '85.00' }] },
  ...over,
});

describe('decodeRelated', () => {
  it('decodes an order page as the docs show it (Fractal includes, numeric strings)', () => {
    const page = decodeOrderPage({ data: [order()], meta: { pagination: { total: '1', current_page: 1, total_pages: 1 } } }, 7);
    assert.equal(page.dropped, 0);
    const [o] = page.orders;
    assert.ok(o);
    assert.deepEqual(
      [o.id, o.number, o.customerId, o.total, o.shipment, o.status?.alias, o.status?.name],
      [501, 1042, 7, '189.90', '19.90', 'paid', 'Pagamento aprovado'],
    );
    assert.deepEqual(o.items, [{ id: 1, skuId: 9, sku: 'NAT-1', name: 'Kaiak', quantity: 2, price: '85.00' }]);
    assert.equal(page.pagination.total, 1);
  });

  it('accepts items and status without the data wrapper, and items absent (not included)', () => {
    const page = decodeOrderPage({ data: [order({ items: [{ quantity: 1 }], status: 'shipped' }), order({ id: 2, items: undefined })] }, 7);
    assert.equal(page.orders.find((o) => o.id === 501)?.status?.alias, 'shipped');
    assert.equal(page.orders.find((o) => o.id === 2)?.items, undefined);
  });

  it('drops orders of any other customer, and orders without customer_id, and counts them', () => {
    const body = { data: [order({ id: 1 }), order({ id: 2, customer_id: 8 }), order({ id: 3, customer_id: '7' }), order({ id: 4, customer_id: null })] };
    const page = decodeOrderPage(body, 7);
    assert.deepEqual(page.orders.map((o) => o.id).sort(), [1, 3]);
    assert.equal(page.dropped, 2);
  });

  it('sorts newest first whatever the server order', () => {
    const at = (d: string): Record<string, unknown> => ({ date: `${d}.000000`, timezone_type: 3, timezone: 'America/Sao_Paulo' });
    const body = { data: [order({ id: 1, created_at: at('2024-01-01 10:00:00') }), order({ id: 2, created_at: at('2025-02-01 10:00:00') }), order({ id: 3, created_at: at('2024-06-01 10:00:00') })] };
    assert.deepEqual(decodeOrderPage(body, 7).orders.map((o) => o.id), [2, 3, 1]);
  });

  it('names the wrong field of a hostile order payload', () => {
    fails(() => decodeOrderPage({ data: {} }, 7), 'data');
    fails(() => decodeOrderPage([], 7), '(body)');
    fails(() => decodeOrderPage({ data: [order({ id: 'x' })] }, 7), 'data[0].id');
    fails(() => decodeOrderPage({ data: [order({ id: -3 })] }, 7), 'data[0].id');
    fails(() => decodeOrderPage({ data: [order({ value_total: 'R$ 10' })] }, 7), 'data[0].value_total');
    fails(() => decodeOrderPage({ data: [order({ items: { data: [{ quantity: 1.5 }] } })] }, 7), 'data[0].items[0].quantity');
    fails(() => decodeOrderPage({ data: [order({ items: { data: 'all' } })] }, 7), 'data[0].items');
    fails(() => decodeOrderPage({ data: [order({ status: 3 })] }, 7), 'data[0].status');
    fails(() => decodeOrderPage({ data: [order({ created_at: { when: 'today' } })] }, 7), 'data[0].created_at');
    fails(() => decodeOrderPage({ data: [order({ items: [{ name: { html: '<b>' } }] })] }, 7), 'data[0].items[0].name');
  });

  it('refuses oversized lists and deep nesting; cuts absurdly long text', () => {
    const many = Array.from({ length: MAX_ITEMS + 1 }, () => ({ quantity: 1 }));
    fails(() => decodeOrderPage({ data: [order({ items: many })] }, 7), 'data[0].items');
    fails(() => decodeOrderPage({ data: Array.from({ length: 251 }, (_, i) => order({ id: i + 1 })) }, 7), 'data');
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 5; i++) {
      deep = { x: deep };
    }
    fails(() => decodeOrderPage({ data: [order({ extra: deep })] }, 7), '(body)');
    // 100 000 levels: no stack overflow, a typed error.
    let deeper: unknown = [];
    for (let i = 0; i < 100_000; i++) {
      deeper = [deeper];
    }
    fails(() => {
      checkDepth(deeper);
    }, '(body)');
    const long = decodeOrderPage({ data: [order({ items: [{ name: 'x'.repeat(MAX_TEXT * 3), quantity: 1 }] })] }, 7);
    assert.equal(long.orders[0]?.items?.[0]?.name?.length, MAX_TEXT);
  });

  it('decodes addresses and drops one that names another customer', () => {
    const page = decodeAddressPage({
      data: [
        { id: 1, customer_id: 7, receiver: 'Mariana', zip_code: '14015-000', street: 'Rua das Flores', number: 123, city: 'Ribeirão Preto', uf: 'SP' },
        { id: 2, customer_id: 8, street: 'Outra' },
        { id: 3, street: 'Sem dono explícito' },
      ],
    }, 7);
    assert.deepEqual(page.addresses.map((a) => a.id), [1, 3]);
    assert.equal(page.dropped, 1);
    assert.equal(page.addresses[0]?.number, '123');
    fails(() => decodeAddressPage({ data: [{ id: 1, street: ['x'] }] }, 7), 'data[0].street');
  });

  it('keeps cart token and simulate_url out of the cart (and out of its JSON)', () => {
    const page = decodeCartPage({
      data: [{
        id: 9, customer_id: 7, token: 'tok_secret_cart', simulate_url: 'https://loja.example/simulate?cart_token=tok_secret_cart',
        totalizers: { total_items: 3, subtotal: '100.00', shipment: 10, total: '110.00', total_formated: 'R$ 110,00' },
        last_transaction_status: 'refused', items: { data: [{ item_sku: 'A', name: 'Item', quantity: 3, price: 33.33 }] },
        created_at: '2025-03-01 10:00:00',
      }],
    }, 7);
    const [rec] = page.carts;
    assert.ok(rec);
    assert.equal(rec.secrets.token, 'tok_secret_cart');
    assert.equal(rec.cart.total, '110.00');
    assert.equal(rec.cart.totalItems, 3);
    assert.equal(rec.cart.lastTransactionStatus, 'refused');
    assert.ok(!JSON.stringify(rec.cart).includes('tok_secret_cart'));
    assert.ok(!cartJson(rec).includes('tok_secret_cart'));
    assert.ok(!cartJson(rec).includes('simulate'));
  });

  it('reads last_transaction_status given as an object and names wrong cart fields', () => {
    const page = decodeCartPage({ data: [{ id: 1, last_transaction_status: { data: { alias: 'cancelled' } } }] }, 7);
    assert.equal(page.carts[0]?.cart.lastTransactionStatus, 'cancelled');
    fails(() => decodeCartPage({ data: [{ id: 1, totalizers: [] }] }, 7), 'data[0].totalizers');
    fails(() => decodeCartPage({ data: [{ id: 1, totalizers: { total: 'free' } }] }, 7), 'data[0].totalizers.total');
    assert.equal(decodeCartPage({ data: [{ id: 1, customer_id: 99 }] }, 7).dropped, 1);
  });
});
