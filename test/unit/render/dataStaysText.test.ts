/**
 * Issue 10 point 4 (core part): customer data never becomes an icon, a link or markup, checked on
 * the rendered output (marked + VS Code's icon pass for hovers; VS Code's label icon parser for
 * quick-pick and status-bar text), not on the Markdown source.
 */
import assert from 'node:assert/strict';
import { escapeMarkdown, hoverCard } from '../../../src/core/hover/hoverCard';
import { customerSummary } from '../../../src/core/customers/summary';
import { plainLabel } from '../../../src/core/common/text';
import { exampleWith } from '../customers/fixtures';
import { inventory, labelIcons, loadRenderers, renderHover } from './renderers';

export const HOSTILE_TEXT = [
  '$(verified-filled) Loja Oficial',
  '$(sync~spin) girando',
  '\\$(check) escaped already',
  '\\\\$(check) double backslash',
  'https://evil.example/login',
  'www.evil.example',
  '<http://evil.example>',
  'suporte@evil.example',
  'mailto:x@evil.example',
  '[clique](https://evil.example)',
  '![img](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<b>negrito</b>',
  '&lt;script&gt; &amp; &#36;(check)',
  '**bold** _it_ `code` ~~del~~',
  '# heading',
  '> quote',
  '- list',
  '1. list',
  '| a | b |',
  '[x]: https://evil.example',
  'command:workbench.action.terminal.new',
  '$\\(check\\)',
  '$($(check))',
];

before(loadRenderers);

describe('hover Markdown: data renders as literal text', () => {
  for (const value of HOSTILE_TEXT) {
    it(`escapeMarkdown(${JSON.stringify(value)}) renders no element, link or icon, and shows the text`, () => {
      const inv = inventory(renderHover(escapeMarkdown(value, 500)));
      assert.deepEqual(inv.elements, ['p']);
      assert.deepEqual(inv.icons, []);
      assert.deepEqual(inv.urls, []);
      // what the reader sees is the value (a zero-width space may sit between `$` and `(`)
      assert.equal(inv.text.replace(/[\u2068\u2069\u200b]/g, '').trim(), value.trim());
    });
  }

  it('a whole card with hostile name, e-mail, city and store name draws only our icons and links', () => {
    const base = exampleWith({}).raw as { spreadsheet: { data: Record<string, unknown> } };
    const record = exampleWith({
      name: '$(verified-filled) Loja Oficial',
      email: 'suporte@evil.example',
      spreadsheet: { data: { ...base.spreadsheet.data, city: 'www.evil.example $(alert)', uf: '<http://x>' } },
    });
    for (const privacy of [true, false]) {
      const inv = inventory(renderHover(hoverCard({ kind: 'customer', record, alias: 'loja', storeName: '$(key) https://evil.example' }, 'en', privacy)));
      assert.deepEqual(inv.icons, ['person', 'link-external', 'copy']);
      assert.deepEqual(inv.urls.map((u) => u.split('?')[0]), ['command:yampi.openCustomer', 'command:yampi.copyCustomerId']);
      assert.ok(!inv.elements.includes('img'));
    }
  });
});

describe('plain labels (quick pick, status bar): no icon from data', () => {
  for (const value of HOSTILE_TEXT) {
    it(`plainLabel(${JSON.stringify(value)}) draws no icon`, () => {
      assert.deepEqual(labelIcons(plainLabel(value)), []);
      assert.equal(plainLabel(value).replace(/\u200b/g, ''), value.replace(/\s+/g, ' ').trim());
    });
  }

  it('control characters and line breaks become spaces; long text is cut', () => {
    assert.equal(plainLabel('a\nb\tc\u0000d'), 'a b c d');
    assert.ok(plainLabel('x'.repeat(10_000)).length <= 200);
  });

  it('summary fields the host puts in labels carry no icon syntax', () => {
    const record = exampleWith({ name: '$(verified-filled) Loja Oficial', email: '$(mail)@x.com' });
    for (const privacy of [true, false]) {
      const s = customerSummary(record, 'en', privacy);
      for (const text of [s.name, s.label, s.description, s.email ?? '', ...s.lines]) {
        assert.deepEqual(labelIcons(text), [], text);
      }
    }
  });
});
