// Issue 19 point 5: test code stays out of production. The entry exports only activate/deactivate
// (tests take their types from src/host/testing/), and nothing but the entry's guarded import()
// reaches the test seams, so the production build (the switch defined off) drops them.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('test seams apart from production', () => {
  it('src/extension.ts exports activate and deactivate, nothing else (no test API types)', () => {
    const text = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
    const exported = [...text.matchAll(/^export\s+(?:type\s+)?(?:async\s+)?(?:function|const|let|class|interface|type|\{)\s*([^\s(<{=;]*)/gm)].map((m) => m[0].trim());
    assert.deepEqual(exported, ['export function activate', 'export function deactivate']);
    assert.doesNotMatch(text, /TestApi|PanelSectionFacts|RenderedNode/);
  });

  it('only the entry reaches src/host/testing, through one import() behind YAMPI_EXTENSION_TEST', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel.startsWith('src/host/testing/')) {
        continue;
      }
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"]([^'"]*\/testing\/[^'"]*)['"]/g)) {
        offenders.push(`${rel}: ${m[0]}`);
      }
    }
    assert.deepEqual(offenders, ["src/extension.ts: import('./host/testing/testSeams.js'"]);
    const entry = readFileSync(join(root, 'src', 'extension.ts'), 'utf8');
    const guard = entry.indexOf("if (process.env['YAMPI_EXTENSION_TEST'] === '1') {");
    assert.ok(guard >= 0 && guard < entry.indexOf("import('./host/testing/testSeams.js')"), 'the import() of the seams is not behind the test switch esbuild.mjs defines off');
  });

  it('production classes offer tests one read-only inspect() (src/host/app/inspection.ts), no member the seams alone use', () => {
    // the members the seams used before issue 19; a production class that grows one again fails here
    const seams = readFileSync(join(root, 'src', 'host', 'testing', 'testSeams.ts'), 'utf8');
    for (const member of ['serializerRegistered', 'signedInContext()', 'api.loaded', '.count()', '.deliver(', 'sectionSnapshots', '.snapshots()', '.lastChoice', 'startedData']) {
      assert.ok(!seams.includes(`shell.${member}`) && !seams.includes(`services.${member}`) && !seams.includes(`loaded?.${member.replace(/^\./, '')}`) && !seams.includes(`panels()?${member}`),
        `testSeams.ts reads ${member} of a production class`);
    }
    const inspectors = sourceFiles(join(root, 'src', 'host')).filter((f) => /\binspect\(\):/.test(readFileSync(f, 'utf8')));
    for (const file of inspectors) {
      assert.match(readFileSync(file, 'utf8'), /implements [^{]*Inspectable</, `${relative(root, file)} has inspect() without implementing Inspectable`);
    }
    assert.ok(inspectors.length >= 6, `${inspectors.length} inspectable classes`);
  });
});
