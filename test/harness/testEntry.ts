// The extension-host test entry as one CommonJS file with mocha inside it.
// mocha 12 is an ES module that needs Node ^20.19 (it require()s its own ES modules), and VS Code
// 1.96's extension host runs Node 20.18.1, where require() of an ES module fails. esbuild turns the
// compiled entry (out/test/integration/index.js) and mocha into one CommonJS bundle next to it, so
// both VS Code versions run the same entry on the Node they ship, without Node flags. The test
// files themselves are still the tsc output, require()d by the bundled mocha.
import { build } from 'esbuild';

/**
 * Bundles `entry` (a compiled `.js` exporting `run()`) into `<entry dir>/<name>.bundle.js` — in the
 * same folder, as index.ts looks for the test files next to its own `__dirname` — and resolves to
 * the bundle's path without `.js` (the extension host require()s it).
 */
export async function bundleTestEntry(entry: string): Promise<string> {
  const source = entry.endsWith('.js') ? entry : `${entry}.js`;
  const outfile = source.replace(/\.js$/, '.bundle.js');
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error', // mocha's require.resolve() of its parallel-mode workers warns; parallel mode is not used
  });
  return outfile.replace(/\.js$/, '');
}
