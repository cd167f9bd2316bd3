// Builds the bundles the extension ships:
//   dist/extension.js  – the extension host entry (node/cjs, `vscode` external): only what activation runs
//                        (services, status bar, and stand-ins that register every contribution).
//   dist/features-*.js – everything else of the host (tree, panels, hovers, commands, terminal, chat),
//                        loaded on first use through a dynamic import(); dist/chunk-*.js: code both share.
//   dist/api.js        – the Yampi API client with undici (trimmed: scripts/undiciParts.mjs), an import()
//                        chunk of the same build, loaded by the first request.
//   dist/re2Engine-*.js – re2js for user-written hover patterns: a chunk like the features, import()ed
//                        the first time a pattern that is not a shipped default is compiled.
//   dist/webview.js    – the detail panel script (browser/iife); dist/orderView.js the order panel's.
//   dist/codicons/     – the codicon subset the webviews draw (scripts/codicons.mjs).
// Flags: --production (minify, no source maps), --watch. Writes dist/meta.json for size reports.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyCodicons } from './scripts/codicons.mjs';
import { undiciParts, writeLlhttpWasm } from './scripts/undiciParts.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
};

const node = {
  ...common,
  // production: the test seams' import() (src/extension.ts) is dead code, so no test seam chunk is built
  define: production ? { 'process.env.YAMPI_EXTENSION_TEST': '"0"' } : {},
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // prefer ES modules: they tree-shake, and a UMD build hides its requires from the bundler
  mainFields: ['module', 'main'],
};

// Every module of ours that imports `vscode` would get its own `require("vscode")` in the bundle, and
// in the extension host each such call runs VS Code's interceptor: a realpathSync() of the calling
// file and a lookup of its extension (9 calls at activation, ~0.1–0.3 ms each). One internal module
// makes the one call, and every import of `vscode` gets that module's export.
/** @type {esbuild.Plugin} */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'module.exports = require("vscode");', loader: 'js' }));
  },
};

// The host code is split at its dynamic import()s, which esbuild does only for ES modules: build ESM
// chunks into out/esm, then make CommonJS of them in dist/ (VS Code 1.96 loads only CommonJS
// extensions). import() becomes `Promise.resolve().then(() => require('./features-….js'))`.
//   - dist/extension.js is ONE file (every file loaded at activation costs a resolve, a read and a
//     compile): the entry with the shared chunks it imports bundled in, each chunk's namespace
//     exported as `__chunkN`;
//   - a lazy chunk's require of such a chunk becomes `require("./extension.js").__chunkN`, so the
//     lazy chunks get the very same module instances (state is shared, instanceof holds);
//   - the lazy chunks (features, API client, test seams, what only they share) are converted file by file.
// All sit next to extension.js. re2js is in no chunk but src/core/refs/re2Engine.ts's (re2Engine-*.js), which only an import() reaches.
const ESM_DIR = join('out', 'esm');
const CHUNK = /^[A-Za-z][A-Za-z0-9]*-[A-Z0-9]{8}\.js(\.map)?$/;

/** The chunks `file` imports with static imports, transitively (metafile paths). */
function staticChunks(meta, file, seen = new Set()) {
  for (const i of meta.outputs[file]?.imports ?? []) {
    if (i.kind === 'import-statement' && !i.external && meta.outputs[i.path] && !seen.has(i.path)) {
      seen.add(i.path);
      staticChunks(meta, i.path, seen);
    }
  }
  return seen;
}

