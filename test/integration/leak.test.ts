// Runs last (file order), after a full session: sign-ins, lookups, searches, 401s and 5xx.
// Neither the token nor the secret key may appear in the user data folder (logs of every channel,
// settings, storage), in this extension's global state, or in any message shown.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EDGE_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { addFault, closeAllEditors, extensionApi, owner, resetSandbox, signIn, signOutAll } from './helpers';
import { files, userDataDir } from './userData';

const WRONG_SECRET = 'ysk_wrong_secret_for_leak_test';
const secrets: string[] = [...Object.values(SANDBOX_USERS).flatMap((u) => [u.userToken, u.userSecretKey]), WRONG_SECRET];

describe('secrets never leak', () => {
  it('after a full session, no token or secret in logs, settings, storage, global state or messages', async () => {
    const api = await extensionApi();
    await signOutAll(api);
    await resetSandbox();
    assert.equal(await signIn(owner, SANDBOX_STORES.aurora.alias), true);
    assert.equal(await vscode.commands.executeCommand('yampi.setCredentials', { alias: SANDBOX_STORES.serra.alias, userToken: SANDBOX_USERS.single.userToken, userSecretKey: WRONG_SECRET }), false);
    await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.knownGood);
    await vscode.commands.executeCommand('yampi.searchCustomers', 'Mariana');
    await addFault({ path: `/customers/${EDGE_CASE_IDS.company}`, status: 401, times: 1 });
    await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.company);
    await addFault({ path: `/customers/${EDGE_CASE_IDS.rtl}`, status: 503 });
    await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.rtl);
    await closeAllEditors();
    await signOutAll(api);
    await new Promise((r) => setTimeout(r, 1500)); // let the log channel flush to disk

    const root = userDataDir(api.logDir());
    const scanned = files(root);
    assert.ok(scanned.some((f) => f.endsWith('Yampi Customers.log')), `our log channel file is under ${root}`);
    assert.ok(scanned.some((f) => f.includes(`${path.sep}settings.json`)), 'settings are scanned');
    const hits: string[] = [];
    for (const f of scanned) {
      const text = readFileSync(f).toString('latin1');
      for (const s of secrets) {
        if (text.includes(s)) {
          hits.push(`${path.relative(root, f)} contains ${s.slice(0, 9)}…`);
        }
      }
    }
    const state = JSON.stringify(api.globalState());
    const messages = api.shownErrors().join('\n');
    for (const s of secrets) {
      if (state.includes(s)) {
        hits.push(`global state contains ${s.slice(0, 9)}…`);
      }
      if (messages.includes(s)) {
        hits.push(`an error message contains ${s.slice(0, 9)}…`);
      }
    }
    assert.deepEqual(hits, [], `scanned ${scanned.length} files under ${root}`);
    assert.ok(scanned.length > 5);
  });
});
