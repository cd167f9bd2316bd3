import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every catalogue message in the source: literals passed to `vscode.l10n.t` (host), to core's
 * `t(locale, …)` and `sentence(locale, …)`, and those marked with `msg(…)` in tables.
 */
export function l10nStrings(): Map<string, string> {
  const found = new Map<string, string>();
  const q = String.raw`(['"])((?:\\.|(?!\1)[^\\])*)\1`;
  const patterns = [
    new RegExp(String.raw`(?:l10n\.t|\bt)\(\s*` + q, 'g'),
    new RegExp(String.raw`\b(?:t|sentence)\(\s*[\w.()]+,\s*` + q, 'g'),
    new RegExp(String.raw`\b(?:msg|notice)\(\s*` + q, 'g'),
  ];
  for (const file of [...sourceFiles(join(root, 'src', 'host')), ...sourceFiles(join(root, 'src', 'core')), join(root, 'src', 'extension.ts')]) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const literal = m[2] ?? '';
        // decode the JS string literal the way the runtime sees it
        const value = JSON.parse(`"${literal.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
        found.set(value, file);
      }
    }
  }
  return found;
}

function readJson(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;
}

describe('localization', () => {
  it('finds the strings of the host layer (sanity: the scanner works)', () => {
    const strings = l10nStrings();
    assert.ok(strings.size > 50, `only ${strings.size} strings found`);
    assert.ok(strings.has('Connect a Yampi store first.'));
  });

  it('has a Brazilian Portuguese translation for every message of host and core', () => {
    const bundle = readJson('l10n/bundle.l10n.pt-br.json');
    const missing = [...l10nStrings().entries()].filter(([s]) => typeof bundle[s] !== 'string' || bundle[s].trim() === '');
    assert.deepEqual(missing.map(([s, f]) => `${s}  (${f.slice(root.length + 1)})`), []);
  });

  it('keeps placeholders {0}, {1}… identical in each translation', () => {
    const bundle = readJson('l10n/bundle.l10n.pt-br.json');
    for (const [en, pt] of Object.entries(bundle)) {
      const ph = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual(ph(pt), ph(en), `placeholders differ for "${en}"`);
    }
  });

  it('has no stale pt-BR entries that the code no longer uses', () => {
    const used = l10nStrings();
    const stale = Object.keys(readJson('l10n/bundle.l10n.pt-br.json')).filter((k) => !used.has(k));
    assert.deepEqual(stale, []);
  });

  it('translates every package.nls.json key into package.nls.pt-br.json, and package.json uses only known keys', () => {
    const en = readJson('package.nls.json');
    const pt = readJson('package.nls.pt-br.json');
    assert.deepEqual(Object.keys(pt).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(pt)) {
      assert.ok(v.trim() !== '', `empty pt-BR value for ${k}`);
    }
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    const refs = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(refs.length > 20);
    assert.deepEqual(refs.filter((k) => !(k in en)), []);
  });
});
