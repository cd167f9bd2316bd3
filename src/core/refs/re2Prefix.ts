/**
 * The required literal prefix of a compiled RE2 pattern, read from re2js's compiled program: fields
 * and opcodes re2js does not export (Inst.op, Inst.arg, Prog.inst). package.json pins re2js to one
 * version, and test/unit/refs/re2Prefix.test.ts pins every code read here against the program
 * re2js prints, so an upgrade that changes them fails that test instead of silently dropping (or
 * worse, mis-reading) prefixes. Only `import type` of re2js here: this module runs in whichever
 * bundle imports it without loading re2js.
 */
import type { RE2JS } from 're2js';

/** The required prefix keeps at most this many characters: its search costs at most this many comparisons per offset. */
export const MAX_PREFIX_LENGTH = 16;
/** Shorter required prefixes are not used: too common to rule out lines faster than the DFA does. */
export const MIN_PREFIX_LENGTH = 3;
/** A prefix position whose character set is larger than this ends the prefix. */
const MAX_PREFIX_SET = 8;

/**
 * re2js 2.10 program instructions (Inst.op, not in its typings) and the flags read from them.
 * Exported for the pinning test only.
 */
export const RE2_CODES = {
  OP_CAPTURE: 3,
  OP_EMPTY_WIDTH: 4,
  OP_NOP: 7,
  OP_RUNE: 8,
  OP_RUNE1: 9,
  /** an EMPTY_WIDTH instruction's assertions (re2js Utils.EMPTY_*) */
  EMPTY_BEGIN_TEXT: 4,
  EMPTY_END_TEXT: 8,
  /** RE2Flags.FOLD_CASE on a one-rune RUNE instruction: the rune matches its whole case-fold orbit. */
  FOLD_CASE: 1,
} as const;
const { OP_CAPTURE, OP_EMPTY_WIDTH, OP_NOP, OP_RUNE, OP_RUNE1, EMPTY_BEGIN_TEXT, EMPTY_END_TEXT, FOLD_CASE } = RE2_CODES;

/**
 * The only characters outside ASCII whose case-fold orbit holds an ASCII character: KELVIN SIGN
 * (k, K) and LATIN SMALL LETTER LONG S (s, S). A unit test checks every code point against re2js.
 */
const NON_ASCII_FOLDS_TO_ASCII = [0x212a, 0x017f];

/** The fields of a re2js program instruction read here. */
interface Re2Inst {
  readonly op: number;
  readonly out: number;
  readonly arg: number;
  readonly runes: ArrayLike<number>;
  matchRune(rune: number): boolean;
}

interface Re2Prog {
  readonly start: number;
  readonly inst: readonly Re2Inst[];
}

function isRe2Prog(value: unknown): value is Re2Prog {
  const prog = value as Partial<Re2Prog> | undefined;
  return typeof prog?.start === 'number' && Array.isArray(prog.inst);
}

/**
 * True when the program asserts the start or end of the text (`^`/`$` without `m`, `\A`, `\z`)
 * anywhere, or cannot be read (then it counts as anchored: the chunk test is skipped).
 */
export function assertsTextEnds(re: RE2JS): boolean {
  const prog: unknown = re.re2().prog;
  return !isRe2Prog(prog) || prog.inst.some((inst) => inst.op === OP_EMPTY_WIDTH && (inst.arg & (EMPTY_BEGIN_TEXT | EMPTY_END_TEXT)) !== 0);
}

/**
 * A required literal prefix of `re`, as a native RegExp finding where it occurs, or undefined.
 *
 * Read from the compiled RE2 program, not the source: from its start instruction, following only
 * instructions with one successor (capture, empty-width assertion, no-op), the rune instructions met
 * before the first branch are consumed, in order, at the start of every match. Each becomes the
 * exact set of characters it accepts; the walk stops at a branch, at a set over MAX_PREFIX_SET
 * characters, at a character outside the BMP or unsearchable (a surrogate or U+FFFD: the engine sees
 * decoded code points), or after MAX_PREFIX_LENGTH characters. Dropping the assertions only widens
 * what the prefix accepts, so a place where it does not occur holds no match.
 *
 * The RegExp is a fixed sequence of character classes: no quantifier, no alternation, no group, no
 * `i` flag (the classes hold every case variant RE2 accepts), so at each offset V8 compares at most
 * MAX_PREFIX_LENGTH characters: linear in the text, whatever the pattern.
 */
export function requiredPrefix(re: RE2JS): RegExp | undefined {
  const prog: unknown = re.re2().prog;
  if (!isRe2Prog(prog)) {
    return undefined;
  }
  const sets: number[][] = [];
  let pc = prog.start;
  for (let steps = 0; steps < prog.inst.length && sets.length < MAX_PREFIX_LENGTH; steps++) {
    const inst = prog.inst[pc];
    if (inst === undefined) {
      break;
    }
    if (inst.op === OP_CAPTURE || inst.op === OP_EMPTY_WIDTH || inst.op === OP_NOP) {
      pc = inst.out;
      continue;
    }
    const set = inst.op === OP_RUNE || inst.op === OP_RUNE1 ? runeSet(inst) : undefined;
    if (set === undefined) {
      break;
    }
    sets.push(set);
    pc = inst.out;
  }
  if (sets.length < MIN_PREFIX_LENGTH) {
    return undefined;
  }
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  return new RegExp(sets.map((set) => `[${set.map(hex).join('')}]`).join(''), 'g');
}

/** Every character a rune instruction accepts, when few and all searchable BMP characters. */
function runeSet(inst: Re2Inst): number[] | undefined {
  const runes = Array.from(inst.runes);
  let set: number[];
  if (runes.length === 1) {
    const r = runes[0] ?? -1;
    if ((inst.arg & FOLD_CASE) === 0) {
      set = [r];
    } else if (r >= 0 && r <= 0x7f) {
      const c = String.fromCharCode(r);
      const candidates = [r, c.toLowerCase().charCodeAt(0), c.toUpperCase().charCodeAt(0), ...NON_ASCII_FOLDS_TO_ASCII];
      set = [...new Set(candidates)].filter((x) => inst.matchRune(x));
    } else {
      return undefined; // a folded non-ASCII rune: its orbit is not worked out here
    }
  } else if (runes.length >= 2 && runes.length % 2 === 0) {
    set = [];
    for (let i = 0; i < runes.length; i += 2) {
      const lo = runes[i] ?? 0;
      const hi = runes[i + 1] ?? -1;
      if (hi - lo + 1 + set.length > MAX_PREFIX_SET) {
        return undefined;
      }
      for (let x = lo; x <= hi; x++) {
        set.push(x);
      }
    }
  } else {
    return undefined;
  }
  const searchable = (x: number): boolean => x >= 0 && x <= 0xffff && !(x >= 0xd800 && x <= 0xdfff) && x !== 0xfffd;
  return set.length > 0 && set.length <= MAX_PREFIX_SET && set.every(searchable) ? set : undefined;
}

/** Where the prefix next occurs at or after `from`, else -1. */
export function nextOccurrence(prefix: RegExp, text: string, from: number): number {
  prefix.lastIndex = from;
  const m = prefix.exec(text);
  return m === null ? -1 : m.index;
}
