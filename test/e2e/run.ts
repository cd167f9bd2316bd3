// `node out/test/e2e/run.js [path/to/x.vsix]`: the UI suite. Installs the packaged .vsix into a fresh
// code-server (as a user would; no smoke-test driver, so toasts show), opens the fixture workspace in
// headless Chromium, and runs mocha over out/test/e2e/**/*.ui.js with ONE workbench for the whole suite.
// Screenshots go to test-results/screenshots/ (a failing test also gets FAILED-<title>.png).
// Env: YAMPI_VSIX (default yampi-customers-<version>.vsix at the repo root), YAMPI_SANDBOX=0,
//      HARNESS_ENV='{"K":"v"}' (extra env for code-server/extension host), VERBOSE=1, KEEP_TMP=1, UI_GREP.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { type Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../harness/browser';
import { exitOnSignals, startCodeServer, type CodeServer } from '../harness/codeServer';
import { defaultVsixPath, fixtureWorkspace, testResultsDir } from '../harness/paths';
import { summaryLine, testFiles, writeResult, type SuiteResult } from '../harness/result';
import { sandboxEnv, sandboxSettings, startSandbox, type Sandbox } from '../harness/sandbox';
import { Workbench } from './driver';
import { setUiFixture, ui } from './fixture';

const screenshotDir = path.join(testResultsDir, 'screenshots');

async function main(): Promise<SuiteResult> {
  exitOnSignals();
  const started = Date.now();
  const vsix = path.resolve(process.argv[2] ?? process.env['YAMPI_VSIX'] ?? defaultVsixPath());
  if (!existsSync(vsix)) {
    throw new Error(`${vsix} does not exist: run \`npm run package\` first.`);
  }
  rmSync(screenshotDir, { recursive: true, force: true });
  const extraEnv = process.env['HARNESS_ENV'] ? (JSON.parse(process.env['HARNESS_ENV']) as Record<string, string>) : {};

  let sandbox: Sandbox | undefined;
  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    if (process.env['YAMPI_SANDBOX'] !== '0') {
      sandbox = await startSandbox();
      console.log(`[ui] sandbox store at ${sandbox.baseUrl}`);
    }
    codeServer = await startCodeServer({
      installExtensions: [vsix],
      // the DOM terminal renderer: terminal text is then in the page, where the terminal tests find the words they click
      settings: { ...(sandbox ? sandboxSettings(sandbox) : {}), 'terminal.integrated.gpuAcceleration': 'off' },
      env: { ...(sandbox ? sandboxEnv(sandbox) : {}), ...extraEnv },
      verbose: process.env['VERBOSE'] === '1',
      keepTmp: process.env['KEEP_TMP'] === '1',
    });
    const v = codeServer.env.versions;
    console.log(`[ui] ${path.basename(vsix)} installed; code-server ${v.codeServer} (VS Code ${v.vscode}) at ${codeServer.origin}`);
    browser = await launchBrowser();
    const { page } = await newPage(browser, codeServer.origin);
    const workbench = new Workbench(page, { screenshotDir });
    try {
      await workbench.open(codeServer.workbenchUrl(fixtureWorkspace));
    } catch (err) {
      await workbench.screenshot('FAILED-open-workbench').catch(() => undefined);
      throw new Error(`the workbench did not show the Yampi container: ${(err as Error).message}\n--- server log ---\n${codeServer.logTail()}`, {
        cause: err,
      });
    }
    setUiFixture({ workbench, codeServer, sandbox, workspace: fixtureWorkspace });

    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, slow: 10_000 });
    if (process.env['UI_GREP']) {
      mocha.grep(process.env['UI_GREP']);
    }
    mocha.rootHooks({
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed') {
          const file = await ui().workbench.screenshot(`FAILED-${test.fullTitle()}`);
          console.log(`      screenshot of the failure: ${path.relative(process.cwd(), file)}`);
        }
      },
    });
    // smoke.ui.js first (does the extension show up at all, from a fresh signed-out start), then the rest by name.
    const files = testFiles(__dirname, '.ui.js');
    for (const file of [...files.filter((f) => path.basename(f) === 'smoke.ui.js'), ...files.filter((f) => path.basename(f) !== 'smoke.ui.js')]) {
      mocha.addFile(file);
    }
    await mocha.loadFilesAsync();
    const stats = await new Promise<Mocha.Stats | undefined>((resolve) => {
      const runner = mocha.run(() => {
        resolve(runner.stats);
      });
    });
    const passed = stats?.passes ?? 0;
    const failed = stats?.failures ?? 0;
    return { name: 'ui', passed, failed, skipped: stats?.pending ?? 0, ok: failed === 0 && passed > 0, durationMs: Date.now() - started };
  } finally {
    setUiFixture(undefined);
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await sandbox?.close();
  }
}

const t0 = Date.now();
void main()
  .catch((err: unknown): SuiteResult => {
    console.error(`[ui] ${err instanceof Error ? err.message : String(err)}`);
    return { name: 'ui', passed: 0, failed: 1, skipped: 0, ok: false, durationMs: Date.now() - t0 };
  })
  .then((result) => {
    writeResult(result);
    const shots = existsSync(screenshotDir) ? readdirSync(screenshotDir).length : 0;
    console.log(`[ui] finished in ${(result.durationMs / 1000).toFixed(1)} s, ${shots} screenshot(s) in ${path.relative(process.cwd(), screenshotDir)}`);
    console.log(summaryLine(result));
    process.exitCode = result.ok ? 0 : 1;
  });
