// `npm run test:electron`: the same extension-host suite through @vscode/test-electron, on desktop
// VS Code downloaded from update.code.visualstudio.com: the engines.vscode minimum, then stable.
// Needs internet (offline it fails in a fraction of a second with ENOTFOUND) and Node >= 22
// (@vscode/test-electron 3.x). On Linux without a display, run it under xvfb-run.
// Env: VSCODE_VERSIONS="1.96.0,stable" to choose versions; YAMPI_SANDBOX=0 to run without the sandbox.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { TEST_SETTINGS } from '../harness/codeServer';
import { fixtureWorkspace, repoRoot, testResultsDir } from '../harness/paths';
import { parseMochaResult, summaryLine } from '../harness/result';
import { sandboxEnv, sandboxSettings, startSandbox, type Sandbox } from '../harness/sandbox';

function versions(): string[] {
  if (process.env['VSCODE_VERSIONS']) {
    return process.env['VSCODE_VERSIONS'].split(',').map((v) => v.trim());
  }
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const min = pkg.engines.vscode.replace(/^[^\d]*/, '');
  return [min, 'stable'];
}

interface Outcome {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
}

async function runOne(version: string, sandbox: Sandbox | undefined): Promise<Outcome> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'yampi-electron-'));
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...TEST_SETTINGS, ...(sandbox ? sandboxSettings(sandbox) : {}) }, null, 2),
  );
  const reportFile = path.join(testResultsDir, `electron-${version}-report.txt`);
  mkdirSync(testResultsDir, { recursive: true });
  rmSync(reportFile, { force: true });
  console.log(`[electron] VS Code ${version}`);
  let ok = false;
  try {
    const code = await runTests({
      version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index'),
      launchArgs: [fixtureWorkspace, '--disable-extensions', '--user-data-dir', userDataDir],
      extensionTestsEnv: {
        YAMPI_EXTENSION_TEST: '1',
        TEST_REPORT_FILE: reportFile,
        ...(sandbox ? sandboxEnv(sandbox) : {}),
      },
    });
    ok = code === 0;
  } catch (err) {
    console.error(`[electron] ${version}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  let report = '';
  try {
    report = readFileSync(reportFile, 'utf8');
  } catch {
    // no report: the suite did not run
  }
  const parsed = parseMochaResult(report);
  const counts = parsed ?? { passed: 0, failed: 1, skipped: 0 };
  console.log(`[electron] VS Code ${version}: ${summaryLine(counts)}`);
  return { ...counts, ok: ok && parsed !== undefined && counts.failed === 0 };
}

async function main(): Promise<number> {
  const sandbox = process.env['YAMPI_SANDBOX'] === '0' ? undefined : await startSandbox();
  try {
    const total: Outcome = { ok: true, passed: 0, failed: 0, skipped: 0 };
    for (const version of versions()) {
      const r = await runOne(version, sandbox);
      total.ok &&= r.ok;
      total.passed += r.passed;
      total.failed += r.failed;
      total.skipped += r.skipped;
    }
    console.log(summaryLine(total));
    return total.ok ? 0 : 1;
  } finally {
    await sandbox?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
