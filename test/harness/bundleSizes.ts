// scripts/bundleSizes.mjs (an ES module, shared with the bench) for the tsc-compiled tests.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths';

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
  return (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'bundleSizes.mjs')).href)) as BundleSizes;
}
