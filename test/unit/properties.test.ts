/**
 * Issue 10 point 10: property tests (fast-check). Runs per property are in RUNS (./propertyRuns) and in each
 * `numRuns`; a failing case is shrunk and printed with its seed. No clock is involved: "never hangs"
 * holds because every property finishes, and linear scan work is asserted on counted work.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeAuthMe, decodeCustomer, decodeCustomerEnvelope, decodeCustomerPage } from '../../src/core/api/decode';
import { YampiError } from '../../src/core/api/errors';
import { compilePatterns, DEFAULT_HOVER_PATTERNS } from '../../src/core/refs/patterns';
import { compileRe2 } from '../../src/core/refs/re2Engine';
import { newScanStats, scanDocument } from '../../src/core/refs/textScan';
import { escapeMarkdown, hoverCard } from '../../src/core/hover/hoverCard';
import { normalizeDocument } from '../../src/core/customers/documents';
import { customerJson, type Visibility } from '../../src/core/customers/fields';
import { maskBirthday, maskCnpj, maskCpf, maskDigitsInUrl, maskEmail, maskIp, maskPhone, maskText } from '../../src/core/common/mask';
import { customerSummary } from '../../src/core/customers/summary';
import { plainLabel } from '../../src/core/common/text';
import { escapeHtml } from '../../src/core/webview/escapeHtml';
import { renderDetailBody } from '../../src/core/customers/renderDetailHtml';
import { RUNS } from './propertyRuns';
import { inventory, labelIcons, loadRenderers, renderHover } from './render/renderers';


before(loadRenderers);

/** Any text, including lone surrogates, controls, RTL and markup-looking runs. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('$(', 'check)', ')', '<', '>', '&', 'amp;', '#', '*', '_', '`', '[', '](', 'http://', 'https://x.y', 'www.', '@', '.com', '\\', '"', "'", '\n', '\r', ' ', '\u202e', 'javascript:', 'onerror=', 'script', '~', '|', '!', '$'), { maxLength: 25 }).map((a) => a.join('')),
);

/** JSON values nested up to `depth`, plus now and then a very deep array. */
const deepArray = fc.integer({ min: 30, max: 5_000 }).map((n) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) {
    v = [v];
  }
  return v;
});
const json = fc.oneof({ weight: 5, arbitrary: fc.jsonValue({ maxDepth: 6 }) }, { weight: 1, arbitrary: deepArray });
const customerLike = fc.record(
  {
    id: fc.oneof(fc.integer({ min: -5, max: 1e9 }), fc.constantFrom('12', 'x', '0', '1e3'), fc.constant(null)),
    name: fc.oneof(anyText, json),
    email: fc.oneof(anyText, json),
    phone: fc.oneof(fc.record({ full_number: fc.oneof(anyText, json), whatsapp_link: fc.oneof(anyText, json) }, { requiredKeys: [] }), json),
    spreadsheet: fc.oneof(fc.record({ data: fc.dictionary(fc.constantFrom('city', 'uf', 'last_order_value', 'last_order_date', 'phone'), fc.oneof(anyText, json)) }), json),
    extra: json,
  },
  { requiredKeys: ['id'] },
);

function onlyTypedErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    assert.ok(YampiError.is(e), `threw ${String(e)}`);
  }
}

describe('properties: decoder', () => {
  it('on arbitrary JSON (deep nesting included) throws nothing but a typed YampiError', () => {
    fc.assert(
      fc.property(fc.oneof(json, customerLike, fc.record({ data: fc.oneof(customerLike, fc.array(customerLike, { maxLength: 3 })), meta: json }, { requiredKeys: [] })), (body) => {
        onlyTypedErrors(() => decodeCustomerEnvelope(body));
        onlyTypedErrors(() => decodeCustomerPage(body));
        onlyTypedErrors(() => decodeAuthMe(body));
        onlyTypedErrors(() => decodeCustomer(body, 'data'));
      }),
      { numRuns: RUNS.medium },
    );
  });

  it('whatever it accepts renders in every view without throwing', () => {
    fc.assert(
      fc.property(customerLike, fc.boolean(), (value, privacy) => {
        let record;
        try {
          record = decodeCustomer(value, 'data');
        } catch (e) {
          assert.ok(YampiError.is(e));
          return;
        }
        const state = { kind: 'customer', alias: 'loja', record } as const;
        renderDetailBody({ state, locale: 'pt-br', privacy, revealed: new Set() });
        hoverCard({ kind: 'customer', record, alias: 'loja', storeName: 'Loja' }, 'en', privacy);
        customerSummary(record, 'en', privacy);
        JSON.parse(customerJson(record, new Set()));
      }),
      { numRuns: RUNS.medium },
    );
  });
});

