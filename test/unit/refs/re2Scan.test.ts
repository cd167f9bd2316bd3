/**
 * Issue 10 point 14: user patterns (RE2) pick their lines with a native search for a required
 * prefix read from the RE2 program, then run the DFA and one capturing run per match. These tests
 * hold the scan to a naive reference written here (each line alone, on re2js's public Matcher, with
 * the same budget). What the prefix reader relies on in re2js is pinned in refs/re2Prefix.test.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { compilePatterns, type CustomerRef, MAX_LINE_LENGTH, MAX_LINKS, MAX_MATCHES_PER_PATTERN, SCAN_CHUNK } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { requiredPrefix } from '../../../src/core/refs/re2Prefix';
import { newScanStats, scanDocument, shortLineChunks } from '../../../src/core/refs/textScan';
import { RUNS } from '../propertyRuns';

/** Patterns with a required prefix (some with line breaks or case variants in it) and without. */
const SOURCES = [
  'pedido (\\d+)',
  'customer_id["\']?\\s*[:=]\\s*(\\d+)',
  'id\\s(\\d+)',
  '^ref(\\d+)',
  'ksk(\\d+)',
  'caç(\\d+)',
  'ção(\\d+)',
  'nº-\\b(\\d*)',
  '(\\d+)\\s*kg',
  '\\b(\\d*)',
  'a(\\d+)$',
  '^(\\d+)',
  '(\\d+)\\z',
];

function compile(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

/** The reference: each line alone (split on LF only, so CR stays in it), on re2js's Matcher. */
function reference(text: string, sources: readonly string[]): CustomerRef[] {
  const refs: CustomerRef[] = [];
  for (const source of sources) {
    const re = compile(source);
    let left = MAX_MATCHES_PER_PATTERN;
    let offset = 0;
    for (const line of text.split('\n')) {
      if (left > 0 && line.length > 0 && line.length <= MAX_LINE_LENGTH) {
        const m = re.matcher(line);
        while (left > 0 && m.find()) {
          left -= 1;
          const digits = m.group(1);
          const id = digits !== null && /^\d{1,15}$/.test(digits) ? Number(digits) : 0;
          if (id > 0 && Number.isSafeInteger(id) && !/[\r\n]/.test(m.group(0) ?? '')) {
            refs.push({ id, start: offset + m.start(1), end: offset + m.end(1) });
          }
          if (m.end() === m.start()) {
            break;
          }
        }
      }
      offset += line.length + 1;
    }
  }
  // sorted by position, a ref overlapping an earlier one dropped, at most MAX_LINKS
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CustomerRef[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    if (!last || r.start >= last.end) {
      out.push(r);
    }
  }
  return out.slice(0, MAX_LINKS);
}

function scan(text: string, sources: readonly string[]): readonly CustomerRef[] {
  const compiled = compilePatterns(sources, compileRe2);
  assert.deepEqual(compiled.invalid, []);
  return scanDocument(text, 'log', compiled.patterns).refs;
}

/** Random documents: short lines of keywords, digits and odd characters, some over-long lines, LF and CRLF. */
const word = fc.constantFrom(
  'pedido ', 'PEDIDO ', 'customer_id', 'Customer_ID"', ': ', '=', ' ', 'id', 'ID ', 'id\t', 'ref', 'REF',
  'ks', 'KSK', '\u212ask', 'k\u017f\u212a', 'caç', 'CAÇ', 'ção', 'ÇÃO', 'nº-', 'Nº-', 'kg', ' kg', 'a', 'x', '0', '7', '42',
  '123456789012', '99999999999999999', '😀', '\ud800', '\u00e9', '\t',
);
const digits = fc.stringMatching(/^\d{1,6}$/);
const shortLine = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: digits }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 12 }).map((a) => a.join(''));
/** Over MAX_LINE_LENGTH: matches hidden in it must never be found. */
const longLine = fc.tuple(fc.integer({ min: 1, max: 40 }), shortLine).map(([extra, line]) => `pedido 5 id 6 ${line}${'x'.repeat(MAX_LINE_LENGTH + extra)}`);
/** Just under the limit: long documents span several chunks without many lines. */
const filler = fc.integer({ min: MAX_LINE_LENGTH - 200, max: MAX_LINE_LENGTH }).map((n) => `pedido 8 ${'y'.repeat(n - 9)}`);
const line = fc.oneof({ weight: 20, arbitrary: shortLine }, { weight: 1, arbitrary: longLine }, { weight: 1, arbitrary: filler }, { weight: 2, arbitrary: fc.constant('') });
const doc = fc.tuple(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 60 }), fc.boolean()).map(([lines, trailing]) => {
  const text = lines.map(([l, eol]) => l + eol).join('');
  return trailing ? text : text.replace(/\r?\n$/, '');
});

