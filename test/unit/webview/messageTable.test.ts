import assert from 'node:assert/strict';
import { FROM_ORDER_WEBVIEW, isFromOrderWebview, isToOrderWebview, TO_ORDER_WEBVIEW } from '../../../src/core/orders/orderProtocol';
import { dispatch, guardOf, type Handlers, messageFrom, type MessageTable, optional, text } from '../../../src/core/webview/messageTable';
import { FROM_WEBVIEW, isFromWebviewMessage, isToWebviewMessage, MAX_HTML_LENGTH, TO_WEBVIEW } from '../../../src/core/webview/protocol';

type Sample = Readonly<Record<string, unknown>>;

/** A valid message of every type of each table (a type added without one fails below). */
const DIRECTIONS: readonly { name: string; table: MessageTable; guard: (v: unknown) => boolean; valid: readonly Sample[] }[] = [
  {
    name: 'customer page → host', table: FROM_WEBVIEW, guard: isFromWebviewMessage, valid: [
      { type: 'ready' }, { type: 'copy', field: 'email' }, { type: 'copyJson' }, { type: 'reveal', field: 'token' }, { type: 'hide', field: 'cpf' },
      { type: 'revealAll' }, { type: 'hideAll' }, { type: 'refresh' }, { type: 'retry' }, { type: 'openWhatsApp' }, { type: 'setCredentials' },
      { type: 'showLog' }, { type: 'openSection', section: 'carts' }, { type: 'loadMore', section: 'orders' }, { type: 'retrySection', section: 'addresses' },
      { type: 'copyOrder', orderId: 7, what: 'id' }, { type: 'openOrder', orderId: 7 },
    ],
  },
  {
    name: 'host → customer page', table: TO_WEBVIEW, guard: isToWebviewMessage, valid: [
      { type: 'render', html: '<p>x</p>', state: { alias: 'loja', id: 3 } }, { type: 'busy', busy: true },
      { type: 'copied', field: 'email', text: 'E-mail copied' }, { type: 'section', section: 'orders', html: '<p>x</p>' },
    ],
  },
  {
    name: 'order page → host', table: FROM_ORDER_WEBVIEW, guard: isFromOrderWebview, valid: [
      { type: 'ready' }, { type: 'refresh' }, { type: 'retry' }, { type: 'showLog' }, { type: 'setCredentials' }, { type: 'openCustomer' },
      { type: 'copy', what: 'number' },
    ],
  },
  {
    name: 'host → order page', table: TO_ORDER_WEBVIEW, guard: isToOrderWebview, valid: [
      { type: 'render', html: '<p>x</p>', state: { alias: 'loja', id: 3 } }, { type: 'busy', busy: false }, { type: 'copied', what: 'id', text: 'Id copied' },
    ],
  },
];

/** Values no field of any table accepts (the empty string is fine for a body or an announcement: see the sizes test). */
const WRONG: readonly unknown[] = [undefined, null, 0, -1, 1.5, Number.NaN, 'x'.repeat(MAX_HTML_LENGTH + 1), [], {}, ['orders'], { toString: () => 'orders' }];

