// activate() only wires services and the shell's stand-ins: neither the API client bundle (with
// undici) nor the features chunk (tree, panels, hovers, commands, terminal, chat) may be loaded by it.
// The test API records whether it was loaded when activate() returned, so file order does not matter.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { activationBundle } from '../harness/activationBundle';
import { extensionApi } from './helpers';

/** The folder of the running extension's dist/extension.js, found among the modules loaded at activation. */
function distDir(modulesAtActivation: readonly string[]): string {
  const entry = modulesAtActivation.find((k) => /[\\/]dist[\\/]extension\.js$/.test(k));
  assert.ok(entry, 'dist/extension.js is not among the loaded modules');
  return path.dirname(entry);
}

describe('activation cost', () => {
  it('does not load the API client (dist/api.js with undici) during activation', async () => {
    const api = await extensionApi();
    assert.equal(api.apiLoadedAtActivation, false, 'the client was created during activation');
    // VS Code itself loads its own undici; ours is bundled in the extension's dist/api.js
    const ours = api.modulesAtActivation.filter((k) => /[\\/]dist[\\/]api\.js$/.test(k));
    assert.ok(api.modulesAtActivation.some((k) => /[\\/]dist[\\/]extension\.js$/.test(k)), `the extension's own bundle is not among the loaded modules: ${api.modulesAtActivation.join(', ')}`);
    assert.deepEqual(ours, []);
  });

  it('does not load re2js (its dist/re2Engine-*.js chunk) during activation: the default hover patterns run on the native engine', async () => {
    const api = await extensionApi();
    const dist = distDir(api.modulesAtActivation);
    // re2js is in one chunk of its own (an import() of src/core/refs/re2Engine.ts), in no other bundle
    const withRe2 = readdirSync(dist).filter((f) => f.endsWith('.js') && readFileSync(path.join(dist, f), 'utf8').includes('missing closing )')) // a message of re2js's parser;
    assert.equal(withRe2.length, 1, `re2js is in ${withRe2.join(', ') || 'no file'}`);
    assert.match(withRe2[0] ?? '', /^re2Engine-[A-Z0-9]+\.js$/);
    assert.deepEqual(api.modulesAtActivation.filter((k) => /[\\/]dist[\\/]re2Engine-[A-Z0-9]+\.js$/.test(k)), []);
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

  it('asks VS Code for its API once: one require("vscode") in all the bundles the host can load', async () => {
    // every such call runs VS Code's interceptor (a realpathSync of the caller and an extension lookup);
    // counted as calls with the sole argument "vscode", whatever the bundler named require
    const api = await extensionApi();
    const dist = distDir(api.modulesAtActivation);
    const calls = readdirSync(dist).filter((f) => f.endsWith('.js')).flatMap((f) =>
      [...readFileSync(path.join(dist, f), 'utf8').matchAll(/\(\s*["'`]vscode["'`]\s*\)/g)].map(() => f));
    assert.deepEqual(calls, ['extension.js']);
  });

  it('activation evaluates only the shell and what it reads; the features and their data services are in the lazy chunks', async () => {
    const api = await extensionApi();
    const bundle = activationBundle(distDir(api.modulesAtActivation));
    // Every module here is compiled on every start of every window, signed in or not. A module that
    // joins this list must be needed before the first use (README: the shell and the features).
    const allowed = new Set([
      'src/extension.ts', 'src/host/shell.ts', 'src/host/services.ts', 'src/host/statusBar.ts', 'src/host/lifecycle.ts', 'src/host/notify.ts', 'src/core/notice.ts',
      'src/host/credentialStore.ts', 'src/core/secretWrite.ts', 'src/core/stores.ts', 'src/core/alias.ts', 'src/core/api/validate.ts',
      'src/host/errorTypes.ts', 'src/core/api/errors.ts', 'src/host/logging.ts', 'src/core/logger.ts',
      'src/host/settingsService.ts', 'src/core/settings.ts', 'src/core/model/strings.ts', 'src/core/model/text.ts', 'src/core/commands/ids.ts',
      'vscode-once:vscode',
    ]);
    const unexpected = [...bundle.inputs.keys()].filter((i) => !allowed.has(i));
    assert.deepEqual(unexpected, [], `evaluated at activation but not part of the shell (${(bundle.bytes / 1024).toFixed(1)} KB in all)`);
    for (const lazy of ['src/host/features.ts', 'src/host/apiService.ts', 'src/host/customerLists.ts', 'src/host/session/storeSessions.ts']) {
      assert.ok(bundle.lazyInputs.has(lazy), `${lazy} is in no lazy chunk`);
    }
  });
});
