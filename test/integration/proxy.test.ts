// Issue 13 point 3 in the real extension host: an https sandbox with a test CA and a forward proxy,
// both started in this process; VS Code's own `http.proxy` / `http.noProxy` settings and
// NODE_EXTRA_CA_CERTS decide the route and the trust, as for a user behind a corporate proxy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { startForwardProxy, type ForwardProxy } from '../harness/forwardProxy';
import { makeTestCa, type TestCa } from '../harness/testCa';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { closeAllEditors, extensionApi, owner, signIn, signOutAll, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;

type Customer = { id: number } | undefined;

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
  const tunnelsToSandbox = (): number => proxy.hits.filter((h) => h.kind === 'tunnel' && h.target === `127.0.0.1:${https.port}`).length;

  /** A search shows its failure as a message (a lookup shows it in the panel). */
  async function searchError(): Promise<string> {
    await vscode.commands.executeCommand('yampi.clearCache');
    const before = api.shownErrors().length;
    const r = await vscode.commands.executeCommand('yampi.searchCustomers', 'mariana');
    assert.equal(r, undefined);
    return api.shownErrors().slice(before).join('\n');
  }

  async function lookup(): Promise<Customer> {
    await vscode.commands.executeCommand('yampi.clearCache');
    return vscode.commands.executeCommand<Customer>('yampi.lookupCustomer', mariana);
  }

  /** Applies network settings and starts the client afresh (as a settings change would). */
  async function route(settings: { proxy?: string; noProxy?: string[]; extraCa?: boolean }): Promise<void> {
    if (settings.extraCa === false) {
      delete process.env['NODE_EXTRA_CA_CERTS'];
    } else {
      process.env['NODE_EXTRA_CA_CERTS'] = ca.caFile;
    }
    await http().update('proxy', settings.proxy ?? '', vscode.ConfigurationTarget.Global);
    await http().update('noProxy', settings.noProxy ?? [], vscode.ConfigurationTarget.Global);
    api.resetApiClient();
  }

  before(async () => {
    api = await extensionApi();
    ca = makeTestCa();
    https = await startSandbox({ rateLimit: false, tls: { key: ca.key, cert: ca.cert } });
    proxy = await startForwardProxy();
    savedBaseUrl = yampi().inspect<string>('apiBaseUrl')?.globalValue;
    await yampi().update('apiBaseUrl', https.baseUrl, vscode.ConfigurationTarget.Global);
    await route({ proxy: proxy.url });
    await signOutAll(api);
    assert.equal(await signIn(owner, aurora), true, 'sign-in over https through the proxy');
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
    assert.equal((await lookup())?.id, mariana);
    assert.ok(tunnelsToSandbox() >= 1, 'the proxy opened a tunnel to the sandbox');
    assert.equal(https.requests().length, 1);
  });

  it('http.noProxy bypasses the proxy', async () => {
    await route({ proxy: proxy.url, noProxy: ['127.0.0.1'] });
    assert.equal((await lookup())?.id, mariana);
    assert.equal(tunnelsToSandbox(), 0);
    assert.equal(https.requests().length, 1);
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
    assert.equal((await lookup())?.id, mariana);
    assert.equal(tunnelsToSandbox(), 0);
  });
});
