/**
 * What a thrown value is, as a failure of the vocabulary (./vocabulary.ts words it). Core's error
 * classes (./errors.ts) are matched with `instanceof`.
 */
import { YampiError, type YampiErrorKind } from '../api/errors';
import { BaseUrlError, NotSignedInError, SecretStorageUnavailableError, SessionEndedError } from './errors';
import { apiLook, type Failure } from './vocabulary';

/**
 * A failure reported by kind with the host's words for it (a section's or a hover's error): the
 * kinds the surfaces say in their own way (auth, forbidden, not found, rate limit) stay that failure,
 * every other kind is said with the message the host gave (`describeError(e).message`).
 */
export function reportedFailure(error: { readonly kind: YampiErrorKind; readonly message: string; readonly retryAfterMs?: number | undefined }, alias = ''): Failure {
  return apiLook(error.kind) === 'other' ? { kind: 'unknown', message: error.message } : { kind: 'api', error: { kind: error.kind, alias, retryAfterMs: error.retryAfterMs } };
}

/**
 * Any thrown value as a failure. The error classes of core (./errors.ts) by `instanceof`. Two
 * matches stay by shape, because those errors really cross a boundary today: the API client's
 * YampiError (`YampiError.is`: dist/api.js is a separately loaded bundle with its own copy of the
 * class) and VS Code's CancellationError (name `Canceled`: core cannot import a vscode value).
 */
export function failureOf(e: unknown): Failure {
  if (YampiError.is(e)) {
    // tls names the server's host, proxy the proxy (scheme://host:port, never its credentials).
    const host = e.kind === 'proxy' ? e.proxy : e.host;
    return {
      kind: 'api',
      error: {
        kind: e.kind, alias: e.alias, customerId: e.customerId, status: e.status, retryAfterMs: e.retryAfterMs, ...(typeof host === 'string' ? { host } : {}),
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      },
    };
  }
  if (e instanceof NotSignedInError) {
    return { kind: 'notSignedIn' };
  }
  if (e instanceof SessionEndedError) {
    return { kind: 'sessionEnded', alias: e.alias };
  }
  if (e instanceof BaseUrlError) {
    return { kind: 'baseUrl', problem: e.problem };
  }
  if (e instanceof SecretStorageUnavailableError) {
    return { kind: 'secretStorage', operation: e.operation };
  }
  if (e instanceof Error && (e.name === 'Canceled' || e.name === 'CancellationError')) {
    return { kind: 'api', error: { kind: 'cancelled' } };
  }
  return { kind: 'unknown', message: e instanceof Error ? e.message : String(e) };
}
