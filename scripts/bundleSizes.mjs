// Sizes of the built extension, read from esbuild metafiles (esbuild.mjs writes them all to
// dist/meta.json). Used by the activation-cost test (the budget) and the bench (the numbers).

/** What activation may evaluate: the activation stage only (issue 19; README "the shell and the features"). */
export const ACTIVATION_CODE_BUDGET_BYTES = 20 * 1024;

/**
 * The files activation evaluates and their bytes: the output built from src/extension.ts (or the
 * file a later build made of it: esbuild.mjs turns the ESM entry and its shared chunks into one
 * CommonJS dist/extension.js) and every output of the same build it imports statically,
 * transitively. Dynamic imports (the features, the keys, the test seams) and externals (vscode,
 * node:, dist/api.js, dist/re2.js) are not activation code.
 *
 * @param {{ outputs: Record<string, { bytes: number, entryPoint?: string, imports?: { path: string, kind: string, external?: boolean }[] }> } | { metafiles: object[] }} metafile
 *   one esbuild metafile, or dist/meta.json ({ metafiles }) whose metafiles are read together
 * @returns {{ bytes: number, files: string[] }}
 */
export function activationCode(metafile) {
  const metas = Array.isArray(metafile?.metafiles) ? metafile.metafiles : [metafile];
  /** @type {Map<string, { bytes: number, entryPoint?: string, imports?: { path: string, kind: string, external?: boolean }[] }>} */
  const outputs = new Map();
  for (const m of metas) {
    for (const [file, info] of Object.entries(m?.outputs ?? {})) {
      if (!file.endsWith('.map')) {
        outputs.set(file, info);
      }
    }
  }
  const entryOf = (source) => [...outputs].find(([, o]) => o.entryPoint === source)?.[0];
  let entry = entryOf('src/extension.ts');
  if (entry === undefined) {
    throw new Error('the metafile has no output built from src/extension.ts (build with esbuild.mjs)');
  }
  for (let next = entryOf(entry); next !== undefined && next !== entry; next = entryOf(entry)) {
    entry = next;
  }
  const files = [];
  const visit = (file) => {
    if (files.includes(file)) {
      return;
    }
    files.push(file);
    for (const i of outputs.get(file)?.imports ?? []) {
      const target = outputs.has(i.path) ? i.path : undefined;
      if (target !== undefined && i.external !== true && (i.kind === 'import-statement' || i.kind === 'require-call')) {
        visit(target);
      }
    }
  };
  visit(entry);
  return { bytes: files.reduce((sum, f) => sum + (outputs.get(f)?.bytes ?? 0), 0), files };
}

/** Bytes of the code activation evaluates (see activationCode). */
export function activationCodeBytes(metafile) {
  return activationCode(metafile).bytes;
}
