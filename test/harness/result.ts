// The result of one suite, its closing line, and the JSON file scripts/test.mjs reads for its summary.
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Writes test-results/<name>-result.json. */
export function writeResult(r: SuiteResult): void {
  mkdirSync(testResultsDir, { recursive: true });
  writeFileSync(path.join(testResultsDir, `${r.name}-result.json`), JSON.stringify(r, null, 2) + '\n');
}
