/**
 * Issue 23: every documented field of a customer, a page and /auth/me, decoded to exactly the
 * record the views get (deep equality), and every wrong type refused naming its JSON path — so a
 * dropped type check or a blanked field name cannot pass unnoticed. Error texts are only checked
 * for saying what was expected (they go to the log), never for their words.
 */
import assert from 'node:assert/strict';
import { decodeAuthMe, decodeCustomerEnvelope, decodeCustomerPage, decodePagination, MAX_NESTING } from '../../../src/core/api/decode';
import { YampiError } from '../../../src/core/api/errors';

/** The refusal: its field path, and that its message says what the value should have been. */
function refusedAt(fn: () => unknown, saysExpected = true): string | undefined {
  try {
    fn();
  } catch (e) {
    assert.ok(YampiError.is(e, 'invalidResponse'), String(e));
    const expected = / should be (.*)$/.exec(e.message)?.[1] ?? '';
    assert.ok(!saysExpected || /\w{2,}/.test(expected), `the log line does not say what was expected: ${e.message}`);
    return e.field;
  }
  assert.fail('accepted');
}

const STRING_FIELDS = [
  'type', 'name', 'first_name', 'last_name', 'generic_name', 'cpf', 'razao_social', 'cnpj', 'state_registration', 'email', 'birthday',
  'social_driver', 'social_id', 'ip', 'token', 'login_url', 'utm_source', 'utm_campaign', 'notes',
];
const NUMBER_FIELDS = ['merchant_id', 'marketplace_id', 'cluster_id'];
const BOOLEAN_FIELDS = ['active', 'newsletter', 'whatsapp', 'anonymized'];
const PHONE_FIELDS = ['area_code', 'full_number', 'number', 'formated_number', 'whatsapp_link'];
const SHEET_STRING_FIELDS = [
  'brands', 'city', 'purchased_brands', 'last_order_value', 'purchased_categories', 'number', 'uf', 'phone', 'street', 'phone_number',
  'categories', 'neighborhood', 'complement', 'phone_code',
];

/** A record as the docs allow it: numbers where strings go, numeric strings, 0/1 booleans. */
function lenientRecord(): Record<string, unknown> {
  const raw: Record<string, unknown> = { id: '48213907' };
  STRING_FIELDS.forEach((k, i) => { raw[k] = 1000 + i; });
  NUMBER_FIELDS.forEach((k, i) => { raw[k] = ` ${100 + i} `; });
  BOOLEAN_FIELDS.forEach((k, i) => { raw[k] = [1, '1', 0, '0'][i]; });
  raw['deletion_request'] = { requested_at: '2025-01-01' };
  raw['addresses'] = [{ any: 'shape' }];
  raw['phone'] = Object.fromEntries(PHONE_FIELDS.map((k, i) => [k, 16 + i]));
  raw['spreadsheet'] = {
    data: { ...Object.fromEntries(SHEET_STRING_FIELDS.map((k, i) => [k, 2000 + i])), last_order_date: { date: '2025-05-18 14:32:07.000000', timezone_type: 3 } },
  };
  raw['future_field'] = { nested: [1, null, { deeper: null }] };
  return raw;
}

