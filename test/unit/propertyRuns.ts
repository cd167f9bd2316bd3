/**
 * Runs per fast-check property, by cost (properties.test.ts, re2Scan.test.ts). A module of its own:
 * a test file importing another test file would register that file's tests again in its own mocha
 * worker (`npm run test:quick` runs files in parallel) and run them twice.
 */
export const RUNS = { cheap: 1_000, medium: 300, render: 200, scan: 150 } as const;
