/**
 * The required prefix of an RE2 pattern, read from re2js's compiled program (src/core/refs/re2Prefix.ts),
 * and the PIN of what that reader relies on in re2js: the instruction codes and flags it reads are
 * not in re2js's typings, so an upgrade that renumbers them must fail here.
 */
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import { assertsTextEnds, MAX_PREFIX_LENGTH, MIN_PREFIX_LENGTH, RE2_CODES, requiredPrefix } from '../../../src/core/refs/re2Prefix';

function compile(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

describe('requiredPrefix: read from the RE2 program', () => {
  const classes = (source: string): string | undefined => requiredPrefix(compile(source))?.source;
  const cls = (...chars: string[]): string => `[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;

  it('is the exact character sets of the first instructions, case variants included', () => {
    assert.equal(classes('ks=(\\d+)'), cls('K', 'k', '\u212a') + cls('S', 's', '\u017f') + cls('='));
    assert.equal(classes('\\bidx["\']?(\\d+)'), cls('I', 'i') + cls('D', 'd') + cls('X', 'x'), 'the assertion is skipped, the optional quote ends it');
    assert.equal(classes('(?:customer_id|customerId)=(\\d+)'), ['C', 'U', 'S', 'T', 'O', 'M', 'E', 'R'].map((c) => (c === 'S' ? cls(c, c.toLowerCase(), '\u017f') : cls(c, c.toLowerCase()))).join(''));
    assert.equal(classes('id\\s(\\d)'), cls('I', 'i') + cls('D', 'd') + cls('\t', '\n', '\f', '\r', ' '));
  });

  it('is cut at MAX_PREFIX_LENGTH characters, at a large set, at a non-ASCII folded letter, at a branch; none under MIN_PREFIX_LENGTH', () => {
    assert.equal(MIN_PREFIX_LENGTH, 3);
    assert.equal(requiredPrefix(compile(`${'a'.repeat(40)}(\\d)`))?.source.split('[').length, MAX_PREFIX_LENGTH + 1);
    assert.equal(classes('abc\\d(\\d)'), cls('A', 'a') + cls('B', 'b') + cls('C', 'c'));
    assert.equal(classes('casç(\\d)'), cls('C', 'c') + cls('A', 'a') + cls('S', 's', '\u017f'));
    for (const none of ['ab(\\d)', 'caç(\\d)', 'ab|cd(\\d)', '(\\d+)z', '.*pedido (\\d)', 'ção(\\d)', 'x(\\d)', '[a-z]+(\\d)', '😀😀(\\d)']) {
      assert.equal(classes(none), undefined, none);
    }
  });

  it('holds only searchable BMP characters, sets of at most 8 (over one range or several), and follows captures', () => {
    const count = (source: string): number | undefined => classes(source)?.split('[').length;
    assert.equal(classes('\u{1f600}\u{1f600}\u{1f600}(\\d)'), undefined, 'outside the BMP');
    assert.equal(count('abc\ufffd(\\d)'), 4, 'U+FFFD ends it');
    assert.equal(count('abc[0-7](\\d)'), 5, 'a set of 8 is kept');
    assert.equal(count('abc[0-8](\\d)'), 4, 'a set of 9 ends it');
    assert.equal(classes('abc[0-3!-$](\\d)'), cls('A', 'a') + cls('B', 'b') + cls('C', 'c') + cls('!', '"', '#', '$', '0', '1', '2', '3'), 'two ranges, 8 in all');
    assert.equal(count('abc[0-4!-$](\\d)'), 4, 'two ranges, 9 in all');
    assert.equal(count('abc[0-2x](\\d)'), 5, 'a range and a single character');
    assert.equal(classes('(abc)(\\d)'), cls('A', 'a') + cls('B', 'b') + cls('C', 'c'), 'the capture is followed');
    assert.equal(classes('((?:)abc)(\\d)'), cls('A', 'a') + cls('B', 'b') + cls('C', 'c'));
    assert.equal(count('_-=(\\d)'), 4, 'characters without case (one rune each)');
  });

  it('pins every re2js instruction code and flag it reads (RE2_CODES) against the program re2js prints', () => {
    // what re2js prints for each instruction it names (re2js Inst.toString)
    const printed: Record<string, number> = { cap: RE2_CODES.OP_CAPTURE, empty: RE2_CODES.OP_EMPTY_WIDTH, nop: RE2_CODES.OP_NOP, rune: RE2_CODES.OP_RUNE, rune1: RE2_CODES.OP_RUNE1 };
    const seen = new Set<string>();
    for (const source of ['\\b(?:ab|c)+x_(?:)(\\d)', '^ab(\\d)$', '\\Aab(\\d)\\z', '(a|)b(\\d)']) {
      const prog = compile(source).re2().prog as { inst: Array<{ op: number; arg: number; runes: ArrayLike<number> }>; toString(): string };
      for (const row of prog.toString().trim().split('\n')) {
        const [, pc = '', name = '', text = ''] = /^(\d+)\*?\s+(\w+)(.*)$/.exec(row) ?? [];
        const inst = prog.inst[Number.parseInt(pc, 10)];
        assert.ok(inst, row);
        const op = printed[name];
        if (op !== undefined) {
          seen.add(name);
          assert.equal(inst.op, op, row);
        } else {
          assert.ok(!Object.values(printed).includes(inst.op), `${row}: re2js gives another instruction the code we read as ${name}`);
        }
        if (inst.op === RE2_CODES.OP_RUNE && inst.runes.length === 1) {
          assert.equal((inst.arg & RE2_CODES.FOLD_CASE) !== 0, text.includes('/i'), row);
        }
      }
    }
    assert.deepEqual([...seen].sort(), ['cap', 'empty', 'nop', 'rune', 'rune1']);
    // the assertions of ^ and $ (no m flag), \\A and \\z: begin and end of text, and nothing else
    const empties = (source: string): number[] => {
      const prog = compile(source).re2().prog as { inst: Array<{ op: number; arg: number }> };
      return prog.inst.filter((i) => i.op === RE2_CODES.OP_EMPTY_WIDTH).map((i) => i.arg);
    };
    assert.deepEqual(empties('^ab(\\d)$'), [RE2_CODES.EMPTY_BEGIN_TEXT, RE2_CODES.EMPTY_END_TEXT]);
    assert.deepEqual(empties('\\Aab(\\d)\\z'), [RE2_CODES.EMPTY_BEGIN_TEXT, RE2_CODES.EMPTY_END_TEXT]);
    const lineEnds = empties('(?m)^ab(\\d)$').concat(empties('\\bab(\\d)'));
    assert.ok(lineEnds.every((arg) => (arg & (RE2_CODES.EMPTY_BEGIN_TEXT | RE2_CODES.EMPTY_END_TEXT)) === 0), `line and word assertions: ${lineEnds.join(', ')}`);
  });

  it('reads a pattern as anchored to the text exactly when it asserts a text end', () => {
    assert.equal(assertsTextEnds(compile('^ab(\\d)')), true);
    assert.equal(assertsTextEnds(compile('ab(\\d)\\z')), true);
    assert.equal(assertsTextEnds(compile('(?m)^ab(\\d)$')), false);
    assert.equal(assertsTextEnds(compile('\\bab(\\d)')), false);
  });
});
