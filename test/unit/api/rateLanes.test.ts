/**
 * Issue 18 point 2.9: budget lanes. What the user asked for goes before background work (records
 * fetched to label Recent and Pinned); background holds at most a third of a store's budget, so a
 * hover never fails because the background spent it. Limiter on a virtual clock, then the client
 * against the rate-limited sandbox on the same clock.
 */
import assert from 'node:assert/strict';
import { YampiError } from '../../../src/core/api/errors';
import { createYampiClient } from '../../../src/core/api/index';
import { RateLimiter, type Slot } from '../../../src/core/api/rateLimiter';
import type { Sandbox } from '../../sandbox/server';
import { aurora, maxInWindow, USER_AGENT, useSandbox, VirtualTime, virtualClock } from './helpers';

const MINUTE = 60_000;

describe('rate limiter lanes (issue 18 point 2.9)', () => {
  it('20 Recent + 40 Pinned + a hover: the hover answers', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(60, MINUTE, clock);
    const background = Array.from({ length: 60 }, () => limiter.acquire({ lane: 'background', deadline: clock.now() + 35_000 }));
    const settled = await Promise.allSettled(background);
    const granted = settled.filter((r) => r.status === 'fulfilled');
    assert.equal(granted.length, 20, 'background took at most a third of the minute');
    assert.ok(settled.filter((r) => r.status === 'rejected').every((r) => YampiError.is(r.reason, 'rateLimited')));
    const hover = await limiter.acquire({ noWait: true });
    hover.settle();
    for (const r of granted) {
      r.value.settle();
    }
  });

  it('background never holds more than a third of any window, however long it queues', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(60, MINUTE, clock);
    const grants: number[] = [];
    await Promise.all(Array.from({ length: 45 }, async () => {
      const slot = await limiter.acquire({ lane: 'background' });
      grants.push(clock.now());
      slot.settle();
    }));
    assert.equal(maxInWindow(grants, MINUTE), 20);
    // the user still has the rest of the window
    const user = await Promise.all(Array.from({ length: 40 }, () => limiter.acquire({ noWait: true })));
    assert.equal(user.length, 40);
  });

  it('a queued user request goes before queued background work', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(3, MINUTE, clock);
    const held: Slot[] = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    const order: string[] = [];
    const bg = limiter.acquire({ lane: 'background' }).then((s) => { order.push('background'); s.settle(); });
    const user = limiter.acquire().then((s) => { order.push('user'); s.settle(); });
    for (const s of held) {
      s.settle();
    }
    await Promise.all([bg, user]);
    assert.deepEqual(order, ['user', 'background']);
  });

  it('background leaves the server\'s last two thirds of its window (X-RateLimit-Remaining) to the user', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(60, MINUTE, clock);
    limiter.observe(60, 40);
    await assert.rejects(limiter.acquire({ lane: 'background', noWait: true }), (e: unknown) => YampiError.is(e, 'rateLimited'));
    (await limiter.acquire({ noWait: true })).settle();
    limiter.observe(60, 41);
    (await limiter.acquire({ lane: 'background', noWait: true })).settle();
  });
});

describe('client lanes against the rate-limited sandbox (issue 18 point 2.9)', function () {
  this.timeout(60_000);
  const vt = new VirtualTime();
  let sb!: Sandbox;
  useSandbox((s) => {
    sb = s;
  }, { rateLimit: { perWindow: 60, windowMs: MINUTE }, now: vt.now });

  it('20 Recent + 40 Pinned fetched in the background, then a hover: the hover answers with data', async () => {
    const client = createYampiClient({ baseUrl: sb.baseUrl, userAgent: USER_AGENT, hooks: { now: vt.now, sleep: vt.sleep } });
    try {
      const ids = (sb.data.get(aurora.alias)?.customers ?? []).map((c) => c.id).slice(0, 61);
      const labels = Promise.allSettled(ids.slice(0, 60).map((id) => client.getCustomer(aurora, id, { background: true })));
      const quiet = (): boolean => true;
      const results = await vt.run(labels, quiet);
      const fetched = results.filter((r) => r.status === 'fulfilled').length;
      assert.ok(fetched <= 20, `background fetched ${fetched} in its minute`);
      const hoverId = ids[60] ?? 0;
      const hover = await client.getCustomer(aurora, hoverId, { waitForRateLimit: false });
      assert.equal(hover.customer.id, hoverId);
      assert.ok(sb.requests().every((r) => r.status !== 429), 'the sandbox never answered 429');
    } finally {
      await client.close();
    }
  });
});
