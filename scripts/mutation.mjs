// `npm run mutation`: StrykerJS over the unit suite, mutating the modules that carry the product's
// privacy, validation and escaping promises (the list is `mutate` in stryker.config.mjs).
// StrykerJS 10 needs Node >= 22; the repo itself builds and tests on Node 20, so this runs Stryker
// with the Node 24 that `npm run setup:vscode` installs for the test harness (read from
// `.vscode-test-env/env.json`, or `$YAMPI_VSCODE_ENV_DIR/env.json`). A Node >= 22 running this
// script is used as it is.
// Not part of `npm test`: a full run takes tens of minutes on 2 cores.
//
// Usage: npm run mutation [-- <stryker options>]   e.g. npm run mutation -- --mutate src/core/alias.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function major(version) {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

function nodeForStryker() {
  if (major(process.version) >= 22) {
    return process.execPath;
  }
  const dir = resolve(process.env.YAMPI_VSCODE_ENV_DIR ?? join(root, '.vscode-test-env'));
  const file = join(dir, 'env.json');
  if (!existsSync(file)) {
    fail(`StrykerJS needs Node >= 22 and this is Node ${process.version}; the test harness's Node 24 is not installed (${file} is missing).\n` +
      'Run `npm run setup:vscode` first (or set YAMPI_VSCODE_ENV_DIR to where it installed), or run this with Node >= 22.');
  }
  const env = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof env.node !== 'string' || !existsSync(env.node)) {
    fail(`${file} names a Node (${env.node}) that is missing: run \`node scripts/setup-vscode.mjs --force --only newest\`.`);
  }
  if (major(env.versions?.node ?? '0') < 22) {
    fail(`${file} names Node ${env.versions?.node}; StrykerJS needs Node >= 22.`);
  }
  return env.node;
}

function fail(message) {
  console.error(`mutation: ${message}`);
  process.exit(2);
}

const node = nodeForStryker();
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
if (!existsSync(stryker)) {
  fail(`${stryker} is missing: run \`npm install\`.`);
}
console.log(`mutation: StrykerJS on ${node}`);
const started = Date.now();
// The shim lets the mocha runner load mocha 12's cli (see the file); NODE_OPTIONS reaches the test runners.
const shim = join(root, 'scripts', 'mocha12-cli-shim.cjs');
const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(shim)}`].filter(Boolean).join(' ');
const run = spawnSync(node, [stryker, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
console.log(`mutation: ${((Date.now() - started) / 1000).toFixed(0)} s wall time`);
process.exit(run.status ?? 1);
