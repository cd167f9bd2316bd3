import assert from 'node:assert/strict';
import {
  type CustomerView,
  type FieldView,
  allFields,
  buildCustomerView,
  copyConfirmation,
  customerJson,
  fieldLeafText,
  findField,
  isConcealed,
  revealAllPaths,
  shownValue,
} from '../../../src/core/customers/fields';
import { exampleCustomer, exampleWith, listCustomers, recordOf } from './fixtures';

/** Every field of yampi-api.md § 1.4, typed in from the documentation (not from the code). */
const DOCUMENTED_PATHS = [
  'id', 'merchant_id', 'marketplace_id', 'active', 'type', 'cluster_id', 'name', 'first_name', 'last_name',
  'generic_name', 'cpf',
  'spreadsheet.data.brands', 'spreadsheet.data.city', 'spreadsheet.data.purchased_brands',
  'spreadsheet.data.last_order_date', 'spreadsheet.data.last_order_value', 'spreadsheet.data.purchased_categories',
  'spreadsheet.data.number', 'spreadsheet.data.uf', 'spreadsheet.data.phone', 'spreadsheet.data.street',
  'spreadsheet.data.phone_number', 'spreadsheet.data.categories', 'spreadsheet.data.neighborhood',
  'spreadsheet.data.complement', 'spreadsheet.data.phone_code',
  'phone.area_code', 'phone.full_number', 'phone.number', 'phone.formated_number', 'phone.whatsapp_link',
  'razao_social', 'cnpj', 'state_registration', 'email', 'birthday', 'newsletter', 'whatsapp', 'social_driver',
  'social_id', 'ip', 'token', 'utm_source', 'utm_campaign', 'notes', 'login_url', 'anonymized',
];

const PRIVATE = { privacy: true, revealed: new Set<string>() };
const OPEN = { privacy: false, revealed: new Set<string>() };

function field(view: CustomerView, path: string): FieldView {
  const f = findField(view, path);
  assert.ok(f, `no field ${path}`);
  return f;
}

describe('fields: groups cover the record', () => {
  const view = buildCustomerView(exampleCustomer(), 'en');

  it('has the six groups in order', () => {
    assert.deepEqual(
      view.groups.map((g) => g.label),
      ['Identity', 'Contact', 'Address', 'Purchases', 'Marketing', 'System'],
    );
    assert.deepEqual(
      buildCustomerView(exampleCustomer(), 'pt-br').groups.map((g) => g.label),
      ['Identificação', 'Contato', 'Endereço', 'Compras', 'Marketing', 'Sistema'],
    );
  });

  it('puts every documented field in exactly one group, as a documented field', () => {
    const paths = allFields(view).map((f) => f.path);
    for (const p of DOCUMENTED_PATHS) {
      assert.equal(paths.filter((x) => x === p).length, 1, p);
      assert.equal(field(view, p).documented, true, p);
    }
  });

  it('shows no "other fields" for the documented example (nothing left over)', () => {
    assert.deepEqual(allFields(view).filter((f) => !f.documented).map((f) => f.path), []);
  });

  it('every leaf value of the example record is present and copyable as sent', () => {
    assert.equal(field(view, 'cpf').copyText, '34891267500');
    assert.equal(field(view, 'id').copyText, '48213907');
    assert.equal(field(view, 'active').copyText, 'true');
    assert.equal(field(view, 'spreadsheet.data.last_order_date').copyText, '2025-05-18 14:32:07.000000');
    assert.equal(field(view, 'phone.formated_number').copyText, '(16) 98187-5668');
    assert.equal(field(view, 'marketplace_id').present, false);
  });

  it('places fields in the expected groups', () => {
    const groupOf = (p: string): string => field(view, p).group;
    assert.equal(groupOf('cpf'), 'identity');
    assert.equal(groupOf('email'), 'contact');
    assert.equal(groupOf('spreadsheet.data.city'), 'address');
    assert.equal(groupOf('spreadsheet.data.last_order_value'), 'purchases');
    assert.equal(groupOf('utm_campaign'), 'marketing');
    assert.equal(groupOf('token'), 'system');
  });
});

describe('fields: formatting and labels', () => {
  it('formats the example in Portuguese', () => {
    const view = buildCustomerView(exampleCustomer(), 'pt-br');
    assert.equal(field(view, 'cpf').formatted, '348.912.675-00');
    assert.equal(field(view, 'cpf').label, 'CPF');
    assert.equal(field(view, 'birthday').formatted, '23/08/1991');
    assert.equal(field(view, 'birthday').label, 'Data de nascimento');
    assert.equal(field(view, 'spreadsheet.data.last_order_date').formatted, '18/05/2025 14:32');
    assert.equal(field(view, 'spreadsheet.data.last_order_value').formatted, 'R$ 189,90');
    assert.equal(field(view, 'phone.full_number').formatted, '(16) 98187-5668');
    assert.equal(field(view, 'newsletter').formatted, 'Sim');
    assert.equal(field(view, 'type').formatted, 'Pessoa física (PF)');
    assert.equal(field(view, 'cnpj').formatted, 'Não informado');
  });

  it('formats the example in English (money stays BRL)', () => {
    const view = buildCustomerView(exampleCustomer(), 'en');
    assert.equal(field(view, 'birthday').formatted, 'Aug 23, 1991');
    assert.equal(field(view, 'spreadsheet.data.last_order_value').formatted, 'R$ 189.90');
    assert.equal(field(view, 'anonymized').formatted, 'No');
    assert.equal(field(view, 'email').label, 'E-mail');
  });

  it('every field has a label in both languages', () => {
    for (const locale of ['en', 'pt-br'] as const) {
      for (const f of allFields(buildCustomerView(exampleCustomer(), locale))) {
        assert.ok(f.label.trim().length > 0, `${locale} ${f.path}`);
      }
    }
  });
});

