/**
 * Issue 18 point 2.5: every scan has a budget. The clock is a fake that advances one millisecond
 * each time it is read, so the tests assert what the scan does when time runs out, never wall time.
 */
import assert from 'node:assert/strict';
import { scanJsonCustomerIds } from '../../../src/core/refs/jsonScan';
import { compilePatterns, DEFAULT_HOVER_PATTERNS, MAX_LINE_LENGTH, MAX_PROGRAM_SIZE, MAX_RE2_CALL_COST, MAX_USER_PATTERNS } from '../../../src/core/refs/patterns';
import { compileRe2 } from '../../../src/core/refs/re2Engine';
import { findRefsInLine, scanDocument, scanRanges } from '../../../src/core/refs/textScan';
import { budgetedDocumentScan, FULL_SCAN_BUDGET_MS } from '../../../src/core/hover/documentScan';
import { findTerminalLinks } from '../../../src/core/terminal/terminalRefs';

/** A clock that advances `step` ms per read; `reads` counts them. */
function fakeClock(step = 1): { now: () => number; reads: () => number } {
  let t = 1000;
  let n = 0;
  return {
    now: () => {
      n++;
      return (t += step);
    },
    reads: () => n,
  };
}

/** `lines` lines of 200 random a/b characters (a seeded generator): the slow pattern's worst text. */
function randomAb(lines: number, seed = 7): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    let line = '';
    for (let j = 0; j < 200; j++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      line += (s >> 16) & 1 ? 'a' : 'b';
    }
    out.push(line);
  }
  return out.join('\n');
}

// compiled before each test, not at load nor in a before-all hook: what runs there is "static" for
// Stryker (every static mutant re-runs every test of the module); a compile costs well under a ms
let slow: ReturnType<typeof compilePatterns> = { patterns: [], invalid: [] };
let defaults: ReturnType<typeof compilePatterns>['patterns'] = [];
beforeEach(() => {
  slow = compilePatterns(['a[ab]{80}(\\d)'], compileRe2);
  defaults = compilePatterns(DEFAULT_HOVER_PATTERNS).patterns;
});

