import type * as vscode from 'vscode';

/** What the test API can make the secret storage do (YAMPI_EXTENSION_TEST=1 only). */
export interface SecretFaults {
  /** Fail every `get`. */
  readonly failGet?: boolean;
  /** Fail the n-th `store` call from now on (1 = the next one); later stores succeed again. */
  readonly failStoreAt?: number;
  /** Fail every `delete`. */
  readonly failDelete?: boolean;
}

/**
 * The real SecretStorage with switchable failures, so the extension-host tests can show what the
 * user sees when a keyring is missing (real hosts cannot be made to fail on demand). Every call
 * that is not told to fail goes to the real storage. Used only when the test API is on.
 */
export class FaultySecretStorage implements vscode.SecretStorage {
  private faults: SecretFaults = {};
  private storesSinceArmed = 0;
  readonly onDidChange: vscode.Event<vscode.SecretStorageChangeEvent>;

  constructor(private readonly real: vscode.SecretStorage) {
    this.onDidChange = real.onDidChange;
  }

  setFaults(faults: SecretFaults): void {
    this.faults = faults;
    this.storesSinceArmed = 0;
  }

  get(key: string): Thenable<string | undefined> {
    return this.faults.failGet ? Promise.reject(new Error('test: secret storage get failed')) : this.real.get(key);
  }

  store(key: string, value: string): Thenable<void> {
    this.storesSinceArmed++;
    return this.storesSinceArmed === this.faults.failStoreAt
      ? Promise.reject(new Error('test: secret storage store failed'))
      : this.real.store(key, value);
  }

  delete(key: string): Thenable<void> {
    return this.faults.failDelete ? Promise.reject(new Error('test: secret storage delete failed')) : this.real.delete(key);
  }
}
