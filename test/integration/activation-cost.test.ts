// activate() only wires services: the API client bundle (with undici) must not be loaded by it.
// The test API records whether it was loaded when activate() returned, so file order does not matter.
import * as assert from 'node:assert/strict';
import { extensionApi } from './helpers';

describe('activation cost', () => {
  it('does not load the API client (dist/api.js with undici) during activation', async () => {
    const api = await extensionApi();
    assert.equal(api.apiLoadedAtActivation, false, 'the client was created during activation');
    // VS Code itself loads its own undici; ours is bundled in the extension's dist/api.js
    const ours = api.modulesAtActivation.filter((k) => /[\\/]dist[\\/]api\.js$/.test(k));
    assert.ok(api.modulesAtActivation.some((k) => /[\\/]dist[\\/]extension\.js$/.test(k)), `the extension's own bundle is not among the loaded modules: ${api.modulesAtActivation.join(', ')}`);
    assert.deepEqual(ours, []);
  });

  it('does not load re2js (dist/re2.js) during activation: the default hover patterns run on the native engine', async () => {
    const api = await extensionApi();
    assert.deepEqual(api.modulesAtActivation.filter((k) => /[\\/]dist[\\/]re2\.js$/.test(k)), []);
  });
});