describe('decode: every documented field (issue 23)', () => {
  it('a lenient record decodes to exactly the typed record, unknown fields kept in raw only', () => {
    const raw = lenientRecord();
    const { customer, raw: kept } = decodeCustomerEnvelope({ data: raw });
    const expected: Record<string, unknown> = { id: 48213907 };
    STRING_FIELDS.forEach((k, i) => { expected[k] = String(1000 + i); });
    NUMBER_FIELDS.forEach((k, i) => { expected[k] = 100 + i; });
    BOOLEAN_FIELDS.forEach((k, i) => { expected[k] = [true, true, false, false][i]; });
    expected['deletion_request'] = { requested_at: '2025-01-01' };
    expected['addresses'] = [{ any: 'shape' }];
    expected['phone'] = Object.fromEntries(PHONE_FIELDS.map((k, i) => [k, String(16 + i)]));
    expected['spreadsheet'] = {
      data: { ...Object.fromEntries(SHEET_STRING_FIELDS.map((k, i) => [k, String(2000 + i)])), last_order_date: { date: '2025-05-18 14:32:07.000000', timezone_type: 3 } },
    };
    assert.deepEqual(customer, expected);
    assert.equal(kept, raw);
  });

  it('strings, booleans and nulls pass as they are; absent fields stay absent', () => {
    const raw: Record<string, unknown> = {
      id: 7, name: 'Ana', active: false, newsletter: true, notes: null, cpf: undefined, phone: null, spreadsheet: null,
    };
    assert.deepEqual(decodeCustomerEnvelope({ data: raw }).customer, { id: 7, name: 'Ana', active: false, newsletter: true, notes: null, cpf: undefined, phone: null, spreadsheet: null });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7 } }).customer, { id: 7 });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, spreadsheet: {} } }).customer, { id: 7, spreadsheet: { data: undefined } });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: null } } }).customer, { id: 7, spreadsheet: { data: null } });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, spreadsheet: undefined } }).customer, { id: 7, spreadsheet: undefined });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, phone: {} } }).customer, { id: 7, phone: {} });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: { last_order_date: '2025-05-18 14:32:07' } } } }).customer, {
      id: 7, spreadsheet: { data: { last_order_date: '2025-05-18 14:32:07' } },
    });
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, merchant_id: '12.50', cluster_id: '-3' } }).customer, { id: 7, merchant_id: 12.5, cluster_id: -3 });
  });

  it('a wrong type in any documented field is refused at its JSON path', () => {
    const wrong: [string, unknown][] = [
      ...STRING_FIELDS.map((k): [string, unknown] => [k, { text: 'x' }]),
      ...STRING_FIELDS.map((k): [string, unknown] => [k, Number.NaN]),
      ...NUMBER_FIELDS.map((k): [string, unknown] => [k, 'x12']),
      ...NUMBER_FIELDS.map((k): [string, unknown] => [k, Number.POSITIVE_INFINITY]),
      ...BOOLEAN_FIELDS.map((k): [string, unknown] => [k, 'yes']),
      ...BOOLEAN_FIELDS.map((k): [string, unknown] => [k, 2]),
    ];
    for (const [key, value] of wrong) {
      assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, [key]: value } })), `data.${key}`, `${key}: ${String(value)}`);
    }
    for (const key of PHONE_FIELDS) {
      assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, phone: { [key]: [] } } })), `data.phone.${key}`);
    }
    for (const key of SHEET_STRING_FIELDS) {
      assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: { [key]: true } } } })), `data.spreadsheet.data.${key}`);
    }
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: { last_order_date: 20250518 } } } })), 'data.spreadsheet.data.last_order_date');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: { last_order_date: { date: 1 } } } } })), 'data.spreadsheet.data.last_order_date');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, phone: '16981875668' } })), 'data.phone');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, spreadsheet: 'x' } })), 'data.spreadsheet');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, spreadsheet: { data: [] } } })), 'data.spreadsheet.data');
  });

  it('the id: a positive safe integer, as a number or numeric string', () => {
    assert.equal(decodeCustomerEnvelope({ data: { id: 1 } }).customer.id, 1);
    assert.equal(decodeCustomerEnvelope({ data: { id: ' 12 ' } }).customer.id, 12);
    for (const id of [0, '0', -1, '-3', 1.5, '2.5', 2 ** 53, 'x', '1e3', '', null, undefined, true]) {
      assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id } })), 'data.id', String(id));
    }
  });

  it('nesting: 32 levels in a field pass, 33 are refused naming the field; nulls inside are fine', () => {
    const nest = (levels: number): unknown => {
      let v: unknown = null;
      for (let i = 0; i < levels; i++) {
        v = i % 2 === 0 ? [v] : { k: v };
      }
      return v;
    };
    assert.equal(MAX_NESTING, 32);
    assert.deepEqual(decodeCustomerEnvelope({ data: { id: 7, extra: nest(32) } }).raw['extra'], nest(32));
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, extra: nest(33) } }), false), 'data.extra');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: { id: 7, a: 1, b: null, deep: nest(40) } }), false), 'data.deep');
  });

  it('envelopes: an object, or an array whose first element is the customer; anything else refused at its path', () => {
    assert.deepEqual(decodeCustomerEnvelope({ data: [{ id: 3 }, { id: 4 }] }).customer, { id: 3 });
    assert.equal(refusedAt(() => decodeCustomerEnvelope('x')), '(body)');
    assert.equal(refusedAt(() => decodeCustomerEnvelope(null)), '(body)');
    assert.equal(refusedAt(() => decodeCustomerEnvelope([{ id: 3 }])), '(body)');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: [] })), 'data');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: [5] })), 'data[0]');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({ data: 'x' })), 'data');
    assert.equal(refusedAt(() => decodeCustomerEnvelope({})), 'data');
    assert.equal(refusedAt(() => decodeCustomerPage('x')), '(body)');
    assert.equal(refusedAt(() => decodeCustomerPage({ data: { id: 1 } })), 'data');
    assert.equal(refusedAt(() => decodeCustomerPage({ data: [{ id: 1 }, { id: 0 }] })), 'data[1].id');
  });
});

