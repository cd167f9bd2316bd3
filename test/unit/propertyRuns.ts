/**
 * Runs per fast-check property, by cost (properties.test.ts and re2Scan.test.ts). A module of its
 * own so a test file can read them without loading (and registering) every property test.
 */
export const RUNS = { cheap: 1_000, medium: 300, render: 200, scan: 150 } as const;
