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
import type { Logger } from '../../../src/core/logger';
import { startForwardProxy, type ForwardProxy } from '../../harness/forwardProxy';
import { makeTestCa, type TestCa } from '../../harness/testCa';
import { EDGE_CASE_IDS } from '../../sandbox/constants';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { aurora, owner, rejection, USER_AGENT } from './helpers';

const ID = EDGE_CASE_IDS.knownGood;
const HTTPS_TARGET = new URL('https://api.dooki.com.br/v2');
const HTTP_TARGET = new URL('http://127.0.0.1:8080/v2');

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

  const client = (base: Sandbox, options: Partial<ClientOptions> = {}): YampiClient => {
    const c = createYampiClient({
      baseUrl: base.baseUrl, userAgent: USER_AGENT, timeoutMs: 3000, requestsPerMinute: Number.POSITIVE_INFINITY, logger,
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
    const c = client(https, { proxy: { proxy: proxy.url }, tls: { extraCaCertsFile: ca.caFile } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    assert.equal((await c.getCustomer(aurora, EDGE_CASE_IDS.company)).customer.id, EDGE_CASE_IDS.company);
    assert.ok(proxy.tunnels >= 1, 'the proxy saw the CONNECT');
    assert.ok(proxy.hits.every((h) => h.kind === 'tunnel' && h.target === `127.0.0.1:${https.port}`));
    assert.equal(https.requests().length, 2);
    assert.ok(logLines.includes(`Requests to ${https.origin} go via proxy ${proxy.url} (from http.proxy).`), logLines.join('\n'));
    assert.ok(logLines.some((l) => l.startsWith("TLS trust: Node's bundled roots + NODE_EXTRA_CA_CERTS (1)")));
  });

  it('a lookup over http through the proxy is forwarded (no tunnel), the headers intact', async () => {
    const c = client(http, { proxy: { env: { HTTP_PROXY: proxy.url } } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    assert.deepEqual(proxy.hits.map((h) => h.kind), ['forward']);
    assert.equal(http.requests()[0]?.headers.userSecretKey, owner.userSecretKey);
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
    const c = client(https, { proxy: { proxy: withCreds }, tls: { extraCaCertsFile: ca.caFile } });
    assert.equal((await c.getCustomer(aurora, ID)).customer.id, ID);
    assert.ok(authProxy.tunnels >= 1);
    const wrong = client(https, { proxy: { proxy: `http://alice:nope@127.0.0.1:${authProxy.port}` }, tls: { extraCaCertsFile: ca.caFile } });
    const e = await rejection(wrong.getCustomer(aurora, ID));
    assert.equal(e.kind, 'proxy');
    assert.deepEqual([e.proxy, e.status, e.attempts], [authProxy.url, 407, 1], 'a refusal is not retried');
    const httpWrong = client(http, { proxy: { proxy: `http://alice:nope@127.0.0.1:${authProxy.port}` } });
    const e407 = await rejection(httpWrong.getCustomer(aurora, ID));
    assert.deepEqual([e407.kind, e407.status, e407.attempts], ['proxy', 407, 1]);
    const everything = [...logLines, e.message, e407.message, String(e.cause), JSON.stringify(e)].join('\n');
    assert.doesNotMatch(everything, /alice|nope|p@ss|w0rd/);
  });

  it('a wrong proxy gives the proxy error, naming the proxy', async () => {
    const dead = await startForwardProxy();
    const deadUrl = dead.url;
    await dead.close();
    const c = client(https, { proxy: { proxy: deadUrl }, tls: { extraCaCertsFile: ca.caFile } });
    const e = await rejection(c.getCustomer(aurora, ID));
    assert.deepEqual([e.kind, e.proxy, e.attempts], ['proxy', deadUrl, 3]);
    const bad = client(https, { proxy: { proxy: 'ftp://corp:21' } });
    const eBad = await rejection(bad.getCustomer(aurora, ID));
    assert.deepEqual([eBad.kind, eBad.message], ['proxy', 'the proxy URL from http.proxy is not valid']);
    assert.equal(https.requests().length, 0);
  });

  it('an untrusted certificate gives the TLS error with the host, directly and through the proxy', async () => {
    const direct = await rejection(client(https).getCustomer(aurora, ID));
    assert.deepEqual([direct.kind, direct.host, direct.attempts], ['tls', '127.0.0.1', 1]);
    assert.match(direct.message, /UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    const proxied = await rejection(client(https, { proxy: { proxy: proxy.url } }).getCustomer(aurora, ID));
    assert.deepEqual([proxied.kind, proxied.host], ['tls', '127.0.0.1']);
    assert.equal(https.requests().length, 0);
  });

  it('http.proxyStrictSSL false skips the check on the proxied route only', async () => {
    const loose = client(https, { proxy: { proxy: proxy.url, strictSSL: false } });
    assert.equal((await loose.getCustomer(aurora, ID)).customer.id, ID);
    const direct = client(https, { proxy: { strictSSL: false } });
    assert.equal((await rejection(direct.getCustomer(aurora, ID))).kind, 'tls');
  });

  it('trusted via the extra CA (TlsSettings), it works; changing proxy settings rebuilds the route', async () => {
    const c = client(https, { tls: { extraCaCertsFile: ca.caFile } });
    await c.getCustomer(aurora, ID);
    assert.deepEqual(proxy.hits, []);
    c.updateOptions({ proxy: { proxy: proxy.url } });
    await c.getCustomer(aurora, ID, { skipCache: true });
    const tunnels = proxy.tunnels;
    assert.ok(tunnels >= 1);
    c.updateOptions({ proxy: {} });
    await c.getCustomer(aurora, ID, { skipCache: true });
    assert.equal(proxy.tunnels, tunnels, 'direct again');
    assert.equal(https.requests().length, 3);
  });

  it('NODE_EXTRA_CA_CERTS set at process start is honoured by the client with no TLS settings', async () => {
    const clientModule = join(__dirname, '../../../src/core/api/index.js');
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
