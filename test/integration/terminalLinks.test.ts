// Customer ids in terminal output (product.md § Terminal and chat) in the real extension host:
// the provider the extension registered, asked for the links of terminal lines, against the
// sandbox store. VS Code has no command that runs terminal link providers, so the test API hands
// out the registered provider (`terminalLinkProvider`, wired in activation).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import type { CustomerTerminalLinkProvider } from '../../src/host/terminal/terminalLinks';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { closeAllEditors, extensionApi, owner, resetSandbox, sandboxRequests, signIn, signOutAll, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;

/** The test API with the terminal hook, which activation adds next to the terminal link stand-in. */
type WithTerminal = TestApi;

const requestsToApi = async (): Promise<number> => (await sandboxRequests()).filter((r) => r.path.startsWith('/v2/')).length;

describe('terminal links over customer ids', () => {
  let api: WithTerminal;
  let provider: CustomerTerminalLinkProvider;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('yampi');
  const links = (line: string): Array<{ text: string; tooltip: string | undefined; id: number }> =>
    provider.provideTerminalLinks({ line }).map((l) => ({ text: line.slice(l.startIndex, l.startIndex + l.length), tooltip: l.tooltip, id: l.customerId }));

  before(async () => {
    api = await extensionApi();
    assert.ok(api.terminalLinkProvider, 'the test API has no terminalLinkProvider: the terminal links are not wired into activation');
    provider = await api.terminalLinkProvider();
    await signOutAll(api);
    assert.equal(await signIn(owner, aurora), true);
  });

  beforeEach(async () => {
    await resetSandbox(api);
  });

  after(async () => {
    await config().update('terminalLinks.enabled', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await signOutAll(api);
  });

  it('links the whole terminal word of each id, with the localized tooltip, and fetches nothing', async () => {
    assert.deepEqual(links(`2026-11-27T10:00:01Z webhook customer_id=${mariana} attempt=2`), [
      { text: `customer_id=${mariana}`, tooltip: `Open Yampi customer #${mariana}`, id: mariana },
    ]);
    assert.deepEqual(
      links(`GET /v2/${aurora}/customers/59102233 200 | customerId=31`).map((l) => [l.id, l.text]),
      [
        [59102233, `/v2/${aurora}/customers/59102233`],
        [31, 'customerId=31'],
      ],
    );
    assert.equal(await requestsToApi(), 0, 'finding links made a request');
  });

  it('no links for lines without a customer id, nor for a line over the length limit', async () => {
    for (const line of ['npm run test', 'order=1042 attempt=2', `id=${mariana}`, '', `${'x'.repeat(10_001)} customer_id=${mariana}`]) {
      assert.deepEqual(links(line), [], line.slice(0, 40));
    }
    assert.equal(await requestsToApi(), 0);
  });

  it('yampi.terminalLinks.enabled false turns the links off', async () => {
    await config().update('terminalLinks.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('links to go away', () => links(`customer_id=${mariana}`).length === 0);
    await config().update('terminalLinks.enabled', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('links to come back', () => links(`customer_id=${mariana}`).length === 1);
  });

  it('following a link opens the panel, fetching only that customer', async () => {
    const before = api.openPanels();
    const [link] = provider.provideTerminalLinks({ line: `customer_id=${mariana}` });
    assert.ok(link);
    assert.equal(await requestsToApi(), 0);
    await provider.handleTerminalLink(link);
    await waitFor('the panel to open', () => api.openPanels() > before);
    // at most the one lookup of that customer (none when the tree already holds the record from an earlier suite)
    const gets = (await sandboxRequests()).filter((r) => r.method === 'GET' && r.path.includes('/customers/'));
    assert.ok(gets.length <= 1, `${gets.length} requests`);
    assert.ok(gets.every((g) => g.path.endsWith(`/${aurora}/customers/${mariana}`)), gets.map((g) => g.path).join(', '));
  });
});
