import assert from 'node:assert/strict';
import { customerSummary } from '../../../src/core/customers/summary';
import { exampleCustomer, exampleWith, listCustomers, recordOf } from './fixtures';

const TOKEN = '7f3c2a9e1b4d46e8a0c5f2b19d6e3a71';

describe('summary (tree description, tooltip, hover)', () => {
  it('no text can become a VS Code icon: `$(` from the data gets a zero-width space (quick-pick labels draw `$(name)`)', () => {
    for (const privacy of [true, false]) {
      const s = customerSummary(exampleWith({ name: '$(verified-filled) Loja', email: 'a.$(alert)@evil.example' }), 'en', privacy);
      for (const text of [s.name, s.label, s.description, s.email ?? '', ...s.lines]) {
        assert.doesNotMatch(text, /\$\([A-Za-z0-9-]+/, text);
      }
      assert.equal(s.name.replaceAll('\u200b', ''), '$(verified-filled) Loja');
      assert.ok(s.description.includes('@evil.example'));
    }
  });

  it('a very long name is cut before the #id, so the first line still says which customer it is', () => {
    const r = exampleWith({ name: 'x'.repeat(900) });
    const first = customerSummary(r, 'en', true).lines[0] ?? '';
    assert.ok(first.length <= 200, `line of ${first.length}`);
    assert.ok(first.endsWith(`(#${r.customer.id})`), first.slice(-40));
  });

  it('shows name, #id, status, masked e-mail and phone, city/UF and last order', () => {
    const s = customerSummary(exampleCustomer(), 'pt-br', true);
    assert.equal(s.description, '#48213907 · m***@exemplo.com.br');
    assert.deepEqual(s.lines, [
      'Mariana Costa Ribeiro (#48213907)',
      'Ativo · PF',
      'm***@exemplo.com.br',
      '(16) *****-5668',
      'Ribeirão Preto/SP',
      'Último pedido: 18/05/2025 14:32 · R$ 189,90',
    ]);
  });

  it('shows e-mail and phone in full with privacy mode off', () => {
    const s = customerSummary(exampleCustomer(), 'en', false);
    assert.equal(s.email, 'mariana.c.ribeiro@exemplo.com.br');
    assert.equal(s.phone, '(16) 98187-5668');
    assert.equal(s.lastOrder, 'Last order: May 18, 2025, 14:32 · R$ 189.90');
  });

  it('never contains token or login_url, with privacy on or off', () => {
    for (const record of [exampleCustomer(), ...listCustomers()]) {
      for (const privacy of [true, false]) {
        for (const locale of ['en', 'pt-br'] as const) {
          const s = customerSummary(record, locale, privacy);
          const text = JSON.stringify(s);
          const raw = record.raw;
          assert.ok(!text.includes(String(raw['token'])), 'token leaked');
          assert.ok(!text.includes(String(raw['login_url'])), 'login_url leaked');
          assert.ok(!text.includes('auth/login'), 'login_url leaked');
        }
      }
    }
    assert.ok(!JSON.stringify(customerSummary(exampleCustomer(), 'en', false)).includes(TOKEN));
  });

  it('copes with a record that has almost nothing', () => {
    const s = customerSummary(recordOf({ id: 3, active: false }), 'en', true);
    assert.equal(s.name, '#3');
    assert.equal(s.label, '#3');
    assert.equal(s.description, '', 'the label already is #3: the description must not repeat it');
    assert.deepEqual(s.lines, ['#3', 'Inactive · PF']);
  });

  it('a nameless customer with an e-mail: label #id, description the masked e-mail only', () => {
    const s = customerSummary(exampleWith({ name: null, generic_name: null, first_name: null, last_name: null, razao_social: null }), 'en', true);
    assert.equal(s.label, '#48213907');
    assert.equal(s.description, 'm***@exemplo.com.br');
  });

  it('isolates a right-to-left name in the tree label, and leaves other names as they are', () => {
    const rtl = customerSummary(exampleWith({ name: 'مريم الحسيني' }), 'en', true);
    assert.equal(rtl.label, '\u2068مريم الحسيني\u2069');
    assert.equal(rtl.name, 'مريم الحسيني');
    assert.equal(rtl.description, '#48213907 · m***@exemplo.com.br');
    for (const name of ['Mariana Costa Ribeiro', 'Zoë Conceição 🎉', 'Иван Петров']) {
      assert.equal(customerSummary(exampleWith({ name }), 'en', true).label, name);
    }
  });
});
