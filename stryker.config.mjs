// StrykerJS configuration for `npm run mutation` (scripts/mutation.mjs runs it once per module, on
// Node >= 22, with MUTATION_MODULE naming the module).
// Stryker copies the repo into .stryker-tmp/, instruments one TypeScript module (every mutant at once,
// switched on at run time), compiles src + test with tsc into out/ and runs, per mutant, the tests
// that cover it among that module's unit test files (scripts/mutation-modules.mjs). A mutant in code that runs when
// the module loads (a "static" mutant: a constant, a regex, a field table) needs every one of those
// files re-loaded and run, so each module gets its own unit test files, not the whole suite:
// the randomized corpora (properties, re2Scan, chat/results, xssCorpus: seconds each) and the
// network client's suites are left out. The score is what the module's own tests catch.
// Equivalent mutants (no test could tell them apart from the original) are marked where they are,
// in the source, with `// Stryker disable next-line <mutator>: <reason>`; Stryker reports them as
// ignored, with that reason, outside the score.

import { MODULES } from './scripts/mutation-modules.mjs';

const name = process.env.MUTATION_MODULE ?? '';
const module = MODULES[name];
if (module === undefined) {
  throw new Error(`stryker.config.mjs: set MUTATION_MODULE to one of ${Object.keys(MODULES).join(', ')} (npm run mutation does)`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    spec: module.tests.map((t) => `out/test/unit/${t}.test.js`),
  },
  buildCommand: 'tsc -p tsconfig.test.json',
  coverageAnalysis: 'perTest',
  mutate: [module.file],
  // What Stryker copies: the sources and tests the unit suite compiles from, and the catalogue it reads.
  ignorePatterns: ['/dist', '/out', '/docs', '/media', '/test-results', '/.vscode-test-env', '/.vscode-test', '*.vsix', '/reports'],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // below `break` the run fails: each module keeps the score it is required to have
  thresholds: { high: module.target, low: module.target - 5, break: module.target },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
