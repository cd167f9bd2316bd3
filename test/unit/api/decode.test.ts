/** Decoding payloads at the edge: both data shapes, lenient numbers, unknown fields, field paths. */
import assert from 'node:assert/strict';
import { decodeAuthMe, decodeCustomerEnvelope, decodeCustomerPage, decodePagination } from '../../../src/core/api/decode';
import { YampiError } from '../../../src/core/api/errors';

const customer = {
  id: 48213907, merchant_id: '109111', active: 1, type: 'f', name: 'Mariana', cpf: 34891267500,
  phone: { area_code: '16', full_number: '16981875668' },
  spreadsheet: { data: { city: 'Ribeirão Preto', last_order_date: { date: '2025-05-18 14:32:07.000000', timezone_type: 3 } } },
  loyalty_points: 12, future_field: { nested: true },
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    assert.ok(YampiError.is(e, 'invalidResponse'), String(e));
    return e.field;
  }
  assert.fail('expected invalidResponse');
}

describe('decode', () => {
  it('takes data as an object or a one-element array', () => {
    const a = decodeCustomerEnvelope({ data: customer });
    const b = decodeCustomerEnvelope({ data: [customer] });
    assert.deepEqual(a, b);
    assert.equal(a.customer.id, 48213907);
  });

  it('coerces numeric strings, 0/1 booleans and numeric documents; keeps unknown fields in raw', () => {
    const { customer: c, raw } = decodeCustomerEnvelope({ data: customer });
    assert.equal(c.merchant_id, 109111);
    assert.equal(c.active, true);
    assert.equal(c.cpf, '34891267500');
    assert.equal(raw['loyalty_points'], 12);
    assert.deepEqual(raw['future_field'], { nested: true });
    assert.equal(c.spreadsheet?.data?.city, 'Ribeirão Preto');
  });

  it('names the wrong field path', () => {
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: { ...customer, id: 'x' } })), 'data.id');
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: [{ ...customer, id: -3 }] })), 'data[0].id');
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: { ...customer, phone: { area_code: {} } } })), 'data.phone.area_code');
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: { ...customer, active: 'yes' } })), 'data.active');
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: { ...customer, spreadsheet: { data: { last_order_date: 5 } } } })), 'data.spreadsheet.data.last_order_date');
    assert.equal(fieldOf(() => decodeCustomerEnvelope({ data: [] })), 'data');
    assert.equal(fieldOf(() => decodeCustomerEnvelope('text')), '(body)');
    assert.equal(fieldOf(() => decodeCustomerPage({ data: [customer, { id: 1, email: [] }] })), 'data[1].email');
    assert.equal(fieldOf(() => decodeCustomerPage({ data: [], meta: { pagination: { total: 'many' } } })), 'meta.pagination.total');
  });

  it('accepts pagination as numbers or numeric strings, links missing, empty or []', () => {
    const asStrings = decodePagination({ pagination: { total: '47', count: '3', per_page: '3', current_page: '2', total_pages: '16', links: { previous: '', next: 'https://x/?page=3' } } }, 3);
    assert.deepEqual(asStrings, { total: 47, count: 3, perPage: 3, currentPage: 2, totalPages: 16, next: 'https://x/?page=3', previous: undefined });
    const phpEmpty = decodePagination({ pagination: { total: 3, count: 3, per_page: 10, current_page: 1, total_pages: 1, links: [] } }, 3);
    assert.equal(phpEmpty.next, undefined);
    const missing = decodePagination(undefined, 4);
    assert.deepEqual(missing, { total: 4, count: 4, perPage: 4, currentPage: 1, totalPages: 1, next: undefined, previous: undefined });
  });

  it('reads auth/me stores from data.merchants.data or data.merchants', () => {
    const stores = [{ id: 1, alias: 'loja', name: 'Loja', active: true, domain: 'loja.example' }, { alias: 'outra', active: 0 }];
    const wrapped = decodeAuthMe({ data: { id: 7, name: 'João', merchants: { data: stores } } });
    const bare = decodeAuthMe({ data: { id: 7, name: 'João', merchants: stores } });
    assert.deepEqual(wrapped, bare);
    assert.deepEqual(wrapped.stores[1], { id: undefined, alias: 'outra', name: 'outra', active: false, domain: undefined });
    assert.equal(fieldOf(() => decodeAuthMe({ data: { merchants: { data: [{ name: 'x' }] } } })), 'data.merchants.data[0].alias');
  });
});
