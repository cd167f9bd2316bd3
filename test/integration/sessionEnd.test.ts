// Issue 18 point 2.6: a store's cached data goes with its session, however the session ended:
// here a sign-out in another window (its secret deleted from the shared SecretStorage).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { closeAllEditors, extensionApi, owner, resetSandbox, sandboxRequests, signIn, signOutAll, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;

async function customerRequests(id: number): Promise<number> {
  return (await sandboxRequests()).filter((r) => r.path.endsWith(`/customers/${id}`)).length;
}

describe('session end drops the store\'s cache (issue 18 point 2.6)', () => {
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

  it('a sign-out in another window drops the store\'s cached customers: signing in again asks the API', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), 1);
    await waitFor('the session', () => api.sessionAliases().includes(aurora) || undefined);
    await api.deleteSecretElsewhere(aurora);
    await waitFor('the session to end', () => !api.sessionAliases().includes(aurora) || undefined);
    await waitFor('the panel to close', () => api.openPanels() === 0 || undefined);
    assert.equal(await signIn(owner, aurora), true);
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    assert.equal(await customerRequests(mariana), 2, 'the customer came from the cache of the ended session');
  });
});
