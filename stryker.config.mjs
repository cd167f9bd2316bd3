// StrykerJS configuration for `npm run mutation` (scripts/mutation.mjs runs it on Node >= 22).
// Stryker copies the repo into .stryker-tmp/, instruments the TypeScript sources listed in `mutate`
// (every mutant at once, switched on at run time), compiles src + test with tsc into out/ and runs
// the unit suite (mocha, .mocharc.json) against each mutant — only the tests that cover it.
// Equivalent mutants (no test could tell them apart from the original) are marked where they are,
// in the source, with `// Stryker disable next-line <mutator>: <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    // The l10n coverage test reads the source text for t()/msg() strings; Stryker's instrumented
    // copy of the sources wraps every string literal, so that test cannot run against it (and,
    // reading text rather than running code, it could not tell a mutant from the original anyway).
    ignore: ['out/test/unit/l10n.test.js'],
  },
  buildCommand: 'tsc -p tsconfig.test.json',
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/webview/escapeHtml.ts',
    'src/core/alias.ts',
    'src/core/customerRefs.ts',
    'src/core/model/text.ts',
    'src/core/model/mask.ts',
    'src/core/api/decode.ts',
    'src/core/api/decodeRelated.ts',
    'src/core/failures.ts',
    'src/core/api/validate.ts',
  ],
  // What Stryker copies: the sources and tests the unit suite compiles from, and the catalogue it reads.
  ignorePatterns: ['/dist', '/out', '/docs', '/media', '/test-results', '/.vscode-test-env', '/.vscode-test', '*.vsix', '/reports'],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
