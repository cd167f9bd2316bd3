/**
 * The XSS corpus (test/sandbox/xssCorpus.ts) through the pure panel renderer, parsed with parse5 as a
 * browser parses it: only our elements and attributes, one script (ours, by nonce), no comment, and
 * every payload shown literally in every text field. The UI suite (test/e2e/xss.ui.ts) repeats it in
 * the real webview; this one is fast and exhaustive (every payload alone, every group, both privacy
 * states, both languages).
 */
import assert from 'node:assert/strict';
import { decodeCustomerEnvelope } from '../../../src/core/api/decode';
import { decodeAddress } from '../../../src/core/api/decodeRelated';
import { type CustomerRecord } from '../../../src/core/customers/customer';
import { allFields, buildCustomerView } from '../../../src/core/customers/fields';
import { type Locale } from '../../../src/core/common/strings';
import { renderDetailBody, renderDetailDocument } from '../../../src/core/customers/renderDetailHtml';
import { ADDRESSES_REVEAL_KEY, type SectionView } from '../../../src/core/related/renderSections';
import { SANDBOX_STORES, XSS_CUSTOMER_IDS } from '../../sandbox/constants';
import { buildSandboxData } from '../../sandbox/data';
import { XSS_FAMILIES, XSS_PAYLOADS, XSS_SEPARATOR, xssGroups, xssShownText } from '../../sandbox/xssCorpus';

/** The parse5 default tree, as much of it as these checks read. */
interface PNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly PNode[];
  readonly content?: PNode;
}

let parseDocument: (html: string) => PNode = () => {
  throw new Error('parse5 not loaded');
};

/** Every tag the panel's renderer writes. */
const OUR_TAGS = new Set([
  'html', 'head', 'meta', 'link', 'title', 'body', 'main', 'div', 'section', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'bdi', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'button', 'code', 'details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'script',
]);
/** Every attribute it writes (plus `data-*` and `aria-*` names, which never come from data). */
const OUR_ATTRIBUTES = new Set(['class', 'id', 'lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'src', 'nonce', 'title', 'role', 'dir', 'type', 'disabled', 'open']);

const NONCE = 'bm9uY2Utb2YtdGhlLXhzcy10ZXN0';
const URIS = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://r.example/dist/webview.js', styleUri: 'https://r.example/media/detail.css', codiconsUri: 'https://r.example/dist/codicons/codicon.css' };

/** Rows whose value is not a string in the API (numbers, booleans, absent objects): no payload there. */
const NOT_TEXT = new Set([
  'id', 'merchant_id', 'marketplace_id', 'cluster_id', 'newsletter', 'whatsapp', 'active', 'anonymized',
  'deletion_request.data.pending_confirmation', 'deletion_request.data.scheduled_date',
]);

function* walk(node: PNode): Generator<PNode> {
  yield node;
  for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])]) {
    yield* walk(child);
  }
}

