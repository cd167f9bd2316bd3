/**
 * Issue 10 point 7: each attempt has a real timer that trickling headers or bodies cannot extend,
 * each operation an overall deadline (2 × timeout + 5 s, attempts, backoff and rate-limit waits
 * included), and a hover can refuse to wait for a rate-limit window at all.
 */
import assert from 'node:assert/strict';
import { DEADLINE_GRACE_MS, operationDeadlineMs } from '../../../src/core/api/client';
import { createYampiClient } from '../../../src/core/api/index';
import { RateLimiter } from '../../../src/core/api/rateLimiter';
import { EDGE_CASE_IDS } from '../../sandbox/constants';
import type { Sandbox } from '../../sandbox/server';
import { aurora, clientFor, manualTimers, rejection, until, USER_AGENT, useSandbox, virtualClock } from './helpers';

const ID = EDGE_CASE_IDS.knownGood;

describe('deadlines (issue 10 point 7)', () => {
  let sb!: Sandbox;
  useSandbox((s) => {
    sb = s;
  });

  it('the operation deadline is 2 × the attempt timeout + 5 s (what the setting promises)', () => {
    assert.equal(DEADLINE_GRACE_MS, 5000);
    assert.equal(operationDeadlineMs(15_000), 35_000);
    assert.equal(operationDeadlineMs(120_000), 245_000);
    assert.equal(operationDeadlineMs(1000), 7000);
  });

  for (const fault of [{ slowHeadersMs: 8000 }, { slowBodyMs: 8000 }] as const) {
    const what = 'slowHeadersMs' in fault ? 'headers' : 'body';
    it(`an attempt whose ${what} trickle in ends when its own timer fires, not when the bytes stop`, async () => {
      const timers = manualTimers();
      const c = clientFor(sb, { timeoutMs: 5000, maxAttempts: 1, hooks: { setTimer: timers.setTimer } });
      sb.addFault({ ...fault, times: 1 });
      let settled = false;
      const p = c.getCustomer(aurora, ID);
      p.catch(() => undefined).finally(() => {
        settled = true;
      });
      await until(() => sb.requests().length === 1);
      // Bytes keep arriving for a while; nothing ends the attempt but its timer.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(settled, false);
      assert.deepEqual(timers.armed.map((t) => t.ms), [5000]);
      timers.armed[0]?.fire();
      const e = await rejection(p);
      assert.equal(e.kind, 'timeout');
      assert.equal(e.attempts, 1);
      assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID, 'the client still works');
      assert.equal(timers.armed[1]?.cancelled, true, 'a finished attempt cancels its timer');
      await c.close();
    });
  }

  it('with real timers, slow headers and a slow body each end as timeout after maxAttempts', async () => {
    const c = clientFor(sb, { timeoutMs: 150 });
    sb.addFault({ slowHeadersMs: 3000 });
    const headers = await rejection(c.getCustomer(aurora, ID));
    sb.reset();
    // 10 pieces 100 ms apart: undici's idle body timeout (150 ms) never fires on its own.
    sb.addFault({ slowBodyMs: 1000 });
    const body = await rejection(c.getCustomer(aurora, ID, { skipCache: true }));
    await c.close();
    assert.deepEqual([headers.kind, headers.attempts, body.kind, body.attempts], ['timeout', 3, 'timeout', 3]);
  });

  it('attempts share one deadline: the last attempt gets only what is left of it', async () => {
    const clock = virtualClock();
    // Each attempt "times out" when its timer fires, which also advances the virtual clock.
    const budgets: number[] = [];
    const setTimer = (ms: number, fire: () => void): (() => void) => {
      budgets.push(ms);
      const t = setTimeout(() => {
        void clock.sleep(ms);
        fire();
      }, 1);
      return () => {
        clearTimeout(t);
      };
    };
    const c = clientFor(sb, { timeoutMs: 3000, hooks: { ...clock, setTimer, random: () => 1, backoffBaseMs: 1000, backoffMaxMs: 10_000 } });
    sb.addFault({ latencyMs: 5000 });
    const started = clock.now();
    const e = await rejection(c.getCustomer(aurora, ID));
    await c.close();
    assert.equal(e.kind, 'timeout');
    // 3000 + backoff 1000 + 3000 + backoff 2000 → 9000 of the 11000 used; the third gets 2000.
    assert.deepEqual(budgets, [3000, 3000, 2000]);
    assert.equal(clock.now() - started, operationDeadlineMs(3000));
  });

  it('no backoff or retry is started that could not finish before the deadline', async () => {
    const clock = virtualClock();
    const c = clientFor(sb, { operationTimeoutMs: 1000, hooks: { ...clock, random: () => 1, backoffBaseMs: 800, backoffMaxMs: 10_000 } });
    sb.addFault({ status: 503 });
    const e = await rejection(c.getCustomer(aurora, ID));
    await c.close();
    assert.equal(e.kind, 'server');
    assert.equal(e.attempts, 2, 'the second backoff (1600 ms) would pass the deadline');
    assert.deepEqual(clock.sleeps, [800]);
  });

  it('a 429 whose Retry-After passes the deadline fails at once with rateLimited', async () => {
    const clock = virtualClock();
    const c = clientFor(sb, { timeoutMs: 1000, hooks: clock }); // deadline 7 s
    sb.addFault({ status: 429, retryAfterSeconds: 30, times: 1 });
    const e = await rejection(c.getCustomer(aurora, ID));
    assert.equal(e.kind, 'rateLimited');
    assert.equal(e.retryAfterMs, 30_000);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(sb.requests().length, 1);
    // The 429 paused the store's budget: the next lookup does not queue for 30 s either.
    const next = await rejection(c.getCustomer(aurora, EDGE_CASE_IDS.company));
    assert.equal(next.kind, 'rateLimited');
    assert.ok((next.retryAfterMs ?? 0) > 29_000);
    assert.equal(next.alias, aurora.alias);
    assert.equal(sb.requests().length, 1);
    await c.close();
  });

  it('a request queued behind a full budget leaves with rateLimited by its deadline', async () => {
    const clock = virtualClock();
    const c = clientFor(sb, { requestsPerMinute: 1, timeoutMs: 1000, hooks: clock });
    await c.getCustomer(aurora, ID);
    const e = await rejection(c.getCustomer(aurora, EDGE_CASE_IDS.company));
    await c.close();
    assert.equal(e.kind, 'rateLimited');
    assert.ok((e.retryAfterMs ?? 0) > 50_000, `retryAfterMs ${String(e.retryAfterMs)}`);
    assert.equal(e.customerId, EDGE_CASE_IDS.company);
    assert.equal(e.attempts, 0);
    assert.equal(sb.requests().length, 1);
  });

  it('POST /auth/me has the same deadline', async () => {
    const clock = virtualClock();
    const c = clientFor(sb, { timeoutMs: 1000, hooks: clock });
    sb.addFault({ status: 429, path: '/auth/me' });
    const e = await rejection(c.me(aurora));
    await c.close();
    assert.equal(e.kind, 'rateLimited');
    assert.deepEqual(clock.sleeps, []);
  });

  describe('waitForRateLimit: false (the hover)', () => {
    it('fails at once instead of queueing when the budget is spent', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { requestsPerMinute: 1, hooks: clock });
      await c.getCustomer(aurora, ID);
      const e = await rejection(c.getCustomer(aurora, EDGE_CASE_IDS.company, { waitForRateLimit: false }));
      const list = await rejection(c.listCustomers(aurora, { page: 2, waitForRateLimit: false }));
      await c.close();
      assert.deepEqual([e.kind, list.kind], ['rateLimited', 'rateLimited']);
      assert.ok((e.retryAfterMs ?? 0) > 59_000);
      assert.deepEqual(clock.sleeps, []);
      assert.equal(sb.requests().length, 1);
    });

    it('does not wait out a 429 (with or without Retry-After)', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { hooks: clock });
      sb.addFault({ status: 429, retryAfterSeconds: 1, times: 1 });
      const withHeader = await rejection(c.getCustomer(aurora, ID, { waitForRateLimit: false }));
      await c.close();
      const c2 = clientFor(sb, { hooks: clock });
      sb.addFault({ status: 429, times: 1 });
      const without = await rejection(c2.getCustomer(aurora, ID, { waitForRateLimit: false }));
      await c2.close();
      assert.deepEqual([withHeader.kind, withHeader.retryAfterMs, withHeader.attempts], ['rateLimited', 1000, 1]);
      assert.deepEqual([without.kind, without.retryAfterMs, without.attempts], ['rateLimited', 60_000, 1]);
      assert.deepEqual(clock.sleeps, []);
      assert.equal(sb.requests().length, 2);
    });

    it('never joins a lookup that is queued for the rate limit', async () => {
      const clock = virtualClock();
      const c = clientFor(sb, { requestsPerMinute: 1, operationTimeoutMs: 120_000, hooks: clock });
      await c.getCustomer(aurora, EDGE_CASE_IDS.company);
      const queued = c.getCustomer(aurora, ID); // waits ~60 s (virtual) for a slot
      const hover = await rejection(c.getCustomer(aurora, ID, { waitForRateLimit: false }));
      assert.equal(hover.kind, 'rateLimited');
      assert.equal((await queued).customer.id, ID);
      await c.close();
    });

    it('still gets data when a slot is free', async () => {
      const c = createYampiClient({ baseUrl: sb.baseUrl, userAgent: USER_AGENT });
      const rec = await c.getCustomer(aurora, ID, { waitForRateLimit: false });
      await c.close();
      assert.equal(rec.customer.id, ID);
    });
  });

  describe('RateLimiter deadlines', () => {
    it('rejects a waiter as soon as the head cannot start before its deadline, not later', async () => {
      const clock = virtualClock();
      const limiter = new RateLimiter(10, 1000, clock);
      limiter.pause(5000);
      const late = limiter.acquire({ deadline: clock.now() + 4000 });
      await assert.rejects(late, { kind: 'rateLimited', retryAfterMs: 5000 });
      assert.deepEqual(clock.sleeps, []);
      const inTime = limiter.acquire({ deadline: clock.now() + 6000 });
      (await inTime).settle();
      assert.deepEqual(clock.sleeps, [5000]);
    });

    it('a waiter blocked behind in-flight requests leaves at its deadline', async () => {
      const clock = virtualClock();
      const limiter = new RateLimiter(1, 60_000, clock);
      const held = await limiter.acquire();
      const start = clock.now();
      const waiting = limiter.acquire({ deadline: start + 7000 });
      await assert.rejects(waiting, { kind: 'rateLimited' });
      assert.equal(clock.now() - start, 7000);
      held.settle();
      limiter.close();
    });
  });
});
