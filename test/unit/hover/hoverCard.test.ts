/**
 * The hover card: what it shows, what it never shows, and that data can never turn into Markdown
 * (rendered with `marked`, the renderer VS Code's hovers use, and inspected as HTML).
 */
import assert from 'node:assert/strict';
import { commandUri, escapeMarkdown, HOVER_COMMANDS, hoverCard } from '../../../src/core/hover/hoverCard';
import { exampleCustomer, exampleWith, listCustomers } from '../customers/fixtures';

/** Markdown → HTML with marked (ES module only, so loaded with import()). */
let render: (md: string) => string = () => {
  throw new Error('marked not loaded');
};
before(async () => {
  const { marked } = await import('marked');
  render = (md) => marked.parse(md, { async: false, gfm: true });
});

/** Every href in the rendered card. */
const hrefs = (html: string): string[] => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');

const card = (record = exampleCustomer(), privacy = true, locale: 'en' | 'pt-br' = 'en'): string =>
  hoverCard({ kind: 'customer', record, alias: 'loja-aurora', storeName: 'Loja Aurora' }, locale, privacy);

describe('hoverCard: a customer', () => {
  it('shows name, #id, status and kind, masked e-mail and phone, city/UF, last order and the store', () => {
    const text = render(card()).replace(/<[^>]+>/g, '').replace(/[\u2068\u2069]/g, '');
    for (const expected of ['Mariana Costa Ribeiro', '#48213907', 'Active · PF', 'm***@exemplo.com.br', '(16) *****-5668', 'Ribeirão Preto/SP', 'Last order: May 18, 2025, 14:32 · R$ 189.90', 'Store Loja Aurora']) {
      assert.ok(text.includes(expected), `missing ${expected} in ${text}`);
    }
    assert.ok(!text.includes('mariana.c.ribeiro@'), 'the e-mail must be masked with privacy on');
  });

  it('shows e-mail and phone in full with privacy mode off, in Portuguese too', () => {
    const text = render(card(exampleCustomer(), false, 'pt-br')).replace(/[\u2068\u2069]/g, '');
    assert.ok(text.includes('mariana.c.ribeiro@exemplo.com.br'));
    assert.ok(text.includes('(16) 98187-5668'));
    assert.ok(text.includes('Ativo · PF'));
    assert.ok(text.includes('Abrir detalhes'));
  });

  it('links only to the trusted commands: open details (id + store) and copy id', () => {
    const links = hrefs(render(card()));
    assert.deepEqual(links, [commandUri('yampi.openCustomer', [48213907, 'loja-aurora']), commandUri('yampi.copyCustomerId', [48213907])]);
    assert.deepEqual(JSON.parse(decodeURIComponent(links[0]?.split('?')[1] ?? '')), [48213907, 'loja-aurora']);
    for (const l of links) {
      assert.ok(HOVER_COMMANDS.some((c) => l.startsWith(`command:${c}`)));
    }
  });

  it('never shows token or login_url, whatever the privacy mode', () => {
    for (const record of [exampleCustomer(), ...listCustomers()]) {
      for (const privacy of [true, false]) {
        const md = card(record, privacy);
        assert.ok(!md.includes(String(record.raw['token'])), 'token leaked');
        assert.ok(!md.includes('auth/login') && !md.includes(String(record.raw['login_url'])), 'login_url leaked');
      }
    }
  });

  it('uses the company icon for a PJ and the #id alone when there is no name', () => {
    const pj = listCustomers().find((r) => r.customer.type === 'j');
    assert.ok(pj);
    assert.match(card(pj), /^\$\(organization\)/);
    const nameless = card(exampleWith({ name: null, generic_name: null, first_name: null, last_name: null, razao_social: null }));
    assert.match(nameless, /^\$\(person\) \*\*\u2068\\#48213907\u2069\*\*\n/);
  });
});

describe('hoverCard: hostile data stays text', () => {
  const RLO = '\u202e';
  const base = exampleCustomer().raw as { spreadsheet: { data: Record<string, unknown> } };
  const hostile = exampleWith({
    name: `<img src=x onerror="alert(1)"> **bold** &amp; ${RLO}gnp.exe\n# heading`,
    email: '[x](command:workbench.action.terminal.new)@evil.example',
    spreadsheet: { data: { ...base.spreadsheet.data, city: '![i](https://evil.example/p.png) $(alert) https://evil.example' } },
  });

  for (const privacy of [true, false]) {
    it(`renders no element, link, image, icon or entity from the data (privacy ${privacy ? 'on' : 'off'})`, () => {
      const md = card(hostile, privacy);
      const html = render(md);
      assert.equal((html.match(/<img|<script|<h1/gi) ?? []).length, 0, html);
      assert.deepEqual(hrefs(html).map((h) => h.split('?')[0]), ['command:yampi.openCustomer', 'command:yampi.copyCustomerId'], 'only our two links');
      assert.equal((html.match(/<strong>/g) ?? []).length, 1, 'only the name is bold, **bold** in data stays literal');
      assert.ok(html.includes('&lt;img src=x'), 'the markup is shown as text');
      assert.ok(html.includes('&amp;amp;'), 'an entity in data is shown as typed');
      // theme icons: VS Code renders `$(name)` unless the `$` is escaped; only ours may be unescaped
      const icons = [...md.matchAll(/(^|[^\\])\$\(([a-z-]+)\)/g)].map((m) => m[2]);
      assert.deepEqual(icons, ['person', 'link-external', 'copy']);
    });
  }

  it('leaves no `$(name)` from the data in the rendered HTML (VS Code draws icons after Markdown removed the escapes)', () => {
    const html = render(card(exampleWith({ name: '$(verified-filled) Loja Oficial', spreadsheet: { data: { ...base.spreadsheet.data, city: '$(alert) www.evil.example' } } })));
    const icons = [...html.matchAll(/\$\(([A-Za-z0-9-]+)(~[A-Za-z0-9-]+)?\)/g)].map((m) => m[1]);
    assert.deepEqual(icons, ['person', 'link-external', 'copy'], html);
    const text = html.replace(/<[^>]+>/g, '').replace(/[\u200b\u2068\u2069]/g, '');
    assert.ok(text.includes('$(verified-filled) Loja Oficial') && text.includes('$(alert) www.evil.example'), `shown literally: ${text}`);
    assert.equal(hrefs(html).length, 2, 'www. is no autolink');
  });

  it('isolates right-to-left text so it cannot reorder the rest of the card', () => {
    const md = card(hostile);
    const name = md.slice(md.indexOf('**') + 2, md.indexOf('**', md.indexOf('**') + 2));
    assert.ok(name.startsWith('\u2068') && name.endsWith('\u2069'));
  });

  it('cuts very long values at a grapheme boundary with an ellipsis', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // one grapheme, 11 UTF-16 units
    const long = `${'Á'.repeat(70)}${family}${'b'.repeat(100)}`;
    // too little room for the whole family: it is dropped whole, not cut after a joiner
    assert.equal(escapeMarkdown(long, 75), `\u2068${'Á'.repeat(70)}…\u2069`);
    // room for it: kept whole
    assert.equal(escapeMarkdown(long, 85), `\u2068${'Á'.repeat(70)}${family}${'b'.repeat(3)}…\u2069`);
    assert.equal(escapeMarkdown('short'), '\u2068short\u2069');
  });
});

