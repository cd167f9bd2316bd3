// The result of one suite, its closing line, and the JSON file scripts/test.mjs reads for its summary.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { testResultsDir } from './paths';

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** True only when the suite ran to the end and nothing failed. */
  ok: boolean;
  durationMs: number;
}

/** The plain closing line CI recognises: `N passed, N failed, N skipped`. */
export function summaryLine(r: Pick<SuiteResult, 'passed' | 'failed' | 'skipped'>): string {
  return `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
}

/** Test files below `dir` whose names end with `suffix` (e.g. '.test.js'), sorted, as absolute paths. */
export function testFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Counts from the `MOCHA_RESULT passes=N failures=N pending=N` line test/integration/index.ts writes. */
export function parseMochaResult(report: string): { passed: number; failed: number; skipped: number } | undefined {
  const m = /MOCHA_RESULT passes=(\d+) failures=(\d+) pending=(\d+)/.exec(report);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) } : undefined;
}

/** Writes test-results/<name>-result.json. */
export function writeResult(r: SuiteResult): void {
  mkdirSync(testResultsDir, { recursive: true });
  writeFileSync(path.join(testResultsDir, `${r.name}-result.json`), JSON.stringify(r, null, 2) + '\n');
}
