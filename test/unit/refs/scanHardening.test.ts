/**
 * Issue 10 points 1, 2 and 6 (scan part): the id scan skips over-long lines before any engine runs,
 * counts rejected matches toward its stop, runs user patterns on RE2, and degrades on deep JSON.
 * Work is asserted as counted work (ScanStats), never as wall time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePatterns, DEFAULT_HOVER_PATTERNS, MAX_LINE_LENGTH, MAX_MATCHES_PER_PATTERN } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { findRefsInDocument, findRefsInLine, newScanStats, scanDocument, shortLineChunks } from '../../../src/core/refs/textScan';

const root = join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
// compiled before each test, not at load nor in a before-all hook: what runs there is "static" for
// Stryker (every static mutant re-runs every test of the module); a compile costs well under a ms
let patterns: ReturnType<typeof compilePatterns>['patterns'] = [];
beforeEach(() => {
  patterns = compilePatterns(DEFAULT_HOVER_PATTERNS).patterns;
});

/** A minified single-line JSON array of webhook-like events, `count` customer ids. */
export function minifiedJson(count: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, i) => ({ event: 'order.paid', customer_id: 48200000 + i, customer: { data: { id: 48200000 + i } } })));
}

describe('id scan: over-long lines and the match budget', () => {
  it('the defaults in core are exactly the package.json defaults (only these run natively)', () => {
    assert.deepEqual(DEFAULT_HOVER_PATTERNS, pkg.contributes.configuration.properties['yampi.hover.patterns']?.default);
    assert.deepEqual(patterns.map((p) => p.engine), ['native', 'native']);
  });

  it('no engine sees an over-long line: a 1 MB minified line costs the engines nothing', () => {
    const long = minifiedJson(11_000);
    assert.ok(long.length > 900_000);
    const text = `${long}\ncustomer_id: 7\n${long}\n`;
    const stats = newScanStats();
    const refs = findRefsInDocument(text, 'plaintext', patterns, stats);
    assert.deepEqual(refs.map((r) => r.id), [7]);
    assert.equal(stats.charsToEngines, 'customer_id: 7'.length * patterns.length);
    assert.equal(stats.lines, 4);
  });

  it('still finds ids in JSON structure of a minified JSON document (structure scan is not line-based)', () => {
    const text = minifiedJson(3);
    const scan = scanDocument(text, 'json', patterns);
    // short enough for the patterns too: `customer_id` and `customer.data.id`, each at its own offsets
    assert.deepEqual(scan.refs.map((r) => r.id), [48200000, 48200000, 48200001, 48200001, 48200002, 48200002]);
    assert.equal(scan.json, 'ok');
  });

  it('chunks cover every short line exactly once, in order, and never an over-long one', () => {
    const lines = ['a', 'x'.repeat(MAX_LINE_LENGTH + 1), '', 'b'.repeat(MAX_LINE_LENGTH), 'c', 'y'.repeat(20_000), 'd'];
    const text = lines.join('\n');
    const covered = shortLineChunks(text).map(([s, e]) => text.slice(s, e)).join('\n').split('\n').filter((l) => l !== '');
    assert.deepEqual(covered, ['a', 'b'.repeat(MAX_LINE_LENGTH), 'c', 'd']);
  });

  it('rejected matches count toward the stop: a flood of unusable matches cannot buy unbounded work', () => {
    const flood = Array.from({ length: MAX_MATCHES_PER_PATTERN + 500 }, () => 'customer_id: 0').join('\n');
    const stats = newScanStats();
    const refs = findRefsInDocument(`${flood}\ncustomer_id: 7\n`, 'plaintext', patterns, stats);
    assert.deepEqual(refs, [], 'the pattern stopped before the last line');
    assert.ok(stats.matches <= MAX_MATCHES_PER_PATTERN * patterns.length, `${stats.matches} matches`);
  });

  it('a match across a line break is rejected, the next line still matches', () => {
    const text = 'customer_id:\n 6\ncustomer_id: 7\r\ncustomer_id: 8';
    assert.deepEqual(findRefsInDocument(text, 'plaintext', patterns).map((r) => r.id), [7, 8]);
  });
});

