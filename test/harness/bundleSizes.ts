// The two sizes issue 19 budgets, measured one way for the bench (test/bench/sizeBench.ts) and any
// budget test: the code evaluated at activation, and the VSIX.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

interface Meta {
  production: boolean;
  metafiles: { outputs: Record<string, { bytes: number; imports?: { path: string; kind: string; external?: boolean }[] }> }[];
}

export interface ActivationCode {
  /** Bytes of dist/extension.js: the entry with every chunk it imports statically bundled in (esbuild.mjs). */
  readonly bytes: number;
  /** Whether dist/ holds the production (minified) build, the one budgets speak of. */
  readonly production: boolean;
}

/**
 * The code activation evaluates, from the build's metafile (dist/meta.json): dist/extension.js, into
 * which esbuild.mjs bundles every chunk the entry imports statically, so no other file of ours is
 * read at activation (test/integration/activation-cost.test.ts checks the loaded modules).
 */
export function activationCode(distDir = path.join(repoRoot, 'dist')): ActivationCode {
  const meta = JSON.parse(readFileSync(path.join(distDir, 'meta.json'), 'utf8')) as Meta;
  const outputs = meta.metafiles.flatMap((m) => Object.entries(m.outputs));
  const entry = outputs.find(([f]) => f === 'dist/extension.js');
  if (!entry) {
    throw new Error(`${path.join(distDir, 'meta.json')} has no dist/extension.js (build with esbuild.mjs)`);
  }
  const staticOwn = (entry[1].imports ?? []).filter((i) => i.kind === 'import-statement' && i.external !== true);
  if (staticOwn.length > 0) {
    throw new Error(`dist/extension.js imports ${staticOwn.map((i) => i.path).join(', ')} statically: count them too`);
  }
  return { bytes: entry[1].bytes, production: meta.production };
}

/** The VSIX the last `npm run package` wrote (yampi-customers-<version>.vsix), if any. */
export function vsix(root = repoRoot): { readonly file: string; readonly bytes: number } | undefined {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const file = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  return existsSync(file) ? { file: path.basename(file), bytes: statSync(file).size } : undefined;
}
