// Where things are: the repo, the offline VS Code toolchain installed by scripts/setup-vscode.mjs,
// Chromium, and the folders test runs write to. Compiled to out/test/harness/paths.js.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is compiled to out/test/harness/). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The fixture folder both the integration and the UI suites open as the workspace. */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** Git-ignored output of test runs: reports and screenshots. */
export const testResultsDir = path.join(repoRoot, 'test-results');

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface VsCodeEnv {
  /** The Node binary that this code-server runs on (and its extension host with it). */
  node: string;
  /** code-server's `out/node/entry.js`. */
  codeServerEntry: string;
  versions: { node: string; codeServer: string; vscode: string };
}

/**
 * Which VS Code a suite runs on: `newest` (code-server 4.139.1, VS Code 1.139.1, Node 24) or `1.96`
 * (code-server 4.96.4, VS Code 1.96.4 — the `engines.vscode` floor — on Node 20.18.1).
 * Both are installed by `npm run setup:vscode`.
 */
export type VsCodeTarget = 'newest' | '1.96';

export const VSCODE_TARGETS: readonly VsCodeTarget[] = ['newest', '1.96'];

/** The env file scripts/setup-vscode.mjs writes for each target (env.json keeps its pre-1.96 layout). */
const ENV_FILES: Record<VsCodeTarget, string> = { newest: 'env.json', '1.96': 'env-1.96.json' };

/** `YAMPI_VSCODE` (`newest` or `1.96`), default `newest`. */
export function vsCodeTarget(value = process.env['YAMPI_VSCODE']): VsCodeTarget {
  if (value === undefined || value === '') {
    return 'newest';
  }
  const target = VSCODE_TARGETS.find((t) => t === value);
  if (!target) {
    throw new Error(`YAMPI_VSCODE=${value}: expected one of ${VSCODE_TARGETS.join(', ')}`);
  }
  return target;
}

/** Reads the toolchain description `npm run setup:vscode` wrote for `target` into `.vscode-test-env/`. */
export function loadVsCodeEnv(target: VsCodeTarget = vsCodeTarget()): VsCodeEnv {
  const dir = process.env['YAMPI_VSCODE_ENV_DIR'] ?? path.join(repoRoot, '.vscode-test-env');
  const file = path.join(dir, ENV_FILES[target]);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run setup:vscode\` first (installs code-server and its Node offline).`);
  }
  const env = JSON.parse(readFileSync(file, 'utf8')) as VsCodeEnv;
  for (const p of [env.node, env.codeServerEntry]) {
    if (!existsSync(p)) {
      throw new Error(`${p} is missing: run \`node scripts/setup-vscode.mjs --force --only ${target}\`.`);
    }
  }
  return env;
}

/** `yampi-customers-<version>.vsix` at the repo root, as `npm run package` writes it. */
export function defaultVsixPath(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
}
