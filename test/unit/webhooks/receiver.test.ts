/** The receiver on a real loopback socket: answers, caps, refusals, port in use; the delivery log's cap. */
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { connect } from 'node:net';
import { DeliveryLog, keptHeaders, MAX_BODY_BYTES, MAX_DELIVERIES, summarize } from '../../../src/core/webhooks/deliveries';
import { parsePort, type ReceivedRequest, type RunningReceiver, startReceiver } from '../../../src/core/webhooks/receiver';
import { HostApprovals, isLoopback, parseTarget, sendWebhook } from '../../../src/core/webhooks/send';

function post(port: number, path: string, body: Buffer | string, method = 'POST', headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('webhooks: receiver', () => {
  let receiver: RunningReceiver | undefined;
  const got: ReceivedRequest[] = [];
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    got.length = 0;
  });

  const start = async (max?: number): Promise<RunningReceiver> => {
    receiver = await startReceiver({ port: 0, ...(max !== undefined ? { maxBodyBytes: max } : {}), onDelivery: (r) => got.push(r) });
    return receiver;
  };

  it('listens on 127.0.0.1 only, on a free port when asked for 0', async () => {
    const r = await start();
    assert.ok(r.port > 0);
    assert.equal(r.url, `http://127.0.0.1:${r.port}/`);
  });

  it('answers any POST path with 200 and hands the raw bytes and headers on after answering', async () => {
    const r = await start();
    const body = '{"event":"order.paid","a":"é"}';
    const res = await post(r.port, '/any/path?x=1', body, 'POST', { 'x-yampi-hmac-sha256': 'abc' });
    assert.equal(res.status, 200);
    await new Promise((d) => setTimeout(d, 20));
    assert.equal(got.length, 1);
    const first = got[0];
    assert.ok(first);
    assert.equal(first.path, '/any/path?x=1');
    assert.equal(first.body.toString('utf8'), body);
    assert.equal(first.headers['x-yampi-hmac-sha256'], 'abc');
  });

  it('refuses other methods with 405 and keeps nothing', async () => {
    const r = await start();
    assert.equal((await post(r.port, '/', '', 'GET')).status, 405);
    await new Promise((d) => setTimeout(d, 20));
    assert.equal(got.length, 0);
  });

  it('answers 413 to a declared body over the cap without reading it', async () => {
    const r = await start(1024);
    const res = await post(r.port, '/', Buffer.alloc(4096, 'a'));
    assert.equal(res.status, 413);
    await new Promise((d) => setTimeout(d, 20));
    assert.equal(got.length, 0);
  });

  it('answers 413 to a chunked body once it passes the cap, and stops reading (the connection closes)', async () => {
    const r = await start(1024);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: r.port, path: '/', method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(Buffer.alloc(800, 'a'));
      req.write(Buffer.alloc(800, 'b'));
      // never ended by the client: the answer must come anyway
    });
    assert.equal(status, 413);
    assert.equal(got.length, 0);
  });

  it('the default cap is 1 MB: exactly 1 MB is taken, one byte more is not', async () => {
    assert.equal(MAX_BODY_BYTES, 1024 * 1024);
    const r = await start();
    assert.equal((await post(r.port, '/', Buffer.alloc(MAX_BODY_BYTES, 'a'))).status, 200);
    assert.equal((await post(r.port, '/', Buffer.alloc(MAX_BODY_BYTES + 1, 'a'))).status, 413);
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const r = await start();
    await assert.rejects(startReceiver({ port: r.port, onDelivery: () => undefined }), (e: unknown) => (e as { code?: string }).code === 'EADDRINUSE');
  });

  it('closes: the port no longer accepts connections', async () => {
    const r = await start();
    await r.close();
    receiver = undefined;
    await assert.rejects(new Promise((resolve, reject) => {
      const s = connect(r.port, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', reject);
    }));
  });

  it('reads the port setting: an integer 0–65535, anything else 0', () => {
    assert.equal(parsePort(8080), 8080);
    assert.equal(parsePort(0), 0);
    for (const bad of [-1, 65536, 1.5, '8080', null, undefined, Number.NaN]) {
      assert.equal(parsePort(bad), 0);
    }
  });
});

