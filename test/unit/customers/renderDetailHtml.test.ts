import assert from 'node:assert/strict';
import { type CustomerRecord } from '../../../src/core/customers/customer';
import {
  type DetailDocumentOptions,
  type DetailState,
  errorState,
  renderDetailBody,
  renderDetailDocument,
} from '../../../src/core/customers/renderDetailHtml';
import { exampleCustomer, exampleWith, listCustomers } from './fixtures';

const NONCE = 'N0nceN0nceN0nce0123456789abcdef';

function doc(state: DetailState, extra: Partial<DetailDocumentOptions> = {}): string {
  return renderDetailDocument({
    state,
    locale: 'en',
    privacy: true,
    revealed: new Set(),
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: NONCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/detail.css',
    codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
    ...extra,
  });
}

const customer = (record: CustomerRecord): DetailState => ({ kind: 'customer', alias: 'loja-exemplo', record });

/** The tags the renderer itself emits; anything else would have come from the data. */
const OUR_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'link', 'title', 'body', 'div', 'main', 'script', 'header', 'span', 'h1', 'h2', 'h3',
  'p', 'ul', 'li', 'button', 'section', 'dl', 'dt', 'dd', 'code', 'bdi',
]);

/** The attribute part of every real tag (escaped data cannot contain `<`, so these are ours). */
function tagSources(html: string): string[] {
  return html.match(/<[a-zA-Z!][^>]*>/g) ?? [];
}

const OUR_ATTRIBUTES = /^(class|id|rel|role|title|type|disabled|dir|lang|charset|http-equiv|content|name|nonce|data-[a-z-]+|aria-[a-z]+)$/;

/** Attributes (by name) that the renderer never writes; `href`/`src` only on link/script. */
function foreignAttributes(html: string): string[] {
  const out: string[] = [];
  for (const tag of tagSources(html)) {
    const element = /^<!?([a-zA-Z][a-zA-Z0-9]*)/.exec(tag)?.[1]?.toLowerCase() ?? '';
    const attrs = tag.replace(/^<!?[a-zA-Z][a-zA-Z0-9]*/, '').replace(/>$/, '');
    const rest = attrs.replace(/\s([a-zA-Z:-]+)(="[^"]*")?/g, (_whole, attrName: string) => {
      const ok = OUR_ATTRIBUTES.test(attrName) || (attrName === 'href' && element === 'link') || (attrName === 'src' && element === 'script');
      if (!ok && element !== 'doctype') {
        out.push(`${element} ${attrName}`);
      }
      return '';
    });
    if (rest.trim() !== '' && element !== 'doctype') {
      out.push(`${element}: unparsed ${rest}`);
    }
  }
  return out;
}

