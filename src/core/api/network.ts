/**
 * How requests reach the API: directly or through a proxy, and which certificates they trust —
 * the way VS Code's own requests do (`http.proxy`, `http.noProxy`, `HTTPS_PROXY` / `HTTP_PROXY` /
 * `NO_PROXY`, `http.proxyStrictSSL`, `NODE_EXTRA_CA_CERTS`, `http.systemCertificates`).
 *
 * Pure decisions (`resolveRoute`) plus one loader that reads certificate files (`loadTrust`);
 * the host passes plain values in, never `vscode` objects. No value here ever carries the proxy's
 * credentials into a log or an error: `Route.display` is `scheme://host:port` only.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

/** What decides the route; every field optional (unset → direct, strict TLS). */
export interface ProxySettings {
  /** `http.proxy`: for every request not matched by a no-proxy rule; empty → the environment. */
  readonly proxy?: string | undefined;
  /** `http.noProxy`: hosts (`example.com`, `.example.com`, `*.example.com`, `host:port`, `*`). */
  readonly noProxy?: readonly string[] | undefined;
  /** `http.proxyStrictSSL` (default true): false skips certificate checks on proxied routes only. */
  readonly strictSSL?: boolean | undefined;
  /**
   * Proxy variables of the environment, as the host's `process.env` has them:
   * `https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY`, `no_proxy`/`NO_PROXY` (lower case wins, as in curl).
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Which certificates to trust besides Node's bundled roots. */
export interface TlsSettings {
  /** Path of a PEM file (the host passes `NODE_EXTRA_CA_CERTS`). */
  readonly extraCaCertsFile?: string | undefined;
  /** `http.systemCertificates`: also trust the OS store, where this Node can read it (≥ 22.15). */
  readonly systemCertificates?: boolean | undefined;
}

export type Route =
  | { readonly kind: 'direct'; readonly why: string }
  | {
    readonly kind: 'proxy';
    /** The proxy URL with its credentials, for undici only; never log it. */
    readonly uri: string;
    /** `http://host:port`: what logs and errors may show. */
    readonly display: string;
    readonly source: string;
    readonly strictSSL: boolean;
  }
  | { readonly kind: 'badProxy'; readonly source: string };

function envValue(env: ProxySettings['env'], name: string): { value: string; source: string } | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const v = env?.[key]?.trim();
    if (v !== undefined && v !== '') {
      return { value: v, source: key };
    }
  }
  return undefined;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** Host (lower case, IPv6 without brackets) and port of a URL, default port filled in. */
function hostPort(url: URL): { host: string; port: number } {
  return { host: url.hostname.toLowerCase().replace(/^\[|\]$/g, ''), port: Number(url.port) || (DEFAULT_PORTS[url.protocol] ?? 0) };
}

/** True when a no-proxy rule matches the target (same rules as curl and undici's EnvHttpProxyAgent). */
export function bypassesProxy(target: URL, rules: readonly string[]): boolean {
  const { host, port } = hostPort(target);
  for (const raw of rules) {
    const rule = raw.trim().toLowerCase();
    if (rule === '') {
      continue;
    }
    if (rule === '*') {
      return true;
    }
    const m = /^(.+?)(?::(\d+))?$/.exec(rule.replace(/^\[(.+)\](:\d+)?$/, '$1$2'));
    const ruleHost = (m?.[1] ?? rule).replace(/^\*?\./, '');
    const rulePort = m?.[2] === undefined ? 0 : Number(m[2]);
    if (rulePort !== 0 && rulePort !== port) {
      continue;
    }
    if (host === ruleHost || host.endsWith(`.${ruleHost}`)) {
      return true;
    }
  }
  return false;
}

