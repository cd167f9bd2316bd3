/** The limiter alone, on a virtual clock: exact budgets, adaptation and pauses, in microseconds. */
import assert from 'node:assert/strict';
import { RateLimiter } from '../../../src/core/api/rateLimiter';
import { maxInWindow, virtualClock } from './helpers';

describe('RateLimiter', () => {
  it('grants a burst of 200 at most `budget` per window, settling each slot at once', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(60, 60_000, clock);
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        const slot = await limiter.acquire();
        grants.push(clock.now());
        slot.settle();
      }),
    );
    assert.equal(grants.length, 200);
    assert.equal(maxInWindow(grants, 60_000), 60);
    assert.equal((grants.at(-1) ?? 0) - (grants[0] ?? 0), 3 * 60_000);
  });

  it('holds a slot until the request completes, then for a window', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(1, 1000, clock);
    const first = await limiter.acquire();
    let second = false;
    const next = limiter.acquire().then(() => {
      second = true;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(second, false, 'the first request is still in flight');
    first.settle();
    await next;
    assert.deepEqual(clock.sleeps, [1000]);
  });

  it('adapts to X-RateLimit-Limit and a zero X-RateLimit-Remaining', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(60, 60_000, clock);
    (await limiter.acquire()).settle();
    limiter.observe(60, 0);
    (await limiter.acquire()).settle();
    assert.deepEqual(clock.sleeps, [60_000]);
    limiter.observe(2, 1);
    (await limiter.acquire()).settle();
    assert.equal(clock.sleeps.length, 1, 'one credit left');
    (await limiter.acquire()).settle();
    assert.equal(clock.sleeps.length, 2, 'limit 2 reached');
  });

  it('pauses for a 429 and rejects queued waiters when cancelled or closed', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(10, 1000, clock);
    limiter.pause(5000);
    const ac = new AbortController();
    const cancelled = limiter.acquire({ signal: ac.signal });
    ac.abort();
    await assert.rejects(cancelled, { kind: 'cancelled' });
    (await limiter.acquire()).settle();
    assert.deepEqual(clock.sleeps.slice(0, 1), [5000]);
    limiter.pause(5000);
    const queued = limiter.acquire();
    limiter.close();
    await assert.rejects(queued, { kind: 'cancelled' });
  });
});
