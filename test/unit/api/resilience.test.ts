/** Retries, 429 waits, the limiter, in-flight dedupe, cancellation and body caps, end to end. */
import assert from 'node:assert/strict';
import type { YampiClient } from '../../../src/core/api/types';
import { EDGE_CASE_IDS, FIRST_REGULAR_ID } from '../../sandbox/constants';
import type { Sandbox } from '../../sandbox/server';
import { aurora, clientFor, maxInWindow, owner, rejection, serra, useSandboxClient, virtualClock } from './helpers';

const ID = EDGE_CASE_IDS.knownGood;

function ids(sb: Sandbox, alias: string, n: number): number[] {
  return (sb.data.get(alias)?.customers ?? []).slice(0, n).map((c) => c.id);
}

describe('YampiClient resilience (sandbox over loopback)', () => {
  let sb: Sandbox;
  let client: YampiClient;

  useSandboxClient((s, c) => {
    sb = s;
    client = c;
  });

  describe('retries', () => {
    for (const status of [502, 503, 504]) {
      it(`retries a GET on ${status} and succeeds on the third attempt`, async () => {
        sb.addFault({ status, times: 2 });
        const rec = await client.getCustomer(aurora, ID);
        assert.equal(rec.customer.id, ID);
        assert.equal(sb.requests().length, 3);
      });
    }

    it('gives up after 3 attempts with the last status', async () => {
      sb.addFault({ status: 503 });
      const e = await rejection(client.getCustomer(aurora, ID));
      assert.equal(e.kind, 'server');
      assert.equal(e.attempts, 3);
      assert.equal(sb.requests().length, 3);
    });

    it('retries connection resets (before headers and mid-body)', async () => {
      sb.addFault({ reset: 'beforeHeaders', times: 1 });
      sb.addFault({ reset: 'midBody', times: 1 });
      const rec = await client.getCustomer(aurora, ID);
      assert.equal(rec.customer.id, ID);
      assert.equal(sb.requests().length, 3);
    });

    it('retries timeouts', async () => {
      client.updateOptions({ timeoutMs: 80 });
      sb.addFault({ latencyMs: 300, times: 1 });
      const rec = await client.getCustomer(aurora, ID);
      assert.equal(rec.customer.id, ID);
      assert.equal(sb.requests().length, 2);
    });

    it('never retries 4xx, nor a POST on 5xx', async () => {
      await rejection(client.getCustomer(aurora, 99999999));
      assert.equal(sb.requests().length, 1);
      sb.addFault({ status: 503, path: '/auth/me' });
      assert.equal((await rejection(client.me(owner))).kind, 'server');
      assert.equal(sb.requests().length, 2);
    });

    it('backs off exponentially with jitter between attempts', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { hooks: { ...clock, random: () => 1, backoffBaseMs: 100, backoffMaxMs: 10_000 } });
      sb.addFault({ status: 502 });
      await rejection(c.getCustomer(aurora, ID));
      await c.close();
      assert.deepEqual(clock.sleeps, [100, 200]);
    });
  });

  describe('429', () => {
    it('waits for Retry-After, then succeeds', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { hooks: clock });
      sb.addFault({ status: 429, retryAfterSeconds: 2, times: 1 });
      const rec = await c.getCustomer(aurora, ID);
      await c.close();
      assert.equal(rec.customer.id, ID);
      assert.deepEqual(clock.sleeps, [2000]);
      assert.equal(sb.requests().length, 2);
    });

    it('without Retry-After waits for the next rate window, within the cap, then fails', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { rateLimitWaitCapMs: 150_000, operationTimeoutMs: 300_000, hooks: clock });
      sb.addFault({ status: 429 });
      const e = await rejection(c.getCustomer(aurora, ID));
      await c.close();
      assert.equal(e.kind, 'rateLimited');
      assert.deepEqual(clock.sleeps, [60_000, 60_000]);
      assert.equal(sb.requests().length, 3);
    });
  });

  describe('limiter', () => {
    it('a burst of 200 calls never exceeds the per-store budget', async () => {
      const windowMs = 100;
      const budget = 20;
      const c = clientFor(sb, { requestsPerMinute: budget, hooks: { rateWindowMs: windowMs } });
      const started = Date.now();
      const results = await Promise.allSettled(ids(sb, aurora.alias, 200).map((id) => c.getCustomer(aurora, id)));
      await c.close();
      const elapsed = Date.now() - started;
      assert.deepEqual(results.filter((r) => r.status === 'rejected'), []);
      const arrivals = sb.requests().map((r) => r.at);
      assert.equal(arrivals.length, 200);
      // Arrival times jitter by a few ms; a window 10% shorter keeps the assertion exact.
      assert.ok(maxInWindow(arrivals, windowMs * 0.9) <= budget, `max ${maxInWindow(arrivals, windowMs * 0.9)} in a window`);
      assert.ok(elapsed >= (200 / budget - 1) * windowMs * 0.95, `took only ${elapsed} ms`);
    });

    it('adapts to X-RateLimit-Limit/Remaining: no 429 from a stricter server', async () => {
      sb.setRateLimit({ perWindow: 5, windowMs: 100 });
      const c = clientFor(sb, { requestsPerMinute: 60, hooks: { rateWindowMs: 100 } });
      for (let i = 0; i < 12; i++) {
        await c.getCustomer(serra, FIRST_REGULAR_ID.serra, { skipCache: true });
      }
      await c.close();
      assert.equal(sb.requests().length, 12);
      assert.deepEqual(sb.requests().filter((r) => r.status === 429), []);
    });

    it('keeps separate budgets per store', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { requestsPerMinute: 2, operationTimeoutMs: 120_000, hooks: clock });
      await Promise.all(ids(sb, aurora.alias, 2).map((id) => c.getCustomer(aurora, id)));
      await Promise.all(ids(sb, serra.alias, 2).map((id) => c.getCustomer(serra, id)));
      assert.deepEqual(clock.sleeps, []);
      await c.getCustomer(aurora, EDGE_CASE_IDS.company);
      await c.close();
      assert.equal(clock.sleeps.length, 1);
      assert.ok(Math.max(...clock.sleeps) > 59_000);
    });
  });

  describe('in-flight dedupe and cancellation', () => {
    it('50 concurrent identical lookups make one request', async () => {
      sb.addFault({ latencyMs: 40 });
      const all = await Promise.all(Array.from({ length: 50 }, () => client.getCustomer(aurora, ID)));
      assert.equal(sb.requests().length, 1);
      assert.ok(all.every((r) => r.customer.id === ID));
    });

    it('cancels mid-request', async () => {
      sb.addFault({ latencyMs: 600 });
      const ac = new AbortController();
      const p = client.getCustomer(aurora, ID, { signal: ac.signal });
      setTimeout(() => {
        ac.abort();
      }, 50);
      const started = Date.now();
      const e = await rejection(p);
      assert.equal(e.kind, 'cancelled');
      assert.ok(Date.now() - started < 400);
      assert.equal(sb.requests().length, 1, 'the request had reached the server');
    });

    it('one caller cancelling leaves the shared request to the others', async () => {
      sb.addFault({ latencyMs: 150 });
      const ac = new AbortController();
      const leaving = client.getCustomer(aurora, ID, { signal: ac.signal });
      const staying = client.getCustomer(aurora, ID, { signal: new AbortController().signal });
      ac.abort();
      assert.equal((await rejection(leaving)).kind, 'cancelled');
      assert.equal((await staying).customer.id, ID);
      assert.equal(sb.requests().length, 1);
    });

    it('cancels a request waiting in the limiter queue without sending it', async () => {
      const c = clientFor(sb, { requestsPerMinute: 1 });
      await c.getCustomer(aurora, ID);
      const ac = new AbortController();
      const p = c.getCustomer(aurora, EDGE_CASE_IDS.company, { signal: ac.signal });
      ac.abort();
      assert.equal((await rejection(p)).kind, 'cancelled');
      await c.close();
      assert.equal(sb.requests().length, 1);
    });
  });

  describe('bodies', () => {
    it('refuses an oversized body, declared or chunked, without crashing', async () => {
      client.updateOptions({ maxResponseBytes: 64 * 1024 });
      sb.addFault({ body: 'oversized', oversizedBytes: 300_000, times: 1 });
      assert.equal((await rejection(client.getCustomer(aurora, ID))).kind, 'invalidResponse');
      sb.addFault({ body: 'oversized', oversizedBytes: 300_000, chunked: true, times: 1 });
      assert.equal((await rejection(client.getCustomer(aurora, ID))).kind, 'invalidResponse');
      assert.equal((await client.getCustomer(aurora, ID)).customer.id, ID, 'the client still works');
    });

    it('refuses a 6 MB body with the default 5 MB cap', async () => {
      const c = clientFor(sb);
      sb.addFault({ body: 'oversized', chunked: true, times: 1 });
      assert.equal((await rejection(c.getCustomer(aurora, ID))).kind, 'invalidResponse');
      await c.close();
    });

    for (const body of ['truncated', 'malformed', 'empty', 'html'] as const) {
      it(`${body} JSON → invalidResponse, not retried`, async () => {
        sb.addFault({ body, times: 1 });
        const e = await rejection(client.getCustomer(aurora, ID));
        assert.equal(e.kind, 'invalidResponse');
        assert.equal(sb.requests().length, 1);
      });
    }

    it('a slow body within the timeout succeeds; beyond it times out', async () => {
      sb.addFault({ slowBodyMs: 100, times: 1 });
      assert.equal((await client.getCustomer(aurora, ID, { skipCache: true })).customer.id, ID);
      client.updateOptions({ timeoutMs: 100, maxAttempts: 1 });
      sb.addFault({ slowBodyMs: 400, times: 1 });
      assert.equal((await rejection(client.getCustomer(aurora, ID, { skipCache: true }))).kind, 'timeout');
    });
  });
});