describe('fields: PF/PJ, badges, invalid documents', () => {
  it('reads PF from the record', () => {
    const view = buildCustomerView(exampleCustomer(), 'en');
    assert.equal(view.kind, 'pf');
    assert.equal(view.name, 'Mariana Costa Ribeiro');
    assert.deepEqual(view.badges.map((b) => b.id), ['active', 'pf', 'newsletter', 'whatsapp']);
    assert.equal(view.whatsappLink, 'https://api.whatsapp.com/send?phone=5516981875668');
  });

  it('reads PJ from the record and formats its CNPJ', () => {
    const pj = listCustomers()[2];
    assert.ok(pj);
    const view = buildCustomerView(pj, 'pt-br');
    assert.equal(view.kind, 'pj');
    assert.deepEqual(view.badges.map((b) => b.label), ['Ativo', 'PJ', 'Newsletter']);
    assert.equal(field(view, 'cnpj').formatted, '27.481.953/0001-75');
    assert.equal(field(view, 'cnpj').warning, undefined);
    assert.equal(field(view, 'spreadsheet.data.last_order_value').formatted, 'R$ 1.249,00');
  });

  it('flags an invalid CPF without hiding it', () => {
    const view = buildCustomerView(exampleWith({ cpf: '111.111.111-11', active: false, anonymized: true }), 'en');
    const cpf = field(view, 'cpf');
    assert.equal(cpf.formatted, '111.111.111-11');
    assert.equal(cpf.warning, 'Invalid CPF check digits');
    assert.equal(cpf.masked, '***.111.111-**');
    assert.deepEqual(view.badges.map((b) => b.id), ['inactive', 'pf', 'anonymized', 'newsletter', 'whatsapp', 'invalidDocument']);
  });

  it('shows bidi overrides as visible escapes but copies the value as sent', () => {
    const view = buildCustomerView(exampleWith({ name: 'Ana \u202Egnp.exe' }), 'en');
    assert.equal(view.name, 'Ana \\u202Egnp.exe');
    assert.equal(field(view, 'name').formatted, 'Ana \\u202Egnp.exe');
    assert.equal(field(view, 'name').copyText, 'Ana \u202Egnp.exe');
  });

  it('never uses the whatsapp link of the record (a javascript: URL included): the link is built from the phone digits', () => {
    const view = buildCustomerView(exampleWith({ phone: { whatsapp_link: 'javascript:alert(1)' } }), 'en');
    assert.equal(view.whatsappLink, 'https://api.whatsapp.com/send?phone=5516981875668');
    assert.equal(buildCustomerView(exampleWith({ phone: { whatsapp_link: 'javascript:alert(1)' }, spreadsheet: null }), 'en').whatsappLink, undefined);
  });
});

