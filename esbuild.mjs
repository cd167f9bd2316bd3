// Builds the bundles the extension ships:
//   dist/extension.js  – the extension host entry (node/cjs, `vscode` external): only what activation runs
//                        (services, status bar, and stand-ins that register every contribution).
//   dist/features-*.js – everything else of the host (tree, panels, hovers, commands, terminal, chat),
//                        loaded on first use through a dynamic import(); dist/chunk-*.js: code both share.
//   dist/api.js        – the Yampi API client with undici, loaded on the first request (lazy).
//   dist/re2.js     – re2js for user-written hover patterns, required on first use (lazy).
//   dist/webview.js    – the detail panel script (browser/iife).
// Flags: --production (minify, no source maps), --watch. Writes dist/meta.json for size reports.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

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
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler
  mainFields: ['module', 'main'],
};

// re2js (~150 KB, ~10 ms to load) runs only user-written hover patterns: src/core/customerRefs.ts
// requires it lazily, and here that require becomes `./re2.js`, its own bundle, so activation with
// the default patterns never parses it.
/** @type {esbuild.Plugin} */
const re2Apart = {
  name: 're2-apart',
  setup(build) {
    build.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2.js', external: true }));
  },
};

// The host code is split at its dynamic import()s, which esbuild does only for ES modules: build ESM
// chunks into out/esm, then convert each file to CommonJS in dist/ (VS Code 1.96 loads only CommonJS
// extensions). import() becomes `Promise.resolve().then(() => require('./features-….js'))`; a module
// both parts use lives once in a shared chunk, so its state and classes are shared (instanceof holds).
// Chunks sit next to extension.js, so the `./re2.js` and `./api.js` requires resolve from any of them.
const ESM_DIR = join('out', 'esm');
const CHUNK = /^(chunk|features)-[A-Z0-9]{8}\.js(\.map)?$/;

/** @type {esbuild.Plugin} */
const toCommonJs = {
  name: 'to-commonjs',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.metafile) {
        return;
      }
      const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
      for (const f of readdirSync('dist')) {
        if (CHUNK.test(f)) {
          rmSync(join('dist', f)); // chunks of an earlier build (their names carry a content hash)
        }
      }
      const cjs = await esbuild.build({
        ...common,
        entryPoints: files,
        outbase: ESM_DIR,
        outdir: 'dist',
        bundle: false,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        supported: { 'dynamic-import': false },
      });
      cjsMetas.push(cjs.metafile);
    });
  },
};
/** @type {esbuild.Metafile[]} */
const cjsMetas = [];

const configs = [
  {
    ...node,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: ESM_DIR,
    format: 'esm',
    splitting: true,
    chunkNames: '[name]-[hash]',
    // CommonJS is made from these files (source maps chain through), so keep them apart from dist/
    sourcemap: production ? false : 'linked',
    plugins: [re2Apart, toCommonJs],
  },
  { ...node, entryPoints: { re2: 're2js' }, outdir: 'dist' },
  { ...node, entryPoints: { api: 'src/core/api/index.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { webview: 'src/webview-ui/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

function copyCodicons() {
  const css = require.resolve('@vscode/codicons/dist/codicon.css');
  const dir = join('dist', 'codicons');
  mkdirSync(dir, { recursive: true });
  copyFileSync(css, join(dir, 'codicon.css'));
  copyFileSync(join(dirname(css), 'codicon.ttf'), join(dir, 'codicon.ttf'));
}

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

mkdirSync('dist', { recursive: true });
copyCodicons();
if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes…');
} else {
  rmSync(ESM_DIR, { recursive: true, force: true });
  const results = await Promise.all(configs.map((c) => esbuild.build(c)));
  report([...results.map((r) => r.metafile), ...cjsMetas]);
}
