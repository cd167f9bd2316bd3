/**
 * Collapses identical in-flight requests: callers asking for the same key while a request runs
 * share its result. Each caller keeps its own cancellation: an aborted caller leaves at once, and
 * the shared request is aborted only when every caller has left.
 */
import { cancelledError } from './retry';

interface Shared<T> {
  readonly promise: Promise<T>;
  /** Undefined when the first caller cannot cancel: then the request always runs to the end. */
  readonly controller: AbortController | undefined;
  callers: number;
}

export class InFlight<T> {
  private readonly running = new Map<string, Shared<T>>();

  get size(): number {
    return this.running.size;
  }

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (signal?.aborted === true) {
      return Promise.reject(cancelledError());
    }
    let shared = this.running.get(key);
    if (shared === undefined) {
      // A caller without a signal never leaves, so the request needs no signal either (cheaper).
      const controller = signal === undefined ? undefined : new AbortController();
      const promise = start(controller?.signal).finally(() => {
        if (this.running.get(key) === created) {
          this.running.delete(key);
        }
      });
      const created: Shared<T> = { promise, controller, callers: 0 };
      this.running.set(key, created);
      shared = created;
    }
    shared.callers++;
    if (signal === undefined) {
      return shared.promise;
    }
    return this.follow(key, shared, signal);
  }

  private follow(key: string, shared: Shared<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        shared.callers--;
        if (shared.callers === 0) {
          // Nobody waits any more: stop the request, and let a new caller start a fresh one.
          if (this.running.get(key) === shared) {
            this.running.delete(key);
          }
          shared.controller?.abort();
        }
        reject(cancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }
}