describe('webhooks: delivery log and summaries', () => {
  it('keeps the newest 200, newest first, with ids never reused', () => {
    const log = new DeliveryLog();
    const summary = summarize(Buffer.from('{}'));
    for (let i = 0; i < 250; i++) {
      log.add({ receivedAt: i, path: '/', body: Buffer.from(String(i)), headers: {}, summary, verdict: { state: 'unsigned' } });
    }
    assert.equal(MAX_DELIVERIES, 200);
    assert.equal(log.size, 200);
    assert.equal(log.all()[0]?.seq, 250);
    assert.equal(log.all()[199]?.seq, 51);
    assert.equal(log.get(50), undefined);
    log.clear();
    assert.equal(log.size, 0);
    assert.equal(log.add({ receivedAt: 0, path: '/', body: Buffer.from(''), headers: {}, summary, verdict: { state: 'unsigned' } }).seq, 251);
  });

  it('summarizes defensively: wrong types and non-JSON give nothing', () => {
    assert.deepEqual(summarize(Buffer.from('not json')), { event: undefined, alias: undefined, orderId: undefined, orderNumber: undefined, customerId: undefined, customerName: undefined, customerEmail: undefined });
    const s = summarize(Buffer.from('{"event":{"x":1},"resource":{"id":"drop table","customer":[1,2]}}'));
    assert.equal(s.event, undefined);
    assert.equal(s.orderId, undefined);
  });

  it('keeps only the headers that matter (no cookies, no authorization)', () => {
    assert.deepEqual(Object.keys(keptHeaders({ 'x-yampi-hmac-sha256': 'a', cookie: 'c', authorization: 'b', 'content-type': 'application/json', 'x-yampi-secret': 's' })).sort(), ['content-type', 'x-yampi-hmac-sha256', 'x-yampi-secret']);
  });
});

describe('webhooks: sending', () => {
  it('takes http(s) URLs without credentials; loopback needs no approval, other hosts once each', () => {
    assert.deepEqual(parseTarget('ftp://x'), { ok: false, problem: 'protocol' });
    assert.deepEqual(parseTarget('http://u:p@x.example/'), { ok: false, problem: 'credentials' });
    assert.deepEqual(parseTarget('nope'), { ok: false, problem: 'invalid' });
    for (const u of ['http://127.0.0.1:3000/x', 'http://localhost/x', 'http://[::1]:8080/', 'http://127.9.9.9/']) {
      assert.ok(isLoopback(new URL(u)), u);
    }
    assert.ok(!isLoopback(new URL('http://127.0.0.1.nip.io/')));
    const a = new HostApprovals();
    const remote = new URL('https://hooks.example.com/a');
    assert.ok(a.needsApproval(remote));
    a.approve(remote);
    assert.ok(!a.needsApproval(new URL('https://hooks.example.com/other')));
    assert.ok(a.needsApproval(new URL('https://hooks.example.com:8443/a')));
    assert.ok(!a.needsApproval(new URL('http://127.0.0.1:1/')));
  });

  it('POSTs the exact bytes with the signature header and reports status and time', async () => {
    const got: ReceivedRequest[] = [];
    const r = await startReceiver({ port: 0, onDelivery: (x) => got.push(x) });
    try {
      const res = await sendWebhook(new URL(r.url), '{"event":"order.paid"}', { signature: 'sig' });
      assert.equal(res.status, 200);
      assert.ok(res.ms >= 0);
      await new Promise((d) => setTimeout(d, 20));
      const first = got[0];
      assert.ok(first);
      assert.equal(first.body.toString(), '{"event":"order.paid"}');
      assert.equal(first.headers['x-yampi-hmac-sha256'], 'sig');
    } finally {
      await r.close();
    }
  });
});
