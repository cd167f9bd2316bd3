import { strict as assert } from 'node:assert';
import { DEFAULT_HOVER_PATTERNS, compilePatterns } from '../../../src/core/refs/patterns';
import { findRefsInDocument } from '../../../src/core/refs/textScan';
import { findOrderRefsInDocument, findOrderRefsInLine, findOrderTerminalLinks, scanJsonOrderIds } from '../../../src/core/orders/orderRefs';

const refs = (line: string): [string, number, string][] => findOrderRefsInLine(line).map((r) => [r.kind, r.value, line.slice(r.start, r.end)]);

const WEBHOOK = `{
  "event": "order.paid",
  "time": "2026-11-27 14:03:11",
  "merchant": { "id": 7711, "alias": "loja-aurora" },
  "resource": {
    "id": 1093051,
    "number": 2940,
    "customer_id": 48213907,
    "customer": { "data": { "id": 48213907, "name": "Mariana" } },
    "items": { "data": [ { "id": 10930510, "sku_id": 5008 } ] }
  }
}`;

describe('orders: order references in text', () => {
  it('reads order_id, orderId, order-id and /orders/<id> as ids; order_number and pedido as numbers', () => {
    assert.deepEqual(refs('order_id=1093051 orderId: "1092914" order-id => 7'), [['id', 1093051, '1093051'], ['id', 1092914, '1092914'], ['id', 7, '7']]);
    assert.deepEqual(refs('GET https://api.dooki.com.br/v2/loja/orders/1093051?include=items'), [['id', 1093051, '1093051']]);
    assert.deepEqual(refs('order_number: 2940, pedido #1000457 chegou errado; Pedido nº 12'), [['number', 2940, '2940'], ['number', 1000457, '1000457'], ['number', 12, '12']]);
  });

  it('finds nothing in text without an order reference, and never a customer id', () => {
    for (const line of ['customer_id=48213907', '/customers/48213907', 'pedidos 2940', 'order_id=abc', 'reorder 2940', 'pedido']) {
      assert.deepEqual(refs(line), [], line);
    }
  });

  it('in JSON, reads resource.id of an order event as an order id — and nothing else in it', () => {
    const found = findOrderRefsInDocument(WEBHOOK, 'json');
    assert.deepEqual(found.map((r) => [r.kind, r.value, WEBHOOK.slice(r.start, r.end)]), [['id', 1093051, '1093051']]);
    // the event after the resource, and a string id
    const after = '{"resource": {"id": "77", "customer": {"data": {"id": 5}}}, "event": "order.created"}';
    assert.deepEqual(scanJsonOrderIds(after).refs.map((r) => r.value), [77]);
    // customer events: resource is the customer, not an order
    assert.deepEqual(scanJsonOrderIds('{"event": "customer.created", "resource": {"id": 48213907}}').refs, []);
    // an event of an enclosing object does not count for a nested resource
    assert.deepEqual(scanJsonOrderIds('{"event": "order.paid", "x": {"resource": {"id": 5}}}').refs, []);
  });

  it('the customer scan of the same payload finds only the customer id, never the order id', () => {
    const customer = findRefsInDocument(WEBHOOK, 'json', compilePatterns(DEFAULT_HOVER_PATTERNS).patterns);
    assert.ok(customer.length > 0);
    assert.ok(customer.every((r) => r.id === 48213907), JSON.stringify(customer));
  });

  it('handles many deliveries in one file, and stops within budget on hostile nesting', () => {
    const many = `[${Array.from({ length: 500 }, (_, i) => `{"event":"order.paid","resource":{"id":${i + 1},"items":[{"id":9}]}}`).join(',')}]`;
    assert.equal(scanJsonOrderIds(many).refs.length, 500);
    const deep = `{"event":"order.paid",${'"resource":{'.repeat(20_000)}"id":1${'}'.repeat(20_000)}}`;
    const t0 = process.hrtime.bigint();
    const r = scanJsonOrderIds(deep);
    assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 5_000);
    assert.ok(r.refs.length <= 1);
  });

  it('terminal links cover the whole word and keep the kind', () => {
    const line = 'webhook order_id=1093051 pedido #2940';
    const links = findOrderTerminalLinks(line);
    assert.deepEqual(links.map((l) => [l.kind, l.value, line.slice(l.startIndex, l.startIndex + l.length)]), [['id', 1093051, 'order_id=1093051'], ['number', 2940, '#2940']]);
  });
});