describe('user patterns (RE2): the scan equals the naive per-line reference', () => {
  it('property: random documents, each pattern alone and all together', () => {
    fc.assert(
      fc.property(doc, fc.subarray(SOURCES, { minLength: 1 }), (text, some) => {
        for (const source of some) {
          assert.deepEqual(scan(text, [source]), reference(text, [source]), source);
        }
        assert.deepEqual(scan(text, some), reference(text, some));
      }),
      { numRuns: RUNS.scan },
    );
  });

  it('property: the match budget runs out at the same match (floods of rejected and accepted matches)', () => {
    const flood = fc.tuple(fc.constantFrom('pedido 0 ', 'pedido 1 ', 'id 0 ', 'id 2 ', 'x'), fc.integer({ min: 1, max: 1_100 })).map(([s, n]) => s.repeat(n).slice(0, MAX_LINE_LENGTH));
    fc.assert(
      fc.property(fc.array(fc.oneof(flood, shortLine), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        for (const source of ['pedido (\\d+)', 'id\\s(\\d+)', '(\\d+)\\s*kg', '\\b(\\d*)']) {
          assert.deepEqual(scan(text, [source]), reference(text, [source]), source);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('user patterns (RE2): edge cases of the prefix search', () => {
  it('matches at the start and the end of the document, and of a chunk', () => {
    const filler = `pedido 1 ${'z'.repeat(MAX_LINE_LENGTH - 20)}`;
    const lines = ['pedido 2', filler, 'x pedido 3', filler, 'pedido 4'];
    const text = lines.join('\n');
    const chunks = shortLineChunks(text);
    assert.ok(chunks.length >= 2, 'the document spans several chunks');
    const refs = scan(text, ['pedido (\\d+)']);
    assert.deepEqual(refs.map((r) => r.id), [2, 1, 3, 1, 4]);
    assert.deepEqual(refs, reference(text, ['pedido (\\d+)']));
    // each chunk starts and ends with a matching line
    for (const [s, e] of chunks) {
      assert.ok(refs.some((r) => r.start >= s && r.start < s + 20), `a ref at the start of chunk ${s}`);
      assert.ok(refs.some((r) => r.end === e), `a ref at the end of chunk ${s}–${e}`);
    }
    assert.ok(SCAN_CHUNK < text.length);
  });

  it('a match ending at a line break (LF or CRLF) keeps its exact offsets', () => {
    const text = 'pedido 42\npedido 7\r\npedido 9';
    assert.deepEqual(scan(text, ['pedido (\\d+)']).map((r) => [r.id, text.slice(r.start, r.end)]), [[42, '42'], [7, '7'], [9, '9']]);
    // `$` sees the CR of a CRLF line: the match holds a line break and is rejected, as on the line alone
    assert.deepEqual(scan('a1\r\na2\na3', ['a(\\d+)$']).map((r) => r.id), [2, 3]);
  });

  it('a prefix that occurs across a line break (\\s holds LF) never yields a match across lines', () => {
    const prefix = requiredPrefix(compile('id\\s(\\d+)'));
    assert.ok(prefix?.test('id\n'), 'the prefix itself spans the line break');
    const text = 'id\n5\nid\r\n6\nid 7';
    assert.deepEqual(scan(text, ['id\\s(\\d+)']).map((r) => r.id), [7]);
    assert.deepEqual(scan('id\n5', ['id\\s(\\d+)']), []);
  });

  it('empty lines, a document of line breaks, and an empty document', () => {
    const text = '\n\npedido 3\n\n\r\n\npedido 4\n';
    assert.deepEqual(scan(text, ['pedido (\\d+)']).map((r) => [r.id, r.start]), [[3, 9], [4, 22]]);
    assert.deepEqual(scan('\n\r\n\n', ['pedido (\\d+)', 'id\\s(\\d+)']), []);
    assert.deepEqual(scan('', ['pedido (\\d+)']), []);
  });

  it('the budget runs out mid-chunk and mid-line: later matches are not looked at', () => {
    const flood = 'pedido 0 '.repeat(1_000).trimEnd(); // 1,000 rejected matches per line
    const text = ['pedido 1', flood, flood, flood, `${flood} pedido 5`, 'pedido 6'].join('\n');
    assert.equal(shortLineChunks(text).length, 4, 'the budget runs out in the last chunk, before its last line');
    const compiled = compilePatterns(['pedido (\\d+)'], compileRe2);
    const stats = newScanStats();
    const refs = scanDocument(text, 'log', compiled.patterns, stats).refs;
    assert.deepEqual(refs.map((r) => r.id), [1]);
    assert.equal(stats.matches, MAX_MATCHES_PER_PATTERN);
    assert.deepEqual(refs, reference(text, ['pedido (\\d+)']));
  });

  it('case variants RE2 accepts are found: KELVIN SIGN and LONG S fold to k and s', () => {
    assert.ok(requiredPrefix(compile('ksk(\\d+)')));
    const text = 'KSK1 ksk2 \u212aSk3 k\u017f\u212a4 \u212a\u017fK5';
    assert.deepEqual(scan(text, ['ksk(\\d+)']).map((r) => r.id), [1, 2, 3, 4, 5]);
  });

  it('lines without the prefix cost the engines nothing: the chunk search, then the DFA and the capturing run on the one line', () => {
    const quiet = Array.from({ length: 500 }, (_, i) => `2026-11-27 DEBUG step=${i} status=ok`).join('\n');
    const hit = 'INFO pedido 77';
    const text = `${quiet}\n${hit}\n${quiet}`;
    assert.ok(shortLineChunks(text).length >= 2);
    const stats = newScanStats();
    const refs = scanDocument(text, 'log', compilePatterns(['pedido (\\d+)'], compileRe2).patterns, stats).refs;
    assert.deepEqual(refs.map((r) => r.id), [77]);
    const chunked = shortLineChunks(text).reduce((n, [s, e]) => n + e - s, 0);
    assert.equal(stats.charsToEngines, chunked + 2 * hit.length);
  });
});
