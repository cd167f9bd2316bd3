// Runs a mocha suite inside code-server's real extension host: the workbench `payload` URL parameter
// carries extensionDevelopmentPath + extensionTestsPath (honoured only with the smoke-test driver),
// and the page reports back through window.codeAutomationLog / window.codeAutomationExit.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, newPage } from './browser';
import { startCodeServer } from './codeServer';
import { type VsCodeTarget } from './paths';
import { parseMochaResult, summaryLine, type SuiteResult } from './result';
import { sandboxEnv, sandboxSettings, startSandbox, type Sandbox } from './sandbox';
import { bundleTestEntry } from './testEntry';

export interface ExtensionHostRunOptions {
  /** Name for log lines, e.g. "integration". */
  name: string;
  /** Which installed code-server (VS Code) to run on (default: `YAMPI_VSCODE`, else newest). */
  target?: VsCodeTarget;
  /** Folder with the extension's package.json (loaded as a development extension). */
  extensionDevelopmentPath: string;
  /** Compiled module exporting `run(): Promise<void>`, require()d by the extension host once it has started. */
  extensionTestsPath: string;
  /** Bundle the entry with mocha first (testEntry.ts; default true). Off when the entry must stay the very module file it is. */
  bundleEntry?: boolean;
  /** Folder opened as the workspace. */
  workspace: string;
  /** Start the sandbox store and point the extension at it (default true). */
  sandbox?: boolean;
  /** Extra environment for code-server and the extension host (e.g. YAMPI_ALIAS/YAMPI_USER_TOKEN/YAMPI_USER_SECRET_KEY). */
  env?: Record<string, string>;
  /** Extra User/Machine settings. */
  settings?: Record<string, unknown>;
  /** Overall timeout: a hung extension host never calls codeAutomationExit (default 180 s). */
  timeoutMs?: number;
  /** Echo every workbench log line and the server output. */
  verbose?: boolean;
  keepTmp?: boolean;
}

export interface HostSuiteOptions extends ExtensionHostRunOptions {
  /** Report file the suite tees mocha's output to (TEST_REPORT_FILE). */
  reportFile: string;
}

export interface ExtensionHostRun {
  /** What `run()` reported through codeAutomationExit (0 = resolved); undefined when it never did. */
  exitCode: number | undefined;
  /** Why the harness itself failed (start-up, timeout), if it did. */
  harnessError: string | undefined;
  /** Every workbench log line (extension-host console included). */
  automationLog: string[];
}

/**
 * One fresh code-server + Chromium, the workbench opened with a development payload: the extension
 * host loads `extensionDevelopmentPath`, require()s `extensionTestsPath` and awaits its `run()`.
 * Everything started is stopped again before this resolves.
 */
export async function runInExtensionHost(opts: ExtensionHostRunOptions): Promise<ExtensionHostRun> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const automationLog: string[] = [];
  const say = (line: string): void => {
    console.log(`[${opts.name}] ${line}`);
  };
  let sandbox: Sandbox | undefined;
  const cleanup: (() => Promise<void>)[] = [];
  let exitCode: number | undefined;
  let harnessError: string | undefined;
  try {
    if (opts.sandbox !== false) {
      sandbox = await startSandbox();
      const sb = sandbox;
      cleanup.push(() => sb.close());
      say(`sandbox store at ${sandbox.baseUrl}`);
    }
    const cs = await startCodeServer({
      ...(opts.target === undefined ? {} : { target: opts.target }),
      smokeTestDriver: true,
      settings: { ...(sandbox ? sandboxSettings(sandbox) : {}), ...opts.settings },
      env: { ...(sandbox ? sandboxEnv(sandbox) : {}), ...opts.env },
      ...(opts.verbose === undefined ? {} : { verbose: opts.verbose }),
      ...(opts.keepTmp === undefined ? {} : { keepTmp: opts.keepTmp }),
    });
    cleanup.push(() => cs.stop());
    const config = await cs.pageConfig(); // fails fast when the smoke-test driver is off
    say(`code-server ${cs.env.versions.codeServer} (VS Code ${cs.env.versions.vscode}) on Node ${cs.env.versions.node} at ${cs.origin}`);

    const browser = await launchBrowser();
    cleanup.push(() => browser.close());
    const { page } = await newPage(browser, cs.origin);

    // Both functions must exist before the page loads: the workbench looks them up at startup.
    let reportExit: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => {
      reportExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      reportExit(code);
    });
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
      const line = format(...args);
      automationLog.push(`${level}: ${line}`);
      if (opts.verbose) {
        console.log(`  [host ${level}] ${line}`);
      }
    });

    const testsEntry = opts.bundleEntry === false ? opts.extensionTestsPath : await bundleTestEntry(opts.extensionTestsPath);
    const authority = config.remoteAuthority ?? 'remote';
    const remote = (p: string): string => `vscode-remote://${authority}${p}`;
    const url = cs.workbenchUrl(opts.workspace, [
      ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(testsEntry)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(url);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        resolve(undefined);
      }, timeoutMs);
    });
    exitCode = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (exitCode === undefined) {
      harnessError = `timed out after ${timeoutMs / 1000} s without codeAutomationExit (hung extension host?)`;
      console.log(`--- last code-server log lines ---\n${cs.logTail()}`);
    }
  } catch (err) {
    harnessError = (err as Error).message;
  } finally {
    for (const fn of cleanup.reverse()) {
      await fn().catch((e: unknown) => {
        say(`cleanup: ${(e as Error).message}`);
      });
    }
  }
  return { exitCode, harnessError, automationLog };
}

/** A mocha suite in the extension host (`extensionTestsPath` writes `MOCHA_RESULT …` to TEST_REPORT_FILE); prints its report and closing line. */
export async function runExtensionHostSuite(opts: HostSuiteOptions): Promise<SuiteResult> {
  const started = Date.now();
  const say = (line: string): void => {
    console.log(`[${opts.name}] ${line}`);
  };
  mkdirSync(path.dirname(opts.reportFile), { recursive: true });
  rmSync(opts.reportFile, { force: true });

  const { exitCode, harnessError, automationLog } = await runInExtensionHost({
    ...opts,
    env: { ...opts.env, TEST_REPORT_FILE: opts.reportFile },
  });

  const report = existsSync(opts.reportFile) ? readFileSync(opts.reportFile, 'utf8') : '';
  if (report) {
    console.log(report.trimEnd());
  }
  const counts = parseMochaResult(report);
  const { passed, failed, skipped } = counts ?? { passed: 0, failed: 0, skipped: 0 };
  const ok = exitCode === 0 && counts !== undefined && failed === 0 && !harnessError;
  if (!counts) {
    console.log(`--- no mocha result in ${opts.reportFile}; last workbench log lines ---`);
    console.log(automationLog.slice(-40).join('\n'));
  }
  if (harnessError) {
    say(`harness error: ${harnessError}`);
  } else if (exitCode !== 0) {
    say(`the extension host reported exit code ${exitCode}`);
  }
  const result: SuiteResult = {
    name: opts.name,
    passed,
    // A run that never produced a mocha result counts as one failure.
    failed: ok ? failed : Math.max(failed, 1),
    skipped,
    ok,
    durationMs: Date.now() - started,
  };
  say(`finished in ${(result.durationMs / 1000).toFixed(1)} s, report: ${path.relative(process.cwd(), opts.reportFile)}`);
  console.log(summaryLine(result));
  return result;
}
