import vscode = require('vscode');
import type { ClientOptions, GetCustomerOptions, ProxySettings, StoreRef, StoreRoute, TlsSettings, UpdatableClientOptions, YampiClient } from '../../core/api/types';
import type { Logger } from '../../core/common/logger';
import { checkBaseUrl } from '../../core/common/baseUrl';
import { BaseUrlError } from '../../core/failures/errors';
import { Lifecycle } from './lifecycle';
import type { SettingsService } from './settingsService';
import type { ApiFacts, Inspectable } from '../app/inspection';

/**
 * Owns the Yampi client. The client with undici (src/core/api/index.ts) is an `import()` chunk of
 * the same build as the features, loaded by the first request, never during activation; it shares
 * their modules (one `YampiError` class). Settings changes update the client in place or rebuild
 * it when the origin changes.
 */
export class ApiService extends Lifecycle implements Inspectable<ApiFacts> {
  private clientInstance: LoadingClient | undefined;
  private clientBaseUrl: string | undefined;

  constructor(
    private readonly settings: SettingsService,
    private readonly logger: Logger,
    private readonly userAgent: string,
  ) {
    super();
    this.register(settings.onDidChange(({ changed }) => {
      if (!this.clientInstance) {
        return;
      }
      if (changed.includes('apiBaseUrl')) {
        this.reset();
      } else {
        const s = settings.settings;
        this.clientInstance.updateOptions({ timeoutMs: s.requestTimeoutSeconds * 1000, cacheTtlMs: s.cacheTtlSeconds * 1000 });
      }
    }));
    // VS Code's own proxy and certificate settings: the client rebuilds its dispatcher (and logs the route).
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (this.clientInstance && e.affectsConfiguration('http')) {
        this.clientInstance.updateOptions(networkOptions());
      }
    }));
  }

  /** Whether the client chunk has been loaded and a client made (src/host/app/inspection.ts). */
  inspect(): ApiFacts {
    return { clientLoaded: this.clientInstance?.loaded ?? false };
  }

  /**
   * The client for the current origin (checked here, synchronously). Its first request loads the
   * client chunk; the options are read then, so settings changed meanwhile count.
   */
  client(): YampiClient {
    const checked = checkBaseUrl(this.settings.settings.apiBaseUrl);
    if (!checked.ok) {
      throw new BaseUrlError(checked.problem, this.settings.settings.apiBaseUrl);
    }
    if (this.clientInstance && this.clientBaseUrl === checked.url) {
      return this.clientInstance;
    }
    this.reset();
    this.clientInstance = new LoadingClient(() => {
      const s = this.settings.settings;
      return {
        baseUrl: checked.url,
        userAgent: this.userAgent,
        timeoutMs: s.requestTimeoutSeconds * 1000,
        cacheTtlMs: s.cacheTtlSeconds * 1000,
        logger: this.logger,
        ...networkOptions(),
      };
    }, this.logger);
    this.clientBaseUrl = checked.url;
    return this.clientInstance;
  }

  clearCache(alias?: string): void {
    this.clientInstance?.clearCache(alias);
  }

  /** Drops the client (its cache, limiter windows and connections); the next call builds a new one. */
  reset(): void {
    const old = this.clientInstance;
    this.clientInstance = undefined;
    this.clientBaseUrl = undefined;
    if (old) {
      void old.close().catch((e: unknown) => { this.logger.warn('Closing the old API client failed', e); });
    }
  }

  protected override onDispose(): void {
    this.reset();
  }
}

/**
 * A YampiClient whose implementation is the client chunk, imported on the first request. Until then
 * it holds nothing: no cache to clear, no options to update (they are read when it loads), nothing
 * to close.
 */
class LoadingClient implements YampiClient {
  private real: YampiClient | undefined;
  private loading: Promise<YampiClient> | undefined;

  constructor(private readonly options: () => ClientOptions, private readonly logger: Logger) {}

  get loaded(): boolean {
    return this.real !== undefined;
  }

  private load(): Promise<YampiClient> {
    return this.loading ??= (async () => {
      const started = performance.now();
      const api = await import('../../core/api/index.js');
      const options = this.options();
      const client = api.createYampiClient(options);
      this.real = client;
      this.logger.info(`API client ready for ${options.baseUrl} in ${(performance.now() - started).toFixed(1)} ms`);
      return client;
    })();
  }

  getCustomer(...a: Parameters<YampiClient['getCustomer']>): ReturnType<YampiClient['getCustomer']> {
    return this.load().then((c) => c.getCustomer(...a));
  }

  listCustomers(...a: Parameters<YampiClient['listCustomers']>): ReturnType<YampiClient['listCustomers']> {
    return this.load().then((c) => c.listCustomers(...a));
  }

  listCustomerOrders(...a: Parameters<YampiClient['listCustomerOrders']>): ReturnType<YampiClient['listCustomerOrders']> {
    return this.load().then((c) => c.listCustomerOrders(...a));
  }

  listCustomerAddresses(...a: Parameters<YampiClient['listCustomerAddresses']>): ReturnType<YampiClient['listCustomerAddresses']> {
    return this.load().then((c) => c.listCustomerAddresses(...a));
  }

  listCustomerCarts(...a: Parameters<YampiClient['listCustomerCarts']>): ReturnType<YampiClient['listCustomerCarts']> {
    return this.load().then((c) => c.listCustomerCarts(...a));
  }

  getStoreRoute<T>(store: StoreRef, route: StoreRoute, decode: (body: unknown) => T, opts?: GetCustomerOptions): Promise<T> {
    return this.load().then((c) => c.getStoreRoute(store, route, decode, opts));
  }

  me(...a: Parameters<YampiClient['me']>): ReturnType<YampiClient['me']> {
    return this.load().then((c) => c.me(...a));
  }

  clearCache(alias?: string): void {
    this.real?.clearCache(alias);
  }

  updateOptions(options: UpdatableClientOptions): void {
    this.real?.updateOptions(options);
  }

  close(): Promise<void> {
    return this.loading?.then((c) => c.close()) ?? Promise.resolve();
  }
}

/** Environment variables that decide the route, as curl and VS Code read them. */
const PROXY_ENV = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'] as const;

/**
 * The proxy and trust settings VS Code's own requests use, as plain values for the core client:
 * `http.proxy`, `http.noProxy`, `http.proxyStrictSSL`, `http.systemCertificates`, the `*_PROXY`
 * environment and `NODE_EXTRA_CA_CERTS`. Fresh objects each call: the client rebuilds on change.
 */
export function networkOptions(): { proxy: ProxySettings; tls: TlsSettings } {
  const http = vscode.workspace.getConfiguration('http');
  const env: Record<string, string | undefined> = {};
  for (const name of PROXY_ENV) {
    env[name] = process.env[name];
  }
  return {
    proxy: {
      proxy: http.get<string>('proxy') ?? '',
      noProxy: http.get<string[]>('noProxy') ?? [],
      strictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
      env,
    },
    tls: { extraCaCertsFile: process.env['NODE_EXTRA_CA_CERTS'], systemCertificates: http.get<boolean>('systemCertificates') ?? true },
  };
}

/** Bridges a VS Code cancellation token to the AbortSignal the core client takes. */
export function abortSignalFor(token: vscode.CancellationToken | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (!token) {
    return { signal: controller.signal, dispose: () => undefined };
  }
  if (token.isCancellationRequested) {
    controller.abort();
  }
  const sub = token.onCancellationRequested(() => { controller.abort(); });
  return { signal: controller.signal, dispose: () => { sub.dispose(); } };
}
