// scripts/bundleSizes.mjs (an ES module, shared with the bench) for the tsc-compiled tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';
import { importScript } from './importScript';

export interface ActivationCode {
  readonly bytes: number;
  readonly files: readonly string[];
}

export interface BundleSizes {
  readonly ACTIVATION_CODE_BUDGET_BYTES: number;
  readonly activationCode: (metafile: unknown) => ActivationCode;
  readonly activationCodeBytes: (metafile: unknown) => number;
}

export async function bundleSizes(): Promise<BundleSizes> {
  return importScript<BundleSizes>(path.join(repoRoot, 'scripts', 'bundleSizes.mjs'));
}

/** The VSIX the last `npm run package` wrote (yampi-customers-<version>.vsix), if any. */
export function vsix(root = repoRoot): { readonly file: string; readonly bytes: number } | undefined {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const file = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  return existsSync(file) ? { file: path.basename(file), bytes: statSync(file).size } : undefined;
}
