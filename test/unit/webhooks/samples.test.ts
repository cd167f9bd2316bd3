/** Sample bodies for all 14 documented events: Yampi's envelope, the right resource, masked by default. */
import { strict as assert } from 'node:assert';
import { WEBHOOK_EVENTS } from '../../../src/core/webhooks/events';
import { buildSample, SANDBOX_SAMPLE, sampleText, yampiTime } from '../../../src/core/webhooks/samples';
import { summarize } from '../../../src/core/webhooks/deliveries';

const NOW = Date.UTC(2025, 0, 1, 15, 0, 0);

describe('webhooks: sample bodies', () => {
  it('knows exactly the 14 documented events, once each', () => {
    assert.equal(WEBHOOK_EVENTS.length, 14);
    assert.equal(new Set(WEBHOOK_EVENTS.map((e) => e.name)).size, 14);
    for (const name of ['order.created', 'order.paid', 'order.status.updated', 'customer.created', 'customer.address.created', 'cart.reminder']) {
      assert.ok(WEBHOOK_EVENTS.some((e) => e.name === name), name);
    }
    assert.ok(!WEBHOOK_EVENTS.some((e) => e.name === 'order.updated'), 'order.updated is outside the documented list');
  });

  for (const e of WEBHOOK_EVENTS) {
    it(`builds ${e.name} in Yampi's envelope`, () => {
      const body = buildSample(e.name, SANDBOX_SAMPLE, { now: NOW, mask: false });
      assert.deepEqual(Object.keys(body), ['event', 'time', 'merchant', 'resource']);
      assert.equal(body['event'], e.name);
      assert.equal(body['time'], '2025-01-01 12:00:00');
      assert.deepEqual(body['merchant'], { id: 109111, alias: 'loja-aurora' });
      const resource = body['resource'] as Record<string, unknown>;
      assert.equal(typeof resource['id'], 'number');
      const s = summarize(Buffer.from(JSON.stringify(body)));
      assert.equal(s.event, e.name);
      if (e.resource === 'order') {
        assert.equal(resource['id'], SANDBOX_SAMPLE.order.id, 'order events: resource.id is the ORDER id');
        assert.equal(resource['customer_id'], SANDBOX_SAMPLE.customer.id);
        assert.equal((resource['customer'] as { data: { id: number } }).data.id, SANDBOX_SAMPLE.customer.id);
        assert.equal(s.orderNumber, '1042');
      }
      if (e.resource === 'customer') {
        assert.equal(resource['id'], SANDBOX_SAMPLE.customer.id, 'customer events: resource is the customer');
      }
      if (!['product', 'inventory'].includes(e.resource)) {
        assert.equal(s.customerId, SANDBOX_SAMPLE.customer.id);
      }
    });
  }

  it('masks personal data unless told not to, and never carries token or login_url', () => {
    const masked = sampleText('order.paid', SANDBOX_SAMPLE, { now: NOW });
    assert.ok(!masked.includes('mariana.almeida@example.com'));
    assert.ok(masked.includes('m***@example.com'));
    assert.ok(!masked.includes('981875668'));
    const open = sampleText('order.paid', SANDBOX_SAMPLE, { now: NOW, mask: false });
    assert.ok(open.includes('mariana.almeida@example.com'));
    const raw = { ...SANDBOX_SAMPLE, customer: { ...SANDBOX_SAMPLE.customer, raw: { id: 1, name: 'X', token: 'secret-token', login_url: 'https://l.example/x' } } };
    const customer = sampleText('customer.created', raw, { mask: false });
    assert.ok(!customer.includes('secret-token') && !customer.includes('login_url'));
  });

  it('writes time in São Paulo time', () => {
    assert.equal(yampiTime(Date.UTC(2025, 5, 1, 2, 30, 5)), '2025-05-31 23:30:05');
  });

  it('refuses an event Yampi does not send', () => {
    assert.throws(() => buildSample('order.updated'), /unknown webhook event/);
  });
});
