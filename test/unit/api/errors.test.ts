/** Every error kind the client produces, and that none of them carries a secret. */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { YampiError } from '../../../src/core/api/errors';
import type { YampiClient } from '../../../src/core/api/types';
import { EDGE_CASE_IDS, MISSING_CUSTOMER_ID } from '../../sandbox/constants';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { aurora, clientFor, inactive, owner, rejection, serra, single } from './helpers';

const SECRETS = [owner.userToken, owner.userSecretKey, single.userToken, single.userSecretKey];

function assertNoSecret(e: YampiError): void {
  const cause: unknown = e.cause;
  const text = [e.message, e.stack ?? '', JSON.stringify(e), String(cause), cause instanceof Error ? (cause.stack ?? '') : ''].join('\n');
  for (const s of SECRETS) {
    assert.ok(!text.includes(s), `error ${e.kind} leaks a credential`);
  }
}

async function freePortThatRefuses(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe('YampiClient errors', () => {
  let sb: Sandbox;
  let client: YampiClient;
  const seen: YampiError[] = [];

  before(async () => {
    sb = await startSandbox({ rateLimit: false });
  });
  after(async () => {
    await sb.close();
    assert.ok(seen.length >= 10);
    seen.forEach(assertNoSecret);
  });
  beforeEach(() => {
    sb.reset();
    client = clientFor(sb);
  });
  afterEach(async () => {
    await client.close();
  });

  async function expectKind(p: Promise<unknown>, kind: YampiError['kind']): Promise<YampiError> {
    const e = await rejection(p);
    seen.push(e);
    assert.equal(e.kind, kind, e.message);
    assert.equal(e.name, 'YampiError');
    return e;
  }

  it('401 → auth, not retried', async () => {
    const e = await expectKind(client.getCustomer({ ...aurora, userSecretKey: 'ysk_wrong_secret_000000' }, EDGE_CASE_IDS.knownGood), 'auth');
    assert.equal(e.status, 401);
    assert.equal(sb.requests().length, 1);
    await expectKind(client.me({ userToken: owner.userToken, userSecretKey: single.userSecretKey }), 'auth');
  });

  it('403 → forbidden for an inactive store and for a store the user does not reach', async () => {
    const e = await expectKind(client.getCustomer(inactive, 60100031), 'forbidden');
    assert.equal(e.alias, inactive.alias);
    await expectKind(client.listCustomers(inactive), 'forbidden');
    await expectKind(client.listCustomers({ ...aurora, userToken: single.userToken, userSecretKey: single.userSecretKey }), 'forbidden');
    assert.equal(sb.requests().length, 3);
  });

  it('404 → notFound naming the customer id and the store', async () => {
    const e = await expectKind(client.getCustomer(serra, MISSING_CUSTOMER_ID), 'notFound');
    assert.equal(e.customerId, MISSING_CUSTOMER_ID);
    assert.equal(e.alias, serra.alias);
    assert.equal(e.status, 404);
    assert.equal(sb.requests().length, 1);
    const store = await expectKind(client.listCustomers({ ...serra, alias: 'loja-que-nao-existe' }), 'notFound');
    assert.equal(store.alias, 'loja-que-nao-existe');
    assert.equal(store.customerId, undefined);
  });

  it('429 after the wait cap → rateLimited with a retry hint', async () => {
    sb.addFault({ status: 429 });
    client.updateOptions({ rateLimitWaitCapMs: 5 });
    const e = await expectKind(client.getCustomer(aurora, EDGE_CASE_IDS.knownGood), 'rateLimited');
    assert.equal(e.retryAfterMs, 60_000);
    assert.equal(sb.requests().length, 1);
  });

  it('5xx → server (500 is not retried)', async () => {
    sb.addFault({ status: 500 });
    const e = await expectKind(client.getCustomer(aurora, EDGE_CASE_IDS.knownGood), 'server');
    assert.equal(e.status, 500);
    assert.equal(sb.requests().length, 1);
  });

  it('connection refused → network', async () => {
    const port = await freePortThatRefuses();
    const c = clientFor(sb, { baseUrl: `http://127.0.0.1:${port}/v2` });
    try {
      const e = await expectKind(c.getCustomer(aurora, 1), 'network');
      assert.equal(e.attempts, 3);
    } finally {
      await c.close();
    }
  });

  it('no answer in time → timeout', async () => {
    sb.addFault({ latencyMs: 400 });
    client.updateOptions({ timeoutMs: 60, maxAttempts: 1 });
    await expectKind(client.getCustomer(aurora, EDGE_CASE_IDS.knownGood), 'timeout');
  });

  it('not JSON / wrong shape → invalidResponse naming the field', async () => {
    sb.addFault({ body: 'html', times: 1 });
    const html = await expectKind(client.getCustomer(aurora, EDGE_CASE_IDS.knownGood), 'invalidResponse');
    assert.equal(html.field, '(body)');
    sb.addFault({ body: 'wrongShape', times: 1 });
    const shape = await expectKind(client.getCustomer(aurora, EDGE_CASE_IDS.knownGood), 'invalidResponse');
    assert.equal(shape.field, 'data.id');
    assert.equal(shape.customerId, EDGE_CASE_IDS.knownGood);
    sb.addFault({ body: 'wrongShape', times: 1 });
    assert.equal((await expectKind(client.listCustomers(aurora), 'invalidResponse')).field, 'data');
    sb.addFault({ body: 'wrongShape', times: 1 });
    assert.equal((await expectKind(client.me(owner), 'invalidResponse')).field, 'data.merchants.data[0].alias');
  });

  it('bad input → invalidInput; aborted signal → cancelled; neither reaches the server', async () => {
    await expectKind(client.getCustomer(aurora, -5), 'invalidInput');
    await expectKind(client.getCustomer(aurora, 1, { signal: AbortSignal.abort() }), 'cancelled');
    assert.equal(sb.requests().length, 0);
  });

  it('a closed client rejects with cancelled', async () => {
    const c = clientFor(sb);
    await c.close();
    await expectKind(c.getCustomer(aurora, 1), 'cancelled');
  });
});
