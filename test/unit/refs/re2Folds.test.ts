/**
 * What the prefix reader (src/core/refs/re2Prefix.ts, NON_ASCII_FOLDS_TO_ASCII) assumes of re2js's
 * case folding, checked over every code point. A file of its own: it reads re2js only (no code of
 * ours), so it cannot kill a mutant, and at ~20 s it stays out of `npm run mutation`'s test list.
 */
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';

function compile(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

describe('re2js case folding, as the prefix reader assumes it', () => {
  it('no code point outside ASCII folds to an ASCII character except KELVIN SIGN and LONG S (every code point, per re2js)', function () {
    this.timeout(20_000);
    const found: string[] = [];
    const seen = new Set<number>();
    for (let c = 0; c < 128; c++) {
      const prog = compile(RE2JS.quote(String.fromCharCode(c))).re2().prog as { start: number; inst: Array<{ op: number; arg: number; runes: ArrayLike<number>; matchRune(r: number): boolean }> };
      const inst = prog.inst[prog.start];
      const rune = inst?.runes[0];
      if (!inst || inst.op !== 8 || inst.runes.length !== 1 || (inst.arg & 1) === 0 || rune === undefined || seen.has(rune)) {
        continue;
      }
      seen.add(rune);
      for (let x = 0x80; x <= 0x10ffff; x++) {
        if (inst.matchRune(x)) {
          found.push(`${String.fromCharCode(rune)}:${x.toString(16)}`);
        }
      }
    }
    assert.equal(seen.size, 26, 'the 26 letters compile to folded runes');
    assert.deepEqual(found.sort(), ['K:212a', 'S:17f']);
  });
});
