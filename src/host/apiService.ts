import path = require('node:path');
import vscode = require('vscode');
import type { ClientOptions, ProxySettings, TlsSettings, YampiClient } from '../core/api/types';
import type { Logger } from '../core/logger';
import { checkBaseUrl } from '../core/settings';
import { BaseUrlError } from './errorTypes';
import { Lifecycle } from './lifecycle';
import type { SettingsService } from './settingsService';
import type { ApiFacts, Inspectable } from './inspection';

type ApiModule = { createYampiClient(options: ClientOptions): YampiClient };

/**
 * Owns the Yampi client. The client bundle (dist/api.js, with undici) is `require`d on the first
 * request, never during activation. Settings changes update the client in place or rebuild it
 * when the origin changes.
 */
export class ApiService extends Lifecycle implements Inspectable<ApiFacts> {
  private clientInstance: YampiClient | undefined;
  private clientBaseUrl: string | undefined;

  constructor(
    private readonly extensionPath: string,
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

  /** Whether dist/api.js has been loaded (src/host/inspection.ts). */
  inspect(): ApiFacts {
    return { clientLoaded: this.clientInstance !== undefined };
  }

  client(): YampiClient {
    const s = this.settings.settings;
    const checked = checkBaseUrl(s.apiBaseUrl);
    if (!checked.ok) {
      throw new BaseUrlError(checked.problem, s.apiBaseUrl);
    }
    if (this.clientInstance && this.clientBaseUrl === checked.url) {
      return this.clientInstance;
    }
    this.reset();
    const started = performance.now();
    // A runtime path esbuild does not follow: the client is its own bundle, loaded on first use.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(path.join(this.extensionPath, 'dist', 'api.js')) as ApiModule;
    this.clientInstance = api.createYampiClient({
      baseUrl: checked.url,
      userAgent: this.userAgent,
      timeoutMs: s.requestTimeoutSeconds * 1000,
      cacheTtlMs: s.cacheTtlSeconds * 1000,
      logger: this.logger,
      ...networkOptions(),
    });
    this.clientBaseUrl = checked.url;
    this.logger.info(`API client ready for ${checked.url} in ${(performance.now() - started).toFixed(1)} ms`);
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
