// Builds the bundles the extension ships:
//   dist/extension.js  – the extension host entry (node/cjs, `vscode` external): only what activation runs
//                        (services, status bar, and stand-ins that register every contribution).
//   dist/features-*.js – everything else of the host (tree, panels, hovers, commands, terminal, chat),
//                        loaded on first use through a dynamic import(); dist/chunk-*.js: code both share.
//   dist/api.js        – the Yampi API client with undici, loaded on the first request (lazy).
//   dist/re2Engine-*.js – re2js for user-written hover patterns: a chunk like the features, import()ed
//                        the first time a pattern that is not a shipped default is compiled.
//   dist/webview.js    – the detail panel script (browser/iife); dist/orderView.js the order panel's.
// Flags: --production (minify, no source maps), --watch. Writes dist/meta.json for size reports.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

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

// undici's index (523 KB minified) carries fetch, WebSocket, EventSource, the cache and mock layers;
// the client needs only Agent and ProxyAgent (transport.ts). For dist/api.js, `undici` resolves to
// those two classes from undici's own lib/ files, and four of their requires become stand-ins:
//   - llhttp_simd-wasm.js (71 KB): undici compiles the SIMD build of its HTTP parser first and falls
//     back to the plain build (also 71 KB) when that fails; an empty module makes it always the plain
//     one, which runs wherever undici does;
//   - web/fetch/body.js (and through it fetch's util, webidl, FormData: 37 KB): used only to send a
//     FormData body; we send none;
//   - client-h2.js (10 KB): used only when a connection negotiates HTTP/2, which needs `allowH2`;
//     we never set it;
//   - socks5-proxy-agent.js (11 KB): SOCKS proxies, which network.ts refuses before any request.
// Each stand-in throws a plain error naming itself if it is ever reached. Types and the unit tests
// use the whole package; the integration suites run this bundle (requests, proxies, TLS).
const UNDICI_STANDINS = [
  [/llhttp_simd-wasm\.js$/, 'module.exports = undefined;'],
  [/\/web\/fetch\/body\.js$/, 'exports.extractBody = () => { throw new Error("undici: FormData bodies are not in this build (esbuild.mjs)"); };'],
  [/\/client-h2\.js$/, 'module.exports = () => { throw new Error("undici: HTTP/2 is not in this build (esbuild.mjs)"); };'],
  [/\/socks5-proxy-agent(\.js)?$/, 'module.exports = class { constructor() { throw new Error("undici: SOCKS proxies are not in this build (esbuild.mjs)"); } };'],
];
/** @type {esbuild.Plugin} */
const undiciParts = {
  name: 'undici-parts',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'undici-parts' }));
    build.onLoad({ filter: /^undici$/, namespace: 'undici-parts' }, () => ({
      // as undici's index does (for the one method used: ProxyAgent opens its tunnel with connect())
      contents: "require('undici/lib/dispatcher/dispatcher.js').prototype.connect = require('undici/lib/api/api-connect.js');\n" +
        "exports.Agent = require('undici/lib/dispatcher/agent.js');\n" +
        "exports.ProxyAgent = require('undici/lib/dispatcher/proxy-agent.js');\n",
      loader: 'js',
      resolveDir: process.cwd(),
    }));
    UNDICI_STANDINS.forEach(([filter], i) => {
      build.onResolve({ filter }, (args) => (args.importer.includes('undici') ? { path: `standin-${i}`, namespace: 'undici-parts' } : undefined));
    });
    build.onLoad({ filter: /^standin-\d+$/, namespace: 'undici-parts' }, (args) => ({
      contents: UNDICI_STANDINS[Number(args.path.slice('standin-'.length))][1],
      loader: 'js',
    }));
  },
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
//   - dist/chunk-….js of such a chunk is a stub re-exporting that namespace from extension.js, so
//     the lazy chunks get the very same module instances (state is shared, instanceof holds);
//   - the lazy chunks (features, test seams, what only they share) are converted file by file.
// All sit next to extension.js, so the `./api.js` require resolves from any of them. re2js is in no
// chunk but src/core/refs/re2Engine.ts's (re2Engine-*.js), which only an import() reaches.
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
              // bundle the shared chunks in; everything else (vscode, lazy chunks, the api bundle) stays a require
              b.onResolve({ filter: /.*/ }, (args) =>
                args.kind === 'entry-point' || shared.includes(join(ESM_DIR, args.path)) ? undefined : { path: args.path, external: true });
            },
          }],
        }),
        esbuild.build({ ...cjsOptions, entryPoints: lazy, outbase: ESM_DIR, bundle: false }),
      ]);
      shared.forEach((f, n) => {
        writeFileSync(join('dist', basename(f)), `"use strict";\n// bundled into extension.js (esbuild.mjs): one instance of each module\nmodule.exports = require("./extension.js").__chunk${n};\n`);
      });
      cjsMetas.push(one.metafile, rest.metafile);
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
    plugins: [vscodeOnce, toCommonJs],
  },
  { ...node, entryPoints: { api: 'src/core/api/index.ts' }, outdir: 'dist', plugins: [undiciParts] },
  {
    ...common,
    entryPoints: { webview: 'src/webview-ui/main.ts', orderView: 'src/webview-ui/orders/orderMain.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// The webviews draw a couple of dozen codicons (src/core/webview/codicons.ts, WEBVIEW_ICONS); the
// package's font and stylesheet hold all ~600 (126 KB + 34 KB). Ship a font subset to those glyphs
// (harfbuzz's hb-subset through subset-font) and a stylesheet with the shared rules and their rules.
/** The WEBVIEW_ICONS list, read by evaluating the (dependency-free) module. */
function webviewIcons() {
  const { outputFiles } = esbuild.buildSync({ entryPoints: ['src/core/webview/codicons.ts'], bundle: true, write: false, format: 'cjs', platform: 'node' });
  const module = { exports: {} };
  new Function('module', 'exports', outputFiles[0].text)(module, module.exports);
  return module.exports.WEBVIEW_ICONS;
}

async function copyCodicons() {
  const cssPath = require.resolve('@vscode/codicons/dist/codicon.css');
  const css = readFileSync(cssPath, 'utf8');
  const iconsAt = css.indexOf('.codicon-add:before');
  if (iconsAt < 0) {
    throw new Error('codicon.css: the icon rules were not found (has @vscode/codicons changed its layout?)');
  }
  const rules = new Map([...css.slice(iconsAt).matchAll(/^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/gm)].map((m) => [m[1], m[2]]));
  const names = webviewIcons();
  const missing = names.filter((n) => !rules.has(n));
  if (missing.length > 0) {
    throw new Error(`codicon.css has no icon named ${missing.join(', ')} (src/core/webview/codicons.ts)`);
  }
  const points = names.map((n) => rules.get(n));
  const { default: subsetFont } = await import('subset-font');
  const ttf = await subsetFont(readFileSync(join(dirname(cssPath), 'codicon.ttf')), String.fromCodePoint(...points.map((p) => parseInt(p, 16))), { targetFormat: 'truetype' });
  const dir = join('dist', 'codicons');
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(ttf).digest('hex').slice(0, 16);
  const head = css.slice(0, iconsAt).replace(/codicon\.ttf\?[0-9a-f]+/, `codicon.ttf?${hash}`);
  writeFileSync(join(dir, 'codicon.css'), `${head}${names.map((n, i) => `.codicon-${n}:before { content: "\\${points[i]}" }`).join('\n')}\n`);
  writeFileSync(join(dir, 'codicon.ttf'), ttf);
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
await copyCodicons();
if (watch) {
  const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes…');
} else {
  rmSync(ESM_DIR, { recursive: true, force: true });
  const results = await Promise.all(configs.map((c) => esbuild.build(c)));
  report([...results.map((r) => r.metafile), ...cjsMetas]);
}
