// The modules `npm run mutation` mutates (see stryker.config.mjs): promise-carrying core code.
// Add a module here when a later issue adds privacy, validation or escaping logic to the core.
/** Each module: the file (or glob) mutated, the unit test files (under out/test/unit/) run against it, the score it must keep. */
export const MODULES = {
  escapeHtml: { file: 'src/core/webview/escapeHtml.ts', tests: ['webview/escapeHtml', 'webview/renderDetailHtml'], target: 90 },
  alias: { file: 'src/core/alias.ts', tests: ['alias', 'api/validate'], target: 90 },
  text: { file: 'src/core/model/text.ts', tests: ['model/text', 'render/dataStaysText', 'hoverCard'], target: 90 },
  mask: { file: 'src/core/model/mask.ts', tests: ['model/mask', 'model/maskIp', 'model/fields'], target: 90 },
  validate: { file: 'src/core/api/validate.ts', tests: ['api/validate', 'alias', 'api/client'], target: 90 },
  failures: { file: 'src/core/failures/vocabulary.ts', tests: ['failures', 'failureActions', 'failures/surfaces'], target: 85 },
  failureClassify: { file: 'src/core/failures/classify.ts', tests: ['failures/surfaces', 'chat/results'], target: 85 },
  decode: { file: 'src/core/api/decode.ts', tests: ['api/decode', 'api/decodeFields', 'alias', 'model/hostileRecords'], target: 85 },
  decodeRelated: { file: 'src/core/api/decodeRelated.ts', tests: ['api/decodeRelated', 'api/decodeRelatedFields', 'webview/renderSections'], target: 85 },
  // src/core/refs/ (was customerRefs.ts): patterns, the re2 engine and its prefix reader, the text and JSON scans
  refs: {
    file: 'src/core/refs/*.ts',
    tests: ['customerRefs', 'customerRefsEdges', 'scanHardening', 'terminalRefs', 're2Scan', 'refs/patterns', 'refs/re2Prefix', 'refs/jsonLexer', 'scanBudget/documentScan', 'orders/orderRefs'],
    target: 85,
  },
};
