// Runs the TypeScript sources as they are, for the quick loop (`npm run test:quick`, `test:watch`):
// `require('./x')` of a .ts file compiles it with esbuild (transpile only, no type check: tsc
// --noEmit runs beside it) instead of reading tsc's output in out/. Loaded with
// `--require scripts/ts-hook.cjs`; it adds itself to NODE_OPTIONS so Node processes a test starts
// (e.g. a client in a child process) read .ts files too.
//
// `__dirname` and `__filename` are those of the compiled file under out/ (out/test/unit/… for
// test/unit/…), as when the suite runs on tsc's output: tests find the repo and fixtures by the
// same relative paths either way.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const out = join(root, 'out');

const option = `--require ${JSON.stringify(__filename)}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(__filename)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${option}`.trim();
}

/**
 * Transpiled files are kept in out/quick/transpiled/, named by a hash of everything the output
 * depends on (esbuild's version, these options, the file's path and its text): an unchanged file is
 * read back instead of transpiled again, in every worker and every run. A changed file gets a new
 * name, so nothing is ever stale; scripts/test.mjs empties the folder when it grows large.
 */
const cacheDir = join(out, 'quick', 'transpiled');
const esbuildVersion = require('esbuild/package.json').version;
const optionsOf = (filename, compiled) => ({
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  sourcefile: filename,
  // import() of a source becomes a require(), which this hook serves
  supported: { 'dynamic-import': false },
  define: { __dirname: JSON.stringify(dirname(compiled)), __filename: JSON.stringify(compiled) },
});

function transpile(filename, source) {
  const compiled = join(out, relative(root, filename)).replace(/\.ts$/, '.js');
  const options = optionsOf(filename, compiled);
  const key = createHash('sha256').update(`${esbuildVersion}\0${JSON.stringify(options)}\0${source}`).digest('hex').slice(0, 40);
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not transpiled yet: below
  }
  // esbuild is loaded only when something has to be transpiled (it starts a service thread)
  const { code } = require('esbuild').transformSync(source, options);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // written aside and renamed: a worker reading the same file at the same time sees all of it or none
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  } catch {
    // a cache that cannot be written only costs time
  }
  return code;
}

Module._extensions['.ts'] = function compileTs(module, filename) {
  module._compile(transpile(filename, readFileSync(filename, 'utf8')), filename);
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