/** @type {esbuild.Plugin} */
const toCommonJs = {
  name: 'to-commonjs',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.metafile) {
        return;
      }
      const meta = result.metafile;
      cjsMetas.length = 0; // this build's only (watch mode rebuilds)
      const entry = Object.keys(meta.outputs).find((f) => meta.outputs[f].entryPoint === 'src/extension.ts');
      const shared = [...staticChunks(meta, entry)];
      const lazy = Object.keys(meta.outputs).filter((f) => f.endsWith('.js') && f !== entry && !shared.includes(f));
      for (const f of readdirSync('dist')) {
        if (CHUNK.test(f)) {
          rmSync(join('dist', f)); // chunks of an earlier build (their names carry a content hash)
        }
      }
      // the entry re-exports each shared chunk's namespace (before its source map comment)
      const text = readFileSync(entry, 'utf8');
      const mapAt = text.lastIndexOf('\n//# sourceMappingURL=');
      const reexports = shared.map((f, n) => `export * as __chunk${n} from "./${basename(f)}";\n`).join('');
      writeFileSync(entry, mapAt < 0 ? `${text}\n${reexports}` : `${text.slice(0, mapAt + 1)}${reexports}${text.slice(mapAt + 1)}`);
      const cjsOptions = { ...common, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist', supported: { 'dynamic-import': false } };
      const [one, rest] = await Promise.all([
        esbuild.build({
          ...cjsOptions,
          entryPoints: [entry],
          bundle: true,
          plugins: [{
            name: 'keep-lazy-apart',
            setup(b) {
              // bundle the shared chunks in; everything else (vscode, lazy chunks, the node: modules) stays a require
              b.onResolve({ filter: /.*/ }, (args) =>
                args.kind === 'entry-point' || shared.includes(join(ESM_DIR, args.path)) ? undefined : { path: args.path, external: true });
            },
          }],
        }),
        esbuild.build({ ...cjsOptions, entryPoints: lazy, outbase: ESM_DIR, bundle: false, write: false }),
      ]);
      // a lazy chunk's require of a shared chunk reads that chunk's namespace from extension.js
      const sharedRequire = new Map(shared.map((f, n) => [`require("./${basename(f)}")`, `require("./extension.js").__chunk${n}`]));
      for (const { path, text } of rest.outputFiles) {
        writeFileSync(path, text.replace(/require\("\.\/[^"]+\.js"\)/g, (r) => sharedRequire.get(r) ?? r));
      }
      cjsMetas.push(one.metafile, rest.metafile);
    });
  },
};
/** @type {esbuild.Metafile[]} */
const cjsMetas = [];

const configs = [
  {
    ...node,
    // the API client is an import() of src/host/common/apiService.ts; as an entry too, its chunk is dist/api.js
    entryPoints: { extension: 'src/extension.ts', api: 'src/core/api/index.ts' },
    outdir: ESM_DIR,
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    // CommonJS is made from these files (source maps chain through), so keep them apart from dist/
    sourcemap: production ? false : 'linked',
    plugins: [undiciParts, vscodeOnce, toCommonJs],
    // the test switch (src/extension.ts) is off in what ships: its import() of the test seams is
    // dead code, so no seams chunk is built or packed
    define: production ? { 'process.env.YAMPI_EXTENSION_TEST': '"0"' } : {},
  },
  {
    ...common,
    entryPoints: { webview: 'src/webview-ui/customers/main.ts', orderView: 'src/webview-ui/orders/orderMain.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  // the panels' stylesheet, minified in what ships (media/detail.css is its source)
  { ...common, entryPoints: { detail: 'media/detail.css' }, outdir: 'dist', sourcemap: false },
];

/** @param {esbuild.Metafile[]} metas */
function report(metas) {
  const outputs = {};
  for (const m of metas) {
    for (const [file, info] of Object.entries(m.outputs)) {
      if (!file.endsWith('.map') && file.startsWith('dist/')) {
        outputs[file] = info.bytes;
      }
    }
  }
  writeFileSync(join('dist', 'meta.json'), JSON.stringify({ production, outputs, metafiles: metas }, null, 1));
  const lines = Object.entries(outputs).map(([f, b]) => `  ${f.padEnd(24)} ${(b / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`esbuild (${production ? 'production' : 'development'}):\n${lines.join('\n')}`);
}

if (!watch) {
  // everything in dist/ is made below: a file an older build made under another name (dist/re2.js
  // before re2js became the re2Engine chunk) would otherwise stay, and be packed or counted
  rmSync('dist', { recursive: true, force: true });
}
mkdirSync('dist', { recursive: true });
await copyCodicons();
writeLlhttpWasm();
if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes…');
} else {
  rmSync(ESM_DIR, { recursive: true, force: true });
  const results = await Promise.all(configs.map((c) => esbuild.build(c)));
  report([...results.map((r) => r.metafile), ...cjsMetas]);
}
