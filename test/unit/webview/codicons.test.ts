import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WEBVIEW_ICONS } from '../../../src/core/webview/codicons';
import { type DetailState, renderDetailBody } from '../../../src/core/customers/renderDetailHtml';
import { renderSection } from '../../../src/core/related/renderSections';
import { exampleCustomer } from '../customers/fixtures';

// The build ships only WEBVIEW_ICONS' glyphs (esbuild.mjs subsets the codicon font): an icon drawn
// but not listed would be an empty square. The type catches calls through codicon(); this catches
// class names written as strings (the webview script swaps codicon-copy/codicon-check) and checks
// the list against the package the font comes from.
const repo = path.resolve(__dirname, '../../../..');
const listed = new Set<string>(WEBVIEW_ICONS);
const iconClasses = (text: string): string[] =>
  [...text.matchAll(/\bcodicon-([a-z0-9]+(?:-[a-z0-9]+)*)/g)].map((m) => m[1] ?? '').filter((n) => !n.startsWith('modifier-'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('webview codicons (the shipped subset)', () => {
  it('every icon class named in src/ is in WEBVIEW_ICONS', () => {
    const named = sourceFiles(path.join(repo, 'src')).flatMap((f) => iconClasses(readFileSync(f, 'utf8')).map((n) => `${n} (${path.relative(repo, f)})`));
    assert.ok(named.some((n) => n.startsWith('check ')), 'the scan sees the webview script’s codicon-check');
    assert.deepEqual(named.filter((n) => !listed.has(n.split(' ')[0] ?? '')), []);
  });

  it('every icon a rendered panel state or section uses is in WEBVIEW_ICONS', () => {
    const states: DetailState[] = [
      { kind: 'loading', alias: 'loja', id: 1 },
      { kind: 'customer', alias: 'loja', record: exampleCustomer() },
      { kind: 'notFound', alias: 'loja', id: 1 },
      { kind: 'authError', alias: 'loja', id: 1 },
      { kind: 'forbidden', alias: 'loja', id: 1 },
      { kind: 'networkError', alias: 'loja', id: 1, message: 'x' },
      { kind: 'rateLimited', alias: 'loja', id: 1, retryAfterSeconds: 3 },
    ];
    const used = new Set<string>();
    for (const privacy of [true, false]) {
      for (const state of states) {
        iconClasses(renderDetailBody({ state, locale: 'en', privacy, revealed: new Set() })).forEach((n) => used.add(n));
      }
    }
    for (const section of ['orders', 'addresses', 'carts'] as const) {
      for (const state of [{ status: 'loading' }, { status: 'error', error: { kind: 'server', message: 'x' } }] as const) {
        iconClasses(renderSection({ section, state }, { locale: 'en', maskAddresses: true })).forEach((n) => used.add(n));
      }
    }
    assert.ok(used.size >= 10, `saw ${used.size} icons`);
    assert.deepEqual([...used].filter((n) => !listed.has(n)), []);
  });

  it('every name in WEBVIEW_ICONS is a codicon of @vscode/codicons (the build fails otherwise too)', () => {
    const css = readFileSync(path.join(repo, 'node_modules/@vscode/codicons/dist/codicon.css'), 'utf8');
    const known = new Set([...css.matchAll(/^\.codicon-([a-z0-9-]+):before/gm)].map((m) => m[1]));
    assert.deepEqual(WEBVIEW_ICONS.filter((n) => !known.has(n)), []);
  });
});
