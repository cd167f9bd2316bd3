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
  /** Node 24 binary that code-server runs on. */
  node: string;
  /** code-server's `out/node/entry.js`. */
  codeServerEntry: string;
  versions: { node: string; codeServer: string; vscode: string };
}

/** Reads `.vscode-test-env/env.json`, written by `npm run setup:vscode`. */
export function loadVsCodeEnv(): VsCodeEnv {
  const dir = process.env['YAMPI_VSCODE_ENV_DIR'] ?? path.join(repoRoot, '.vscode-test-env');
  const file = path.join(dir, 'env.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run setup:vscode\` first (installs code-server and Node 24 offline).`);
  }
  const env = JSON.parse(readFileSync(file, 'utf8')) as VsCodeEnv;
  for (const p of [env.node, env.codeServerEntry]) {
    if (!existsSync(p)) {
      throw new Error(`${p} is missing: run \`node scripts/setup-vscode.mjs --force\`.`);
    }
  }
  return env;
}

/** `yampi-customers-<version>.vsix` at the repo root, as `npm run package` writes it. */
export function defaultVsixPath(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
}
