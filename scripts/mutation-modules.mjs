// The modules `npm run mutation` mutates (see stryker.config.mjs): promise-carrying core code.
// Add a module here when a later issue adds privacy, validation or escaping logic to the core.
/** Each module: the file (or glob) mutated, the unit test files (under out/test/unit/) run against it, the score it must keep. */
export const MODULES = {
  escapeHtml: { file: 'src/core/webview/escapeHtml.ts', tests: ['webview/escapeHtml', 'customers/renderDetailHtml'], target: 90 },
  alias: { file: 'src/core/common/alias.ts', tests: ['common/alias', 'api/validate'], target: 90 },
  text: { file: 'src/core/common/text.ts', tests: ['common/text', 'render/dataStaysText', 'hover/hoverCard'], target: 90 },
  mask: { file: 'src/core/common/mask.ts', tests: ['common/mask', 'common/maskIp', 'customers/fields'], target: 90 },
  validate: { file: 'src/core/api/validate.ts', tests: ['api/validate', 'common/alias', 'api/client'], target: 90 },
  failures: { file: 'src/core/failures/vocabulary.ts', tests: ['failures/failures', 'failures/failureActions', 'failures/surfaces'], target: 85 },
  failureClassify: { file: 'src/core/failures/classify.ts', tests: ['failures/surfaces', 'chat/results'], target: 85 },
  decode: { file: 'src/core/api/decode.ts', tests: ['api/decode', 'api/decodeFields', 'common/alias', 'customers/hostileRecords'], target: 85 },
  decodeRelated: { file: 'src/core/api/decodeRelated.ts', tests: ['api/decodeRelated', 'api/decodeRelatedFields', 'related/renderSections'], target: 85 },
  // src/core/refs/ (was src/core/customerRefs.ts): patterns, the re2 engine and its prefix reader, the text and JSON scans
  refs: {
    file: 'src/core/refs/*.ts',
    tests: ['refs/customerRefs', 'refs/customerRefsEdges', 'refs/scanHardening', 'terminal/terminalRefs', 'refs/re2Scan', 'refs/patterns', 'refs/re2Prefix', 'refs/jsonLexer', 'hover/documentScan', 'orders/orderRefs'],
    target: 85,
  },
};
