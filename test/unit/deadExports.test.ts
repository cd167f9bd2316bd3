/**
 * No dead code under src/: every exported symbol is imported somewhere (src/ or test/), used in its
 * own file, or an entry point listed below. Read with regular expressions, not a parser or a type
 * check, so it stays cheap: an import of a name, a re-export of it, or a namespace import, a
 * `require()` or an `import()` of its module (all its names) counts as a use.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Exports nothing in the repo imports, on purpose: what VS Code, esbuild or a webview loads. */
const ENTRY_POINTS: Record<string, readonly string[]> = {
  'src/extension.ts': ['activate', 'deactivate'],
};

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(posix.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [posix.join(dir, e.name)] : []);
}

/** The file (of `sources`, by repo-relative path) a relative specifier names, if any. */
function resolveSpecifier(sources: ReadonlyMap<string, string>, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) {
    return undefined;
  }
  const base = posix.join(posix.dirname(from), spec.replace(/\.js$/, ''));
  return [`${base}.ts`, `${base}/index.ts`].find((f) => sources.has(f));
}

interface FileFacts {
  /** Exported names declared in the file. */
  readonly exports: Set<string>;
  readonly text: string;
}

const EXPORTED_DECLARATION = /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
const LOCAL_EXPORT_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}\s*;/gm;
/** import … from / export … from: what is named (group 1, may be empty) and the specifier (group 2). */
const FROM = /^(?:import|export)\s+(?:type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
/** import x = require('…'), require('…'), import('…'): the whole module. */
const WHOLE = /(?:\brequire|\bimport)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `a as b` → a (the name in the module the list reads from). */
const listNames = (list: string): string[] =>
  list.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '').filter((n) => n !== '');

/**
 * Reads every file once, syntactically (the house style keeps imports and exports at the start of
 * a line): the names it exports, and the (file, name) uses it makes of other files.
 */
function scan(sources: ReadonlyMap<string, string>): { facts: Map<string, FileFacts>; used: Set<string> } {
  const facts = new Map<string, FileFacts>();
  const used = new Set<string>(); // `${file}#${name}`, or `${file}#*` for all of its names
  for (const [file, text] of sources) {
    const exports = new Set<string>();
    const use = (spec: string, name: string): void => {
      const target = resolveSpecifier(sources, file, spec);
      if (target !== undefined) {
        used.add(`${target}#${name}`);
      }
    };
    for (const m of text.matchAll(EXPORTED_DECLARATION)) {
      exports.add(m[1] ?? '');
    }
    for (const m of text.matchAll(LOCAL_EXPORT_LIST)) {
      for (const n of (m[1] ?? '').split(',').map((x) => x.trim().split(/\s+as\s+/).pop() ?? '').filter((x) => x !== '')) {
        exports.add(n.replace(/^type\s+/, ''));
      }
    }
    for (const m of text.matchAll(FROM)) {
      const [, what = '', spec = ''] = m;
      const braces = /\{([^}]*)\}/.exec(what);
      if (/\*/.test(what.replace(/\{[^}]*\}/, ''))) {
        use(spec, '*'); // import * as x, export * from, export * as x from
      }
      if (/^[A-Za-z_$][\w$]*\s*(,|$)/.test(what) && !what.startsWith('{')) {
        use(spec, 'default');
      }
      for (const n of braces ? listNames(braces[1] ?? '') : []) {
        use(spec, n);
      }
    }
    for (const m of text.matchAll(WHOLE)) {
      use(m[1] ?? '', '*');
    }
    facts.set(file, { exports, text });
  }
  return { facts, used };
}

/** `file: name` of each export of `files` that no file of `sources` uses. */
function deadExports(sources: ReadonlyMap<string, string>, files: readonly string[], entryPoints: Record<string, readonly string[]>): string[] {
  const { facts, used } = scan(sources);
  const dead: string[] = [];
  for (const file of files) {
    const f = facts.get(file);
    for (const name of f?.exports ?? []) {
      const imported = used.has(`${file}#${name}`) || used.has(`${file}#*`);
      // its declaration is one occurrence of the word; any other is a use in its own file
      const usedLocally = !imported && (f?.text.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length > 1;
      if (!imported && !usedLocally && !(entryPoints[file] ?? []).includes(name)) {
        dead.push(`${file}: ${name}`);
      }
    }
  }
  return dead;
}

const read = (files: readonly string[]): Map<string, string> => new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

describe('dead exports', () => {
  it('every symbol src/ exports is imported, used where it is declared, or an entry point', () => {
    const src = tsFiles('src');
    assert.ok(src.length > 100, `only ${src.length} source files found under ${root}`);
    assert.deepEqual(deadExports(read([...src, ...tsFiles('test')]), src, ENTRY_POINTS), [], 'remove them (or list a real entry point in ENTRY_POINTS)');
  });

  it('tells a dead export from a used one, whichever way it is used', () => {
    const sources = new Map([
      ['src/a.ts', 'export function dead(): void {}\nexport function imported(): void {}\nexport const local = 1;\nconsole.log(local);\nexport class Entry {}\nexport interface Typed { x: number }\nexport type Gone = string;\nconst x = 1;\nexport { x as renamed };\n'],
      ['src/b.ts', "import { imported } from './a';\nimport type { Typed } from './a.js';\nexport { renamed } from './a';\nimported();\n"],
      ['src/c/index.ts', 'export const viaNamespace = 1;\nexport const viaImportCall = 2;\n'],
      ['src/d.ts', "import * as c from './c';\nvoid c;\n"],
      ['src/e.ts', 'export const lazy = 1;\n'],
      ['src/f.ts', "void import('./e.js');\nexport type * from './g';\nimport h = require('./h');\nvoid h;\n"],
      ['src/g.ts', 'export interface ThroughStar { y: number }\n'],
      ['src/h.ts', 'export function required(): void {}\n'],
    ]);
    assert.deepEqual(deadExports(sources, [...sources.keys()], { 'src/a.ts': ['Entry'] }), ['src/a.ts: dead', 'src/a.ts: Gone']);
  });

  it('no test file imports another test file (its tests would run again in that file\'s mocha worker)', () => {
    const { used } = scan(read(tsFiles('test')));
    assert.deepEqual([...used].filter((u) => /\.test\.ts#/.test(u)), []);
  });
});
