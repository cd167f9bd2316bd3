/**
 * Issue 10 point 6: hostile records. Money formatting is bounded, the decoder caps nesting with a
 * clear invalidResponse, long values are truncated in every view while Copy stays whole, and a body
 * too large for a webview message becomes an error state instead of an endless "Loading…".
 */
import assert from 'node:assert/strict';
import { decodeCustomer, decodeCustomerEnvelope, decodeCustomerPage, MAX_NESTING } from '../../../src/core/api/decode';
import { YampiError } from '../../../src/core/api/errors';
import { hoverCard } from '../../../src/core/hover/hoverCard';
import { buildCustomerView, fieldLeafText, findField, MAX_VIEW_VALUE } from '../../../src/core/customers/fields';
import { formatMoney } from '../../../src/core/common/format';
import { customerSummary } from '../../../src/core/customers/summary';
import { renderDetailBody } from '../../../src/core/customers/renderDetailHtml';
import { MAX_HTML_LENGTH } from '../../../src/core/webview/protocol';
import { exampleWith } from './fixtures';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) {
    v = [v];
  }
  return v;
}

describe('hostile records', () => {
  describe('money', () => {
    it('a 60,000-digit last_order_value is not grouped digit by digit: it is shown as sent, cut in the view', () => {
      const huge = '9'.repeat(60_000);
      assert.equal(formatMoney(huge, 'pt-br'), huge);
      assert.equal(formatMoney(`${huge}.50`, 'en'), `${huge}.50`);
      const view = buildCustomerView(exampleWith({ spreadsheet: { data: { last_order_value: huge } } }), 'pt-br');
      const f = findField(view, 'spreadsheet.data.last_order_value');
      assert.ok(f);
      assert.ok(f.formatted.length <= MAX_VIEW_VALUE, `${f.formatted.length} characters shown`);
      assert.equal(f.copyText, huge);
    });

    it('ordinary amounts still format, up to quadrillions', () => {
      assert.equal(formatMoney('1234567890123.45', 'pt-br'), 'R$ 1.234.567.890.123,45');
      assert.equal(formatMoney('189.9', 'en'), 'R$ 189.90');
      assert.equal(formatMoney('-0.001', 'pt-br'), 'R$ 0,00');
    });
  });

  describe('nesting', () => {
    it(`an unknown field nested deeper than ${MAX_NESTING} levels is an invalidResponse naming the field`, () => {
      const value = { id: 1, name: 'x', extra: nested(5_000) };
      assert.throws(
        () => decodeCustomer(value, 'data'),
        (e: unknown) => YampiError.is(e, 'invalidResponse') && e.field === 'data.extra' && /nest/i.test(e.message),
      );
      assert.throws(() => decodeCustomerEnvelope({ data: value }), (e: unknown) => YampiError.is(e, 'invalidResponse'));
      assert.throws(() => decodeCustomerPage({ data: [{ id: 2 }, value] }), (e: unknown) => YampiError.is(e, 'invalidResponse') && e.field === 'data[1].extra');
    });

    it(`nesting up to ${MAX_NESTING} levels decodes, and the record renders in every view`, () => {
      const value = { id: 1, name: 'x', extra: nested(MAX_NESTING - 1) };
      const record = decodeCustomer(value, 'data');
      assert.doesNotThrow(() => renderDetailBody({ state: { kind: 'customer', alias: 'loja', record }, locale: 'en', privacy: true, revealed: new Set() }));
      assert.doesNotThrow(() => hoverCard({ kind: 'customer', record, alias: 'loja', storeName: 'Loja' }, 'en', true));
    });
  });

  describe('long values', () => {
    const long = `${'Ana '.repeat(50_000)}fim`;
    const record = exampleWith({ name: long, notes: long, email: `${'a'.repeat(100_000)}@x.com`, extra_field: long });

    it('are cut in the tree, hover and panel; copyText stays whole', () => {
      const view = buildCustomerView(record, 'en');
      assert.ok(view.name.length <= MAX_VIEW_VALUE);
      assert.ok(view.name.endsWith('…'));
      for (const path of ['notes', 'email', 'extra_field']) {
        const f = findField(view, path);
        assert.ok(f, path);
        assert.ok(f.formatted.length <= MAX_VIEW_VALUE && f.masked.length <= MAX_VIEW_VALUE, path);
        assert.ok(fieldLeafText(f, { privacy: false, revealed: new Set() }).length <= MAX_VIEW_VALUE + 100);
      }
      assert.equal(findField(view, 'notes')?.copyText, long);
      const summary = customerSummary(record, 'en', false, view);
      assert.ok(summary.description.length <= 2 * MAX_VIEW_VALUE);
      assert.ok(hoverCard({ kind: 'customer', record, alias: 'loja', storeName: long }, 'en', false).length < 5_000);
    });
  });

  describe('too large for the webview', () => {
    it('a body over the message limit becomes an error state with Copy as JSON and Retry, never a silent drop', () => {
      const fields: Record<string, unknown> = {};
      for (let i = 0; i < 200; i++) {
        fields[`f${i}`] = '"'.repeat(50_000);
      }
      const opts = { state: { kind: 'customer', alias: 'loja', record: exampleWith(fields) }, locale: 'pt-br', privacy: false, revealed: new Set<string>() } as const;
      const html = renderDetailBody(opts);
      assert.ok(html.length <= MAX_HTML_LENGTH);
      const small = renderDetailBody({ ...opts, maxHtmlLength: 20_000 });
      assert.ok(small.length <= 20_000);
      assert.match(small, /state-too-large/);
      assert.match(small, /data-action="copyJson"/);
    });
  });
});
