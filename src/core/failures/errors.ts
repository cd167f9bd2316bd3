import type { BaseUrlProblem } from '../common/baseUrl';

// The failures that are not the API client's (YampiError, src/core/api/errors.ts). Activation code
// (credential store, API service) throws them, so this module stays tiny and holds no wording: the
// vocabulary (./vocabulary.ts) words them, matching them with `instanceof`.

/** No store is connected (nothing saved, no environment credentials). */
export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in to any Yampi store');
    this.name = 'NotSignedInError';
  }
}

/** The store was signed out (or its credentials changed) while the request ran: its result is dropped. */
export class SessionEndedError extends Error {
  constructor(readonly alias: string) {
    super(`The session of store ${alias} ended`);
    this.name = 'SessionEndedError';
  }
}

/** Thrown when `yampi.apiBaseUrl` is not acceptable (http to a non-loopback host, not a URL…). */
export class BaseUrlError extends Error {
  constructor(readonly problem: BaseUrlProblem, readonly url: string) {
    super(`Refusing API base URL (${problem})`);
    this.name = 'BaseUrlError';
  }
}

/**
 * SecretStorage itself failed (no keyring on Linux, remote host without one). `operation` says
 * what the user was doing: reading saved credentials, saving new ones (nothing was kept), or
 * signing out (the store stays saved).
 */
export class SecretStorageUnavailableError extends Error {
  constructor(readonly operation: 'read' | 'save' | 'delete', cause: unknown) {
    super(`SecretStorage is unavailable (${operation})`, { cause });
    this.name = 'SecretStorageUnavailableError';
  }
}