describe('webview messages from one table per direction', () => {
  for (const { name, table, guard, valid } of DIRECTIONS) {
    describe(name, () => {
      it('has a valid sample of every type, and accepts each', () => {
        assert.deepEqual([...new Set(valid.map((m) => m['type']))].sort(), Object.keys(table).sort());
        for (const m of valid) {
          assert.equal(guard(m), true, JSON.stringify(m));
        }
      });

      it('refuses each type with an extra field', () => {
        for (const m of valid) {
          for (const extra of ['extra', 'id', 'html', '__proto__', 'constructor']) {
            const hostile = JSON.parse(JSON.stringify({ ...m, [extra]: 'x' })) as unknown; // JSON: __proto__ becomes an own key, as in a real message
            if (!Object.prototype.hasOwnProperty.call(table[String(m['type'])], extra)) {
              assert.equal(guard(hostile), false, `${JSON.stringify(m)} + ${extra}`);
            }
          }
        }
      });

      it('refuses each field of each type with a wrong type or an oversized value, and each missing required field', () => {
        for (const m of valid) {
          for (const field of Object.keys(m).filter((k) => k !== 'type')) {
            for (const bad of [...WRONG, typeof m[field] === 'boolean' ? 'true' : true]) {
              const optionalField = typeof table[String(m['type'])]?.[field] !== 'function';
              if (bad === undefined && optionalField) {
                continue; // absent is what optional means
              }
              assert.equal(guard({ ...m, [field]: bad }), false, `${JSON.stringify(m)} with ${field}=${typeof bad === 'string' ? `string(${bad.length})` : JSON.stringify(bad)}`);
            }
            if (typeof table[String(m['type'])]?.[field] === 'function') {
              const without = Object.fromEntries(Object.entries(m).filter(([k]) => k !== field));
              assert.equal(guard(without), false, `${JSON.stringify(m)} without ${field}`);
            }
          }
        }
      });

      it('refuses unknown types, inherited names and non-objects', () => {
        for (const hostile of [null, undefined, 'ready', 7, [], {}, { type: 'eval' }, { type: 'constructor' }, { type: 'toString' },
          { type: '__proto__' }, { type: 'hasOwnProperty' }, { type: ['ready'] }, { type: 'READY' }, Object.assign([], { type: 'ready' })]) {
          assert.equal(guard(hostile), false, JSON.stringify([hostile]));
        }
      });
    });
  }

  it('the sizes of the strings are those the protocol promises', () => {
    assert.equal(isFromWebviewMessage({ type: 'copy', field: 'x'.repeat(512) }), true);
    assert.equal(isFromWebviewMessage({ type: 'copy', field: 'x'.repeat(513) }), false);
    assert.equal(isToWebviewMessage({ type: 'copied', field: 'email', text: 'x'.repeat(500) }), true);
    assert.equal(isToWebviewMessage({ type: 'copied', field: 'email', text: 'x'.repeat(501) }), false);
    assert.equal(isToOrderWebview({ type: 'copied', what: 'id', text: 'x'.repeat(501) }), false);
    assert.equal(isToWebviewMessage({ type: 'render', html: 'x'.repeat(MAX_HTML_LENGTH) }), true);
    assert.equal(isToOrderWebview({ type: 'render', html: 'x'.repeat(MAX_HTML_LENGTH + 1) }), false);
    assert.equal(isToWebviewMessage({ type: 'render', html: '', state: { alias: 'a'.repeat(201), id: 1 } }), false);
  });

  it('messageFrom takes only the declared fields from loose values and checks them', () => {
    const values = { field: 'email', section: 'orders', orderId: 12, what: 'id', injected: '<script>' };
    assert.deepEqual(messageFrom(FROM_WEBVIEW, 'copy', values), { type: 'copy', field: 'email' });
    assert.deepEqual(messageFrom(FROM_WEBVIEW, 'copyOrder', values), { type: 'copyOrder', orderId: 12, what: 'id' });
    assert.deepEqual(messageFrom(FROM_WEBVIEW, 'refresh', values), { type: 'refresh' });
    assert.equal(messageFrom(FROM_WEBVIEW, 'copyOrder', { ...values, orderId: Number('abc') }), undefined);
    assert.equal(messageFrom(FROM_WEBVIEW, 'copy', {}), undefined);
    assert.equal(messageFrom(FROM_WEBVIEW, 'eval', values), undefined);
    assert.equal(messageFrom(FROM_WEBVIEW, 'constructor', values), undefined);
    assert.deepEqual(messageFrom(FROM_ORDER_WEBVIEW, 'copy', { what: 'number' }), { type: 'copy', what: 'number' });
  });

  it('dispatch hands each message to the handler of its type', async () => {
    const TABLE = { a: {}, b: { n: text(3) }, c: { s: optional(text(1)) } } as const satisfies MessageTable;
    const seen: string[] = [];
    const handlers: Handlers<typeof TABLE> = {
      a: () => { seen.push('a'); },
      b: (m) => { seen.push(`b:${m.n}`); },
      c: async (m) => { await Promise.resolve(); seen.push(`c:${m.s ?? '-'}`); },
    };
    const guard = guardOf(TABLE);
    for (const m of [{ type: 'b', n: 'xy' }, { type: 'a' }, { type: 'c' }, { type: 'c', s: 'z' }, { type: 'b', n: 'long' }]) {
      if (guard(m)) {
        await dispatch(handlers, m);
      }
    }
    assert.deepEqual(seen, ['b:xy', 'a', 'c:-', 'c:z']);
  });
});
