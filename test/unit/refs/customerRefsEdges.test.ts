/**
 * Issue 23: the id scan at its edges — the document-size cap, the line and chunk limits, the match
 * and link budgets, the JSON structure rules (data envelope, comments, budget), overlapping refs and
 * captures that are no id — asserted on the refs a user gets (ids and exact offsets).
 */
import assert from 'node:assert/strict';
import { scanJsonCustomerIds } from '../../../src/core/refs/jsonScan';
import { compilePatterns, DEFAULT_HOVER_PATTERNS, MAX_DOCUMENT_LENGTH, MAX_LINE_LENGTH, MAX_LINKS, MAX_MATCHES_PER_PATTERN, SCAN_CHUNK, type CustomerRef } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { findRefsInDocument, findRefsInLine, newScanStats, refAt, scanDocument, shortLineChunks } from '../../../src/core/refs/textScan';

// compiled before each test, not at load nor in a before-all hook: what runs there is "static" for
// Stryker (every static mutant re-runs every test of the module); a compile costs well under a ms
let defaults: ReturnType<typeof compilePatterns>['patterns'] = [];
beforeEach(() => {
  defaults = compilePatterns(DEFAULT_HOVER_PATTERNS).patterns;
});
const user = (...sources: string[]): ReturnType<typeof compilePatterns>['patterns'] => {
  const compiled = compilePatterns(sources, compileRe2);
  assert.deepEqual(compiled.invalid, []);
  return compiled.patterns;
};

/** [id, the exact text the ref covers] for each ref of `text`. */
function shown(text: string, refs: readonly CustomerRef[]): Array<[number, string]> {
  return refs.map((r) => [r.id, text.slice(r.start, r.end)]);
}

describe('id scan: limits (issue 23)', () => {
  it('a document of exactly the size cap is scanned; one character more gets no refs and no JSON scan', () => {
    const tail = '\ncustomer_id: 77';
    const atCap = `${'x'.repeat(MAX_DOCUMENT_LENGTH - tail.length)}${tail}`;
    assert.equal(atCap.length, MAX_DOCUMENT_LENGTH);
    assert.deepEqual(shown(atCap, scanDocument(atCap, 'plaintext', defaults).refs), [[77, '77']]);
    assert.deepEqual(scanDocument(`${atCap} `, 'plaintext', defaults), { refs: [], json: 'skipped' });
    const json = `{"customer": {"id": 5}}${' '.repeat(MAX_DOCUMENT_LENGTH - 23)}`;
    assert.equal(json.length, MAX_DOCUMENT_LENGTH);
    assert.deepEqual(scanJsonCustomerIds(json), { refs: [{ id: 5, start: 20, end: 21 }], complete: true });
    assert.deepEqual(scanJsonCustomerIds(`${json} `), { refs: [], complete: false });
    assert.deepEqual(scanDocument(`${json} `, 'json', defaults), { refs: [], json: 'skipped' });
  });

  it('lines: exactly MAX_LINE_LENGTH is scanned, one more is skipped; an empty line finds nothing', () => {
    const at = (n: number): string => `customer_id: 42${'.'.repeat(n - 15)}`;
    assert.equal(at(MAX_LINE_LENGTH).length, MAX_LINE_LENGTH);
    assert.deepEqual(shown(at(MAX_LINE_LENGTH), findRefsInLine(at(MAX_LINE_LENGTH), defaults)), [[42, '42']]);
    assert.deepEqual(findRefsInLine(at(MAX_LINE_LENGTH + 1), defaults), []);
    assert.deepEqual(findRefsInLine('', defaults), []);
    const doc = `${at(MAX_LINE_LENGTH + 1)}\n${at(MAX_LINE_LENGTH)}`;
    assert.deepEqual(scanDocument(doc, 'plaintext', defaults).refs, [{ id: 42, start: MAX_LINE_LENGTH + 2 + 13, end: MAX_LINE_LENGTH + 2 + 15 }]);
  });

  it('chunks: whole short lines up to SCAN_CHUNK characters, long lines between them, empty lines nowhere', () => {
    assert.deepEqual(shortLineChunks('ab\ncd'), [[0, 5]]);
    assert.deepEqual(shortLineChunks('\n\nab\n\n'), [[2, 4]]);
    assert.deepEqual(shortLineChunks(''), []);
    const long = 'x'.repeat(MAX_LINE_LENGTH + 1);
    assert.deepEqual(shortLineChunks(`ab\n${long}\ncd`), [[0, 2], [MAX_LINE_LENGTH + 5, MAX_LINE_LENGTH + 7]]);
    assert.deepEqual(shortLineChunks(`${long}\nab`), [[MAX_LINE_LENGTH + 2, MAX_LINE_LENGTH + 4]]);
    const a = 'a'.repeat(MAX_LINE_LENGTH);
    const fits = `${a}\n${'b'.repeat(SCAN_CHUNK - MAX_LINE_LENGTH - 1)}`;
    assert.deepEqual(shortLineChunks(fits), [[0, SCAN_CHUNK]]);
    const over = `${fits}b`;
    assert.deepEqual(shortLineChunks(over), [[0, MAX_LINE_LENGTH], [MAX_LINE_LENGTH + 1, SCAN_CHUNK + 1]]);
    const stats = newScanStats();
    shortLineChunks('a\nb\n', stats);
    assert.equal(stats.lines, 3);
  });

  it('ids in every chunk of a long document are found, with document offsets', () => {
    const line = (i: number): string => `${'.'.repeat(90)} customer_id: ${i}`;
    const lines = Array.from({ length: 600 }, (_, i) => line(i + 1));
    const doc = lines.join('\n');
    assert.ok(doc.length > 3 * SCAN_CHUNK);
    for (const patterns of [defaults, user('customer_id: (\\d+)'), user('(?:customer_id|cid): (\\d+)')]) {
      const refs = scanDocument(doc, 'plaintext', patterns).refs;
      assert.equal(refs.length, 600);
      assert.deepEqual(shown(doc, refs).slice(-2), [[599, '599'], [600, '600']]);
      assert.ok(refs.every((r, i) => r.id === i + 1 && doc.slice(r.start, r.end) === String(i + 1)));
    }
  });

  it('a document keeps at most MAX_LINKS refs; each pattern stops after its match budget', () => {
    assert.equal(MAX_MATCHES_PER_PATTERN, 2 * MAX_LINKS);
    const doc = Array.from({ length: MAX_MATCHES_PER_PATTERN + 10 }, (_, i) => `customer_id: ${i + 1}`).join('\n');
    const stats = newScanStats();
    const { refs } = scanDocument(doc, 'plaintext', defaults, stats);
    assert.equal(refs.length, MAX_LINKS);
    assert.equal(refs[MAX_LINKS - 1]?.id, MAX_LINKS);
    assert.equal(stats.matches, MAX_MATCHES_PER_PATTERN);
    const re2Stats = newScanStats();
    scanDocument(doc, 'plaintext', user('customer_id: (\\d+)'), re2Stats);
    assert.equal(re2Stats.matches, MAX_MATCHES_PER_PATTERN);
    const line = Array.from({ length: MAX_MATCHES_PER_PATTERN + 5 }, () => '/customers/1').join(' ').slice(0, MAX_LINE_LENGTH);
    assert.equal(findRefsInLine(line, defaults).length, Math.min(MAX_MATCHES_PER_PATTERN, line.split('/customers/1').length - 1));
  });

  it('counts the work of a scan exactly: one engine call per pattern and chunk, every match', () => {
    const doc = 'customer_id: 1\ncustomer_id: 2';
    const stats = newScanStats();
    scanDocument(doc, 'plaintext', [defaults[0]].filter((p) => p !== undefined), stats);
    assert.deepEqual(stats, { charsToEngines: doc.length, engineCalls: 1, matches: 2, lines: 2 });
    const none = newScanStats();
    assert.deepEqual(scanDocument(doc, 'plaintext', [], none), { refs: [], json: 'skipped' });
    assert.deepEqual(none, newScanStats());
  });
});

