// The production build (`node esbuild.mjs --production`, what the VSIX ships), made in a temp copy
// of the sources so a test can read its metafile without touching the dist/ the running extension
// was loaded from (the suites run the development build). Built once per process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

let built: { dir: string; meta: unknown } | undefined;

/** Builds the production bundles once; returns the folder and its dist/meta.json (parsed). */
export function productionBuild(): { dir: string; meta: unknown } {
  if (built) {
    return built;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'yampi-prod-build-'));
  for (const f of readdirSync(repoRoot)) {
    if (f === 'esbuild.mjs' || f === 'package.json' || /^tsconfig.*\.json$/.test(f)) {
      cpSync(path.join(repoRoot, f), path.join(dir, f));
    }
  }
  // esbuild.mjs reads the sources, its helper modules (scripts/: undici's parts, the codicon subset) and media/detail.css
  for (const folder of ['src', 'scripts', 'media']) {
    cpSync(path.join(repoRoot, folder), path.join(dir, folder), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // process.execPath is Node here, or Electron in the Electron runner (which runs as Node when told)
  const run = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120_000 });
  if (run.status !== 0) {
    throw new Error(`the production build failed (${String(run.status ?? run.signal)}): ${run.stderr || run.stdout}`);
  }
  built = { dir, meta: JSON.parse(readFileSync(path.join(dir, 'dist', 'meta.json'), 'utf8')) as unknown };
  return built;
}