describe('hoverCard: states', () => {
  it('signed out: says so and offers Set Credentials, no personal data', () => {
    const html = render(hoverCard({ kind: 'signedOut', id: 48213907 }, 'en', true));
    assert.match(html, /Customer \\?#?48213907|#48213907/);
    assert.deepEqual(hrefs(html), ['command:yampi.setCredentials']);
  });

  it('not found names the id and the store; no links', () => {
    const html = render(hoverCard({ kind: 'error', id: 99999999, alias: 'loja-aurora', error: { kind: 'notFound', message: 'x' } }, 'pt-br', true));
    assert.match(html.replace(/[\u2068\u2069]/g, ''), /O cliente #99999999 não foi encontrado na loja loja-aurora\./);
    assert.deepEqual(hrefs(html), []);
  });

  it('auth offers Set Credentials; network errors offer open details and Show Log; rate limits tell the wait', () => {
    const err = (kind: 'auth' | 'network' | 'rateLimited', retryAfterMs?: number): string =>
      render(hoverCard({ kind: 'error', id: 5, alias: 'loja-aurora', error: { kind, message: 'connect ECONNREFUSED 127.0.0.1:1', retryAfterMs } }, 'en', true));
    assert.deepEqual(hrefs(err('auth')), ['command:yampi.setCredentials']);
    const network = err('network');
    assert.deepEqual(hrefs(network).map((h) => h.split('?')[0]), ['command:yampi.openCustomer', 'command:yampi.showLog']);
    assert.ok(network.includes('ECONNREFUSED 127.0.0.1:1'));
    assert.match(err('rateLimited', 12_500).replace(/[\u2068\u2069]/g, ''), /Try again in 13 seconds/);
  });
});
