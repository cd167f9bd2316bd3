import { strict as assert } from 'node:assert';
import { orderInputMessage, parseOrderInput } from '../../../src/core/orders/orderInput';

describe('orders: parsing what "Look Up Order…" is given', () => {
  it('reads bare digits as a number that may also be an id', () => {
    assert.deepEqual(parseOrderInput('1000457'), { ok: true, query: { kind: 'number', number: 1000457, alsoId: true } });
    assert.deepEqual(parseOrderInput('  1000457 '), { ok: true, query: { kind: 'number', number: 1000457, alsoId: true } });
    assert.deepEqual(parseOrderInput(1000457), { ok: true, query: { kind: 'number', number: 1000457, alsoId: true } });
  });

  it('reads #N and "pedido N" as a number only', () => {
    for (const text of ['#1000457', '# 1000457', 'pedido #1000457', 'Pedido 1000457', 'pedido: 1000457', 'nº #1000457']) {
      assert.deepEqual(parseOrderInput(text), { ok: true, query: { kind: 'number', number: 1000457, alsoId: false } }, text);
    }
  });

  it('reads a pasted URL with /orders/<id> as an id', () => {
    assert.deepEqual(parseOrderInput('https://loja.painel.yampi.com.br/orders/1091234/edit'), { ok: true, query: { kind: 'id', id: 1091234 } });
    assert.deepEqual(parseOrderInput('GET /v2/loja-aurora/orders/77?include=items'), { ok: true, query: { kind: 'id', id: 77 } });
  });

  it('refuses what is not an order reference, with a reason in both languages', () => {
    assert.deepEqual(parseOrderInput(''), { ok: false, error: 'empty' });
    assert.deepEqual(parseOrderInput('#'), { ok: false, error: 'empty' });
    assert.deepEqual(parseOrderInput('0'), { ok: false, error: 'notPositive' });
    assert.deepEqual(parseOrderInput('-5'), { ok: false, error: 'notPositive' });
    assert.deepEqual(parseOrderInput('99999999999999999'), { ok: false, error: 'tooLarge' });
    assert.deepEqual(parseOrderInput('abc'), { ok: false, error: 'notANumber' });
    assert.deepEqual(parseOrderInput('/customers/123'), { ok: false, error: 'notANumber' });
    assert.deepEqual(parseOrderInput('1000457; drop'), { ok: false, error: 'notANumber' });
    assert.deepEqual(parseOrderInput('1'.repeat(3000)), { ok: false, error: 'notANumber' });
    assert.equal(orderInputMessage('1000457', 'en'), undefined);
    assert.match(orderInputMessage('abc', 'en') ?? '', /Not an order number/);
    assert.match(orderInputMessage('abc', 'pt-br') ?? '', /Não é um número de pedido/);
  });
});
