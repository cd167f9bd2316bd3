// The codicon font subset the webviews ship (dist/codicons), for esbuild.mjs.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

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

export async function copyCodicons() {
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
