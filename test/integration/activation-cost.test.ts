// Runs first (file order): nothing has made a request yet, so the API client bundle (with undici)
// must not be loaded. activate() only wires services.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('activation cost', () => {
  it('does not load the API client (dist/api.js with undici) during activation', async () => {
    const api = await extensionApi();
    assert.equal(api.apiLoaded(), false, 'the client was created during activation');
    // VS Code itself loads its own undici; ours is bundled in the extension's dist/api.js
    const ours = Object.keys(require.cache).filter((k) => k.startsWith(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '/nonexistent') && /[\\/]dist[\\/]api\.js$/.test(k));
    assert.deepEqual(ours, []);
  });

  it('does not load re2js (dist/re2.js) during activation: the default hover patterns run on the native engine', () => {
    const ours = Object.keys(require.cache).filter((k) => k.startsWith(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '/nonexistent') && /[\\/]dist[\\/]re2\.js$/.test(k));
    assert.deepEqual(ours, []);
  });
});
