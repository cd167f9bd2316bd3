/** Timing helpers for retries and rate-limit waits. Pure apart from the default `sleep`. */
import { YampiError } from './errors';

/** Status codes a GET is retried on: the gateway or the service is briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many clients spread out but still wait at least base * 2^(n-1) / 2.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | readonly string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(value) ? (value as readonly string[])[0] : (value as string | undefined);
  if (v === undefined || v.trim() === '') {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(v.trim())) {
    return Math.round(Number(v) * 1000);
  }
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function cancelledError(): YampiError {
  return new YampiError('cancelled', 'request cancelled');
}

/** setTimeout as a promise; unref'd so a pending wait never keeps the host process alive. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    timer.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
