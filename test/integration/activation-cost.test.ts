// activate() only wires services and the shell's stand-ins: neither the API client bundle (with
// undici) nor the features chunk (tree, panels, hovers, commands, terminal, chat) may be loaded by it.
// The test API records whether it was loaded when activate() returned, so file order does not matter.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { activationBundle } from '../harness/activationBundle';
import { bundleSizes } from '../harness/bundleSizes';
import { productionBuild } from '../harness/productionBuild';
import { repoRoot } from '../harness/paths';
import { extensionApi } from './helpers';
import { importScript } from '../harness/importScript';

/** scripts/eslintActivationBoundary.mjs: the modules the lint rule treats as activation code. */
async function activationBoundaryModules(): Promise<{ ACTIVATION_MODULES: readonly string[] }> {
  return importScript<{ ACTIVATION_MODULES: readonly string[] }>(path.join(repoRoot, 'scripts', 'eslintActivationBoundary.mjs'));
}

/** The folder of the running extension's dist/extension.js, found among the modules loaded at activation. */
function distDir(modulesAtActivation: readonly string[]): string {
  const entry = modulesAtActivation.find((k) => /[\\/]dist[\\/]extension\.js$/.test(k));
  assert.ok(entry, 'dist/extension.js is not among the loaded modules');
  return path.dirname(entry);
}

describe('activation cost', () => {
  it('does not load the API client (dist/api.js, the import() chunk with undici) during activation', async () => {
    const api = await extensionApi();
    assert.equal(api.apiLoadedAtActivation, false, 'the client was created during activation');
    // VS Code itself loads its own undici; ours is in the extension's dist/api.js chunk
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

  it('has one YampiError class in all the bundles: the API client chunk shares the features\' modules', async () => {
    // a second copy (the client as a bundle of its own) would make `instanceof YampiError` false for
    // the client's errors; matched as the constructor's `name = "YampiError"`, minified or not
    const api = await extensionApi();
    const dist = distDir(api.modulesAtActivation);
    const copies = readdirSync(dist).filter((f) => f.endsWith('.js')).flatMap((f) =>
      [...readFileSync(path.join(dist, f), 'utf8').matchAll(/\.name\s*=\s*["'`]YampiError["'`]/g)].map(() => f));
    assert.equal(copies.length, 1, `YampiError is defined in ${copies.join(', ')}`);
  });

  it('activation code (the production build: dist/extension.js and what it requires statically) stays within 20 KB; the features and their data services are in the lazy chunks', async () => {
    // Every byte here is compiled on every start of every window, signed in or not: only the
    // activation stage belongs in it (lint keeps feature values out of its modules; this keeps its size).
    const { activationCode, ACTIVATION_CODE_BUDGET_BYTES } = await bundleSizes();
    const { meta } = productionBuild();
    const code = activationCode(meta);
    assert.ok(code.bytes <= ACTIVATION_CODE_BUDGET_BYTES, `activation evaluates ${(code.bytes / 1024).toFixed(1)} KB (${code.files.join(' + ')}), over the ${ACTIVATION_CODE_BUDGET_BYTES / 1024} KB budget`);
    const api = await extensionApi();
    const bundle = activationBundle(distDir(api.modulesAtActivation));
    for (const lazy of ['src/host/app/features.ts', 'src/host/common/apiService.ts', 'src/host/customers/customerLists.ts', 'src/host/session/storeSessions.ts', 'src/host/credentials/credentialStore.ts']) {
      assert.ok(bundle.lazyInputs.has(lazy), `${lazy} is in no lazy chunk`);
      assert.ok(!bundle.inputs.has(lazy), `${lazy} is evaluated at activation`);
    }
    // the lint rule's list of activation modules is what activation really evaluates of src/host
    const { ACTIVATION_MODULES } = await activationBoundaryModules();
    const host = [...bundle.inputs.keys()].filter((i) => i.startsWith('src/host/') || i === 'src/extension.ts');
    assert.deepEqual(host.filter((i) => !ACTIVATION_MODULES.includes(i)), [], 'evaluated at activation but not an activation module of scripts/eslintActivationBoundary.mjs');
  });

  it('the production build has no test seams: no chunk of src/host/testing, no test API in the entry', () => {
    const { dir, meta } = productionBuild();
    const outputs = (meta as { metafiles: { outputs: Record<string, { inputs: Record<string, unknown> }> }[] }).metafiles.flatMap((m) => Object.entries(m.outputs));
    assert.deepEqual(outputs.filter(([, o]) => Object.keys(o.inputs).some((i) => i.startsWith('src/host/testing/'))).map(([f]) => f), []);
    assert.deepEqual(readdirSync(path.join(dir, 'dist')).filter((f) => /testSeams|testing/i.test(f)), []);
    assert.doesNotMatch(readFileSync(path.join(dir, 'dist', 'extension.js'), 'utf8'), /YAMPI_EXTENSION_TEST/);
  });
});
