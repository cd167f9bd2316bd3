import { strict as assert } from 'node:assert';
import { decodeOrderEnvelope, decodeOrderList, decodeStatuses } from '../../../src/core/orders/decodeOrder';
import { orderStatus } from '../../../src/core/orders/orderFormat';
import type { OrderDetail } from '../../../src/core/orders/orderModel';

const base: OrderDetail = { id: 5, number: 1000, customerId: 7, statusId: 2, status: { id: 2, alias: 'paid', name: 'Pagamento aprovado' } };

describe('orders: statuses by the store’s own names', () => {
  const serra = decodeStatuses({ data: [{ id: 1, order: '1', alias: 'waiting_payment', name: 'Pagamento pendente' }, { id: 2, order: 2, alias: 'paid', name: 'Pago – separar pedido' }, { id: 9, alias: 'x' }], meta: {} });

  it('decodes the store list (numbers may be strings)', () => {
    assert.deepEqual(serra.map((s) => [s.id, s.name]), [[1, 'Pagamento pendente'], [2, 'Pago – separar pedido'], [9, undefined]]);
    assert.throws(() => decodeStatuses({ data: 'nope' }));
  });

  it('names the status as the store does, by status_id, whatever the language', () => {
    for (const locale of ['en', 'pt-br'] as const) {
      const s = orderStatus(base, serra, locale);
      assert.deepEqual([s.label, s.source, s.tone, s.alias], ['Pago – separar pedido', 'store', 'success', 'paid']);
    }
  });

  it('falls back to the order’s own status, then says it is unknown; never a name of ours', () => {
    assert.deepEqual([orderStatus(base, undefined, 'en').label, orderStatus(base, undefined, 'en').source], ['Pagamento aprovado', 'order']);
    assert.deepEqual([orderStatus({ ...base, statusId: 42 }, serra, 'en').label, orderStatus({ ...base, statusId: 42 }, serra, 'en').source], ['Pagamento aprovado', 'order']);
    const bare = orderStatus({ ...base, status: undefined, statusId: undefined }, serra, 'pt-br');
    assert.deepEqual([bare.label, bare.source], ['Situação desconhecida', 'none']);
  });
});

describe('orders: decoding one order and a list', () => {
  const json = {
    id: '1093051', number: '2940', customer_id: 48213907, status_id: 4, value_total: '548.63', track_code: 'QB1', delivered: true,
    items: { data: [{ item_sku: 'A-1', name: 'Café', quantity: 2, price: '10.50' }] },
    customer: { data: { id: 48213907, name: 'Mariana', email: 'm@x.example', phone: { full_number: '5516999995668' }, cpf: '12345678909' } },
    shipping_address: { data: { id: 1, street: 'Rua A', number: '10', city: 'Franca', uf: 'SP', zip_code: '14400000' } },
    transactions: { data: [{ holder_document: '12345678909', truncated_card: '4111********1111', billet_url: 'https://x' }] },
  };

  it('keeps buyer, address, tracking and status id; never transactions or the CPF', () => {
    for (const body of [{ data: json }, { data: [json] }]) {
      const o = decodeOrderEnvelope(body);
      assert.deepEqual([o.id, o.number, o.statusId, o.customer?.id, o.customer?.phone, o.shippingAddress?.city, o.tracking?.code, o.items?.length], [1093051, '2940', 4, 48213907, '5516999995668', 'Franca', 'QB1', 1]);
      const text = JSON.stringify(o);
      assert.ok(!text.includes('12345678909') && !text.includes('4111') && !text.includes('billet'), text);
    }
  });

  it('refuses a body that is not one order, and decodes lists with their total', () => {
    assert.throws(() => decodeOrderEnvelope({ data: [json, json] }));
    assert.throws(() => decodeOrderEnvelope({ data: { id: 'x' } }));
    const list = decodeOrderList({ data: [json], meta: { pagination: { total: '12', count: 1, per_page: 10, current_page: 1, total_pages: 2 } } });
    assert.deepEqual([list.orders.length, list.total], [1, 12]);
  });
});
