// `npm run demo`: the extension as a user gets it, against the sandbox store.
//   build + package the .vsix → compile the harness → setup:vscode → start the sandbox store →
//   start code-server (no smoke-test driver) with the .vsix installed, yampi.apiBaseUrl (User and
//   Machine settings) pointing at the sandbox, and YAMPI_ALIAS / YAMPI_USER_TOKEN / YAMPI_USER_SECRET_KEY
//   of the first sandbox user in its environment → prints the URL; runs until Ctrl+C, then cleans up.
// Usage: npm run demo [-- --port 8080] [-- --signed-out]   Env: YAMPI_DEMO_PORT (default 8080), on 127.0.0.1.
//   --signed-out: no YAMPI_* credentials in the environment (try "Yampi: Set Credentials" yourself).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port');
const port = Number(portArg >= 0 ? argv[portArg + 1] : (process.env.YAMPI_DEMO_PORT ?? 8080));
const signedOut = argv.includes('--signed-out');
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: npm run demo [-- --port N] [-- --signed-out]');
  process.exit(2);
}

function step(what, args) {
  console.log(`demo: ${what}…`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`demo: ${what} failed`);
    process.exit(1);
  }
}

step('building and packaging the .vsix', ['scripts/package.mjs']);
step('compiling the harness and the sandbox store', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.test.json']);
step('checking code-server (npm run setup:vscode)', ['scripts/setup-vscode.mjs', '--only', 'newest']);

const { startCodeServer } = require(join(root, 'out/test/harness/codeServer.js'));
const { defaultVsixPath, fixtureWorkspace } = require(join(root, 'out/test/harness/paths.js'));
const { startSandbox, sandboxSettings, sandboxEnv, sandboxCredentialEnv } = require(join(root, 'out/test/harness/sandbox.js'));
const { SANDBOX_USERS } = require(join(root, 'out/test/sandbox/server.js'));

const sandbox = await startSandbox();
let codeServer;
let stopping = false;
async function shutdown(code) {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log('\ndemo: stopping code-server and the sandbox…');
  await codeServer?.stop();
  await sandbox.close();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const vsix = defaultVsixPath();
  codeServer = await startCodeServer({
    port,
    installExtensions: [vsix],
    settings: sandboxSettings(sandbox),
    env: { ...sandboxEnv(sandbox), ...(signedOut ? {} : sandboxCredentialEnv()) },
  });
  const v = codeServer.env.versions;
  console.log(`
demo: ${relative(root, vsix)} installed in code-server ${v.codeServer} (VS Code ${v.vscode}).

  Sandbox store (fake Yampi API): ${sandbox.baseUrl}   (yampi.apiBaseUrl points here)
  Credentials it accepts:`);
  for (const [name, u] of Object.entries(SANDBOX_USERS)) {
    console.log(`    ${name.padEnd(7)} User-Token ${u.userToken}  User-Secret-Key ${u.userSecretKey}  stores: ${u.stores.join(', ')}`);
  }
  console.log(
    signedOut
      ? '  Signed out: run "Yampi: Set Credentials" and paste a pair above.'
      : `  Signed in from the environment as ${SANDBOX_USERS.owner.name} on store ${sandboxCredentialEnv().YAMPI_ALIAS} (YAMPI_* env, not saved).`,
  );
  console.log(`
  Open:  ${codeServer.workbenchUrl(fixtureWorkspace)}
         (the fixture workspace: webhook.json and sample.log mention customer 48213907)

  Press Ctrl+C to stop.`);
  void codeServer.exited.then(() => {
    if (!stopping) {
      console.error(`demo: code-server exited unexpectedly:\n${codeServer.logTail()}`);
      void shutdown(1);
    }
  });
} catch (err) {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
