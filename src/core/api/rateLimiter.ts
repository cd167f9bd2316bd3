/**
 * Client-side rate limiter for one budget (one store, or the auth route).
 *
 * A sliding window over request *slots*: a slot is held from the moment a request may start until
 * `W` after it completed. At most `budget` slots are held at once. Because a request reaches the
 * server before it completes, no `W`-long span of server arrivals ever holds more than `budget`
 * requests, however long requests queue for a connection (counting start times would not give
 * that guarantee). It adapts to the server: `X-RateLimit-Limit` lowers the budget,
 * `X-RateLimit-Remaining` is a credit for the current window (0 → wait a window), and a 429
 * pauses the whole budget.
 *
 * Waiters queue FIFO and a single pump waits for the head, so only one timer runs per budget
 * (and an injected virtual clock stays deterministic).
 *
 * Waits are bounded: a waiter may carry a deadline (its operation's), and leaves with `rateLimited`
 * as soon as the head of the queue cannot start before it; `noWait` callers (the hover) never
 * queue at all. Either way the error says how long the wait would have been (`retryAfterMs`).
 */
import { YampiError } from './errors';
import { cancelledError } from './retry';

export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Handed out by `acquire`; call `settle()` once the attempt has completed (or failed). */
export interface Slot {
  settle(): void;
}

const FREE_SLOT: Slot = { settle: () => undefined };

export interface AcquireOptions {
  readonly signal?: AbortSignal | undefined;
  /** Clock time by which the slot must be granted; past it the waiter leaves with `rateLimited`. */
  readonly deadline?: number | undefined;
  /** Never queue: if no slot is free right now, reject at once with `rateLimited`. */
  readonly noWait?: boolean | undefined;
}

