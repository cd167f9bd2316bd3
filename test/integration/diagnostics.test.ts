// Node's diagnostics channels are global to the extension host: any extension subscribed to
// undici:client:sendHeaders or undici:request:create reads every request published there, headers
// included. Our bundled undici publishes nothing (scripts/undiciParts.mjs stands in for its
// diagnostics), so the User-Token and User-Secret-Key of our requests reach no other extension.
import * as assert from 'node:assert/strict';
import diagnosticsChannel = require('node:diagnostics_channel');
import * as vscode from 'vscode';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { extensionApi, owner, resetSandbox, signIn, signOutAll } from './helpers';

const CHANNELS = ['undici:client:beforeConnect', 'undici:client:connected', 'undici:client:sendHeaders', 'undici:request:create', 'undici:request:headers'];

/** Every string in a published message (headers are strings or arrays of strings, however deep). */
function strings(v: unknown, depth = 0): string[] {
  if (typeof v === 'string') {
    return [v];
  }
  if (v === null || typeof v !== 'object' || depth > 4) {
    return [];
  }
  return Object.values(v as Record<string, unknown>).flatMap((x) => strings(x, depth + 1));
}

describe('diagnostics channels', () => {
  it('signing in and a lookup publish no credential on undici\'s global diagnostics channels', async () => {
    const api = await extensionApi();
    await signOutAll(api);
    await resetSandbox();
    const published: string[] = [];
    const offs = CHANNELS.map((name) => {
      const listener = (message: unknown): void => { published.push(...strings(message)); };
      diagnosticsChannel.subscribe(name, listener);
      return () => diagnosticsChannel.unsubscribe(name, listener);
    });
    try {
      assert.equal(await signIn(owner, SANDBOX_STORES.aurora.alias), true);
      await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.knownGood);
    } finally {
      offs.forEach((off) => { off(); });
      await signOutAll(api);
    }
    const leaked = published.filter((s) => s.includes(owner.userToken) || s.includes(owner.userSecretKey));
    assert.deepEqual(leaked, [], 'a credential was published on a global diagnostics channel');
  });
});