describe('fields: nulls, missing and unknown fields', () => {
  it('survives a record with nulls and missing fields', () => {
    const view = buildCustomerView(recordOf({ id: 7, name: null, email: null, spreadsheet: null, phone: { area_code: null } }), 'en');
    assert.equal(view.name, '#7');
    assert.equal(view.kind, 'pf');
    assert.equal(view.whatsappLink, undefined);
    for (const p of DOCUMENTED_PATHS.filter((x) => x !== 'id')) {
      const f = field(view, p);
      assert.equal(f.present, false, p);
      assert.equal(f.formatted, 'Not set', p);
      assert.equal(f.copyText, '', p);
      assert.equal(isConcealed(f, PRIVATE), false, `${p}: nothing to hide`);
    }
    assert.equal(field(view, 'spreadsheet.data.city').group, 'address');
  });

  it('treats blank strings as not set', () => {
    const view = buildCustomerView(exampleWith({ notes: '   ' }), 'en');
    assert.equal(field(view, 'notes').present, false);
  });

  it('lists unknown fields with their path, guessing their sensitivity', () => {
    const view = buildCustomerView(
      exampleWith({
        created_at: { date: '2024-01-02 03:04:05.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' },
        loyalty: { tier: 'gold', points: 1200 },
        api_key: 'sk_live_abc',
        mother_name: 'Maria',
        tags: ['vip', 'b2b'],
        addresses: { data: [{ zip_code: '14020260', city: 'Ribeirão Preto' }] },
        spreadsheet: { data: { city: 'Ribeirão Preto', extra_column: 'x' } },
      }),
      'en',
    );
    const extra = allFields(view).filter((f) => !f.documented);
    assert.deepEqual(
      extra.map((f) => [f.path, f.group, f.sensitivity]),
      [
        ['addresses.data.0.zip_code', 'address', 'personal'],
        ['addresses.data.0.city', 'address', 'personal'],
        ['spreadsheet.data.extra_column', 'system', 'none'],
        ['created_at', 'system', 'none'],
        ['loyalty.tier', 'system', 'none'],
        ['loyalty.points', 'system', 'none'],
        ['api_key', 'system', 'secret'],
        ['mother_name', 'system', 'personal'],
        ['tags.0', 'system', 'none'],
        ['tags.1', 'system', 'none'],
      ],
    );
    assert.equal(field(view, 'created_at').copyText, '2024-01-02 03:04:05.000000');
    assert.equal(field(view, 'loyalty.points').formatted, '1200');
    assert.equal(field(view, 'api_key').masked, 'Hidden');
    assert.equal(field(view, 'mother_name').masked, 'M***');
  });

  it('keeps a scalar where the docs expect an object as an "other" field', () => {
    const view = buildCustomerView(exampleWith({ phone: '16981875668' }), 'en');
    assert.equal(field(view, 'phone.formated_number').present, false);
    const phone = field(view, 'phone');
    assert.equal(phone.documented, false);
    assert.equal(phone.sensitivity, 'personal');
  });
});

describe('fields: visibility', () => {
  const view = buildCustomerView(exampleCustomer(), 'en');

  it('masks personal data while privacy mode is on', () => {
    assert.equal(shownValue(field(view, 'cpf'), PRIVATE), '***.912.675-**');
    assert.equal(shownValue(field(view, 'email'), PRIVATE), 'm***@exemplo.com.br');
    assert.equal(shownValue(field(view, 'phone.formated_number'), PRIVATE), '(16) *****-5668');
    assert.equal(shownValue(field(view, 'birthday'), PRIVATE), '**/**/1991');
    assert.equal(shownValue(field(view, 'ip'), PRIVATE), '203.0.*.*');
    assert.equal(shownValue(field(view, 'spreadsheet.data.city'), PRIVATE), 'Ribeirão Preto');
  });

  it('shows personal data with privacy mode off or once revealed', () => {
    assert.equal(shownValue(field(view, 'email'), OPEN), 'mariana.c.ribeiro@exemplo.com.br');
    assert.equal(shownValue(field(view, 'email'), { privacy: true, revealed: new Set(['email']) }), 'mariana.c.ribeiro@exemplo.com.br');
    assert.equal(fieldLeafText(field(view, 'cpf'), OPEN), 'CPF: 348.912.675-00');
  });

  it('hides token and login_url even with privacy mode off, until revealed', () => {
    for (const p of ['token', 'login_url']) {
      assert.equal(shownValue(field(view, p), OPEN), 'Hidden');
      assert.equal(isConcealed(field(view, p), OPEN), true);
      assert.equal(isConcealed(field(view, p), { privacy: false, revealed: new Set([p]) }), false);
    }
    assert.equal(shownValue(field(view, 'token'), { privacy: true, revealed: new Set(['token']) }), '7f3c2a9e1b4d46e8a0c5f2b19d6e3a71');
  });

  it('"reveal all" reveals personal data, never credentials', () => {
    const paths = revealAllPaths(view);
    assert.ok(paths.includes('email'));
    assert.ok(paths.includes('cpf'));
    assert.ok(!paths.includes('token'));
    assert.ok(!paths.includes('login_url'));
    assert.ok(!paths.includes('cnpj'), 'absent values need no reveal');
  });

  it('the copy confirmation names the field, not the value', () => {
    assert.equal(copyConfirmation(field(view, 'email'), 'en'), 'E-mail copied');
    const pt = buildCustomerView(exampleCustomer(), 'pt-br');
    assert.equal(copyConfirmation(field(pt, 'token'), 'pt-br'), 'Token copiado');
  });
});

describe('fields: copy as JSON', () => {
  it('keeps every field (unknown ones too) and hides credentials unless revealed', () => {
    const record = exampleWith({ brand_new_field: 42 });
    const hidden = JSON.parse(customerJson(record, new Set())) as Record<string, unknown>;
    assert.equal(hidden['token'], '[hidden]');
    assert.equal(hidden['login_url'], '[hidden]');
    assert.equal(hidden['brand_new_field'], 42);
    assert.equal(hidden['cpf'], '34891267500');
    assert.equal(hidden['social_id'], null);
    const shown = JSON.parse(customerJson(record, new Set(['token']))) as Record<string, unknown>;
    assert.equal(shown['token'], '7f3c2a9e1b4d46e8a0c5f2b19d6e3a71');
    assert.equal(shown['login_url'], '[hidden]');
  });
});
