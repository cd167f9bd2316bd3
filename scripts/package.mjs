// `npm run package`: production build, then `vsce package --no-dependencies` (undici is bundled into
// dist/, so no node_modules ship) → yampi-customers-<version>.vsix at the repo root.
// README links: VS Code resolves relative links inside the installed extension (the README's
// screenshots ship, see .vscodeignore); the Marketplace page needs absolute ones, which vsce writes
// from package.json `repository` when it is a GitHub/GitLab URL. While that URL is the marked
// placeholder (`example.invalid`), links stay relative (--no-rewrite-relative-links) and this says so.
// What goes in is decided by .vscodeignore. Prints the file name, size and time.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
run(
  [
    join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce'),
    'package',
    '--no-dependencies',
    ...(placeholderRepository ? ['--no-rewrite-relative-links'] : []),
    '--out',
    vsix,
  ],
  'vsce package',
);
if (placeholderRepository) {
  console.log('package: package.json `repository` is still a placeholder: README images show in VS Code, not yet on a Marketplace page.');
}
const kb = (statSync(join(root, vsix)).size / 1024).toFixed(1);
console.log(`package: ${vsix} (${kb} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