describe('decode: pagination (issue 23)', () => {
  it('reads every count, falls back to the page when a count is missing or null, links optional', () => {
    assert.deepEqual(decodePagination({ pagination: { total: '120', count: 25, per_page: '25', current_page: 2, total_pages: '5', links: { next: 'https://n', previous: 'https://p' } } }, 25), {
      total: 120, count: 25, perPage: 25, currentPage: 2, totalPages: 5, next: 'https://n', previous: 'https://p',
    });
    const fallback = { total: 3, count: 3, perPage: 3, currentPage: 1, totalPages: 1, next: undefined, previous: undefined };
    assert.deepEqual(decodePagination(undefined, 3), fallback);
    assert.deepEqual(decodePagination(null, 3), fallback);
    assert.deepEqual(decodePagination({}, 3), fallback);
    assert.deepEqual(decodePagination({ pagination: null }, 3), fallback);
    assert.deepEqual(decodePagination({ pagination: { total: null, count: null, per_page: null, current_page: null, total_pages: null, links: null } }, 3), fallback);
    assert.deepEqual(decodePagination({ pagination: { links: [] } }, 3), fallback);
    assert.deepEqual(decodePagination({ pagination: { links: { next: '', previous: null } } }, 3), fallback);
    assert.deepEqual(decodePagination({ pagination: { total: 0, count: 0 } }, 3), { ...fallback, total: 0, count: 0 });
  });

  it('refuses a wrong shape or count at its path', () => {
    assert.equal(refusedAt(() => decodePagination('x', 1)), 'meta');
    assert.equal(refusedAt(() => decodePagination([], 1)), 'meta');
    assert.equal(refusedAt(() => decodePagination({ pagination: 'x' }, 1)), 'meta.pagination');
    assert.equal(refusedAt(() => decodePagination({ pagination: [] }, 1)), 'meta.pagination');
    assert.equal(refusedAt(() => decodePagination({ pagination: { links: 'x' } }, 1)), 'meta.pagination.links');
    assert.equal(refusedAt(() => decodePagination({ pagination: { links: { next: 5 } } }, 1)), 'meta.pagination.links.next');
    assert.equal(refusedAt(() => decodePagination({ pagination: { links: { previous: {} } } }, 1)), 'meta.pagination.links.previous');
    for (const key of ['total', 'count', 'per_page', 'current_page', 'total_pages']) {
      for (const value of [-1, '-1', 1.5, 'x']) {
        assert.equal(refusedAt(() => decodePagination({ pagination: { [key]: value } }, 1)), `meta.pagination.${key}`, `${key}: ${String(value)}`);
      }
    }
  });

  it('a page decodes each customer and its pagination', () => {
    assert.deepEqual(decodeCustomerPage({ data: [{ id: '1' }, { id: 2, name: 'B' }] }), {
      items: [{ customer: { id: 1 }, raw: { id: '1' } }, { customer: { id: 2, name: 'B' }, raw: { id: 2, name: 'B' } }],
      pagination: { total: 2, count: 2, perPage: 2, currentPage: 1, totalPages: 1, next: undefined, previous: undefined },
    });
  });
});

