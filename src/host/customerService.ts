import type * as vscode from 'vscode';
import type { StoreRef } from '../core/api/types';
import type { CustomerPage, CustomerRecord } from '../core/model/customer';
import { abortSignalFor } from './apiService';
import type { Services } from './services';

/** No store is connected (nothing saved, no environment credentials). */
export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in to any Yampi store');
    this.name = 'NotSignedInError';
  }
}

export interface FetchOptions {
  readonly skipCache?: boolean;
  readonly token?: vscode.CancellationToken | undefined;
}

/** Resolves the store's credentials and calls the client, wiring cancellation tokens to AbortSignals. */
export class CustomerService {
  constructor(private readonly services: Services) {}

  async store(alias?: string): Promise<StoreRef> {
    const s = await this.services.credentials.get(alias);
    if (!s) {
      throw new NotSignedInError();
    }
    return s;
  }

  async get(alias: string | undefined, id: number, opts: FetchOptions = {}): Promise<CustomerRecord> {
    const store = await this.store(alias);
    const abort = abortSignalFor(opts.token);
    try {
      return await this.services.api.client().getCustomer(store, id, { skipCache: opts.skipCache ?? false, signal: abort.signal });
    } finally {
      abort.dispose();
    }
  }

  async list(alias: string | undefined, page: number, limit: number, q?: string, opts: FetchOptions = {}): Promise<CustomerPage> {
    const store = await this.store(alias);
    const abort = abortSignalFor(opts.token);
    try {
      return await this.services.api.client().listCustomers(store, {
        page,
        limit,
        ...(q !== undefined && q !== '' ? { q } : {}),
        skipCache: opts.skipCache ?? false,
        signal: abort.signal,
      });
    } finally {
      abort.dispose();
    }
  }
}
