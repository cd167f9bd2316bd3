import assert from 'node:assert/strict';
import { isFromWebviewMessage, isPanelState, isToWebviewMessage } from '../../../src/core/webview/protocol';

describe('protocol guards', () => {
  it('accepts every message the webview may send', () => {
    for (const m of [
      { type: 'ready' }, { type: 'copyJson' }, { type: 'revealAll' }, { type: 'hideAll' }, { type: 'refresh' },
      { type: 'retry' }, { type: 'openWhatsApp' }, { type: 'setCredentials' }, { type: 'showLog' },
      { type: 'copy', field: 'phone.formated_number' }, { type: 'reveal', field: 'email' }, { type: 'hide', field: 'token' },
      { type: 'openSection', section: 'addresses' }, { type: 'loadMore', section: 'orders' }, { type: 'retrySection', section: 'carts' },
      { type: 'copyOrder', orderId: 1090111, what: 'number' }, { type: 'copyOrder', orderId: 5, what: 'id' },
    ]) {
      assert.equal(isFromWebviewMessage(m), true, JSON.stringify(m));
    }
  });

  it('rejects unknown or malformed messages from the webview', () => {
    for (const m of [
      null, undefined, 'ready', 42, [], {}, { type: 'eval' }, { type: 'copy' }, { type: 'copy', field: '' },
      { type: 'copy', field: 7 }, { type: 'reveal', field: 'x'.repeat(600) }, { type: 'render', html: '' }, { type: ['ready'] },
      { type: 'loadMore' }, { type: 'loadMore', section: 'customers' }, { type: 'openSection', section: 'ORDERS' },
      { type: 'retrySection', section: ['orders'] }, { type: 'copyOrder', orderId: '12', what: 'number' },
      { type: 'copyOrder', orderId: 0, what: 'id' }, { type: 'copyOrder', orderId: 1.5, what: 'id' },
      { type: 'copyOrder', orderId: 12, what: 'token' }, { type: 'copyOrder', orderId: 12 }, { type: 'section', section: 'orders', html: '' },
    ]) {
      assert.equal(isFromWebviewMessage(m), false, JSON.stringify(m));
    }
  });

  it('accepts and rejects messages to the webview', () => {
    assert.equal(isToWebviewMessage({ type: 'render', html: '<p>x</p>' }), true);
    assert.equal(isToWebviewMessage({ type: 'render', html: '', state: { alias: 'loja', id: 5 } }), true);
    assert.equal(isToWebviewMessage({ type: 'busy', busy: false }), true);
    assert.equal(isToWebviewMessage({ type: 'copied', field: 'email', text: 'E-mail copied' }), true);
    assert.equal(isToWebviewMessage({ type: 'render' }), false);
    assert.equal(isToWebviewMessage({ type: 'render', html: '', state: { alias: 'loja', id: -1 } }), false);
    assert.equal(isToWebviewMessage({ type: 'busy', busy: 'yes' }), false);
    assert.equal(isToWebviewMessage({ type: 'copied', field: 'email' }), false);
    assert.equal(isToWebviewMessage({ type: 'ready' }), false);
    assert.equal(isToWebviewMessage({ type: 'section', section: 'orders', html: '<p>x</p>' }), true);
    assert.equal(isToWebviewMessage({ type: 'section', section: 'other', html: '' }), false);
    assert.equal(isToWebviewMessage({ type: 'section', section: 'carts' }), false);
    assert.equal(isToWebviewMessage({ type: 'section', section: 'carts', html: 'x'.repeat(4_000_001) }), false);
  });

  it('panel state holds alias and a positive id only', () => {
    assert.equal(isPanelState({ alias: 'loja', id: 1 }), true);
    assert.equal(isPanelState({ alias: '', id: 1 }), false);
    assert.equal(isPanelState({ alias: 'loja', id: 1.5 }), false);
    assert.equal(isPanelState({ alias: 'loja' }), false);
  });
});
