/** Issue 18 §2.4: VS Code keeps editor titles on disk to restore tabs, so a panel title carries `#id`, never a name. */
import assert from 'node:assert/strict';
import { panelTitle, renderDetailDocument } from '../../../src/core/customers/renderDetailHtml';
import { exampleCustomer } from '../customers/fixtures';

describe('panel title: the id, never the name (issue 18 §2.4)', () => {
  const record = exampleCustomer();
  const name = record.customer.name ?? '';

  it('sanity: the example customer has a name', () => {
    assert.ok(name.length > 3);
  });

  for (const locale of ['en', 'pt-br'] as const) {
    it(`loaded or not, the title is "Customer #id" (${locale})`, () => {
      const loaded = panelTitle({ kind: 'customer', alias: 'loja-aurora', record }, locale);
      assert.equal(loaded, panelTitle({ kind: 'loading', alias: 'loja-aurora', id: record.customer.id }, locale));
      assert.ok(loaded.includes(`#${record.customer.id}`), loaded);
      for (const part of name.split(/\s+/).filter((p) => p.length > 2)) {
        assert.ok(!loaded.includes(part), `${loaded} holds part of the name`);
      }
    });
  }

  it('the document title of the webview holds no name either', () => {
    const html = renderDetailDocument({
      state: { kind: 'customer', alias: 'loja-aurora', record },
      locale: 'en',
      privacy: true,
      revealed: new Set(),
      nonce: 'abcdefghijklmnop',
      cspSource: 'vscode-resource:',
      scriptUri: 'x.js',
      styleUri: 'x.css',
      codiconsUri: 'c.css',
    });
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    assert.match(title, new RegExp(`#${record.customer.id}`));
  });
});
