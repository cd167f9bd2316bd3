// activate() only wires services and the shell's stand-ins: neither the API client bundle (with
// undici) nor the features chunk (tree, panels, hovers, commands, terminal, chat) may be loaded by it.
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

  it('evaluates only the shell at activation; the features chunk loads on the first use and then serves every surface', async () => {
    const api = await extensionApi();
    const features = (paths: readonly string[]): string[] => paths.filter((k) => /[\\/]dist[\\/]features-[A-Z0-9]+\.js$/.test(k));
    assert.equal(api.featuresLoadedAtActivation, false, 'activation built the features instead of leaving them to the first use');
    assert.deepEqual(features(api.modulesAtActivation), [], `the features chunk was evaluated during activation: ${api.modulesAtActivation.join(', ')}`);
    // a fresh profile remembers no open panel: the serializer waits for the features
    assert.equal(api.serializerAtActivation, false, 'the panel serializer was registered at activation with no panel to restore');
    // the stand-ins registered at activation cover every contribution (commands: see commands.test.ts)
    await api.treeChildren(); // what VS Code asks when the view opens
    assert.equal(api.featuresLoaded(), true);
    assert.equal(features(Object.keys(require.cache)).length, 1, 'exactly one features chunk is loaded once used');
  });
});
