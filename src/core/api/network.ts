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
import { BlockList, isIP } from 'node:net';
import * as tls from 'node:tls';

/** What decides the route; every field optional (unset → direct, strict TLS). */
export interface ProxySettings {
  /** `http.proxy`: for every request not matched by a no-proxy rule; empty → the environment. */
  readonly proxy?: string | undefined;
  /**
   * `http.noProxy`: hosts (`example.com`, `.example.com`, `*.example.com`, `host:port`, `*`), IP
   * addresses (`10.1.2.3`, `::1`, `[::1]`, `[::1]:8080`) and CIDR blocks (`10.0.0.0/8`, `fd00::/8`).
   */
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
  | {
    readonly kind: 'badProxy';
    readonly source: string;
    /** `invalid`: not a URL; `unsupportedScheme`: a URL whose scheme undici cannot use (socks5://…), named in `scheme`. */
    readonly problem: 'invalid' | 'unsupportedScheme';
    readonly scheme?: string | undefined;
  };

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

/** A rule's host and port: `[::1]:8080` and `::1` are IPv6 (a bare IPv6 address has no port), `host:port` otherwise. */
function ruleHostPort(rule: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rule);
  if (bracketed) {
    return { host: bracketed[1] ?? '', port: bracketed[2] === undefined ? 0 : Number(bracketed[2]) };
  }
  if (isIP(rule) === 6 || (rule.includes('/') && rule.includes(':'))) {
    return { host: rule, port: 0 };
  }
  const m = /^(.+?)(?::(\d+))?$/.exec(rule);
  return { host: (m?.[1] ?? rule).replace(/^\*?\./, ''), port: m?.[2] === undefined ? 0 : Number(m[2]) };
}

/** True when `host` (an IP address) is inside the CIDR block `cidr` (`10.0.0.0/8`, `fd00::/8`). */
function inCidr(host: string, cidr: string): boolean {
  const [net = '', bits = ''] = cidr.split('/');
  const family = isIP(net);
  const hostFamily = isIP(host);
  const prefix = Number(bits);
  if (family === 0 || hostFamily !== family || !/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
    return false;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const block = new BlockList();
  block.addSubnet(net, prefix, type);
  return block.check(host, type);
}

/**
 * True when a no-proxy rule matches the target (curl's and undici's EnvHttpProxyAgent's rules,
 * plus IPv6 addresses with or without brackets and CIDR blocks).
 */
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
    const { host: ruleHost, port: rulePort } = ruleHostPort(rule);
    if (rulePort !== 0 && rulePort !== port) {
      continue;
    }
    if (ruleHost.includes('/') ? inCidr(host, ruleHost) : host === ruleHost || (isIP(ruleHost) === 0 && host.endsWith(`.${ruleHost}`))) {
      return true;
    }
  }
  return false;
}

/** `localhost` (and its subdomains), 127.0.0.0/8 and ::1: this machine, never reached through a proxy. */
export function isLoopback(target: URL): boolean {
  const { host } = hostPort(target);
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return true;
  }
  return isIP(host) === 4 ? inCidr(host, '127.0.0.0/8') : host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Parses a proxy URL (`host:port` alone means `http://host:port`): the URL, or why it cannot be used. */
function parseProxy(value: string): URL | { readonly problem: 'invalid' | 'unsupportedScheme'; readonly scheme?: string } {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.hostname === '' ? { problem: 'invalid' } : url;
  }
  // socks5://, socks4://, ftp://…: undici's ProxyAgent speaks HTTP CONNECT only
  return { problem: 'unsupportedScheme', scheme: url.protocol.slice(0, -1).slice(0, 20) };
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
  if (isLoopback(target)) {
    return { kind: 'direct', why: 'this machine (loopback) is never proxied' };
  }
  const url = parseProxy(chosen.value);
  if (!(url instanceof URL)) {
    return { kind: 'badProxy', source: chosen.source, problem: url.problem, ...(url.scheme === undefined ? {} : { scheme: url.scheme }) };
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
      return route.problem === 'unsupportedScheme'
        ? `Requests to ${origin} fail: the proxy from ${route.source} uses ${route.scheme ?? '?'}://, which is not supported (only http:// and https:// proxies).`
        : `Requests to ${origin} fail: the proxy URL from ${route.source} is not a valid http:// or https:// URL.`;
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
