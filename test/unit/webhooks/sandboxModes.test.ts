/** The sandbox's webhook modes reach every branch of the verification, over a real receiver. */
import { strict as assert } from 'node:assert';
import { SIGNATURE_HEADER, WEBHOOK_EVENT_NAMES } from '../../../src/core/webhooks/events';
import { keptHeaders, summarize } from '../../../src/core/webhooks/deliveries';
import { type ReceivedRequest, startReceiver } from '../../../src/core/webhooks/receiver';
import { headerValue, verifySignature } from '../../../src/core/webhooks/signature';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SANDBOX_WEBHOOK_MODES } from '../../sandbox/webhooks';

const SECRET = 'wh_sandbox_0123456789abcdef0123456789abcd';

describe('webhooks: sandbox emits signed deliveries per mode', () => {
  let sb: Sandbox;
  before(async () => { sb = await startSandbox({ port: 0, rateLimit: false }); });
  after(async () => { await sb.close(); });

  async function emit(spec: Record<string, unknown>): Promise<ReceivedRequest> {
    const got: ReceivedRequest[] = [];
    const r = await startReceiver({ port: 0, onDelivery: (x) => got.push(x) });
    try {
      const res = await fetch(`${sb.origin}/__sandbox/webhooks/emit`, { method: 'POST', body: JSON.stringify({ url: r.url, secret: SECRET, ...spec }) });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(((await res.json()) as { status: number }).status, 200);
      await new Promise((d) => setTimeout(d, 20));
      const first = got[0];
      assert.ok(first);
      return first;
    } finally {
      await r.close();
    }
  }

  const expected: Record<(typeof SANDBOX_WEBHOOK_MODES)[number], object> = {
    raw: { state: 'verified', variant: 'raw-base64' },
    php: { state: 'verified', variant: 'php-base64' },
    hex: { state: 'verified', variant: 'raw-hex' },
    unsigned: { state: 'unsigned', diagnosis: 'missingHeader' },
    forged: { state: 'invalid', diagnosis: 'wrongSecret' },
    'wrong-header': { state: 'unsigned', diagnosis: 'wrongHeaderName', header: 'x-yampi-secret' },
  };

  for (const mode of SANDBOX_WEBHOOK_MODES) {
    it(`mode ${mode}`, async () => {
      const d = await emit({ event: 'order.paid', mode });
      const headers = keptHeaders(d.headers);
      const v = verifySignature({ body: d.body, signature: headerValue(headers, SIGNATURE_HEADER), secret: SECRET, headers });
      assert.deepEqual(v, expected[mode]);
    });
  }

  it('builds every one of the 14 events from its data, with the store and the customer', async () => {
    for (const event of WEBHOOK_EVENT_NAMES) {
      const d = await emit({ event });
      const s = summarize(d.body);
      assert.equal(s.event, event);
      assert.equal(s.alias, 'loja-aurora');
      assert.equal(s.customerId, 48213907, event);
    }
  });

  it('refuses to emit anywhere but loopback', async () => {
    const res = await fetch(`${sb.origin}/__sandbox/webhooks/emit`, { method: 'POST', body: JSON.stringify({ url: 'http://example.com/x' }) });
    assert.equal(res.status, 502);
  });
});
