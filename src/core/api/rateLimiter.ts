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
 *
 * Two lanes (issue 18 point 2.9): what the user asked for (`user`: lookup, search, panel, hover,
 * tool) goes before `background` work (records fetched to label Recent and Pinned). A background
 * request starts only when no user request is waiting, while background holds fewer than a third
 * of the budget (BACKGROUND_SHARE) and, when the server said how much of its window is left, more
 * than two thirds of the budget remain there. So background never spends what a hover needs.
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

/** `user`: asked for by the user (default); `background`: work of our own, at most a third of the budget. */
export type Lane = 'user' | 'background';

/** The share of a budget background requests may hold: at most `floor(budget / 3)` slots (at least 1). */
export const BACKGROUND_SHARE = 1 / 3;

export interface AcquireOptions {
  /** Default `user`. */
  readonly lane?: Lane | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Clock time by which the slot must be granted; past it the waiter leaves with `rateLimited`. */
  readonly deadline?: number | undefined;
  /** Never queue: if no slot is free right now, reject at once with `rateLimited`. */
  readonly noWait?: boolean | undefined;
}

interface Waiter {
  readonly lane: Lane;
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
  readonly lane: Lane;
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
    const lane = options.lane ?? 'user';
    const wait = this.waitMs(lane);
    // a user request passes queued background work; background queues behind everything
    const ahead = lane === 'user' ? this.queue.some((w) => w.lane === 'user') : this.queue.length > 0;
    if (!ahead && wait === 0) {
      return Promise.resolve(this.take(lane));
    }
    if (options.noWait === true || this.tooLate(wait, deadline)) {
      return Promise.reject(this.limited(wait));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        lane,
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
      if (lane === 'user') {
        this.wake?.(); // a pump asleep for background work looks again: this one may start sooner
      }
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

  /** Rejects every waiter that cannot start before its deadline, given its lane's head waits `waits[lane]` more. */
  private expire(waits: Readonly<Record<Lane, number>>): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const w = this.queue[i];
      const wait = w === undefined ? 0 : waits[w.lane];
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

  /** How many slots background requests may hold at once. */
  private backgroundCap(budget: number): number {
    return Math.max(1, Math.floor(budget * BACKGROUND_SHARE));
  }

  /** 0 when a request of `lane` may start now, else how long until one may (Infinity: until a settle). */
  private waitMs(lane: Lane = 'user'): number {
    const now = this.clock.now();
    if (this.pausedUntil > now) {
      return this.pausedUntil - now;
    }
    const budget = this.effectiveBudget();
    // background leaves the server's last two thirds of its window to the user
    const reserve = lane === 'background' && Number.isFinite(budget) ? budget - this.backgroundCap(budget) : 0;
    if (this.credit !== undefined && now < this.creditUntil && this.credit <= reserve) {
      return this.creditUntil - now;
    }
    if (budget === Number.POSITIVE_INFINITY) {
      return 0;
    }
    this.held = this.held.filter((h) => !h.done || h.t > now - this.windowMs);
    const total = this.slotWait(this.held, budget, now);
    if (lane === 'user' || total > 0) {
      return total;
    }
    return this.slotWait(this.held.filter((h) => h.lane === 'background'), this.backgroundCap(budget), now);
  }

  /** 0 when fewer than `cap` of `held` are in the window, else until enough of them leave it. */
  private slotWait(held: readonly Held[], cap: number, now: number): number {
    if (held.length < cap) {
      return 0;
    }
    const expiries = held.filter((h) => h.done).map((h) => h.t + this.windowMs).sort((a, b) => a - b);
    const needed = expiries[held.length - cap];
    return needed === undefined ? Number.POSITIVE_INFINITY : Math.max(1, needed - now);
  }

  private take(lane: Lane): Slot {
    const now = this.clock.now();
    if (this.credit !== undefined && now < this.creditUntil) {
      this.credit--;
    }
    if (this.effectiveBudget() === Number.POSITIVE_INFINITY) {
      return FREE_SLOT;
    }
    const held: Held = { t: now, done: false, lane };
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

  /**
   * Sleeps `ms` (if finite) or until a held slot settles or a user request queues, whichever comes
   * first; true when it slept the whole `ms`.
   */
  private async waitFor(ms: number): Promise<boolean> {
    const stop = new AbortController();
    const woken = new Promise<boolean>((resolve) => {
      this.wake = () => { resolve(false); };
    });
    const timer = Number.isFinite(ms) ? this.clock.sleep(ms, stop.signal).then(() => true, () => false) : new Promise<boolean>(() => undefined);
    const sleptThrough = await Promise.race([woken, timer]);
    this.wake = undefined;
    stop.abort();
    return sleptThrough;
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        // the first user waiter goes first; the first background waiter only when no user waits
        const next = this.queue.find((w) => w.lane === 'user') ?? this.queue[0];
        const waits = { user: this.waitMs('user'), background: this.waitMs('background') };
        const wait = next === undefined ? 0 : waits[next.lane];
        if (wait > 0) {
          this.expire(waits);
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
          const sleptThrough = await this.waitFor(sleep);
          // A fake sleep may not move the clock: once slept through, a pause is over.
          if (sleptThrough && sleep === wait && this.pausedUntil === pausedBefore && this.clock.now() < this.pausedUntil) {
            this.pausedUntil = 0;
          }
          continue;
        }
        if (next !== undefined) {
          this.queue.splice(this.queue.indexOf(next), 1);
          next.signal?.removeEventListener('abort', next.onAbort);
          next.resolve(this.take(next.lane));
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
