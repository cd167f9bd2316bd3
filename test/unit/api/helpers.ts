/** Shared setup for the client tests: the sandbox store over real loopback HTTP, and test clocks. */
import { createYampiClient } from '../../../src/core/api/index';
import type { ClientOptions, StoreRef, YampiClient } from '../../../src/core/api/types';
import { YampiError } from '../../../src/core/api/errors';
import { SANDBOX_STORES, SANDBOX_USERS } from '../../sandbox/constants';
import { startSandbox, type Sandbox } from '../../sandbox/server';

export const owner = SANDBOX_USERS.owner;
export const single = SANDBOX_USERS.single;
export const aurora: StoreRef = { alias: SANDBOX_STORES.aurora.alias, userToken: owner.userToken, userSecretKey: owner.userSecretKey };
export const serra: StoreRef = { alias: SANDBOX_STORES.serra.alias, userToken: owner.userToken, userSecretKey: owner.userSecretKey };
export const inactive: StoreRef = { alias: SANDBOX_STORES.inactive.alias, userToken: owner.userToken, userSecretKey: owner.userSecretKey };
export const USER_AGENT = 'yampi-customers-tests/0.0.0';

/** A client on the sandbox with fast retries and no client-side limiter unless asked. */
export function clientFor(sb: Sandbox, options: Partial<ClientOptions> = {}): YampiClient {
  return createYampiClient({
    baseUrl: sb.baseUrl,
    userAgent: USER_AGENT,
    requestsPerMinute: Number.POSITIVE_INFINITY,
    authRequestsPerMinute: Number.POSITIVE_INFINITY,
    timeoutMs: 2000,
    ...options,
    hooks: { backoffBaseMs: 2, backoffMaxMs: 10, ...options.hooks },
  });
}

/** The rejection of `p`, asserted to be a YampiError. */
export async function rejection(p: Promise<unknown>): Promise<YampiError> {
  try {
    await p;
  } catch (e) {
    if (YampiError.is(e)) {
      return e;
    }
    throw new Error(`expected a YampiError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the promise to reject');
}

/**
 * A virtual clock: `sleep(ms)` advances time by `ms` and resolves on the next macrotask, so
 * waits of minutes take microseconds. Every requested sleep is recorded.
 */
export function virtualClock(start = 1_000_000): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms: number) => {
      sleeps.push(ms);
      t += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
    sleeps,
  };
}

/** Most requests seen in any span of `windowMs` (by sandbox arrival time). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) {
      lo++;
    }
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * Registers mocha hooks for a suite: one rate-unlimited sandbox for the suite, reset and a fresh
 * client per test. Call inside `describe`; read the values inside tests.
 */
export function sandboxPerSuite(): { readonly sb: Sandbox; readonly client: YampiClient } {
  const ctx = {} as { sb: Sandbox; client: YampiClient };
  before(async () => {
    ctx.sb = await startSandbox({ rateLimit: false });
  });
  after(async () => {
    await ctx.sb.close();
  });
  beforeEach(() => {
    ctx.sb.reset();
    ctx.client = clientFor(ctx.sb);
  });
  afterEach(async () => {
    await ctx.client.close();
  });
  return ctx;
}
