/**
 * The order-reference scan within the same budgets as the customer scan (./documentScan.ts): the
 * whole document within FULL_SCAN_BUDGET_MS, else only the visible ranges within
 * VISIBLE_SCAN_BUDGET_MS (a hover then looks at its own line). A hostile JSON (200 000 nested
 * `"resource"` objects) took 84–170 ms of the host thread unbounded. The clock is injected: tests
 * use a fake one.
 */
import { scanOrderDocument, scanOrderRanges, type OrderRef } from './orderRefs';
import { FULL_SCAN_BUDGET_MS, VISIBLE_SCAN_BUDGET_MS } from '../hover/documentScan';

export interface BudgetedOrderScan {
  readonly refs: readonly OrderRef[];
  /** As BudgetedScan's: `full`, or `visible` / `partial` when the whole document ran out of time. */
  readonly coverage: 'full' | 'visible' | 'partial';
}

/** The order references of a document within the time budget (see budgetedDocumentScan). */
export function budgetedOrderScan(text: string, languageId: string, visible: () => ReadonlyArray<readonly [number, number]>, now: () => number): BudgetedOrderScan {
  const full = scanOrderDocument(text, languageId, { now, ms: FULL_SCAN_BUDGET_MS });
  if (full.timedOut !== true) {
    return { refs: full.refs, coverage: 'full' };
  }
  const seen = scanOrderRanges(text, visible(), { now, ms: VISIBLE_SCAN_BUDGET_MS });
  return { refs: seen.refs, coverage: seen.timedOut === true ? 'partial' : 'visible' };
}
