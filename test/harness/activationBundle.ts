// What activation evaluates, read from the build's dist/meta.json (esbuild.mjs): the entry of the ESM
// build (out/esm/extension.js) and the chunks it imports statically, which esbuild.mjs bundles into
// dist/extension.js. The features chunk and the test seams are dynamic imports, loaded later. Used by
// the activation bench (to print it) and the activation-cost test (to keep features code out of it).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Output {
  bytes: number;
  inputs: Record<string, { bytesInOutput: number }>;
  imports?: { path: string; kind: string; external?: boolean }[];
}

export interface ActivationBundle {
  /** ESM output files evaluated at activation (out/esm/…), the entry first. */
  files: string[];
  /** Bytes of those files. */
  bytes: number;
  /** Source files in them (src/…, node_modules/…) with their bytes in the output. */
  inputs: Map<string, number>;
  /** What they import from outside the build (vscode, node: built-ins, dist/api.js …). */
  external: string[];
  /** The other ESM outputs (loaded later), with their bytes. */
  lazy: [string, number][];
  /** Source files in those. */
  lazyInputs: Set<string>;
}

export function activationBundle(distDir: string): ActivationBundle {
  const meta = JSON.parse(readFileSync(path.join(distDir, 'meta.json'), 'utf8')) as { metafiles: { outputs: Record<string, Output> }[] };
  const outputs = new Map<string, Output>();
  for (const m of meta.metafiles) {
    for (const [file, info] of Object.entries(m.outputs)) {
      if (file.startsWith('out/esm/') && file.endsWith('.js')) {
        outputs.set(file, info);
      }
    }
  }
  const entry = 'out/esm/extension.js';
  if (!outputs.has(entry)) {
    throw new Error(`${path.join(distDir, 'meta.json')} has no out/esm/extension.js (build with esbuild.mjs)`);
  }
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) {
      return;
    }
    files.add(file);
    for (const i of outputs.get(file)?.imports ?? []) {
      if (i.external === true || !outputs.has(i.path)) {
        external.add(i.path);
      } else if (i.kind === 'import-statement') {
        visit(i.path);
      }
    }
  };
  visit(entry);
  const inputs = new Map<string, number>();
  let bytes = 0;
  for (const file of files) {
    const out = outputs.get(file);
    bytes += out?.bytes ?? 0;
    for (const [input, info] of Object.entries(out?.inputs ?? {})) {
      inputs.set(input, (inputs.get(input) ?? 0) + info.bytesInOutput);
    }
  }
  const lazy = [...outputs].filter(([f]) => !files.has(f));
  return {
    files: [...files],
    bytes,
    inputs,
    external: [...external],
    lazy: lazy.map(([f, o]): [string, number] => [f, o.bytes]),
    lazyInputs: new Set(lazy.flatMap(([, o]) => Object.keys(o.inputs))),
  };
}
