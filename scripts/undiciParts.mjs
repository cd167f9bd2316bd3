// The Yampi API client's undici, trimmed to what it uses: an esbuild plugin for esbuild.mjs, and the
// HTTP parser's wasm it ships beside dist/api.js.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const require = createRequire(import.meta.url);

// undici's index (523 KB minified) carries fetch, WebSocket, EventSource, the cache and mock layers;
// the client needs only Agent and ProxyAgent (transport.ts). In the build, `undici` resolves to
// those two classes from undici's own lib/ files, and four of their requires become stand-ins:
//   - llhttp_simd-wasm.js (71 KB): undici compiles the SIMD build of its HTTP parser first and falls
//     back to the plain build (also 71 KB) when that fails; an empty module makes it always the plain
//     one, which runs wherever undici does;
//   - web/fetch/body.js (and through it fetch's util, webidl, FormData: 37 KB): used only to send a
//     FormData body; we send none;
//   - client-h2.js (10 KB): used only when a connection negotiates HTTP/2, which needs `allowH2`;
//     we never set it;
//   - socks5-proxy-agent.js (11 KB): SOCKS proxies, which network.ts refuses before any request;
//   - llhttp-wasm.js, the parser itself, is the wasm as base64 (72 KB, 24 KB deflated in the VSIX):
//     it ships as dist/llhttp.wasm.br (brotli, 15 KB), decompressed on the first connection (< 1 ms).
// Each other stand-in throws a plain error naming itself if it is ever reached. Types and the unit tests
// use the whole package; the integration suites run this build (requests, proxies, TLS).
const UNDICI_STANDINS = [
  [/llhttp_simd-wasm\.js$/, 'module.exports = undefined;'],
  [/\/web\/fetch\/body\.js$/, 'exports.extractBody = () => { throw new Error("undici: FormData bodies are not in this build (esbuild.mjs)"); };'],
  [/\/client-h2\.js$/, 'module.exports = () => { throw new Error("undici: HTTP/2 is not in this build (esbuild.mjs)"); };'],
  [/\/socks5-proxy-agent(\.js)?$/, 'module.exports = class { constructor() { throw new Error("undici: SOCKS proxies are not in this build (esbuild.mjs)"); } };'],
  // Node's diagnostics channels are global to the extension host: undici:client:sendHeaders would hand
  // every other extension our requests' User-Token and User-Secret-Key. Nothing is published.
  [/(^|\/)diagnostics(\.js)?$/, 'const off = { hasSubscribers: false, publish() {} }; module.exports = { channels: new Proxy({}, { get: () => off }) };'],
  [/\/llhttp-wasm\.js$/, 'module.exports = require("node:zlib").brotliDecompressSync(require("node:fs").readFileSync(require("node:path").join(__dirname, "llhttp.wasm.br")));'],
];
/** Writes dist/llhttp.wasm.br: undici's HTTP parser, as its llhttp-wasm.js module holds it. */
export function writeLlhttpWasm() {
  const wasm = require('undici/lib/llhttp/llhttp-wasm.js');
  writeFileSync(join('dist', 'llhttp.wasm.br'), brotliCompressSync(wasm, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
}
/** @type {esbuild.Plugin} */
export const undiciParts = {
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
