// import() of one of the repo's ES module scripts (scripts/*.mjs) from a test. Written as a Function
// so that no transpiler turns it into require(): the quick loop's hook (scripts/ts-hook.cjs) rewrites
// import() of sources into require(), which cannot load an ES module on Node 20.
import { pathToFileURL } from 'node:url';

// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body: only the specifier varies
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** The module at `file` (an absolute path), loaded by Node's ES module loader. */
export function importScript<T>(file: string): Promise<T> {
  return dynamicImport(pathToFileURL(file).href) as Promise<T>;
}