describe('properties: masking reveals no more than its rule', () => {
  const digits = (s: string): string => s.replace(/\D/g, '');
  it('maskCpf / maskCnpj: `***` or the documented middle digits, all taken from the input', () => {
    fc.assert(
      fc.property(anyText, fc.stringMatching(/^\d{11}$|^\d{14}$/), (text, doc) => {
        for (const v of [text, doc]) {
          const cpf = maskCpf(v);
          const cpfKept = normalizeDocument(v, 'cpf').slice(3, 9);
          assert.ok(cpf === '***' || cpf === `***.${cpfKept.slice(0, 3)}.${cpfKept.slice(3)}-**`, cpf);
          // CNPJs may be alphanumeric (2026 format): the root's middle and the branch, nothing else
          const cnpj = maskCnpj(v);
          const kept = normalizeDocument(v, 'cnpj').slice(2, 12);
          assert.ok(cnpj === '***' || cnpj === `**.${kept.slice(0, 3)}.${kept.slice(3, 6)}/${kept.slice(6)}-**`, cnpj);
        }
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('maskEmail: only the first character of the local part, then the domain', () => {
    fc.assert(
      fc.property(anyText, anyText, (local, domain) => {
        const v = `${local}@${domain}`;
        const out = maskEmail(v);
        const t = v.trim();
        const at = t.lastIndexOf('@');
        const first = t.slice(0, at)[Symbol.iterator]().next().value ?? ''; // one code point, as the rule says
        assert.ok(out === '***' || out === `${first}***${t.slice(at)}`, out);
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('maskPhone: at most the area code and the last four digits', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.stringMatching(/^\+?\d[\d ()-]{6,18}$/)), (v) => {
        const shown = digits(maskPhone(v));
        assert.ok(shown.length <= 6, maskPhone(v));
        assert.ok(digits(v).endsWith(shown.slice(-4)));
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('maskText / maskBirthday / maskIp / maskDigitsInUrl keep only what their rule allows', () => {
    fc.assert(
      fc.property(anyText, fc.stringMatching(/^\d{4}-\d{2}-\d{2}/), fc.ipV4(), fc.stringMatching(/^https:\/\/x\/\?p=\d{0,20}&q=\d{0,20}$/), (text, date, ip, url) => {
        const t = maskText(text);
        assert.ok(t === '***' || (Array.from(t).length === 4 && t.endsWith('***')), t); // one code point, then ***
        assert.equal(maskBirthday(date), `**/**/${date.slice(0, 4)}`);
        assert.ok(/^\*\*\*$|^\*\*\/\*\*\/\d{4}$/.test(maskBirthday(text)));
        assert.equal(maskIp(ip), `${ip.split('.').slice(0, 2).join('.')}.*.*`);
        const masked = maskDigitsInUrl(url);
        assert.equal(masked.length, url.length);
        for (const m of url.matchAll(/\d{8,}/g)) {
          // a run of 8+ digits (a phone) shows its last four only
          const shown = masked.slice(m.index, m.index + m[0].length);
          assert.equal(shown, `${'*'.repeat(m[0].length - 4)}${m[0].slice(-4)}`);
        }
        assert.equal(masked.replace(/\*/g, '').length, url.length - (masked.match(/\*/g) ?? []).length);
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('privacy on: no tree, hover or summary text contains the e-mail local part or the full phone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/), fc.stringMatching(/^\d{11}$/), (local, phone) => {
        const record = { customer: { id: 7, email: `${local}@x.com`, phone: { full_number: phone } }, raw: { id: 7, email: `${local}@x.com`, phone: { full_number: phone } } };
        const s = customerSummary(record, 'en', true);
        const md = hoverCard({ kind: 'customer', record, alias: 'loja', storeName: 'Loja' }, 'en', true);
        const vis: Visibility = { privacy: true, revealed: new Set() };
        const html = renderDetailBody({ state: { kind: 'customer', alias: 'loja', record }, locale: 'en', privacy: vis.privacy, revealed: vis.revealed });
        // A shown phone is digits broken only by layout characters; a mask character ends it. So the
        // five middle digits must not appear within any such stretch (tags are taken out first, so a
        // leak split across elements still counts). Joining every digit of the text would be wrong:
        // (09) *****-0996 of 09909960996 would "contain" 90996 across the mask.
        const stretches = (text: string): string[] => text.replace(/<[^>]*>/g, '').split(/[^\d ()+\-./]+/).map(digits);
        for (const text of [...s.lines, s.description, md.replace(/\\/g, ''), html]) {
          assert.ok(!text.includes(local), text);
          assert.ok(!stretches(text).some((d) => d.includes(phone.slice(2, 7))), text);
        }
      }),
      { numRuns: RUNS.render },
    );
  });
});

describe('properties: id scan', () => {
  const user = compilePatterns(['pedido (\\d+)', '(\\d+)+z'], compileRe2).patterns;
  const defaults = compilePatterns(DEFAULT_HOVER_PATTERNS).patterns;
  const piece = fc.oneof(
    fc.constantFrom('customer_id: 12', '"customer": {"id": 3}', '/customers/77', 'pedido 9', '\n', '\r\n', '{', '[', ']', '}', ' ', '111111111z'),
    fc.string({ maxLength: 20 }),
    fc.integer({ min: 1, max: 25_000 }).map((n) => 'x'.repeat(n)),
  );
  const doc = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

  it('never throws, and engine work is bounded by patterns × length (over-long lines cost nothing)', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom('json', 'jsonc', 'log', 'plaintext'), (text, languageId) => {
        const patterns = [...defaults, ...user];
        const stats = newScanStats();
        const scan = scanDocument(text, languageId, patterns, stats);
        // native: one pass per pattern; RE2: chunk test or prefix search, then the DFA and the capturing run on the lines picked
        assert.ok(stats.charsToEngines <= 3 * patterns.length * text.length);
        assert.ok(stats.lines <= text.length + 1);
        for (const r of scan.refs) {
          assert.ok(r.start >= 0 && r.end <= text.length && /^\d+$/.test(text.slice(r.start, r.end)));
        }
      }),
      { numRuns: RUNS.scan },
    );
  });

  it('work grows linearly: n, 4n and 16n characters (copies of one document) stay under one linear bound', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const patterns = [...defaults, ...user];
        const one = newScanStats();
        scanDocument(text, 'log', patterns, one);
        for (const copies of [4, 16]) {
          const big = Array.from({ length: copies }, () => text).join('\n');
          const many = newScanStats();
          scanDocument(big, 'log', patterns, many);
          // characters handed to engines: at most three passes per pattern over the text
          assert.ok(many.charsToEngines <= 3 * patterns.length * big.length, `${many.charsToEngines} for ${big.length}`);
          // engine calls: joining copies can only merge chunks, never multiply them
          assert.ok(many.engineCalls <= copies * one.engineCalls + copies * patterns.length, `${many.engineCalls} vs ${one.engineCalls}`);
          assert.ok(many.lines <= copies * one.lines);
        }
      }),
      { numRuns: RUNS.scan },
    );
  });
});

describe('properties: escapes, rendered by the real renderers', () => {
  it('escapeMarkdown: marked + VS Code icons render one paragraph, no link, no icon, the text as typed', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const inv = inventory(renderHover(escapeMarkdown(value, 1_000)));
        assert.ok(inv.elements.every((e) => e === 'p'), inv.elements.join());
        assert.deepEqual(inv.icons, []);
        assert.deepEqual(inv.urls, []);
      }),
      { numRuns: RUNS.render },
    );
  });

  it('plainLabel: VS Code draws no icon in the label', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        assert.deepEqual(labelIcons(plainLabel(value)), []);
      }),
      { numRuns: RUNS.cheap },
    );
  });

  it('escapeHtml: in text and in quoted attributes, parse5 finds only our element and the value intact', () => {
    // the HTML parser's own input rules: CR LF and CR become LF, NUL in text is dropped
    const normalize = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/\0/g, '');
    fc.assert(
      fc.property(anyText, (value) => {
        for (const html of [`<span class="v">${escapeHtml(value)}</span>`, `<span title="${escapeHtml(value)}"></span>`, `<span title='${escapeHtml(value)}'></span>`]) {
          const inv = inventory(html);
          assert.deepEqual(inv.elements, ['span']);
          assert.equal(inv.attributes.length, 1);
          assert.deepEqual(inv.urls, []);
        }
        assert.equal(inventory(`<span>${escapeHtml(value)}</span>`).text, normalize(value));
      }),
      { numRuns: RUNS.render },
    );
  });

  it('renderDetailBody: a record of hostile text renders only our elements, attributes and icons, no URL', () => {
    const OUR_ELEMENTS = new Set(['section', 'header', 'div', 'h1', 'h2', 'h3', 'p', 'span', 'bdi', 'ul', 'li', 'dl', 'dt', 'dd', 'button', 'code']);
    const OUR_ATTRIBUTES = new Set(['class', 'id', 'role', 'aria-hidden', 'aria-labelledby', 'aria-label', 'aria-pressed', 'aria-busy', 'title', 'type', 'dir', 'disabled', 'data-action', 'data-focus-key', 'data-field', 'data-group', 'data-badge']);
    const OUR_ICONS = new Set(['person', 'organization', 'refresh', 'json', 'eye', 'eye-closed', 'link-external', 'copy', 'key', 'warning', 'shield', 'unlock', 'loading', 'search', 'lock', 'debug-disconnect', 'watch', 'output']);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'email', 'notes', 'cpf', 'ip', 'x', '$(x)', '<b>', 'a"b'), anyText), fc.boolean(), (fields, privacy) => {
        const raw = { id: 5, ...fields, phone: { full_number: fields['notes'] ?? '', whatsapp_link: 'x' } };
        const html = renderDetailBody({ state: { kind: 'customer', alias: 'loja', record: { customer: raw, raw } }, locale: 'en', privacy, revealed: new Set(['email']) });
        const inv = inventory(html);
        assert.deepEqual(inv.elements.filter((e) => !OUR_ELEMENTS.has(e)), []);
        assert.deepEqual(inv.attributes.map((a) => a.slice(0, a.indexOf('='))).filter((a) => !OUR_ATTRIBUTES.has(a)), []);
        assert.deepEqual(inv.icons.filter((i) => !OUR_ICONS.has(i)), []);
        assert.deepEqual(inv.urls, []);
      }),
      { numRuns: RUNS.render },
    );
  });
});
