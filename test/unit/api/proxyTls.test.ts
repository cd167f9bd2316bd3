/**
 * Issue 13 points 1–3 at unit level (plain Node, real sockets on 127.0.0.1): the route decision,
 * the trust store, and lookups through a real forward proxy and over https with a test CA.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createYampiClient } from '../../../src/core/api/index';
import { bypassesProxy, describeRoute, loadTrust, resolveRoute } from '../../../src/core/api/network';
import type { ClientOptions, YampiClient } from '../../../src/core/api/types';
import { describeFailure } from '../../../src/core/failures/vocabulary';
import type { Logger } from '../../../src/core/common/logger';
import { startForwardProxy, type ForwardProxy } from '../../harness/forwardProxy';
import { makeTestCa, TEST_HOST, type TestCa } from '../../harness/testCa';
import { EDGE_CASE_IDS } from '../../sandbox/constants';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { aurora, owner, rejection, USER_AGENT } from './helpers';

const ID = EDGE_CASE_IDS.knownGood;
const HTTPS_TARGET = new URL('https://api.dooki.com.br/v2');
const HTTP_TARGET = new URL('http://10.0.0.5:8080/v2');

describe('proxy route (issue 13 point 1)', () => {
  it('http.proxy wins over the environment; the environment is used when it is empty', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128', HTTP_PROXY: 'http://env-http:80' };
    const fromSetting = resolveRoute(HTTPS_TARGET, { proxy: 'http://corp:8080', env });
    assert.deepEqual(fromSetting.kind === 'proxy' && [fromSetting.display, fromSetting.source], ['http://corp:8080', 'http.proxy']);
    const fromEnv = resolveRoute(HTTPS_TARGET, { proxy: '  ', env });
    assert.deepEqual(fromEnv.kind === 'proxy' && [fromEnv.display, fromEnv.source], ['http://env-proxy:3128', 'HTTPS_PROXY']);
    const httpTarget = resolveRoute(HTTP_TARGET, { env });
    assert.deepEqual(httpTarget.kind === 'proxy' && httpTarget.display, 'http://env-http:80');
    const lowerFirst = resolveRoute(HTTPS_TARGET, { env: { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' } });
    assert.equal(lowerFirst.kind === 'proxy' && lowerFirst.source, 'https_proxy');
    const httpsFallsBackToHttpProxy = resolveRoute(HTTPS_TARGET, { env: { HTTP_PROXY: 'http://only-http:3128' } });
    assert.equal(httpsFallsBackToHttpProxy.kind === 'proxy' && httpsFallsBackToHttpProxy.display, 'http://only-http:3128');
    assert.deepEqual(resolveRoute(HTTPS_TARGET, {}), { kind: 'direct', why: 'no proxy configured' });
  });

  it('noProxy (setting and NO_PROXY) matches hosts, subdomains, ports and *', () => {
    const api = new URL('https://api.dooki.com.br/v2');
    assert.equal(bypassesProxy(api, ['dooki.com.br']), true);
    assert.equal(bypassesProxy(api, ['.dooki.com.br']), true);
    assert.equal(bypassesProxy(api, ['*.dooki.com.br']), true);
    assert.equal(bypassesProxy(api, ['API.DOOKI.COM.BR:443']), true);
    assert.equal(bypassesProxy(api, ['api.dooki.com.br:8443']), false);
    assert.equal(bypassesProxy(api, ['ooki.com.br', 'example.com']), false);
    assert.equal(bypassesProxy(api, ['*']), true);
    assert.equal(bypassesProxy(new URL('http://[::1]:9000/'), ['[::1]:9000']), true);
    assert.equal(resolveRoute(api, { proxy: 'http://corp:8080', env: { NO_PROXY: 'localhost, .dooki.com.br' } }).kind, 'direct');
    assert.equal(resolveRoute(api, { proxy: 'http://corp:8080', noProxy: ['api.dooki.com.br'] }).kind, 'direct');
  });

  it('never shows the proxy credentials; a bad proxy URL is its own route', () => {
    const route = resolveRoute(HTTPS_TARGET, { proxy: 'http://alice:s3cr%40t@corp.example:3128' });
    assert.equal(route.kind, 'proxy');
    const line = describeRoute('https://api.dooki.com.br', route);
    assert.equal(line, 'Requests to https://api.dooki.com.br go via proxy http://corp.example:3128 (from http.proxy).');
    assert.equal(resolveRoute(HTTPS_TARGET, { proxy: 'corp.example:3128' }).kind === 'proxy', true, 'host:port means http://');
    assert.equal(resolveRoute(HTTPS_TARGET, { proxy: 'socks5://corp:1080' }).kind, 'badProxy');
    assert.equal(resolveRoute(HTTPS_TARGET, { proxy: 'http://' }).kind, 'badProxy');
    const loose = resolveRoute(HTTPS_TARGET, { proxy: 'http://corp:1', strictSSL: false });
    assert.match(describeRoute('https://x', loose), /certificate checks off/);
  });
});

describe('proxy edges (issue 18 point 2.10)', () => {
  const v4 = new URL('https://10.20.30.40/v2');
  const v6 = new URL('https://[fd12:3456::1]:8443/v2');
  const proxy = 'http://corp:8080';

  it('noProxy takes IPv6 addresses with or without brackets, and CIDR blocks (v4 and v6)', () => {
    const loop6 = new URL('http://[::1]:9000/');
    assert.equal(bypassesProxy(loop6, ['::1']), true);
    assert.equal(bypassesProxy(loop6, ['[::1]']), true);
    assert.equal(bypassesProxy(loop6, ['[::1]:9000']), true);
    assert.equal(bypassesProxy(loop6, ['[::1]:9001']), false);
    assert.equal(bypassesProxy(v6, ['fd12:3456::1']), true);
    assert.equal(bypassesProxy(v6, ['fd12:3456::2']), false);
    assert.equal(bypassesProxy(v4, ['10.0.0.0/8']), true);
    assert.equal(bypassesProxy(v4, ['11.0.0.0/8', '10.20.31.0/24']), false);
    assert.equal(bypassesProxy(v6, ['fd00::/8']), true);
    assert.equal(bypassesProxy(v6, ['fe80::/10']), false);
    assert.equal(bypassesProxy(v4, ['fd00::/8']), false, 'a v6 block never holds a v4 address');
    assert.equal(bypassesProxy(new URL('https://api.dooki.com.br'), ['10.0.0.0/8', '10.0.0.0/99', 'x/8']), false, 'bad or foreign blocks match nothing');
    assert.equal(resolveRoute(v4, { proxy, env: { NO_PROXY: 'localhost, 10.0.0.0/8' } }).kind, 'direct');
    assert.equal(resolveRoute(v6, { proxy, noProxy: ['fd00::/8'] }).kind, 'direct');
  });

  it('a loopback API URL never goes through a proxy, whatever the settings say', () => {
    for (const url of ['http://127.0.0.1:8080/v2', 'http://127.3.4.5/v2', 'http://localhost:3000/v2', 'http://[::1]:9000/v2', 'https://api.localhost/v2']) {
      const route = resolveRoute(new URL(url), { proxy, env: { HTTPS_PROXY: proxy, HTTP_PROXY: proxy } });
      assert.equal(route.kind, 'direct', url);
      assert.match(describeRoute(url, route), /loopback/);
    }
    assert.equal(resolveRoute(new URL('https://128.0.0.1/v2'), { proxy }).kind, 'proxy');
  });

  it('socks5:// (and any non-http proxy) is an unsupported proxy scheme, said plainly', () => {
    const route = resolveRoute(HTTPS_TARGET, { proxy: 'socks5://corp:1080' });
    assert.deepEqual(route, { kind: 'badProxy', source: 'http.proxy', problem: 'unsupportedScheme', scheme: 'socks5' });
    assert.match(describeRoute('https://api.dooki.com.br', route), /socks5:\/\/, which is not supported/);
    assert.deepEqual(resolveRoute(HTTPS_TARGET, { env: { HTTPS_PROXY: 'socks4://h:1' } }), { kind: 'badProxy', source: 'HTTPS_PROXY', problem: 'unsupportedScheme', scheme: 'socks4' });
    assert.deepEqual(resolveRoute(HTTPS_TARGET, { proxy: 'http://' }), { kind: 'badProxy', source: 'http.proxy', problem: 'invalid' });
  });
});

describe('trust store (issue 13 point 2)', () => {
  let ca: TestCa;
  before(() => {
    ca = makeTestCa();
  });
  after(() => {
    ca.remove();
  });

  it('adds NODE_EXTRA_CA_CERTS to Node’s bundled roots; nothing asked → Node’s default store', () => {
    assert.deepEqual(loadTrust({}), { ca: undefined, added: [], problems: [] });
    const t = loadTrust({ extraCaCertsFile: ca.caFile });
    assert.ok(t.ca?.includes(ca.caCert.trim()));
    assert.ok((t.ca?.length ?? 0) > 100, 'bundled roots kept');
    assert.deepEqual(t.added, ['NODE_EXTRA_CA_CERTS (1)']);
    assert.match(loadTrust({ extraCaCertsFile: join(ca.dir, 'missing.pem') }).problems[0] ?? '', /could not be read \(ENOENT\)/);
  });

  it('the system store: used where Node has it, a clear note where it has not (Node 20)', () => {
    const fake = (type: string): string[] => (type === 'system' ? [ca.caCert] : []);
    assert.deepEqual(loadTrust({ systemCertificates: true }, fake).added, ['system store (1)']);
    // null, not undefined: an explicit undefined would select this Node's own reader (a default parameter)
    assert.match(loadTrust({ systemCertificates: true }, null).problems[0] ?? '', /needs Node 22\.15 or later/);
    assert.deepEqual(loadTrust({ systemCertificates: false }, fake), { ca: undefined, added: [], problems: [] });
  });
});

describe('through a real proxy and over https (issue 13 point 3)', function () {
  this.timeout(20_000);
  let ca: TestCa;
  let http: Sandbox;
  let https: Sandbox;
  let proxy: ForwardProxy;
  let authProxy: ForwardProxy;
  const clients: YampiClient[] = [];
  const logLines: string[] = [];
  const logger: Logger = {
    trace: () => undefined, debug: () => undefined, warn: (m) => logLines.push(m), error: (m) => logLines.push(String(m)),
    info: (m) => logLines.push(m),
  };

  /** The sandbox's base URL with TEST_HOST for 127.0.0.1: not loopback by name, so a proxy is used. */
  const named = (base: Sandbox): string => base.baseUrl.replace('127.0.0.1', TEST_HOST);
  const client = (base: Sandbox | string, options: Partial<ClientOptions> = {}): YampiClient => {
    const c = createYampiClient({
      baseUrl: typeof base === 'string' ? base : base.baseUrl, userAgent: USER_AGENT, timeoutMs: 3000, requestsPerMinute: Number.POSITIVE_INFINITY, logger,
      ...options, hooks: { backoffBaseMs: 2, backoffMaxMs: 5 },
    });
    clients.push(c);
    return c;
  };

  before(async () => {
    ca = makeTestCa();
    http = await startSandbox({ rateLimit: false });
    https = await startSandbox({ rateLimit: false, tls: { key: ca.key, cert: ca.cert } });
    proxy = await startForwardProxy();
    authProxy = await startForwardProxy({ auth: { user: 'alice', pass: 'p@ss w0rd' } });
  });
  after(async () => {
    await Promise.all([http.close(), https.close(), proxy.close(), authProxy.close()]);
    ca.remove();
  });
  beforeEach(() => {
    http.reset();
    https.reset();
    proxy.clear();
    authProxy.clear();
    logLines.length = 0;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it('a lookup over https through the proxy: one CONNECT tunnel, the sandbox answers, the log names the route', async () => {
    const c = client(named(https), { proxy: { proxy: proxy.url }, tls: { extraCaCertsFile: ca.caFile } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    assert.equal((await c.getCustomer(aurora, EDGE_CASE_IDS.company)).customer.id, EDGE_CASE_IDS.company);
    assert.ok(proxy.tunnels >= 1, 'the proxy saw the CONNECT');
    assert.ok(proxy.hits.every((h) => h.kind === 'tunnel' && h.target === `${TEST_HOST}:${https.port}`));
    assert.equal(https.requests().length, 2);
    assert.ok(logLines.includes(`Requests to ${new URL(named(https)).origin} go via proxy ${proxy.url} (from http.proxy).`), logLines.join('\n'));
    assert.ok(logLines.some((l) => l.startsWith("TLS trust: Node's bundled roots + NODE_EXTRA_CA_CERTS (1)")));
  });

  it('a loopback API (http:// is only allowed there) never goes through the proxy, the headers intact (issue 18 point 2.10)', async () => {
    const c = client(http, { proxy: { proxy: proxy.url, env: { HTTP_PROXY: proxy.url } } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    const c6 = client(https, { proxy: { proxy: proxy.url }, tls: { extraCaCertsFile: ca.caFile } });
    assert.equal((await c6.getCustomer(aurora, ID)).customer.id, ID);
    assert.deepEqual(proxy.hits, []);
    assert.equal(http.requests()[0]?.headers.userSecretKey, owner.userSecretKey);
    assert.ok(logLines.includes(`Requests to ${http.origin} go direct (this machine (loopback) is never proxied).`), logLines.join('\n'));
  });

  it('noProxy (setting or NO_PROXY) bypasses the proxy', async () => {
    const c = client(https, { proxy: { proxy: proxy.url, noProxy: ['127.0.0.1'] }, tls: { extraCaCertsFile: ca.caFile } });
    await c.getCustomer(aurora, ID);
    const c2 = client(http, { proxy: { env: { HTTP_PROXY: proxy.url, NO_PROXY: `localhost,127.0.0.1:${http.port}` } } });
    await c2.getCustomer(aurora, ID);
    assert.deepEqual(proxy.hits, []);
    assert.equal(https.requests().length + http.requests().length, 2);
    assert.ok(logLines.includes(`Requests to ${https.origin} go direct (no-proxy rule).`));
  });

  it('proxy credentials in the URL are sent to the proxy and never shown', async () => {
    const withCreds = `http://alice:${encodeURIComponent('p@ss w0rd')}@127.0.0.1:${authProxy.port}`;
    const c = client(named(https), { proxy: { proxy: withCreds }, tls: { extraCaCertsFile: ca.caFile } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    assert.ok(authProxy.tunnels >= 1);
    const wrong = client(named(https), { proxy: { proxy: `http://alice:nope@127.0.0.1:${authProxy.port}` }, tls: { extraCaCertsFile: ca.caFile } });
    const e = await rejection(wrong.getCustomer(aurora, ID));
    assert.equal(e.kind, 'proxy');
    assert.deepEqual([e.proxy, e.status, e.attempts], [authProxy.url, 407, 1], 'a refusal is not retried');
    const everything = [...logLines, e.message, String(e.cause), JSON.stringify(e)].join('\n');
    assert.doesNotMatch(everything, /alice|nope|p@ss|w0rd/);
  });

  it('a wrong proxy gives the proxy error, naming the proxy', async () => {
    const dead = await startForwardProxy();
    const deadUrl = dead.url;
    await dead.close();
    const c = client(named(https), { proxy: { proxy: deadUrl }, tls: { extraCaCertsFile: ca.caFile } });
    const e = await rejection(c.getCustomer(aurora, ID));
    assert.deepEqual([e.kind, e.proxy, e.attempts], ['proxy', deadUrl, 3]);
    const bad = client(named(https), { proxy: { proxy: 'http://' } });
    const eBad = await rejection(bad.getCustomer(aurora, ID));
    assert.deepEqual([eBad.kind, eBad.reason, eBad.message], ['proxy', 'invalidUrl', 'the proxy URL from http.proxy is not valid']);
    assert.equal(https.requests().length, 0);
  });

  it('an untrusted certificate gives the TLS error with the host, directly and through the proxy', async () => {
    const direct = await rejection(client(https).getCustomer(aurora, ID));
    assert.deepEqual([direct.kind, direct.host, direct.attempts], ['tls', '127.0.0.1', 1]);
    assert.match(direct.message, /UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    const proxied = await rejection(client(named(https), { proxy: { proxy: proxy.url } }).getCustomer(aurora, ID));
    assert.deepEqual([proxied.kind, proxied.host], ['tls', TEST_HOST]);
    assert.equal(https.requests().length, 0);
  });

  it('TLS failures say which: untrusted issuer, self-signed, host name mismatch, protocol (issue 18 point 2.10)', async () => {
    const seen: Array<[string, string | undefined, string]> = [];
    const fail = async (label: string, c: YampiClient): Promise<void> => {
      const e = await rejection(c.getCustomer(aurora, ID));
      seen.push([label, e.reason, e.kind]);
      assert.equal(e.attempts, 1, `${label}: a TLS failure is not retried`);
    };
    await fail('untrusted issuer', client(https));
    const selfSigned = await startSandbox({ rateLimit: false, tls: { key: ca.selfSignedKey, cert: ca.selfSignedCert } });
    try {
      await fail('self-signed', client(selfSigned));
    } finally {
      await selfSigned.close();
    }
    // through the proxy, a name the certificate does not hold (the proxy connects it to 127.0.0.1)
    await fail('host name', client(https.baseUrl.replace('127.0.0.1', 'other.yampi.test'), { proxy: { proxy: proxy.url }, tls: { extraCaCertsFile: ca.caFile } }));
    await fail('protocol', client(http.baseUrl.replace('http:', 'https:')));
    assert.deepEqual(seen, [
      ['untrusted issuer', 'untrusted', 'tls'], ['self-signed', 'untrusted', 'tls'], ['host name', 'hostname', 'tls'], ['protocol', 'protocol', 'tls'],
    ]);
    for (const locale of ['en', 'pt-br'] as const) {
      const words = (['untrusted', 'expired', 'hostname', 'protocol'] as const).map((reason) => describeFailure({ kind: 'api', error: { kind: 'tls', host: 'h.example', reason } }, locale).message);
      assert.equal(new Set(words).size, 4, `${locale}: each TLS failure has its own words`);
      assert.ok(words.every((w) => w.includes('h.example')));
    }
  });

  it('a socks5:// proxy fails at once with "unsupported proxy scheme", in the user\'s language (issue 18 point 2.10)', async () => {
    const c = client(named(https), { proxy: { proxy: 'socks5://corp:1080' }, tls: { extraCaCertsFile: ca.caFile } });
    const e = await rejection(c.getCustomer(aurora, ID));
    assert.deepEqual([e.kind, e.reason, e.proxy, e.attempts], ['proxy', 'unsupportedScheme', 'socks5://', 1]);
    assert.equal(https.requests().length, 0);
    const failure = { kind: 'api', error: { kind: 'proxy', host: e.proxy, reason: e.reason } } as const;
    assert.match(describeFailure(failure, 'en').message, /^Unsupported proxy scheme socks5:\/\//);
    assert.match(describeFailure(failure, 'pt-br').message, /^Esquema de proxy não suportado socks5:\/\//);
    assert.ok(logLines.some((l) => l.includes('uses socks5://, which is not supported')), logLines.join('\n'));
  });

  it('http.proxyStrictSSL false skips the check on the proxied route only', async () => {
    const loose = client(named(https), { proxy: { proxy: proxy.url, strictSSL: false } });
    assert.equal((await loose.getCustomer(aurora, ID)).customer.id, ID);
    const direct = client(https, { proxy: { strictSSL: false } });
    assert.equal((await rejection(direct.getCustomer(aurora, ID))).kind, 'tls');
  });

  it('trusted via the extra CA (TlsSettings), it works; changing proxy settings rebuilds the route', async () => {
    const c = client(https, { tls: { extraCaCertsFile: ca.caFile } });
    await c.getCustomer(aurora, ID);
    assert.deepEqual(proxy.hits, []);
    c.updateOptions({ baseUrl: named(https), proxy: { proxy: proxy.url } });
    await c.getCustomer(aurora, ID, { skipCache: true });
    const tunnels = proxy.tunnels;
    assert.ok(tunnels >= 1);
    c.updateOptions({ baseUrl: https.baseUrl, proxy: {} });
    await c.getCustomer(aurora, ID, { skipCache: true });
    assert.equal(proxy.tunnels, tunnels, 'direct again');
    assert.equal(https.requests().length, 3);
  });

  it('NODE_EXTRA_CA_CERTS set at process start is honoured by the client with no TLS settings', async () => {
    // the compiled module (out/), or the source when the suite runs on it (scripts/ts-hook.cjs, which
    // the child inherits through NODE_OPTIONS)
    const clientModule = require.resolve('../../../src/core/api/index');
    const script = `require(${JSON.stringify(clientModule)}).createYampiClient({ baseUrl: ${JSON.stringify(https.baseUrl)}, userAgent: 't' })
      .getCustomer(${JSON.stringify(aurora)}, ${ID}).then((r) => console.log('ok', r.customer.id), (e) => console.log('error', e.kind));`;
    const run = (env: NodeJS.ProcessEnv): Promise<string> =>
      new Promise((resolve) => {
        execFile(process.execPath, ['-e', script], { env }, (_e, out) => {
          resolve(out.trim());
        });
      });
    const base = { ...process.env };
    delete base['NODE_EXTRA_CA_CERTS'];
    assert.equal(await run(base), 'error tls');
    assert.equal(await run({ ...base, NODE_EXTRA_CA_CERTS: ca.caFile }), `ok ${ID}`);
  });
});
