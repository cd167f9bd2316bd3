// Issue 9: each store's data has one owner (its session). Signing out, clearing the cache or a
// request still in flight never leaves a customer behind. Each test names the bug it guards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedNode, TestApi } from '../../src/host/testing/testSeams';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { addFault, closeAllEditors, extensionApi, owner, resetSandbox, sandboxRequests, signIn, signOutAll, waitFor, confirmed } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const serra = SANDBOX_STORES.serra.alias;
const mariana = EDGE_CASE_IDS.knownGood;

async function child(api: TestApi, parent: RenderedNode | undefined, label: RegExp): Promise<RenderedNode | undefined> {
  return (await api.treeChildren(parent?.node)).find((k) => label.test(k.label));
}

async function customerRequests(id: number): Promise<number> {
  return (await sandboxRequests()).filter((r) => r.path.endsWith(`/customers/${id}`) || r.path.includes(`/customers/${id}?`)).length;
}

describe('store sessions: sign-out and Clear Cached Data leave nothing behind', () => {
  let api: TestApi;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await closeAllEditors();
    await signOutAll(api);
    await resetSandbox(api);
    assert.equal(await signIn(owner, aurora), true);
  });

  after(async () => {
    await closeAllEditors();
    await signOutAll(api);
  });

  it('bug 1: signing out closes the store\'s open panels; Reveal all and Copy have nothing left to act on', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    await waitFor('the panel', () => api.openPanels() === 1);
    assert.equal(await api.sendPanelMessage(aurora, mariana, { type: 'revealAll' }), true);
    await vscode.env.clipboard.writeText('before');
    await confirmed(api, 'yampi.signOut', aurora);
    await waitFor('the panel to close', () => api.openPanels() === 0);
    assert.equal(await api.sendPanelMessage(aurora, mariana, { type: 'copy', field: 'token' }), false, 'a panel of the signed-out store still takes messages');
    assert.equal(await api.sendPanelMessage(aurora, mariana, { type: 'copyJson' }), false);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    assert.deepEqual(api.sessionAliases(), []);
  });

  it('bug 2: search results go with Clear Cached Data and with sign-out; opening one then asks the API (or says to sign in)', async () => {
    const found = await vscode.commands.executeCommand<{ id: number }[]>('yampi.searchCustomers', 'Mariana');
    assert.ok(found.some((c) => c.id === mariana));
    const store = await child(api, undefined, new RegExp(SANDBOX_STORES.aurora.name));
    assert.ok(await child(api, store, /^(Search results|Resultados da busca)$/), 'no Search results folder after a search');

    await confirmed(api, 'yampi.clearCache');
    assert.equal(await child(api, store, /^(Search results|Resultados da busca)$/), undefined, 'search results survived Clear Cached Data');
    const before = await customerRequests(mariana);
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), before + 1, 'the panel was filled from stale list data without a request');
    await closeAllEditors();

    await vscode.commands.executeCommand('yampi.searchCustomers', 'Mariana');
    await confirmed(api, 'yampi.signOut', aurora);
    const after = (await sandboxRequests()).length;
    const r = await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(r, undefined);
    assert.equal(api.openPanels(), 0, 'a panel opened for a signed-out store');
    assert.equal((await sandboxRequests()).length, after);
    assert.deepEqual(await api.treeChildren(), []);
  });

  it('bug 3: signing out of an inactive store from its tree node forgets that store\'s lists, not the active one\'s', async () => {
    assert.equal(await signIn(owner, serra), true);
    assert.equal(await vscode.commands.executeCommand('yampi.switchStore', aurora), true);
    await vscode.commands.executeCommand('yampi.pinCustomer', mariana);
    await vscode.commands.executeCommand('yampi.lookupCustomer', mariana);
    const serraNode = (await api.treeChildren()).find((n) => n.contextValue === 'yampi:store+inactive');
    assert.ok(serraNode, 'no inactive store root');
    const serraFolders = await api.treeChildren(serraNode.node);
    const serraPinned = serraFolders.find((f) => f.contextValue === 'yampi:folder+pinned');
    assert.ok(serraPinned);
    const serraFirst = (await api.treeChildren((await api.treeChildren(serraNode.node)).find((f) => f.contextValue === 'yampi:folder+all')?.node))[0];
    assert.ok(serraFirst?.node);
    await vscode.commands.executeCommand('yampi.pinCustomer', serraFirst.node);
    assert.ok(Array.isArray(api.globalState()[`yampi.pinned/${serra}`]));

    // our own tree's node: the user clicked Sign Out on it, no second question (no modal answer set)
    assert.equal(await vscode.commands.executeCommand('yampi.signOut', serraNode.node), true);
    assert.deepEqual(api.savedStoreAliases(), [aurora]);
    const state = api.globalState();
    assert.deepEqual(state[`yampi.pinned/${aurora}`], [mariana], 'the active store lost its Pinned list');
    assert.deepEqual(state[`yampi.recent/${aurora}`], [mariana], 'the active store lost its Recent list');
    assert.equal(state[`yampi.pinned/${serra}`], undefined, 'the signed-out store\'s Pinned list stayed');
  });

  it('bug 4: a request in flight during Clear Cached Data does not refill the cache afterwards', async () => {
    await addFault({ path: `/customers/${mariana}`, latencyMs: 800, times: 1 });
    const pending = vscode.commands.executeCommand('yampi.lookupCustomer', mariana);
    await waitFor('the request to reach the sandbox', async () => (await customerRequests(mariana)) === 1);
    await confirmed(api, 'yampi.clearCache');
    await pending;
    await closeAllEditors();
    await waitFor('panels closed', () => api.openPanels() === 0);
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), 2, 'the late response was cached after Clear Cached Data');
  });

  it('bug 4: a request in flight during sign-out is cancelled and its result dropped', async () => {
    await addFault({ path: `/customers/${mariana}`, latencyMs: 800, times: 1 });
    const pending = vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    await waitFor('the request to reach the sandbox', async () => (await customerRequests(mariana)) === 1);
    await confirmed(api, 'yampi.signOut', aurora);
    assert.equal(await pending, undefined, 'the customer was returned after sign-out');
    assert.equal(api.openPanels(), 0);
    assert.equal(await signIn(owner, aurora), true);
    const before = await customerRequests(mariana);
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), before + 1, 'the dropped result was cached');
  });

  it('issue 18 point 2.6: a sign-out in another window drops the store\'s cached customers: signing in again asks the API', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    const before = await customerRequests(mariana);
    await waitFor('the session', () => api.sessionAliases().includes(aurora));
    await api.deleteSecretElsewhere(aurora); // what another window's sign-out does to the shared SecretStorage
    await waitFor('the session to end', () => !api.sessionAliases().includes(aurora));
    await waitFor('the panel to close', () => api.openPanels() === 0);
    assert.equal(await signIn(owner, aurora), true);
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), before + 1, 'the customer came from the cache of the ended session');
  });

  it('bug 5: Copy on a concealed token puts nothing on the clipboard until it is revealed', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    await waitFor('the panel', () => api.openPanels() === 1);
    await vscode.env.clipboard.writeText('before');
    await api.sendPanelMessage(aurora, mariana, { type: 'copy', field: 'token' });
    assert.equal(await vscode.env.clipboard.readText(), 'before', 'a concealed secret reached the clipboard');
    assert.match(api.shownErrors().at(-1) ?? '', /Reveal|Mostre/);
    await api.sendPanelMessage(aurora, mariana, { type: 'reveal', field: 'token' });
    await api.sendPanelMessage(aurora, mariana, { type: 'copy', field: 'token' });
    const copied = await vscode.env.clipboard.readText();
    assert.notEqual(copied, 'before', 'a revealed token can be copied');
    assert.ok(copied.length > 5);
  });

  it('bug 6: the "N of M" count refreshes: the tree fires its change for a node VS Code was given', async () => {
    const [store] = await api.treeChildren();
    assert.ok(store);
    const folders = await api.treeChildren(store.node);
    const all = folders.find((f) => f.contextValue === 'yampi:folder+all');
    assert.ok(all);
    assert.equal(all.description, '');
    api.takeTreeChanges();
    await api.treeChildren(all.node);
    const fired = api.takeTreeChanges();
    const known = new Set<unknown>([store.node, ...folders.map((f) => f.node)]);
    assert.ok(fired.length > 0, 'loading All customers fired no change');
    assert.ok(fired.every((e) => e === undefined || known.has(e)), 'a change was fired for a node object VS Code never got');
    const again = (await api.treeChildren(store.node)).find((f) => f.contextValue === 'yampi:folder+all');
    assert.match(again?.description ?? '', /^25 (of|de) \d+$/);
    assert.equal(again?.node, all.node, 'the folder node is not the same object across renders');
  });
});