const textOf = (node: PNode): string => [...walk(node)].map((n) => (n.nodeName === '#text' ? (n.value ?? '') : '')).join('');
const attr = (node: PNode, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;
const hasClass = (node: PNode, cls: string): boolean => (attr(node, 'class') ?? '').split(/\s+/).includes(cls);

/** Only our elements and attributes; URLs only ours; exactly one script, ours; no comment from data. */
function assertOnlyOurs(doc: PNode, where: string): void {
  const scripts: PNode[] = [];
  for (const n of walk(doc)) {
    assert.notEqual(n.nodeName, '#comment', `${where}: a comment node`);
    if (n.tagName === undefined) {
      continue;
    }
    assert.ok(OUR_TAGS.has(n.tagName), `${where}: foreign element <${n.tagName}>`);
    if (n.tagName === 'script') {
      scripts.push(n);
    }
    for (const a of n.attrs ?? []) {
      assert.ok(OUR_ATTRIBUTES.has(a.name) || /^(data|aria)-[a-z-]+$/.test(a.name), `${where}: foreign attribute ${a.name} on <${n.tagName}>`);
      if (a.name === 'href') {
        assert.ok(n.tagName === 'link' && [URIS.styleUri, URIS.codiconsUri].includes(a.value), `${where}: href ${a.value} on <${n.tagName}>`);
      }
      if (a.name === 'src' || a.name === 'nonce') {
        assert.equal(n.tagName, 'script', `${where}: ${a.name} on <${n.tagName}>`);
      }
    }
  }
  assert.equal(scripts.length, 1, `${where}: ${scripts.length} scripts`);
  assert.equal(attr(scripts[0] ?? doc, 'nonce'), NONCE);
  assert.equal(attr(scripts[0] ?? doc, 'src'), URIS.scriptUri);
  assert.equal(textOf(scripts[0] ?? doc), '', `${where}: our script has no inline code`);
}

/** The shown value of every panel row, by its `data-field`, and the label of each. */
function rows(doc: PNode): Map<string, { value: string; label: string }> {
  const out = new Map<string, { value: string; label: string }>();
  for (const n of walk(doc)) {
    const path = attr(n, 'data-field');
    if (path !== undefined && hasClass(n, 'field')) {
      const value = [...walk(n)].find((c) => c.tagName === 'span' && hasClass(c, 'value'));
      const label = [...walk(n)].find((c) => c.tagName === 'dt');
      out.set(path, { value: value ? textOf(value) : '', label: label ? textOf(label) : '' });
    }
  }
  return out;
}

function assertShowsAll(text: string, payloads: readonly string[], where: string, shown = xssShownText): void {
  for (const p of payloads) {
    assert.ok(text.includes(shown(p)), `${where} does not show ${JSON.stringify(p)} literally: ${JSON.stringify(text.slice(0, 300))}`);
  }
}

/**
 * The related sections show bidi controls as they are (inside <bdi>/dir=auto), unlike the record's
 * fields, which spell them out: the text is still there literally, only NUL is dropped by the parser.
 */
const rawShown = (p: string): string => p.split('\u0000').join('');

/** Rows whose formatter may legitimately reshape a payload (11/14 alphanumerics or 8–13 digits). */
const FORMATTED = new Set(['cpf', 'cnpj', 'phone.formated_number', 'phone.full_number', 'phone.number', 'spreadsheet.data.phone', 'spreadsheet.data.phone_number']);

/** Each row shows exactly what the model formatted (the escaping round-trips), NUL aside. */
function assertRoundTrip(shown: Map<string, { value: string }>, record: CustomerRecord, locale: Locale, where: string): void {
  for (const f of allFields(buildCustomerView(record, locale))) {
    // In an attribute (data-field) the parser turns NUL into U+FFFD.
    assert.equal(shown.get(f.path.split('\u0000').join('\uFFFD'))?.value, rawShown(f.formatted), `${where} row ${f.path}`);
  }
}

interface Rendered {
  readonly doc: PNode;
  readonly record: CustomerRecord;
}

function render(json: Record<string, unknown>, addresses: readonly unknown[], opts: { locale: Locale; privacy: boolean; revealAll: boolean }): Rendered {
  const record = decodeCustomerEnvelope({ data: json });
  const view = buildCustomerView(record, opts.locale);
  const revealed = new Set(opts.revealAll ? [...allFields(view).map((f) => f.path), ADDRESSES_REVEAL_KEY] : []);
  const sections: SectionView[] = [
    { section: 'orders', state: { status: 'loaded', items: [], hasMore: false, total: 0 } },
    { section: 'addresses', state: { status: 'loaded', items: addresses.map((a, i) => decodeAddress(a, `data[${i}]`)), hasMore: false } },
    { section: 'carts', state: { status: 'idle' } },
  ];
  const state = { kind: 'customer', alias: SANDBOX_STORES.aurora.alias, record } as const;
  const html = renderDetailDocument({ state, locale: opts.locale, privacy: opts.privacy, revealed, nonce: NONCE, ...URIS, sections });
  // The body re-rendered on reveal/hide goes through innerHTML: the same check on its own.
  const body = renderDetailBody({ state, locale: opts.locale, privacy: opts.privacy, revealed });
  assert.ok(html.includes(body), 'the document embeds the body as rendered');
  return { doc: parseDocument(html), record };
}

describe('XSS corpus through the panel renderer (parse5)', () => {
  const built = buildSandboxData().get(SANDBOX_STORES.aurora.alias);
  if (!built) {
    throw new Error('no loja-aurora in the sandbox');
  }
  const aurora = built;
  const groups = xssGroups();

  before(async () => {
    const parse5 = await import('parse5');
    parseDocument = (html) => parse5.parse(html);
  });

  it('holds at least 50 payloads in every family the issue names, each one in exactly one group', () => {
    assert.ok(XSS_PAYLOADS.length >= 50, `${XSS_PAYLOADS.length} payloads`);
    assert.equal(new Set(XSS_PAYLOADS).size, XSS_PAYLOADS.length, 'no duplicates');
    assert.deepEqual(groups.flat(), XSS_PAYLOADS);
    assert.equal(XSS_CUSTOMER_IDS.length, groups.length);
    for (const family of ['script tags', 'event handlers in text', 'attribute breakouts', 'context closers', 'javascript: and data: URLs', 'SVG and MathML', 'CSS injection', 'entity and unicode tricks', 'template breakouts', 'script-in-JSON']) {
      assert.ok((XSS_FAMILIES.find((f) => f.family === family)?.payloads.length ?? 0) >= 3, family);
    }
    for (const p of XSS_PAYLOADS) {
      assert.equal(p, p.trim(), `no edge whitespace: ${JSON.stringify(p)}`);
      assert.ok(!p.includes('\r'), 'no carriage return');
    }
  });

  it('the sandbox XSS customers carry their group in every text field, and one address made of it', () => {
    for (const [i, id] of XSS_CUSTOMER_IDS.entries()) {
      const c = aurora.byId.get(id);
      assert.ok(c, `customer ${id}`);
      const value = (groups[i] ?? []).join(XSS_SEPARATOR);
      assert.equal(c.json['notes'], value);
      assert.equal(c.json[groups[i]?.[0] ?? ''], value, 'an unknown field whose key is a payload');
      assert.equal(aurora.related.addresses.get(id)?.[0]?.['street'], value);
      assert.equal(aurora.related.orders.filter((o) => o.customerId === id).length, 0);
    }
  });

  for (const locale of ['en', 'pt-br'] as const) {
    it(`${locale}: every XSS customer, all revealed, shows every payload literally in every text field and adds nothing`, () => {
      for (const [i, id] of XSS_CUSTOMER_IDS.entries()) {
        const c = aurora.byId.get(id);
        assert.ok(c);
        const group = groups[i] ?? [];
        const { doc, record } = render(c.json, aurora.related.addresses.get(id) ?? [], { locale, privacy: true, revealAll: true });
        assertOnlyOurs(doc, `customer ${id}`);
        const shown = rows(doc);
        assertRoundTrip(shown, record, locale, `customer ${id}`);
        let checked = 0;
        for (const [path, row] of shown) {
          if (!NOT_TEXT.has(path)) {
            assertShowsAll(row.value, group, `customer ${id} row ${path}`);
            checked++;
          }
        }
        assert.ok(checked >= 43, `${checked} text rows`);
        assert.ok(shown.has(group[0] ?? ''), 'the payload key is a row');
        assertShowsAll(shown.get(group[0] ?? '')?.label ?? '', [group[0] ?? ''], 'the payload key label');
        const h1 = [...walk(doc)].find((n) => n.tagName === 'h1');
        assertShowsAll(h1 ? textOf(h1) : '', group, 'the header');
        const address = [...walk(doc)].find((n) => n.tagName === 'li' && hasClass(n, 'address'));
        assert.ok(address, 'the address is shown');
        assertShowsAll(textOf(address), group, 'the address', rawShown);
        const title = [...walk(doc)].find((n) => n.tagName === 'title');
        // the title carries the id, never the name (issue 18 §2.4: VS Code keeps titles on disk)
        assert.ok(title && /#\d+/.test(textOf(title)) && !textOf(title).includes(xssShownText(group[0] ?? '')), 'the <title> holds the id, not the name');
      }
    });
  }

  it('every XSS customer masked (privacy on, nothing revealed) or unmasked (privacy off) adds nothing', () => {
    for (const id of XSS_CUSTOMER_IDS) {
      const c = aurora.byId.get(id);
      assert.ok(c);
      for (const privacy of [true, false]) {
        assertOnlyOurs(render(c.json, aurora.related.addresses.get(id) ?? [], { locale: 'en', privacy, revealAll: false }).doc, `customer ${id} privacy ${String(privacy)}`);
      }
    }
  });

  it('each payload alone, in every text field and as a key, shows literally and adds nothing', () => {
    const base = aurora.byId.get(XSS_CUSTOMER_IDS[0] ?? 0)?.json ?? {};
    const notes = base['notes'];
    for (const p of XSS_PAYLOADS) {
      // The first XSS customer with each group value replaced by this one payload.
      const json = JSON.parse(JSON.stringify(base, (k, v: unknown) => (k === groups[0]?.[0] ? undefined : v === notes ? p : v))) as Record<string, unknown>;
      json[p] = p;
      const address = { id: 1, customer_id: base['id'], receiver: p, street: p, number: p, complement: p, neighborhood: p, city: p, uf: p, zip_code: p };
      const { doc, record } = render(json, [address], { locale: 'en', privacy: true, revealAll: true });
      assertOnlyOurs(doc, JSON.stringify(p));
      const shown = rows(doc);
      assertRoundTrip(shown, record, 'en', JSON.stringify(p));
      for (const [path, row] of shown) {
        if (!NOT_TEXT.has(path) && !FORMATTED.has(path)) {
          assertShowsAll(row.value, [p], `row ${path}`);
        }
      }
      const address0 = [...walk(doc)].find((n) => n.tagName === 'li' && hasClass(n, 'address'));
      assertShowsAll(address0 ? textOf(address0) : '', [p], 'the address', rawShown);
    }
  });
});
