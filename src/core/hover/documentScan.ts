/**
 * Every scan has a budget (issue 18 point 2.5): a document scan for hovers and links may hold the
 * extension host for FULL_SCAN_BUDGET_MS; past it, the document is scanned only where the user can
 * see it (the editors' visible ranges), within VISIBLE_SCAN_BUDGET_MS, and the host caches that
 * outcome for the document's version so no hover retries the full scan. A hover in such a document
 * looks at its own line only (LINE_SCAN_BUDGET_MS). The clock is injected: tests use a fake one.
 */
import { type CustomerRef, type IdPattern } from '../refs/patterns';
import { findRefsInLine, scanDocument, scanRanges } from '../refs/textScan';

/** How long the whole-document scan may take before it degrades to the visible ranges. */
export const FULL_SCAN_BUDGET_MS = 15;
/** How long the scan of the visible ranges may take (a degraded document). */
export const VISIBLE_SCAN_BUDGET_MS = 8;
/** How long the scan of one line (a hover in a degraded document, a terminal line) may take. */
export const LINE_SCAN_BUDGET_MS = 20;

export interface BudgetedScan {
  readonly refs: readonly CustomerRef[];
  /**
   * `full`: the whole document was scanned. `visible`: the full scan ran out of time and `refs` are
   * those of the visible ranges only (hovers then scan their line). `partial`: even the visible
   * ranges ran out of time; `refs` are what was found.
   */
  readonly coverage: 'full' | 'visible' | 'partial';
}

/**
 * The refs of a document within the time budget: the whole document if it can be done within
 * FULL_SCAN_BUDGET_MS, else the `visible()` ranges (`[start, end)` offsets, asked for only then).
 */
export function budgetedDocumentScan(
  text: string,
  languageId: string,
  patterns: readonly IdPattern[],
  visible: () => ReadonlyArray<readonly [number, number]>,
  now: () => number,
): BudgetedScan {
  const full = scanDocument(text, languageId, patterns, undefined, { now, ms: FULL_SCAN_BUDGET_MS });
  if (full.timedOut !== true) {
    return { refs: full.refs, coverage: 'full' };
  }
  const seen = scanRanges(text, visible(), patterns, { now, ms: VISIBLE_SCAN_BUDGET_MS });
  return { refs: seen.refs, coverage: seen.timedOut === true ? 'partial' : 'visible' };
}

/** The refs of one line within LINE_SCAN_BUDGET_MS (offsets relative to the line). */
export function budgetedLineScan(line: string, patterns: readonly IdPattern[], now: () => number): CustomerRef[] {
  return findRefsInLine(line, patterns, { now, ms: LINE_SCAN_BUDGET_MS });
}