function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<(!?[a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
}

const ALL_STATES: DetailState[] = [
  { kind: 'loading', alias: 'loja', id: 5 },
  customer(exampleCustomer()),
  { kind: 'notFound', alias: 'loja', id: 5 },
  { kind: 'authError', alias: 'loja', id: 5 },
  { kind: 'forbidden', alias: 'loja', id: 5 },
  { kind: 'networkError', alias: 'loja', id: 5, message: 'ECONNRESET' },
  { kind: 'rateLimited', alias: 'loja', id: 5, retryAfterSeconds: 12 },
];

describe('renderDetailDocument: CSP and scripts', () => {
  for (const state of ALL_STATES) {
    it(`${state.kind}: strict CSP and a nonce on every script`, () => {
      const html = doc(state);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      assert.ok(csp, 'CSP meta missing');
      assert.equal(
        csp[1],
        `default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:; script-src &#39;nonce-${NONCE}&#39;;`,
      );
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'CSP must come before any resource');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.equal(scripts.length, 1);
      for (const s of scripts) {
        assert.match(s[1] ?? '', new RegExp(`\\bnonce="${NONCE}"`));
        assert.equal(s[2], '', 'no inline script body');
      }
      assert.equal((html.match(/<script/g) ?? []).length, 1);
      assert.doesNotMatch(html, /\sstyle=/i, 'no inline styles');
      assert.doesNotMatch(html, /<style/i, 'no style elements');
      assert.deepEqual(tagSources(html).filter((t) => /\son[a-z]+=/i.test(t)), [], 'no inline event handlers');
      assert.doesNotMatch(html, /javascript:/i);
    });
  }

  it('refuses a nonce or cspSource that could break the policy', () => {
    assert.throws(() => doc(customer(exampleCustomer()), { nonce: "abc' 'unsafe-inline" }));
    assert.throws(() => doc(customer(exampleCustomer()), { nonce: 'short' }));
    assert.throws(() => doc(customer(exampleCustomer()), { cspSource: "https://x; script-src 'unsafe-inline'" }));
    assert.throws(() => doc(customer(exampleCustomer()), { cspSource: "'self' 'unsafe-inline'" }));
    // code-server gives a list with a quoted keyword: accepted, and placed in the policy as given
    const html = doc(customer(exampleCustomer()), { cspSource: "'self' https://*.vscode-cdn.net" });
    assert.match(html, /style-src &#39;self&#39; https:\/\/\*\.vscode-cdn\.net;/);
  });

  it('declares the language and keeps alias/id on the root for state restore', () => {
    const html = doc(customer(exampleCustomer()), { locale: 'pt-br' });
    assert.match(html, /<html lang="pt-BR">/);
    assert.match(html, /<main id="root" class="root" data-alias="loja-exemplo" data-customer-id="48213907">/);
  });
});

describe('renderDetailBody: rows and buttons (the product contract)', () => {
  const html = renderDetailBody({ state: customer(exampleCustomer()), locale: 'en', privacy: true, revealed: new Set() });

  it('has a data-field row with a Copy button for documented fields', () => {
    for (const path of ['email', 'phone.formated_number', 'spreadsheet.data.city', 'cpf', 'token', 'login_url', 'notes']) {
      const row = new RegExp(`<div class="[^"]*" data-field="${path.replace(/\./g, '\\.')}">([\\s\\S]*?)</div>`).exec(html);
      assert.ok(row, `no row for ${path}`);
      assert.match(row[1] ?? '', /<button type="button" class="icon-button" data-action="copy"[^>]* aria-label="Copy [^"]+"/);
    }
  });

  it('labels Copy buttons in Portuguese with "Copiar"', () => {
    const pt = renderDetailBody({ state: customer(exampleCustomer()), locale: 'pt-br', privacy: true, revealed: new Set() });
    assert.match(pt, /data-field="email">[\s\S]*?aria-label="Copiar E-mail"/);
    assert.match(pt, /aria-label="Copiar Data de nascimento"/);
  });

  it('has header, badges and toolbar actions', () => {
    assert.match(html, /<h1 id="customer-name"><bdi class="customer-name">Mariana Costa Ribeiro<\/bdi> <span class="customer-id">#48213907<\/span><\/h1>/);
    for (const b of ['Active', 'PF', 'Newsletter', 'WhatsApp opt-in']) {
      assert.match(html, new RegExp(`<li class="badge[^"]*"[^>]*>${b}</li>`));
    }
    for (const a of ['refresh', 'copyJson', 'revealAll', 'openWhatsApp']) {
      assert.match(html, new RegExp(`<button type="button"[^>]* data-action="${a}"`));
    }
    assert.doesNotMatch(html, /data-action="hideAll"/);
  });

  it('has reveal toggles (aria-pressed) only for concealable values', () => {
    assert.match(html, /data-field="email">[\s\S]*?data-action="reveal"[^>]*aria-pressed="false" aria-label="Reveal E-mail"/);
    assert.match(html, /data-field="token">[\s\S]*?data-action="reveal"[^>]*aria-pressed="false"/);
    assert.doesNotMatch(/data-field="spreadsheet\.data\.city">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '', /data-action="reveal"/);
  });

  it('omits the WhatsApp action when there is no link', () => {
    const noLink = renderDetailBody({ state: customer(exampleWith({ phone: null })), locale: 'en', privacy: true, revealed: new Set() });
    assert.doesNotMatch(noLink, /openWhatsApp/);
  });

  it('uses h1/h2 headings and real buttons only', () => {
    assert.equal((html.match(/<h2 /g) ?? []).length, 6);
    assert.doesNotMatch(html, /role="button"/);
    assert.doesNotMatch(html, /tabindex="-?\d+"/);
  });
});

describe('renderDetailBody: what the DOM may contain (LGPD)', () => {
  const record = exampleCustomer();
  const body = (privacy: boolean, revealed: string[] = []): string =>
    renderDetailBody({ state: customer(record), locale: 'en', privacy, revealed: new Set(revealed) });
  const PERSONAL = ['mariana.c.ribeiro@exemplo.com.br', '34891267500', '348.912.675-00', '98187-5668', '981875668', '16981875668', '203.0.113.45', '23/08/1991', 'Aug 23, 1991', 'Avenida Presidente Vargas', 'Apto 72'];
  const SECRET = ['7f3c2a9e1b4d46e8a0c5f2b19d6e3a71', 'https://www.loja-exemplo.com.br/auth/login'];

  it('privacy on: no masked value appears anywhere in the HTML', () => {
    const html = body(true);
    for (const v of [...PERSONAL, ...SECRET]) {
      assert.ok(!html.includes(v), `${v} is in the DOM`);
    }
    assert.ok(html.includes('m***@exemplo.com.br'));
    assert.ok(html.includes('***.912.675-**'));
  });

  it('a revealed value appears, the others stay masked', () => {
    const html = body(true, ['email']);
    assert.ok(html.includes('mariana.c.ribeiro@exemplo.com.br'));
    assert.ok(!html.includes('348.912.675-00'));
    assert.match(html, /data-field="email">[\s\S]*?data-action="hide"[^>]*aria-pressed="true"/);
    assert.match(html, /data-action="hideAll"/);
  });

  it('privacy off: personal data shown, credentials still absent until revealed', () => {
    const html = body(false);
    assert.ok(html.includes('mariana.c.ribeiro@exemplo.com.br'));
    assert.ok(html.includes('348.912.675-00'));
    for (const v of SECRET) {
      assert.ok(!html.includes(v), `${v} is in the DOM`);
    }
    assert.doesNotMatch(html, /data-action="revealAll"/);
    const revealed = body(false, ['token']);
    assert.ok(revealed.includes(SECRET[0] ?? '?'));
    assert.ok(!revealed.includes(SECRET[1] ?? '?'));
  });
});

describe('renderDetailDocument: hostile strings are text, never markup', () => {
  const RLO = '\u202E';
  const hostile = exampleWith({
    name: `<img src=x onerror="alert(1)"><script>alert('x')</script>${RLO}gnp.exe`,
    notes: `"><svg onload=alert(1)>' & <b>bold</b>`,
    utm_source: `javascript:alert(1)`,
    spreadsheet: { data: { city: '<iframe src="https://evil.example">', uf: `'SP"` } },
    '<img src=x>': '<style>body{}</style>',
    [`${RLO}key`]: 'value',
  });

  for (const locale of ['en', 'pt-br'] as const) {
    for (const privacy of [true, false]) {
      it(`${locale}, privacy ${String(privacy)}: no element, attribute or script from the data`, () => {
        const html = doc(customer(hostile), { locale, privacy });
        const foreign = [...tagsOf(html)].filter((t) => !OUR_TAGS.has(t));
        assert.deepEqual(foreign, []);
        assert.equal((html.match(/<script/gi) ?? []).length, 1);
        assert.ok(!html.includes('<img'));
        assert.ok(!html.includes('<svg'));
        assert.ok(!html.includes('<iframe'));
        assert.ok(!html.includes('<b>'));
        assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'));
        assert.ok(html.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;&#39; &amp; &lt;b&gt;bold&lt;/b&gt;'));
        assert.deepEqual(foreignAttributes(html), []);
      });
    }
  }

  it('makes bidi overrides visible instead of letting them reorder the name', () => {
    const html = doc(customer(hostile));
    const displayed = html.replace(/ data-(field|focus-key)="[^"]*"/g, '');
    assert.ok(!displayed.includes(RLO), 'raw RLO outside the data-field paths (which must stay exact)');
    assert.match(html, /<bdi class="customer-name">[^<]*\\u202Egnp\.exe<\/bdi>/);
    assert.match(html, /<span class="value" dir="auto">[^<]*\\u202Egnp\.exe<\/span>/);
  });

  it('isolates genuine right-to-left text: values carry dir="auto", names sit in <bdi>', () => {
    const html = doc(customer(exampleWith({ name: 'מרים כהן', notes: 'ملاحظة \u200F123' })));
    assert.match(html, /<bdi class="customer-name">מרים כהן<\/bdi>/);
    assert.match(html, /data-field="notes">[\s\S]*?<span class="value" dir="auto">ملاحظة \u200F123<\/span>/);
  });

  it('shows unknown keys as escaped paths, with bidi controls made visible', () => {
    const html = doc(customer(hostile));
    assert.match(html, /data-field="&lt;img src=x&gt;"/);
    assert.match(html, /<code>\\u202Ekey<\/code>/);
  });

  it('escapes alias and error messages in error states', () => {
    const html = doc({ kind: 'networkError', alias: '<b>loja</b>', id: 9, message: '<img src=x onerror=alert(1)>' });
    assert.deepEqual([...tagsOf(html)].filter((t) => !OUR_TAGS.has(t)), []);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});

describe('renderDetailBody: states', () => {
  const body = (state: DetailState, locale: 'en' | 'pt-br' = 'en'): string =>
    renderDetailBody({ state, locale, privacy: true, revealed: new Set() });

  it('loading is busy and announces the id', () => {
    const html = body({ kind: 'loading', alias: 'loja', id: 42 });
    assert.match(html, /aria-busy="true"/);
    assert.match(html, /role="status">Loading customer #42…</);
  });

  it('not found names the id and the store, with a Retry', () => {
    const html = body({ kind: 'notFound', alias: 'loja-exemplo', id: 42 });
    assert.ok(html.includes('Customer #42 was not found in store <code>loja-exemplo</code>.'));
    assert.match(html, /data-action="retry"/);
    const pt = body({ kind: 'notFound', alias: 'loja-exemplo', id: 42 }, 'pt-br');
    assert.ok(pt.includes('O cliente #42 não foi encontrado na loja <code>loja-exemplo</code>.'));
  });

  it('auth offers Set Credentials and Retry', () => {
    const html = body({ kind: 'authError', alias: 'loja', id: 1 });
    assert.match(html, /data-action="setCredentials"[^>]*><span class="codicon codicon-key" aria-hidden="true"><\/span><span>Set Credentials<\/span>/);
    assert.match(html, /data-action="retry"/);
  });

  it('network, forbidden and rate-limited states all offer Retry', () => {
    for (const state of ALL_STATES.filter((s) => s.kind !== 'customer' && s.kind !== 'loading')) {
      assert.match(body(state), /<button type="button" class="button [a-z]+" data-action="retry"/, state.kind);
      assert.match(body(state), /role="alert"/, state.kind);
    }
    assert.match(body({ kind: 'rateLimited', alias: 'l', id: 1, retryAfterSeconds: 12 }), /Try again in 12 seconds/);
    assert.match(body({ kind: 'networkError', alias: 'l', id: 1, message: 'x' }), /data-action="showLog"/);
  });

  it('renders a PJ customer with the organization icon', () => {
    const pj = listCustomers()[2];
    assert.ok(pj);
    assert.match(body(customer(pj)), /codicon-organization avatar/);
  });
});

describe('errorState', () => {
  it('maps error kinds to panel states', () => {
    assert.deepEqual(errorState('l', 3, { kind: 'auth', message: 'x' }), { kind: 'authError', alias: 'l', id: 3 });
    assert.deepEqual(errorState('l', 3, { kind: 'forbidden', message: 'x' }), { kind: 'forbidden', alias: 'l', id: 3 });
    assert.deepEqual(errorState('l', 3, { kind: 'notFound', message: 'x' }), { kind: 'notFound', alias: 'l', id: 3 });
    assert.deepEqual(errorState('l', 3, { kind: 'rateLimited', message: 'x', retryAfterMs: 1500 }), {
      kind: 'rateLimited',
      alias: 'l',
      id: 3,
      retryAfterSeconds: 1.5,
    });
    assert.deepEqual(errorState('l', 3, { kind: 'timeout', message: 'timed out after 15 s' }), {
      kind: 'networkError',
      alias: 'l',
      id: 3,
      message: 'timed out after 15 s',
    });
  });
});
