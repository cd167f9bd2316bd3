/**
 * `npm run bench` (first part): packages the extension (`npm run package`: production build, then the
 * VSIX) and prints the two sizes issue 19 budgets: the VSIX (under 250 KB) and the code evaluated at
 * activation (dist/extension.js, at most 20 KB), measured by scripts/bundleSizes.mjs (the activation-cost
 * test checks the same number) and test/harness/bundleSizes.ts.
 * A benchmark: it prints, it does not fail on a number.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleSizes, vsix } from '../harness/bundleSizes';
import { repoRoot } from '../harness/paths';

const VSIX_TARGET_KB = 250;

const packaged = spawnSync(process.execPath, [path.join('scripts', 'package.mjs')], { cwd: repoRoot, encoding: 'utf8' });
if (packaged.status !== 0) {
  throw new Error(`npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (bytes: number, targetKb: number, under: boolean): string =>
  `${(under ? bytes < targetKb * 1024 : bytes <= targetKb * 1024) ? 'meets' : 'MISSES'} the target (${under ? '<' : '≤'} ${targetKb} KB)`;
async function main(): Promise<void> {
  const pkg = vsix();
  if (!pkg) {
    throw new Error('npm run package wrote no .vsix');
  }
  const sizes = await bundleSizes();
  const ACTIVATION_TARGET_KB = sizes.ACTIVATION_CODE_BUDGET_BYTES / 1024;
  const code = sizes.activationCode(JSON.parse(readFileSync(path.join(repoRoot, 'dist', 'meta.json'), 'utf8')) as unknown);
  console.log(`\nsizes (production build)`);
  console.log(`  VSIX ${pkg.file}: ${kb(pkg.bytes)} (${pkg.bytes} bytes), ${verdict(pkg.bytes, VSIX_TARGET_KB, true)}`);
  console.log(`  code evaluated at activation, ${code.files.join(' + ')}: ${kb(code.bytes)} (${code.bytes} bytes), ${verdict(code.bytes, ACTIVATION_TARGET_KB, false)}`);
}

void main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
