import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Static `import … from './x'` / `export … from './x'` (type-only included: a type circle is a circle of rooms). */
const STATIC_IMPORT = /^\s*(?:import|export)\s[^'";]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm;

function resolve(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
}

/** Every group of src/ modules that import each other in a circle (Tarjan's strongly connected components). */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(STATIC_IMPORT)].flatMap((m) => resolve(f, m[1] ?? '') ?? [])]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
        group.push(relative(root, w).split('\\').join('/'));
      }
      if (group.length > 1) {
        cycles.push(group.sort());
      }
    }
  };
  for (const f of graph.keys()) {
    if (!index.has(f)) {
      visit(f);
    }
  }
  return cycles;
}

/**
 * Circles that remain in rooms this check did not reshape (issue 19: the feature folders). Listed
 * so a NEW circle fails; remove a line when its circle is broken.
 */
const KNOWN: readonly string[] = [
  'src/host/common/commandRegistry.ts <> src/host/orders/orderFeature.ts',
  'src/host/keys/fixes.ts <> src/host/keys/keysFeature.ts <> src/host/keys/workspaceScan.ts',
];

describe('module rooms', () => {
  it('src/ has no import circle (type-only imports count) beyond the known ones', () => {
    const cycles = importCycles(sourceFiles(join(root, 'src'))).map((c) => c.join(' <> '));
    assert.deepEqual(cycles.filter((c) => !KNOWN.includes(c)), []);
  });

  it('the cycle check sees a type-only circle', () => {
    const dir = join(root, 'out', 'cycle-fixture');
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(a, "import type { B } from './b';\nexport interface A { b?: B }\n");
      writeFileSync(b, "import { type A } from './a';\nexport interface B { a?: A }\n");
      assert.deepEqual(importCycles([a, b]), [['out/cycle-fixture/a.ts', 'out/cycle-fixture/b.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the 360 section types live in src/core/related/sections.ts only', () => {
    const DECLARES = /^export\s+(?:type|interface|function|const)\s+(SectionId|SECTION_IDS|isSectionId|RelatedItem|RelatedPage|groupOf|GroupRecords)\b/gm;
    const found = sourceFiles(join(root, 'src')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(DECLARES)].map((m) => `${relative(root, f).split('\\').join('/')}: ${m[1] ?? ''}`));
    assert.deepEqual(found.filter((d) => !d.startsWith('src/core/related/sections.ts:')), []);
    assert.equal(found.length, 7);
  });
});