describe('id scan: RE2 user patterns line by line (issue 23)', () => {
  it('with a required prefix, without one, and anchored to the line: ids and offsets on the right lines', () => {
    const doc = 'id=1 x\nnothing here\nfoo id=22\n\nid=333';
    const expected: Array<[number, string]> = [[1, '1'], [22, '22'], [333, '333']];
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('id=(\\d+)'))), expected);
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('(?:id|cid)=(\\d+)'))), expected);
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('cliente=(\\d+)|id=(?:\\d+)'))), []);
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('^id=(\\d+)'))), [[1, '1'], [333, '333']]);
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('(\\d+)$'))), [[22, '22'], [333, '333']]);
    const crlf = 'pedido\r\nid=4\r\nid=5';
    assert.deepEqual(shown(crlf, findRefsInDocument(crlf, 'plaintext', user('id=(\\d+)'))), [[4, '4'], [5, '5']]);
    // RE2 ran them, not V8: `\A` is RE2's start of text (V8 reads a literal `A` there)
    assert.deepEqual(shown(doc, findRefsInDocument(doc, 'plaintext', user('\\Aid=(\\d+)'))), [[1, '1'], [333, '333']]);
    assert.deepEqual(user('id=(\\d+)').map((p) => p.engine), ['re2']);
  });

  it('a match may not span a line break, LF or CR', () => {
    assert.deepEqual(findRefsInDocument('customer_id:\n12', 'plaintext', defaults), []);
    assert.deepEqual(findRefsInDocument('customer_id:\r12', 'plaintext', defaults), []);
    assert.deepEqual(findRefsInDocument('id\r=12', 'plaintext', user('id\\s*=(\\d+)')), []);
  });

  it('captures that are not a positive safe integer of at most 15 digits are no id', () => {
    const p = user('id=(\\w+)');
    for (const text of ['id=12a', 'id=a12', 'id=0x10', 'id=1e3', 'id=0', 'id=1234567890123456']) {
      assert.deepEqual(findRefsInLine(text, p), [], text);
    }
    assert.deepEqual(findRefsInLine('id=123456789012345', p), [{ id: 123456789012345, start: 3, end: 18 }]);
  });

  it('overlapping refs from two patterns: the longer one at the same start wins; adjacent refs both stay', () => {
    assert.deepEqual(findRefsInLine('x123', user('x(\\d\\d)', 'x(\\d{3})')), [{ id: 123, start: 1, end: 4 }]);
    assert.deepEqual(findRefsInLine('x123', user('x(\\d{3})', 'x(\\d\\d)')), [{ id: 123, start: 1, end: 4 }]);
    assert.deepEqual(findRefsInLine('1234', user('(\\d\\d)')), [{ id: 12, start: 0, end: 2 }, { id: 34, start: 2, end: 4 }]);
    assert.deepEqual(findRefsInLine('a1234', user('a(\\d{4})', '(\\d\\d)')), [{ id: 1234, start: 1, end: 5 }]);
  });

  it('refAt: only an offset inside the digits or at their ends', () => {
    const refs: CustomerRef[] = [{ id: 7, start: 10, end: 12 }];
    assert.deepEqual([9, 10, 11, 12, 13].map((o) => refAt(refs, o)?.id), [undefined, 7, 7, 7, undefined]);
  });
});