/** Parses a proxy URL (`host:port` alone means `http://host:port`); undefined when unusable. */
function parseProxy(value: string): URL | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** How requests to `target` go: the setting first, then the environment, unless a no-proxy rule matches. */
export function resolveRoute(target: URL, settings: ProxySettings = {}): Route {
  const configured = settings.proxy?.trim();
  const fromEnv = target.protocol === 'https:'
    ? envValue(settings.env, 'https_proxy') ?? envValue(settings.env, 'http_proxy')
    : envValue(settings.env, 'http_proxy');
  const chosen = configured !== undefined && configured !== '' ? { value: configured, source: 'http.proxy' } : fromEnv;
  if (chosen === undefined) {
    return { kind: 'direct', why: 'no proxy configured' };
  }
  const rules = [...(settings.noProxy ?? []), ...(envValue(settings.env, 'no_proxy')?.value.split(/[,\s]+/) ?? [])];
  if (bypassesProxy(target, rules)) {
    return { kind: 'direct', why: 'no-proxy rule' };
  }
  const url = parseProxy(chosen.value);
  if (url === undefined) {
    return { kind: 'badProxy', source: chosen.source };
  }
  const { host, port } = hostPort(url);
  return {
    kind: 'proxy', uri: url.href, display: `${url.protocol}//${host.includes(':') ? `[${host}]` : host}:${port}`,
    source: chosen.source, strictSSL: settings.strictSSL !== false,
  };
}

/** One line for the log: which route requests to `origin` take (never credentials). */
export function describeRoute(origin: string, route: Route): string {
  switch (route.kind) {
    case 'direct':
      return `Requests to ${origin} go direct (${route.why}).`;
    case 'proxy':
      return `Requests to ${origin} go via proxy ${route.display} (from ${route.source})${route.strictSSL ? '' : ', certificate checks off (http.proxyStrictSSL: false)'}.`;
    case 'badProxy':
      return `Requests to ${origin} fail: the proxy URL from ${route.source} is not a valid http:// or https:// URL.`;
  }
}

export interface Trust {
  /** The CA list for TLS connections; undefined → Node's default store (cheapest). */
  readonly ca: readonly string[] | undefined;
  /** What was added, for the log: e.g. `NODE_EXTRA_CA_CERTS (2)`, `system store (143)`. */
  readonly added: readonly string[];
  /** What could not be used, for the log. */
  readonly problems: readonly string[];
}

type GetCaCertificates = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/** `tls.getCACertificates`, where this Node has it (22.15+, 23.5+); undefined on Node 20 (VS Code 1.96). */
export function systemStoreReader(): GetCaCertificates | undefined {
  const fn = (tls as unknown as { getCACertificates?: unknown }).getCACertificates;
  return typeof fn === 'function' ? (fn as GetCaCertificates) : undefined;
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates to trust. Node adds `NODE_EXTRA_CA_CERTS` to its default store only when the
 * variable is set at process start, and any explicit `ca` replaces that store, so the file is read
 * here and added to Node's bundled roots explicitly. `readSystem`: null when this Node has no system store.
 */
export function loadTrust(settings: TlsSettings = {}, readSystem: GetCaCertificates | null | undefined = systemStoreReader()): Trust {
  const added: string[] = [];
  const problems: string[] = [];
  const extra: string[] = [];
  if (settings.extraCaCertsFile !== undefined && settings.extraCaCertsFile !== '') {
    try {
      const found = readFileSync(settings.extraCaCertsFile, 'utf8').match(PEM) ?? [];
      extra.push(...found);
      added.push(`NODE_EXTRA_CA_CERTS (${found.length})`);
      if (found.length === 0) {
        problems.push('NODE_EXTRA_CA_CERTS has no PEM certificate');
      }
    } catch (e) {
      problems.push(`NODE_EXTRA_CA_CERTS could not be read (${typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'error'})`);
    }
  }
  if (settings.systemCertificates === true) {
    if (readSystem === undefined || readSystem === null) {
      problems.push(`the system certificate store needs Node 22.15 or later (this is ${process.versions.node})`);
    } else {
      try {
        const system = readSystem('system');
        extra.push(...system);
        added.push(`system store (${system.length})`);
      } catch {
        problems.push('the system certificate store could not be read');
      }
    }
  }
  return { ca: extra.length === 0 ? undefined : [...tls.rootCertificates, ...extra], added, problems };
}
