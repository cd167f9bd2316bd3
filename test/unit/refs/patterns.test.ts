/**
 * How patterns are compiled (src/core/refs/patterns.ts): the shipped defaults on V8, every other
 * source on RE2 only, from its own chunk that nothing in src/ imports statically.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compilePatterns, DEFAULT_HOVER_PATTERNS, loadedRe2, loadPatterns, loadRe2, MAX_USER_PATTERNS, needsRe2 } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { findRefsInLine } from '../../../src/core/refs/textScan';

const root = join(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('refs: compiling patterns', () => {
  it('needs RE2 for any source among the first MAX_USER_PATTERNS that is not a shipped default', () => {
    assert.equal(needsRe2(DEFAULT_HOVER_PATTERNS), false);
    assert.equal(needsRe2([]), false);
    assert.equal(needsRe2([...DEFAULT_HOVER_PATTERNS, 'pedido (\\d+)']), true);
    const padded = Array.from({ length: MAX_USER_PATTERNS }, (_, i) => DEFAULT_HOVER_PATTERNS[i % DEFAULT_HOVER_PATTERNS.length] ?? '');
    assert.equal(needsRe2([...padded, 'pedido (\\d+)']), false, 'past the limit it is refused (tooMany), never compiled');
  });

  it('never runs a user pattern without RE2: compiling one without the engine throws; the defaults need none', () => {
    assert.throws(() => compilePatterns(['pedido (\\d+)']), /needs the RE2 engine/);
    const defaults = compilePatterns(DEFAULT_HOVER_PATTERNS);
    assert.deepEqual(defaults.patterns.map((p) => p.engine), ['native', 'native']);
    assert.deepEqual(compilePatterns([...DEFAULT_HOVER_PATTERNS, 'pedido (\\d+)'], compileRe2).patterns.map((p) => p.engine), ['native', 'native', 're2']);
  });

  it('a native pattern tests text as it matches it, whatever the last search left in lastIndex', () => {
    const [keyed] = compilePatterns(DEFAULT_HOVER_PATTERNS).patterns;
    assert.ok(keyed);
    assert.equal(keyed.test('customer_id: 12'), true);
    assert.equal(keyed.test('customer_id: 12'), true, 'again: the g flag does not carry lastIndex over');
    assert.equal(keyed.test('customer: 12'), false);
  });

  it('loads the RE2 chunk with import() only when a source needs it, then compiles at once', async () => {
    const compiled = await loadPatterns(['pedido (\\d+)', '(\\d+']);
    assert.deepEqual(compiled.patterns.map((p) => p.engine), ['re2']);
    assert.deepEqual(compiled.invalid.map((i) => i.problem), ['syntax']);
    assert.deepEqual(findRefsInLine('o pedido 42', compiled.patterns).map((r) => r.id), [42]);
    assert.equal(loadedRe2(), await loadRe2(), 'one engine module, loaded once');
    assert.deepEqual((await loadPatterns(DEFAULT_HOVER_PATTERNS)).patterns.map((p) => p.engine), ['native', 'native']);
  });

  it('re2js is imported (as a value) only by src/core/refs/re2Engine.ts, and that module only through import()', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      const name = relative(root, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      if (name !== 'src/core/refs/re2Engine.ts' && /^\s*import\s+(?!type\b)[^;]*from\s+['"]re2js['"]|require\(\s*['"]re2js['"]\s*\)/m.test(text)) {
        offenders.push(`${name} imports re2js`);
      }
      if (/^\s*(?:import|export)\s+(?!type\b)[^;]*from\s+['"][^'"]*\/re2Engine(?:\.js)?['"]/m.test(text)) {
        offenders.push(`${name} imports re2Engine statically (use loadRe2: it must stay a chunk of its own)`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
