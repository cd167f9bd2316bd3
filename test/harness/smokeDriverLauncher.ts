// `node out/test/harness/smokeDriverLauncher.js <code-server>/out/node/entry.js [code-server args…] --enable-smoke-test-driver`
//
// Starts a code-server that has no `--vscode-option` passthrough (4.96.4 and other releases before
// it) with VS Code's `enable-smoke-test-driver` server flag on. VS Code's server in those releases
// knows the flag (it sets `developmentOptions.enableSmokeTestDriver` in the page config, which is what
// makes the workbench honour the `payload` with the extension tests), but code-server's own CLI
// parser rejects every option it does not list, and it hands its parsed arguments to VS Code as they
// are. So this launcher adds the option to code-server's table, then runs code-server's entry as if
// started directly. The parent parses the command line; the child it forks gets the parsed arguments
// over IPC, so the patch is needed in this process only. Nothing in the installed code-server changes.
import * as path from 'node:path';

interface CliOption {
  type: string;
  description?: string;
}

const entry = process.argv[2];
if (!entry?.endsWith('entry.js')) {
  console.error('usage: node smokeDriverLauncher.js <code-server>/out/node/entry.js [args…]');
  process.exit(2);
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- code-server's own CommonJS module, found at run time
const cli = require(path.join(path.dirname(entry), 'cli.js')) as { options?: Record<string, CliOption> };
if (!cli.options) {
  console.error(`smokeDriverLauncher: ${entry}: code-server's cli.js exports no option table; this launcher does not fit this release`);
  process.exit(2);
}
cli.options['enable-smoke-test-driver'] ??= { type: 'boolean', description: "VS Code's smoke-test driver (extension tests through the payload)." };
// code-server reads process.argv.slice(2): drop this launcher so entry.js sees its own arguments.
process.argv.splice(1, 1);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- runs code-server in this process
require(entry);