describe('decode: /auth/me (issue 23)', () => {
  it('reads the user and each store, with the defaults the docs imply', () => {
    const me = decodeAuthMe({
      data: {
        id: '9', name: 'Ana', email: 'ana@x.com',
        merchants: { data: [
          { id: '1', alias: 'loja-a', name: 'Loja A', active: 1, domain: 'loja-a.com.br' },
          { alias: 'loja-b' },
          { id: null, alias: 'loja-c', name: null, active: null, domain: null },
          { id: 4, alias: 'loja-d', active: '0' },
        ] },
      },
    });
    assert.deepEqual(me, {
      userId: 9, userName: 'Ana', email: 'ana@x.com', invalidStores: 0,
      stores: [
        { id: 1, alias: 'loja-a', name: 'Loja A', active: true, domain: 'loja-a.com.br' },
        { id: undefined, alias: 'loja-b', name: 'loja-b', active: true, domain: undefined },
        { id: undefined, alias: 'loja-c', name: 'loja-c', active: true, domain: undefined },
        { id: 4, alias: 'loja-d', name: 'loja-d', active: false, domain: undefined },
      ],
    });
  });

  it('takes a bare merchants array, or none at all', () => {
    assert.deepEqual(decodeAuthMe({ data: { merchants: [{ alias: 'x' }] } }).stores.map((s) => s.alias), ['x']);
    assert.deepEqual(decodeAuthMe({ data: {} }), { userId: undefined, userName: undefined, email: undefined, stores: [], invalidStores: 0 });
    assert.deepEqual(decodeAuthMe({ data: { merchants: null, id: null, name: null, email: null } }), { userId: undefined, userName: undefined, email: undefined, stores: [], invalidStores: 0 });
    assert.deepEqual(decodeAuthMe({ data: { merchants: { data: null } } }).stores, []);
  });

  it('refuses a wrong shape at its path', () => {
    assert.equal(refusedAt(() => decodeAuthMe('x')), 'data');
    assert.equal(refusedAt(() => decodeAuthMe({ data: [] })), 'data');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: 'x' } })), 'data.merchants');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: { data: 'x' } } })), 'data.merchants.data');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: { data: [{ alias: 'a' }, 'x'] } } })), 'data.merchants.data[1]');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: ['x'] } })), 'data.merchants[0]');
    for (const alias of [undefined, null, '', 5]) {
      assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: [{ alias }] } })), 'data.merchants[0].alias', String(alias));
    }
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: [{ alias: 'a', id: 'x' }] } })), 'data.merchants[0].id');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: [{ alias: 'a', name: 5 }] } })), 'data.merchants[0].name');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: [{ alias: 'a', active: 'yes' }] } })), 'data.merchants[0].active');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { merchants: [{ alias: 'a', domain: 5 }] } })), 'data.merchants[0].domain');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { id: 'x' } })), 'data.id');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { name: 5 } })), 'data.name');
    assert.equal(refusedAt(() => decodeAuthMe({ data: { email: {} } })), 'data.email');
  });
});
