import type * as vscode from 'vscode';

const PREFIX = 'yampi.webhookSecret/';

/**
 * One webhook secret per store, in SecretStorage only (like the store's credentials). A copy is
 * held in memory while the features run, so a burst of deliveries reads the keyring once.
 */
export class WebhookSecrets {
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(alias: string): Promise<string | undefined> {
    if (this.cache.has(alias)) {
      return this.cache.get(alias);
    }
    const v = await this.secrets.get(PREFIX + alias);
    this.cache.set(alias, v);
    return v;
  }

  async set(alias: string, secret: string): Promise<void> {
    await this.secrets.store(PREFIX + alias, secret);
    this.cache.set(alias, secret);
  }

  async forget(alias: string): Promise<void> {
    this.cache.delete(alias);
    await this.secrets.delete(PREFIX + alias);
  }

  /** Another window changed a secret: read it afresh next time. */
  invalidate(key: string): void {
    if (key.startsWith(PREFIX)) {
      this.cache.delete(key.slice(PREFIX.length));
    }
  }

  dropCache(): void {
    this.cache.clear();
  }
}
