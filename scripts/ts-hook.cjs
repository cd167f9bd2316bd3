// Runs the TypeScript sources as they are, for the quick loop (`npm run test:quick`, `test:watch`):
// `require('./x')` of a .ts file compiles it with esbuild (transpile only, no type check: tsc
// --noEmit runs beside it) instead of reading tsc's output in out/. Loaded with
// `--require scripts/ts-hook.cjs`; it adds itself to NODE_OPTIONS so Node processes a test starts
// (e.g. a client in a child process) read .ts files too.
//
// `__dirname` and `__filename` are those of the compiled file under out/ (out/test/unit/… for
// test/unit/…), as when the suite runs on tsc's output: tests find the repo and fixtures by the
// same relative paths either way.
const { transformSync } = require('esbuild');
const Module = require('node:module');
const { dirname, join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const out = join(root, 'out');

const option = `--require ${JSON.stringify(__filename)}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(__filename)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${option}`.trim();
}

Module._extensions['.ts'] = function compileTs(module, filename) {
  const compiled = join(out, relative(root, filename)).replace(/\.ts$/, '.js');
  const { code } = transformSync(require('node:fs').readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    // import() of a source becomes a require(), which this hook serves
    supported: { 'dynamic-import': false },
    define: { __dirname: JSON.stringify(dirname(compiled)), __filename: JSON.stringify(compiled) },
  });
  module._compile(code, filename);
};

// Sources import each other as './x.js' where Node's ESM rules want it (dynamic import()): that
// file is ./x.ts here.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTs(request, parent, ...rest) {
  try {
    return resolveFilename.call(this, request, parent, ...rest);
  } catch (e) {
    if (typeof request === 'string' && request.startsWith('.') && request.endsWith('.js')) {
      return resolveFilename.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    }
    throw e;
  }
};