describe('id scan: JSON structure rules (issue 23)', () => {
  const ids = (text: string): number[] => scanJsonCustomerIds(text).refs.map((r) => r.id);

  it('an id directly under the customer or its data envelope; nowhere else', () => {
    assert.deepEqual(ids('{"customer": {"data": {"id": 5}}}'), [5]);
    assert.deepEqual(ids('{"cliente": {"id": 6}}'), [6]);
    assert.deepEqual(ids('{"CUSTOMER" : {"id": "7"}}'), [7]);
    assert.deepEqual(ids('{"customer": {"items": {"id": 8}}}'), []);
    assert.deepEqual(ids('{"customer": {"data": {"data": {"id": 9}}}}'), []);
    assert.deepEqual(ids('{"customer": {"x": {"data": {"id": 10}}}}'), []);
    assert.deepEqual(ids('{"customer": {"data": [{"id": 11}]}}'), []);
    assert.deepEqual(ids('{"customer": [{"id": 12}]}'), []);
    assert.deepEqual(ids('{"customer": {"a": 1}, "id": 13}'), []);
    assert.deepEqual(ids('{"customer": {"id": "abc"}, "x": 1}'), []);
    assert.deepEqual(ids('{"customer": {"id": true}}'), []);
    assert.deepEqual(ids('{"order": {"id": 14}}'), []);
  });

  it('offsets cover the digits only, quoted or not', () => {
    const text = '{"customer": {"id": "15", "data": {"id": 16}}}';
    assert.deepEqual(shown(text, scanJsonCustomerIds(text).refs), [[15, '15'], [16, '16']]);
  });

  it('comments anywhere in the customer object are skipped', () => {
    assert.deepEqual(ids('{"customer": /* c */ {"id": 17}}'), [17]);
    assert.deepEqual(ids('{"customer": {"id": /* c */ 18 // trailing\n}}'), [18]);
    assert.deepEqual(ids('{"customer": {// line\n"id": 19}}'), [19]);
  });

  it('nested customers: scanned within budget for a large document, stopped when the nesting costs more', () => {
    const pad = 'x'.repeat(100_000);
    const twice = `{"customer": {"customer": {"pad": "${pad}", "id": 20}}}`;
    assert.deepEqual(scanJsonCustomerIds(twice).complete, true);
    assert.deepEqual(ids(twice), [20]);
    const n = 400;
    const deep = `${'{"customer": '.repeat(n)}{"id": 21}${'}'.repeat(n)}`;
    assert.deepEqual(scanJsonCustomerIds(deep), { refs: [], complete: false });
    assert.equal(scanDocument(deep, 'json', defaults).json, 'failed');
  });

  it('the structure is read for json, jsonc, jsonl and snippets only, and only when a customer key is there', () => {
    const text = '{"customer": {"id": 22}}';
    for (const language of ['json', 'jsonc', 'jsonl', 'snippets']) {
      assert.deepEqual(scanDocument(text, language, []), { refs: [{ id: 22, start: 20, end: 22 }], json: 'ok' }, language);
    }
    for (const language of ['plaintext', 'javascript', 'log', '']) {
      assert.deepEqual(scanDocument(text, language, []), { refs: [], json: 'skipped' }, language);
    }
    assert.deepEqual(scanDocument('{"order": {"id": 1}}', 'json', []), { refs: [], json: 'skipped' });
  });
});
