// `npm run package`: production build, then `vsce package --no-dependencies` (undici is bundled into
// dist/, so no node_modules ship) → yampi-customers-<version>.vsix at the repo root.
// The VSIX README is the user guide: README.md up to `## Development` (the developer sections stay in
// the repository), written to out/vsix/README.md and packed with --readme-path.
// README images are not packed (they were a fifth of the VSIX): vsce turns their relative links into
// absolute ones from package.json `repository` (a GitHub/GitLab URL), so the Marketplace page and VS
// Code's extension page show them from the repository. While that URL is the marked placeholder
// (`example.invalid`) there is nowhere to show them from: the VSIX README gives each image's alt text
// instead, links stay relative (--no-rewrite-relative-links), and this says so.
// What goes in is decided by .vscodeignore; no test seam may be in it (checked on the build's
// metafile). The VSIX is then re-deflated with zopfli (scripts/vsixZopfli.mjs). Prints the file name,
// size and time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zopfliVsix } from './vsixZopfli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const started = Date.now();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = `${pkg.name}-${pkg.version}.vsix`;

function run(args, what) {
  // stdin ignored: vsce must never sit waiting on a y/N prompt in CI.
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package: ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

run([join(root, 'esbuild.mjs'), '--production'], 'production build');
const placeholderRepository = /example\.invalid/.test(pkg.repository?.url ?? '');

// the production build must carry no test code (src/host/testing, test/)
const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8'));
const testCode = meta.metafiles.flatMap((m) => Object.entries(m.outputs)).flatMap(([file, o]) =>
  Object.keys(o.inputs).filter((i) => /^(src\/host\/testing|test)\//.test(i)).map((i) => `${file} (${i})`));
if (testCode.length > 0) {
  console.error(`package: test code in the production build: ${[...new Set(testCode)].join(', ')}`);
  process.exit(1);
}

/** The user guide of README.md for the VSIX (see the top of this file). */
export function vsixReadme(readme, { keepImages }) {
  const end = readme.indexOf('\n## Development\n');
  // Quick start is for developers of this repository (npm run demo / npm test), not for its users
  const guide = (end < 0 ? readme : readme.slice(0, end + 1)).replace(/\n## Quick start\n[\s\S]*?(?=\n## )/, '\n');
  if (keepImages) {
    return guide;
  }
  const alt = (text) => `*(${text.replace(/[*_]/g, '')})*`;
  return guide
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_, text) => alt(text))
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, (_, text) => alt(text));
}
const readmePath = join(root, 'out', 'vsix', 'README.md');
mkdirSync(dirname(readmePath), { recursive: true });
writeFileSync(readmePath, vsixReadme(readFileSync(join(root, 'README.md'), 'utf8'), { keepImages: !placeholderRepository }));
run(
  [
    join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce'),
    'package',
    '--no-dependencies',
    '--readme-path',
    relative(root, readmePath), // vsce matches it among the packed files by its relative path
    ...(placeholderRepository ? ['--no-rewrite-relative-links'] : []),
    '--out',
    vsix,
  ],
  'vsce package',
);
if (placeholderRepository) {
  console.log('package: package.json `repository` is still a placeholder: the VSIX README gives the images\' alt text (they show from the repository once it is set).');
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const squeezed = await zopfliVsix(join(root, vsix));
console.log(`package: re-deflated with zopfli: ${kb(squeezed.before)} → ${kb(squeezed.after)}`);
console.log(`package: ${vsix} (${kb(statSync(join(root, vsix)).size)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
