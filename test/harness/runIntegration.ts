// `node out/test/harness/runIntegration.js`: the integration suite inside code-server's extension host.
// Needs `npm run build`, `npm run compile-tests` and `npm run setup:vscode` first (scripts/test.mjs does all three).
// Env: TEST_TIMEOUT_MS (default 180000), VERBOSE=1 (echo workbench + server logs), KEEP_TMP=1,
//      YAMPI_SANDBOX=0 (no sandbox store), EXTENSION_DEV_PATH (load the extension from another folder),
//      HARNESS_ENV='{"YAMPI_ALIAS":"…"}' (extra env for the extension host).
import * as path from 'node:path';
import { exitOnSignals } from './codeServer';
import { runExtensionHostSuite } from './hostSuite';
import { fixtureWorkspace, repoRoot, testResultsDir } from './paths';
import { writeResult } from './result';

async function main(): Promise<number> {
  exitOnSignals();
  const env = process.env['HARNESS_ENV'] ? (JSON.parse(process.env['HARNESS_ENV']) as Record<string, string>) : {};
  const result = await runExtensionHostSuite({
    name: 'integration',
    extensionDevelopmentPath: path.resolve(process.env['EXTENSION_DEV_PATH'] ?? repoRoot),
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
    workspace: fixtureWorkspace,
    reportFile: path.join(testResultsDir, 'integration-report.txt'),
    sandbox: process.env['YAMPI_SANDBOX'] !== '0',
    // The extension exposes its test-only API surface only with YAMPI_EXTENSION_TEST=1.
    env: { YAMPI_EXTENSION_TEST: '1', ...(process.env['INTEGRATION_GREP'] ? { INTEGRATION_GREP: process.env['INTEGRATION_GREP'] } : {}), ...(process.env['INTEGRATION_ORDER'] ? { INTEGRATION_ORDER: process.env['INTEGRATION_ORDER'] } : {}), ...env },
    timeoutMs: Number(process.env['TEST_TIMEOUT_MS'] ?? 180_000),
    verbose: process.env['VERBOSE'] === '1',
    keepTmp: process.env['KEEP_TMP'] === '1',
  });
  writeResult(result);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exitCode = 1;
  },
);