interface Waiter {
  readonly deadline: number;
  readonly resolve: (slot: Slot) => void;
  readonly reject: (e: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Held {
  /** Completion time once done; start time before. */
  t: number;
  done: boolean;
}

export class RateLimiter {
  private held: Held[] = [];
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private closed = false;
  private pausedUntil = 0;
  private serverLimit: number | undefined;
  private credit: number | undefined;
  private creditUntil = 0;
  private wake: (() => void) | undefined;

  constructor(
    private budget: number,
    private readonly windowMs: number,
    private readonly clock: LimiterClock,
  ) {}

  setBudget(budget: number): void {
    this.budget = budget;
  }

  /**
   * Resolves with a slot when a request may start; rejects `cancelled` if the signal fires first,
   * `rateLimited` (with `retryAfterMs`) when the slot cannot come by the deadline or `noWait` is set
   * and none is free now.
   */
  acquire(options: AcquireOptions = {}): Promise<Slot> {
    const { signal } = options;
    if (signal?.aborted === true || this.closed) {
      return Promise.reject(cancelledError());
    }
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    const wait = this.waitMs();
    if (this.queue.length === 0 && wait === 0) {
      return Promise.resolve(this.take());
    }
    if (options.noWait === true || this.tooLate(wait, deadline)) {
      return Promise.reject(this.limited(wait));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        deadline,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) {
            this.queue.splice(i, 1);
          }
          reject(cancelledError());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Feed the X-RateLimit-* headers of a response. */
  observe(limit: number | undefined, remaining: number | undefined): void {
    if (limit !== undefined && Number.isFinite(limit) && limit > 0) {
      this.serverLimit = limit;
    }
    if (remaining !== undefined && Number.isFinite(remaining) && remaining >= 0) {
      this.credit = remaining;
      this.creditUntil = this.clock.now() + this.windowMs;
    }
  }

  /** Hold every request of this budget for `ms` (after a 429); supersedes the credit. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.credit = undefined;
  }

  /** Time until the server's window has surely rolled over (no reset header is documented). */
  get windowLengthMs(): number {
    return this.windowMs;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
    for (const w of this.queue.splice(0)) {
      w.signal?.removeEventListener('abort', w.onAbort);
      w.reject(cancelledError());
    }
  }

  private limited(wait: number): YampiError {
    const retryAfterMs = Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : this.windowMs;
    return new YampiError('rateLimited', 'client-side rate limit: no request slot in time', { retryAfterMs });
  }

  /** Rejects every waiter that cannot start before its deadline, given the head waits `wait` more. */
  private expire(wait: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const w = this.queue[i];
      if (w !== undefined && this.tooLate(wait, w.deadline)) {
        this.queue.splice(i, 1);
        w.signal?.removeEventListener('abort', w.onAbort);
        w.reject(this.limited(wait));
      }
    }
  }

  /** A finite wait is known in advance; an unknown one (until a settle) is too late only once the deadline passed. */
  private tooLate(wait: number, deadline: number): boolean {
    const now = this.clock.now();
    return Number.isFinite(wait) ? now + wait > deadline : now >= deadline;
  }

  private effectiveBudget(): number {
    return Math.min(this.budget, this.serverLimit ?? Number.POSITIVE_INFINITY);
  }

  /** 0 when a request may start now, else how long until one may (Infinity: until a settle). */
  private waitMs(): number {
    const now = this.clock.now();
    if (this.pausedUntil > now) {
      return this.pausedUntil - now;
    }
    if (this.credit !== undefined && now < this.creditUntil && this.credit <= 0) {
      return this.creditUntil - now;
    }
    const budget = this.effectiveBudget();
    if (budget === Number.POSITIVE_INFINITY) {
      return 0;
    }
    this.held = this.held.filter((h) => !h.done || h.t > now - this.windowMs);
    if (this.held.length < budget) {
      return 0;
    }
    const expiries = this.held.filter((h) => h.done).map((h) => h.t + this.windowMs).sort((a, b) => a - b);
    const needed = expiries[this.held.length - budget];
    return needed === undefined ? Number.POSITIVE_INFINITY : Math.max(1, needed - now);
  }

  private take(): Slot {
    const now = this.clock.now();
    if (this.credit !== undefined && now < this.creditUntil) {
      this.credit--;
    }
    if (this.effectiveBudget() === Number.POSITIVE_INFINITY) {
      return FREE_SLOT;
    }
    const held: Held = { t: now, done: false };
    this.held.push(held);
    return {
      settle: () => {
        if (!held.done) {
          held.done = true;
          held.t = this.clock.now();
          this.wake?.();
        }
      },
    };
  }

  /** Sleeps `ms` (if finite) or until a held slot settles, whichever comes first. */
  private async waitFor(ms: number): Promise<void> {
    const inFlight = this.held.some((h) => !h.done);
    if (!inFlight) {
      await this.clock.sleep(ms);
      return;
    }
    const stop = new AbortController();
    const settled = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    const timer = Number.isFinite(ms) ? this.clock.sleep(ms, stop.signal).catch(() => undefined) : new Promise<void>(() => undefined);
    await Promise.race([settled, timer]);
    this.wake = undefined;
    stop.abort();
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const wait = this.waitMs();
        if (wait > 0) {
          this.expire(wait);
          if (this.queue.length === 0) {
            break;
          }
          // Wake by the earliest deadline too, so a waiter blocked behind in-flight requests leaves in time.
          let earliest = Number.POSITIVE_INFINITY;
          for (const w of this.queue) {
            earliest = Math.min(earliest, w.deadline);
          }
          const sleep = Math.min(wait, Math.max(1, earliest - this.clock.now()));
          const pausedBefore = this.pausedUntil;
          await this.waitFor(sleep);
          // A fake sleep may not move the clock: once slept through, a pause is over.
          if (sleep === wait && this.pausedUntil === pausedBefore && this.clock.now() < this.pausedUntil) {
            this.pausedUntil = 0;
          }
          continue;
        }
        const head = this.queue.shift();
        if (head !== undefined) {
          head.signal?.removeEventListener('abort', head.onAbort);
          head.resolve(this.take());
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
