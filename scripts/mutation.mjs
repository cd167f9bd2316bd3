// `npm run mutation`: StrykerJS over the unit suite, mutating the modules that carry the product's
// privacy, validation and escaping promises (the list is `mutate` in stryker.config.mjs).
// StrykerJS 10 needs Node >= 22; the repo itself builds and tests on Node 20, so this runs Stryker
// with the Node 24 that `npm run setup:vscode` installs for the test harness (read from
// `.vscode-test-env/env.json`, or `$YAMPI_VSCODE_ENV_DIR/env.json`). A Node >= 22 running this
// script is used as it is.
// Not part of `npm test`: a full run takes tens of minutes on 2 cores.
//
// Each module of MODULES in stryker.config.mjs is one Stryker run against its own unit test files;
// the table of scores is printed and written to reports/mutation/summary.md (HTML per module beside it).
// Usage: npm run mutation [-- <module>... <stryker options>]   e.g. npm run mutation -- mask validate
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES } from './mutation-modules.mjs';

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
const args = process.argv.slice(2);
const known = Object.keys(MODULES);
const chosen = args.filter((a) => known.includes(a));
const strykerArgs = args.filter((a) => !known.includes(a));
const modules = chosen.length > 0 ? chosen : known;

// The shim lets the mocha runner load mocha 12's cli (see the file); NODE_OPTIONS reaches the test runners.
const shim = join(root, 'scripts', 'mocha12-cli-shim.cjs');
const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(shim)}`].filter(Boolean).join(' ');
console.log(`mutation: StrykerJS on ${node}, modules: ${modules.join(', ')}`);

const rows = [];
const started = Date.now();
for (const name of modules) {
  const t0 = Date.now();
  const run = spawnSync(node, [stryker, 'run', ...strykerArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: nodeOptions, MUTATION_MODULE: name },
  });
  rows.push({ name, ...score(name), seconds: Math.round((Date.now() - t0) / 1000), status: run.status });
}
const total = Math.round((Date.now() - started) / 1000);
const table = [
  '| module | mutants | killed | timeout | survived | no coverage | ignored (equivalent) | score | target | time |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${MODULES[r.name].file.replace(/^src\//, '')} | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.score} | ${MODULES[r.name].target} % | ${r.seconds} s |`),
  '',
  `Wall time: ${total} s (${new Date().toISOString()}).`,
].join('\n');
mkdirSync(join(root, 'reports', 'mutation'), { recursive: true });
writeFileSync(join(root, 'reports', 'mutation', 'summary.md'), `${table}\n`);
console.log(`\n${table}\n\nmutation: reports in reports/mutation/ (<module>.html, summary.md)`);
const failed = rows.filter((r) => r.status !== 0);
if (failed.length > 0) {
  console.error(`mutation: below target or failed: ${failed.map((r) => r.name).join(', ')}`);
}
process.exit(failed.length > 0 ? 1 : 0);

/** Counts from Stryker's JSON report; score = (killed + timeout) / (killed + timeout + survived + no coverage). */
function score(name) {
  const file = join(root, 'reports', 'mutation', `${name}.json`);
  const counts = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  if (!existsSync(file)) {
    return { ...counts, score: 'no report' };
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const f of Object.values(report.files)) {
    for (const m of f.mutants) {
      counts.mutants++;
      const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' }[m.status] ?? 'errors';
      counts[key]++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, score: valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %` };
}
