// The extension-host entry (`extensionTestsPath`): VS Code require()s this file and awaits run().
// Loads every out/test/integration/**/*.test.js into mocha (bdd), tees mocha's output to
// process.env.TEST_REPORT_FILE and ends it with `MOCHA_RESULT passes=N failures=N pending=N`,
// which the harness reads (the extension host's own exit code says nothing about the tests).
import { appendFileSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { testFiles } from '../harness/result';

export function run(): Promise<void> {
  const reportFile = process.env['TEST_REPORT_FILE'];
  const tee = (line: string): void => {
    if (reportFile) {
      appendFileSync(reportFile, line + '\n');
    }
  };
  if (reportFile) {
    writeFileSync(reportFile, '');
  }
  tee(`Extension host: ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}, remote: ${vscode.env.remoteName ?? 'none'}), Node ${process.version}`);

  // Mocha's reporters print through Base.consoleLog; keep it on the host console (the harness
  // echoes it with VERBOSE=1) and copy every line to the report file.
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    tee(format(...args));
    original(...args);
  };

  // INTEGRATION_GREP (passed through by the harness) runs only the matching tests while iterating
  const grep = process.env['INTEGRATION_GREP'];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Files must pass in any order: INTEGRATION_ORDER=reverse or shuffle:<seed> proves it.
  for (const file of ordered(testFiles(__dirname, '.test.js'), process.env['INTEGRATION_ORDER'])) {
    mocha.addFile(file);
  }
  tee(`Test files: ${process.env['INTEGRATION_ORDER'] ?? 'alphabetical'} order`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        tee(`MOCHA_RESULT passes=${s?.passes ?? 0} failures=${failures} pending=${s?.pending ?? 0}`);
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      tee(`mocha could not run: ${String(err)}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** The files in the order asked for: alphabetical (default), `reverse`, or `shuffle:<seed>` (repeatable). */
function ordered(files: readonly string[], order: string | undefined): string[] {
  if (order === 'reverse') {
    return [...files].reverse();
  }
  const seed = /^shuffle:(\d+)$/.exec(order ?? '')?.[1];
  if (seed === undefined) {
    return [...files];
  }
  let x = Number(seed) || 1;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const out = [...files];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}
