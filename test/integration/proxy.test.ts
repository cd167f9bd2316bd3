// Issue 13 point 3 in the real extension host: an https sandbox with a test CA and a forward proxy,
// both started in this process; VS Code's own `http.proxy` / `http.noProxy` settings and
// NODE_EXTRA_CA_CERTS decide the route and the trust, as for a user behind a corporate proxy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { startForwardProxy, type ForwardProxy } from '../harness/forwardProxy';
import { makeTestCa, TEST_HOST, type TestCa } from '../harness/testCa';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { closeAllEditors, confirmed, extensionApi, extensionLog, owner, signIn, signOutAll, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;

type Customer = { id: number } | undefined;

/** The customer record reads the https sandbox served (a panel also asks for its orders). */
let customerReads: () => number = () => 0;

describe('proxy and TLS (issue 13)', function () {
  this.timeout(30_000);
  let api: TestApi;
  let ca: TestCa;
  let https: Sandbox;
  let proxy: ForwardProxy;
  let savedBaseUrl: string | undefined;
  const savedExtraCa = process.env['NODE_EXTRA_CA_CERTS'];
  const yampi = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('yampi');
  const http = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
  const tunnelsToSandbox = (): number => proxy.hits.filter((h) => h.kind === 'tunnel' && h.target === `${TEST_HOST}:${https.port}`).length;
  /**
   * The sandbox by a name that is not loopback (the test proxy connects it to 127.0.0.1): a loopback
   * API URL is never proxied (issue 18 point 2.10). Direct routes use 127.0.0.1 (no DNS for the name).
   */
  const baseUrl = (proxied: boolean): string => (proxied ? https.baseUrl.replace('127.0.0.1', TEST_HOST) : https.baseUrl);

  /** The end of the extension's log, for assertion messages. */
  function logTail(): string {
    return extensionLog(api).map((text) => text.split('\n').slice(-15).join('\n')).join('\n');
  }

  /** A search shows its failure as a message (a lookup shows it in the panel). */
  async function searchError(): Promise<string> {
    await confirmed(api, 'yampi.clearCache');
    const before = api.shownErrors().length;
    const r = await vscode.commands.executeCommand('yampi.searchCustomers', 'mariana');
    assert.equal(r, undefined);
    return api.shownErrors().slice(before).join('\n');
  }

  let nextId = 0;
  /**
   * Looks up a customer no earlier test (of any suite) has shown: a record the tree already holds
   * would open without a request. Returns whether the lookup got that customer.
   */
  async function lookup(): Promise<boolean> {
    await confirmed(api, 'yampi.clearCache');
    const ids = https.data.get(aurora)?.customers.map((c) => c.id) ?? [];
    const id = ids[ids.length - 1 - nextId++] ?? mariana;
    return (await vscode.commands.executeCommand<Customer>('yampi.lookupCustomer', id))?.id === id;
  }

  /** Applies network settings (and the sandbox's base URL for them) and starts the client afresh (as a settings change would). */
  async function route(settings: { proxy?: string; noProxy?: string[]; extraCa?: boolean; proxied?: boolean }): Promise<void> {
    const base = baseUrl(settings.proxied ?? settings.proxy !== undefined);
    if (yampi().get<string>('apiBaseUrl') !== base) {
      await yampi().update('apiBaseUrl', base, vscode.ConfigurationTarget.Global);
      // The write resolves before the extension host sees the change (remote settings): wait for it.
      await waitFor('the sandbox as yampi.apiBaseUrl', () => yampi().get<string>('apiBaseUrl') === base, 10_000);
    }
    if (settings.extraCa === false) {
      delete process.env['NODE_EXTRA_CA_CERTS'];
    } else {
      process.env['NODE_EXTRA_CA_CERTS'] = ca.caFile;
    }
    await http().update('proxy', settings.proxy ?? '', vscode.ConfigurationTarget.Global);
    await http().update('noProxy', settings.noProxy ?? [], vscode.ConfigurationTarget.Global);
    await waitFor('http settings applied', () =>
      http().get<string>('proxy') === (settings.proxy ?? '') && JSON.stringify(http().get<string[]>('noProxy') ?? []) === JSON.stringify(settings.noProxy ?? []));
    api.resetApiClient();
  }

  before(async () => {
    api = await extensionApi();
    ca = makeTestCa();
    https = await startSandbox({ rateLimit: false, tls: { key: ca.key, cert: ca.cert } });
    customerReads = () => https.requests().filter((r) => /\/customers\/\d+/.test(r.path)).length;
    proxy = await startForwardProxy();
    savedBaseUrl = yampi().inspect<string>('apiBaseUrl')?.globalValue;
    await route({ proxy: proxy.url });
    await signOutAll(api);
    assert.equal(await signIn(owner, aurora), true, 'sign-in over https through the proxy');
    assert.ok(https.requests().some((r) => r.path.endsWith('/auth/me')), 'the https sandbox checked the credentials');
  });

  beforeEach(async () => {
    // An open panel answers a lookup of its customer without a request: start with none.
    await closeAllEditors();
    await waitFor('panels closed', () => api.openPanels() === 0);
    proxy.clear();
    https.reset();
  });

  after(async () => {
    await closeAllEditors();
    await signOutAll(api);
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    await yampi().update('apiBaseUrl', savedBaseUrl, vscode.ConfigurationTarget.Global);
    if (savedExtraCa === undefined) {
      delete process.env['NODE_EXTRA_CA_CERTS'];
    } else {
      process.env['NODE_EXTRA_CA_CERTS'] = savedExtraCa;
    }
    api.resetApiClient();
    await Promise.all([https.close(), proxy.close()]);
    ca.remove();
  });

  it('a lookup goes through http.proxy (the proxy saw the tunnel), trusted via NODE_EXTRA_CA_CERTS', async () => {
    await route({ proxy: proxy.url });
    assert.equal(await lookup(), true);
    assert.ok(tunnelsToSandbox() >= 1, `the proxy opened no tunnel to the sandbox; log:\n${logTail()}`);
    assert.equal(customerReads(), 1, 'one customer read (opening the panel also reads orders page 1)');
  });

  it('http.noProxy bypasses the proxy', async () => {
    await route({ proxy: proxy.url, noProxy: ['localhost', '::1', '127.0.0.0/8'], proxied: false });
    assert.equal(await lookup(), true);
    assert.equal(tunnelsToSandbox(), 0);
    assert.equal(customerReads(), 1, 'one customer read (opening the panel also reads orders page 1)');
  });

  it('a wrong proxy gives the proxy error', async () => {
    const dead = await startForwardProxy();
    await dead.close();
    await route({ proxy: dead.url });
    const shown = await searchError();
    assert.ok(shown.includes(dead.url), shown);
    assert.match(shown, /proxy/i);
    assert.equal(https.requests().length, 0);
  });

  it('an untrusted certificate gives the TLS error naming the host', async () => {
    await route({ extraCa: false });
    const shown = await searchError();
    assert.match(shown, /certific.* 127\.0\.0\.1/i, shown);
    assert.equal(https.requests().length, 0);
  });

  it('direct and trusted via NODE_EXTRA_CA_CERTS, it works', async () => {
    await route({});
    assert.equal(await lookup(), true);
    assert.equal(tunnelsToSandbox(), 0);
  });
});
