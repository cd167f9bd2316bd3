/** A scan's time budget: the host's clock (or a test's fake one) and how long the scan may take. */

/**
 * A time budget for one scan: a clock (the host's `performance.now`, a test's fake) and how many
 * milliseconds the scan may take. The clock is read after each engine call; past the budget the
 * scan stops and says so (`timedOut`), keeping what it found.
 */
export interface ScanBudget {
  readonly now: () => number;
  readonly ms: number;
}

/** A scan's deadline (from a ScanBudget): `over()` reads the clock; once over, it stays over. */
export interface Deadline {
  over(): boolean;
  readonly timedOut: boolean;
}

export function deadlineOf(budget: ScanBudget | undefined): Deadline | undefined {
  if (budget === undefined) {
    return undefined;
  }
  const end = budget.now() + budget.ms;
  let timedOut = false;
  return {
    over: () => (timedOut ||= budget.now() > end),
    get timedOut() {
      return timedOut;
    },
  };
}