describe('user patterns on RE2 (linear time)', () => {
  it('runs every non-default pattern on RE2, with the same offsets as the native engine', () => {
    const user = compilePatterns(['pedido do cliente (\\d+)', ...DEFAULT_HOVER_PATTERNS.map((p) => `${p}(?:)`)], compileRe2);
    assert.deepEqual(user.invalid, []);
    assert.deepEqual(user.patterns.map((p) => p.engine), ['re2', 're2', 're2']);
    const line = '😀 Pedido do cliente 42 — customer_id: "77" GET /customers/9';
    assert.deepEqual(
      findRefsInLine(line, user.patterns).map((r) => [r.id, line.slice(r.start, r.end)]),
      [[42, '42'], [77, '77'], [9, '9']],
    );
    assert.deepEqual(findRefsInLine(line, user.patterns.slice(1)), findRefsInLine(line, patterns));
  });

  it('catastrophic backtracking patterns finish on RE2 (they would run for minutes natively)', () => {
    const c = compilePatterns(['(\\d+)+z', '(a|a)*b', '(\\d|\\d)+$'], compileRe2);
    assert.deepEqual(c.invalid.map((i) => i.problem), ['empty'].slice(0, 0));
    assert.deepEqual(c.patterns.map((p) => p.engine), ['re2', 're2', 're2']);
    for (const input of ['1'.repeat(40), 'a'.repeat(40), `${'1'.repeat(40)}x`]) {
      for (const p of c.patterns) {
        assert.doesNotThrow(() => findRefsInLine(input, [p]));
      }
    }
    assert.deepEqual(findRefsInLine(`${'1'.repeat(40)}z`, c.patterns.slice(0, 1)), [], 'a 40-digit capture is not a safe integer id');
    assert.deepEqual(findRefsInLine('123z', c.patterns.slice(0, 1)).map((r) => r.id), [123]);
  });

  it('explains, per kind, the patterns RE2 cannot use', () => {
    const c = compilePatterns(['(?<=id=)(\\d+)', 'customer_id: (\\d+) \\1', '(\\d+', `(\\d+)${'x'.repeat(1_000)}`, '(a)(b)', '(\\d*)', '(?=x)?(\\d+)'], compileRe2);
    assert.deepEqual(c.patterns, []);
    assert.deepEqual(c.invalid.map((i) => i.problem), ['unsupported', 'unsupported', 'syntax', 'tooComplex', 'groups', 'empty', 'unsupported']);
    for (const i of c.invalid) {
      assert.ok(i.reason.length > 0);
    }
  });

  it('refuses a pattern whose RE2 program is too large (matching cost is text × program)', () => {
    const c = compilePatterns(['(\\d+)(?:a{100}){10}'], compileRe2);
    assert.deepEqual(c.invalid.map((i) => i.problem), ['tooComplex']);
  });
});

describe('JSON structure scan on hostile nesting', () => {
  it('a 100,000-deep document is scanned without recursion: nothing overflows, every id is found', () => {
    const deep = `{"customer_id": 5,\n"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "customer": {"id": 9}}`;
    const scan = scanDocument(deep, 'json', patterns);
    assert.equal(scan.json, 'ok');
    assert.deepEqual(scan.refs.map((r) => r.id), [5, 9]);
  });

  it('customer objects nested in each other 50,000 deep: the scan stops at its budget, keeps what it found, never throws', () => {
    const nested = `${'{"customer": '.repeat(50_000)}{"id": 1}${'}'.repeat(50_000)}`;
    const scan = scanDocument(`{"customer": {"id": 9}}\n${nested}`, 'json', []);
    assert.equal(scan.json, 'failed');
    assert.deepEqual(scan.refs.map((r) => r.id).slice(0, 1), [9]);
  });

  it('ordinary nesting passes; ids under customer.data and in comments-laden JSONC too', () => {
    const ok = `{"a": ${'['.repeat(200)}{"customer": {"id": 3}}${']'.repeat(200)}}`;
    assert.deepEqual(scanDocument(ok, 'json', []), { refs: [{ id: 3, start: ok.indexOf('3}'), end: ok.indexOf('3}') + 1 }], json: 'ok' });
    const jsonc = '{ /* c */ "Cliente" : { // x\n "data": { "id": "44", }, "addresses": [{ "id": 5 }], "id": 6, }, }';
    assert.deepEqual(scanDocument(jsonc, 'jsonc', []).refs.map((r) => [r.id, jsonc.slice(r.start, r.end)]), [[44, '44'], [6, '6']]);
  });
});
