/** Shared setup for the client tests: the sandbox store over real loopback HTTP, and test clocks. */
import { createYampiClient } from '../../../src/core/api/index';
import type { ClientOptions, StoreRef, YampiClient } from '../../../src/core/api/types';
import { YampiError } from '../../../src/core/api/errors';
import { SANDBOX_STORES, SANDBOX_USERS } from '../../sandbox/constants';
import { peakInWindow, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

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
  return peakInWindow([...times].sort((a, b) => a - b), windowMs);
}

/**
 * Real time plus skipped waits: `now()` is wall time (ms) plus every `sleep` so far, and `sleep`
 * resolves on the next macrotask. Backoff and rate-limit waits cost nothing, while I/O and the
 * client's attempt timers stay real; an operation's elapsed time on this clock is what it would
 * have taken for real. Every sleep is recorded.
 */
export function hybridClock(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  const origin = performance.now();
  let skipped = 0;
  const sleeps: number[] = [];
  return {
    now: () => performance.now() - origin + skipped,
    sleep: (ms: number) => {
      sleeps.push(ms);
      skipped += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
    sleeps,
  };
}

/** Timers the test fires by hand: each `setTimer` call is recorded with its duration. */
export function manualTimers(): { setTimer: (ms: number, fire: () => void) => () => void; armed: { ms: number; fire: () => void; cancelled: boolean }[] } {
  const armed: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  return {
    armed,
    setTimer: (ms, fire) => {
      const t = { ms, fire, cancelled: false };
      armed.push(t);
      return () => {
        t.cancelled = true;
      };
    },
  };
}

/** Resolves once `cond()` holds, checking every few ms (for "the sandbox has seen the request"). */
export async function until(cond: () => boolean): Promise<void> {
  while (!cond()) {
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * One sandbox for the enclosing `describe` (rate limits off unless asked), reset before each test:
 * `let sb!: Sandbox; useSandbox((s) => { sb = s; });`
 */
export function useSandbox(set: (sb: Sandbox) => void, options: SandboxOptions = { rateLimit: false }): void {
  let sb: Sandbox | undefined;
  before(async () => {
    sb = await startSandbox(options);
    set(sb);
  });
  after(async () => {
    await sb?.close();
  });
  beforeEach(() => {
    sb?.reset();
    if (options.rateLimit === false) {
      sb?.setRateLimit(false);
    }
  });
}

/** useSandbox, and a client of it made before each test and closed after it. */
export function useSandboxClient(set: (sb: Sandbox, client: YampiClient) => void, options: SandboxOptions = { rateLimit: false }): void {
  let sb: Sandbox | undefined;
  let client: YampiClient | undefined;
  useSandbox((s) => {
    sb = s;
  }, options);
  beforeEach(() => {
    if (sb) {
      client = clientFor(sb);
      set(sb, client);
    }
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
}

/**
 * Virtual time for long scenarios (minutes of rate-limit windows in a second or two): `sleep`
 * registers a wake-up, and `run` jumps the clock to the next wake-up whenever the system is quiet
 * (`quiet()` holds, e.g. no request open at the sandbox, and 2 ms of real time passed). Concurrent
 * sleeps overlap as they would in real time.
 */
export class VirtualTime {
  private t = 1_000_000;
  private readonly pending: { at: number; resolve: () => void }[] = [];
  readonly now = (): number => this.t;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    return new Promise((resolve, reject) => {
      const entry = { at: this.t + Math.max(0, ms), resolve };
      this.pending.push(entry);
      signal?.addEventListener('abort', () => {
        const i = this.pending.indexOf(entry);
        if (i >= 0) {
          this.pending.splice(i, 1);
        }
        reject(new YampiError('cancelled', 'sleep cancelled'));
      }, { once: true });
    });
  };

  async run<T>(work: Promise<T>, quiet: () => boolean): Promise<T> {
    const state = { finished: false };
    const tracked = work.finally(() => {
      state.finished = true;
    });
    while (!state.finished) {
      await new Promise((r) => setTimeout(r, 2));
      if (this.pending.length === 0 || !quiet()) {
        continue;
      }
      this.t = Math.max(this.t, Math.min(...this.pending.map((p) => p.at)));
      for (const p of this.pending.filter((e) => e.at <= this.t)) {
        this.pending.splice(this.pending.indexOf(p), 1);
        p.resolve();
      }
    }
    return tracked;
  }
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

/**
 * Mocha hooks for a describe block on one sandbox (no rate limit) and an uncached client: started
 * before, reset before each test, closed after. The getter is valid inside tests.
 */
export function sandboxWithClient(): () => { readonly sb: Sandbox; readonly client: YampiClient } {
  let ctx: { sb: Sandbox; client: YampiClient } | undefined;
  before(async () => {
    const sb = await startSandbox({ rateLimit: false });
    ctx = { sb, client: clientFor(sb, { cacheTtlMs: 0 }) };
  });
  after(async () => {
    await ctx?.client.close();
    await ctx?.sb.close();
  });
  beforeEach(() => {
    ctx?.sb.reset();
  });
  return () => {
    if (ctx === undefined) {
      throw new Error('the before hook has not run');
    }
    return ctx;
  };
}
