// Preloaded (NODE_OPTIONS=--require) into StrykerJS and its test-runner processes by
// scripts/mutation.mjs. @stryker-mutator/mocha-runner 10.1.1 reaches into mocha's cli internals with
// extensionless requires (`mocha/lib/cli/run-helpers`, `.../options`, `.../collect-files`); mocha 12
// renamed them to `.cjs`, so the plugin fails to load ("Cannot find TestRunner plugin mocha").
// Upstream fix: stryker-mutator/stryker-js#6205 (open). Remove this file once a release has it.
const Module = require('node:module');

const CLI_INTERNAL = /[\\/]mocha[\\/]lib[\\/]cli[\\/](run-helpers|options|collect-files)$/;
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveMochaCli(request, ...rest) {
  if (typeof request === 'string' && CLI_INTERNAL.test(request)) {
    try {
      return resolve.call(this, `${request}.cjs`, ...rest);
    } catch {
      // not mocha 12: the original name resolves below
    }
  }
  return resolve.call(this, request, ...rest);
};
