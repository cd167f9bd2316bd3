/**
 * Client-side rate limiter for one budget (one store, or the auth route).
 *
 * A sliding-window log: at most `budget` requests start within any `windowMs` span, which also
 * keeps us under a server counting in fixed windows of that length. It adapts to the server:
 * `X-RateLimit-Limit` lowers the budget, `X-RateLimit-Remaining` is a credit for the current
 * window (0 → wait a window), and a 429 pauses the whole budget.
 *
 * Waiters queue FIFO and a single pump sleeps for the head, so only one timer runs per budget
 * (and an injected virtual clock stays deterministic).
 */
import { cancelledError } from './retry';

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

export class RateLimiter {
  /** Start times of recent requests, ascending; never longer than the effective budget. */
  private readonly sent: number[] = [];
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private closed = false;
  private pausedUntil = 0;
  private serverLimit: number | undefined;
  private credit: number | undefined;
  private creditUntil = 0;

  constructor(
    private budget: number,
    private readonly windowMs: number,
    private readonly clock: LimiterClock,
  ) {}

  setBudget(budget: number): void {
    this.budget = budget;
  }

  /** Resolves when a request may start; rejects `cancelled` if the signal fires first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true || this.closed) {
      return Promise.reject(cancelledError());
    }
    if (this.queue.length === 0 && this.waitMs() === 0) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
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

  /** Hold every request of this budget for `ms` (after a 429). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Time until the server's window has surely rolled over (no reset header is documented). */
  get windowLengthMs(): number {
    return this.windowMs;
  }

  close(): void {
    this.closed = true;
    for (const w of this.queue.splice(0)) {
      w.signal?.removeEventListener('abort', w.onAbort);
      w.reject(cancelledError());
    }
  }

  private effectiveBudget(): number {
    return Math.min(this.budget, this.serverLimit ?? Number.POSITIVE_INFINITY);
  }

  /** 0 when a request may start now, else how long until one may. */
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
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) {
      this.sent.shift();
    }
    if (this.sent.length < budget) {
      return 0;
    }
    const blocking = this.sent[this.sent.length - budget] ?? now;
    return Math.max(1, blocking + this.windowMs - now);
  }

  private take(): void {
    const now = this.clock.now();
    if (this.credit !== undefined && now < this.creditUntil) {
      this.credit--;
    }
    const budget = this.effectiveBudget();
    if (budget !== Number.POSITIVE_INFINITY) {
      this.sent.push(now);
      while (this.sent.length > budget) {
        this.sent.shift();
      }
    }
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
          const pausedBefore = this.pausedUntil;
          await this.clock.sleep(wait);
          // A fake sleep may not move the clock: once slept through, a pause is over.
          if (this.pausedUntil === pausedBefore && this.clock.now() < this.pausedUntil) {
            this.pausedUntil = 0;
          }
          continue;
        }
        const head = this.queue.shift();
        if (head !== undefined) {
          head.signal?.removeEventListener('abort', head.onAbort);
          this.take();
          head.resolve();
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