describe('scan budget (issue 18 point 2.5)', () => {
  it('a document scan past its budget stops and says so, keeping what it found', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `line ${i} customer_id=${i + 1}`).join('\n');
    const clock = fakeClock();
    const scan = scanDocument(text, 'log', defaults, undefined, { now: clock.now, ms: 5 });
    assert.equal(scan.timedOut, true);
    assert.ok(clock.reads() < 20, `the clock is read a few times, not per line: ${clock.reads()}`);
    assert.ok(scan.refs.length < 3000);
    // within its budget the same scan is complete and unmarked
    const full = scanDocument(text, 'log', defaults, undefined, { now: () => 0, ms: 5 });
    assert.equal(full.timedOut, undefined);
    assert.equal(full.refs.length, 2000); // MAX_LINKS
  });

  it('a user pattern on RE2 is stopped line by line: the slow pattern on random a/b text', () => {
    const text = randomAb(200);
    const clock = fakeClock();
    const scan = scanDocument(text, 'log', slow.patterns, undefined, { now: clock.now, ms: FULL_SCAN_BUDGET_MS });
    assert.equal(scan.timedOut, true);
    assert.ok(clock.reads() <= FULL_SCAN_BUDGET_MS + 2, `stopped at the first read past the budget (${clock.reads()} reads)`);
  });

  it('past the budget, only the visible ranges are scanned (and they find their ids)', () => {
    const lines = randomAb(400).split('\n');
    lines[300] = `${'a'.repeat(81)}7 shown`;
    lines[10] = `${'a'.repeat(81)}5 not shown`;
    const text = lines.join('\n');
    const start = text.indexOf(lines[298] ?? '');
    const end = text.indexOf('shown', start);
    let asked = 0;
    const scan = budgetedDocumentScan(text, 'log', slow.patterns, () => {
      asked++;
      return [[start, end]];
    }, fakeClock().now);
    assert.equal(asked, 1);
    assert.equal(scan.coverage, 'visible');
    assert.deepEqual(scan.refs.map((r) => r.id), [7]);
  });

  it('a document scanned within its budget is whole: the visible ranges are never asked for', () => {
    const text = 'customer_id=5\n/customers/6';
    const scan = budgetedDocumentScan(text, 'log', defaults, () => assert.fail('not degraded'), () => 0);
    assert.deepEqual(scan, { refs: scanDocument(text, 'log', defaults).refs, coverage: 'full' });
  });

  it('under a budget the cheap patterns run first: a slow pattern cannot starve them', () => {
    const lines = randomAb(200).split('\n');
    lines[150] = 'customer_id: 42';
    const text = lines.join('\n');
    const both = compilePatterns(['a[ab]{80}(\\d)', 'customer_id: (\\d+)'], compileRe2).patterns;
    const scan = scanDocument(text, 'log', both, undefined, { now: fakeClock().now, ms: 3 });
    assert.equal(scan.timedOut, true);
    assert.deepEqual(scan.refs.map((r) => r.id), [42]);
  });

  it('the visible-range scan has its own budget', () => {
    const text = randomAb(100);
    const scan = scanRanges(text, [[0, text.length]], slow.patterns, { now: fakeClock().now, ms: 3 });
    assert.equal(scan.timedOut, true);
  });

  it('the JSON structure scan reads the clock too', () => {
    const text = JSON.stringify({ customer: { data: Array.from({ length: 20_000 }, (_, i) => ({ x: i })) } });
    const clock = fakeClock();
    assert.equal(scanJsonCustomerIds(text, { now: clock.now, ms: 1 }).complete, false);
    assert.equal(scanJsonCustomerIds(text).complete, true);
  });

  it('a line scan (hover, terminal) is budgeted: the patterns after the one that ran out are skipped', () => {
    const many = compilePatterns(Array.from({ length: 5 }, (_, i) => `id${i}=(\\d+)`), compileRe2).patterns;
    const line = 'id0=1 id1=2 id2=3 id3=4 id4=5';
    assert.equal(findRefsInLine(line, many).length, 5);
    // the clock is read after each pattern: within 2 ms at the 1st and 2nd read, over at the 3rd
    assert.equal(findRefsInLine(line, many, { now: fakeClock().now, ms: 2 }).length, 3);
    assert.equal(findTerminalLinks(line, { patterns: many, invalid: [] }, undefined, fakeClock().now).length, 5); // 20 ms: enough here
  });

  it('an RE2 call never sees more than MAX_RE2_CALL_COST characters × instructions', () => {
    const [p] = slow.patterns;
    assert.ok(p?.maxLine !== undefined && p.maxLine < MAX_LINE_LENGTH);
    const long = `${'b'.repeat(p.maxLine)}${'a'.repeat(81)}1`;
    assert.deepEqual(findRefsInLine(long, slow.patterns), [], 'a line longer than the pattern may see is skipped');
    assert.deepEqual(findRefsInLine(long.slice(-200), slow.patterns).map((r) => r.id), [1]);
    const small = compilePatterns(['pedido (\\d+)'], compileRe2).patterns[0];
    assert.equal(small?.maxLine, MAX_LINE_LENGTH);
    assert.ok(MAX_RE2_CALL_COST / MAX_PROGRAM_SIZE >= 1000, 'even the largest program sees lines of 1,000 characters');
  });

  it(`caps the user patterns at ${MAX_USER_PATTERNS}: the rest are refused with a reason`, () => {
    const sources = Array.from({ length: MAX_USER_PATTERNS + 5 }, (_, i) => `ref${i}=(\\d+)`);
    const c = compilePatterns(sources, compileRe2);
    assert.equal(c.patterns.length, MAX_USER_PATTERNS);
    assert.deepEqual(c.invalid.map((i) => [i.source, i.problem]), sources.slice(MAX_USER_PATTERNS).map((s) => [s, 'tooMany']));
  });

  it(`refuses an RE2 program over ${MAX_PROGRAM_SIZE} instructions`, () => {
    const c = compilePatterns(['(\\d+)(?:ab{100}){4}'], compileRe2);
    assert.deepEqual(c.invalid.map((i) => i.problem), ['tooComplex']);
    assert.equal(slow.invalid.length, 0, 'a[ab]{80}(\\d) is small enough to keep');
  });
});
