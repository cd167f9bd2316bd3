// Renders the marketplace icon media/icon.png (128×128, transparent corners) from media/yampi.svg:
// the activity-bar glyph, drawn white on a rounded magenta tile, rasterised by the Chromium the
// test harness already uses (Debian's, through playwright-core; nothing is downloaded).
// The PNG is committed; run this again after changing media/yampi.svg or the colours below
// (keep `galleryBanner.color` in package.json in the same family).
//
// Usage: node scripts/render-icon.mjs [--out media/icon.png]   Env: CHROMIUM_PATH (default /usr/bin/chromium)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 128; // what the Marketplace asks for
const TILE = '#b0125b'; // tile colour, top-left
const TILE_END = '#6d1a8a'; // tile colour, bottom-right
const GLYPH = '#ffffff';
const GLYPH_SIZE = 88; // the 24×24 glyph scaled into the middle of the tile

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg >= 0 ? process.argv[outArg + 1] : join('media', 'icon.png'));
const source = readFileSync(join(root, 'media', 'yampi.svg'), 'utf8');

// The glyph's own drawing (its children), so the tile and the glyph share one SVG and one coordinate system.
const inner = /<svg\b[^>]*>([\s\S]*)<\/svg>/.exec(source)?.[1];
const viewBox = /viewBox="([^"]+)"/.exec(source)?.[1];
if (!inner || viewBox !== '0 0 24 24') {
  console.error('render-icon: media/yampi.svg is not the expected 24×24 glyph (viewBox "0 0 24 24")');
  process.exit(1);
}
const offset = (SIZE - GLYPH_SIZE) / 2;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs><linearGradient id="tile" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${TILE}"/><stop offset="1" stop-color="${TILE_END}"/></linearGradient></defs>
  <rect width="${SIZE}" height="${SIZE}" rx="24" fill="url(#tile)"/>
  <svg x="${offset}" y="${offset}" width="${GLYPH_SIZE}" height="${GLYPH_SIZE}" viewBox="${viewBox}" fill="none" stroke="${GLYPH}"
       stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" color="${GLYPH}">${inner}</svg>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('body > svg').screenshot({ omitBackground: true, type: 'png' });
  // PNG header: width and height are big-endian at bytes 16 and 20 of the IHDR chunk.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) {
    throw new Error(`rendered ${width}×${height}, expected ${SIZE}×${SIZE}`);
  }
  writeFileSync(out, png);
  console.log(`render-icon: ${relative(root, out)} (${width}×${height}, ${png.length} bytes)`);
} finally {
  await browser.close();
}
