/**
 * Finding customer ids in text, for hovers and document links (product.md § Hover and links):
 * the `yampi.hover.patterns` regexes (one capture group = the id) on each line, and in JSON
 * documents an `id` directly under a `customer` object or its `data` envelope (Yampi webhooks
 * nest it as `resource.customer.data.id`). Pure and synchronous: finding makes no request.
 */
import { createScanner } from 'jsonc-parser';
import type { RE2JS } from 're2js';

/** One id found in a document; `start`/`end` are offsets of the digits only. */
export interface CustomerRef {
  readonly id: number;
  readonly start: number;
  readonly end: number;
}

/** One match of a pattern: offsets relative to the text handed to the engine. */
export interface PatternMatch {
  readonly start: number;
  readonly end: number;
  /** The id capture group's span and text, when it took part in the match. */
  readonly groupStart: number;
  readonly groupEnd: number;
  readonly group: string | undefined;
}

/**
 * A compiled id pattern. `native`: V8's backtracking engine, used only for the defaults we ship
 * (linear: no nested or adjacent overlapping quantifiers, see DEFAULT_HOVER_PATTERNS). `re2`: every
 * other source, on re2js (RE2 semantics, matching time linear in the text's length).
 */
export interface IdPattern {
  readonly source: string;
  readonly engine: 'native' | 're2';
  /** True when the pattern matches somewhere in `text` (RE2: the fast DFA, no captures). */
  test(text: string): boolean;
  /** Calls `onMatch` for each match in order until it returns false. */
  forEach(text: string, onMatch: (m: PatternMatch) => boolean): void;
  /**
   * RE2 patterns whose every match starts with a short required literal (see requiredPrefix):
   * the offset of the first place at or after `from` where that literal occurs, else -1. No match
   * can start anywhere it does not occur. Absent when the pattern has no usable literal prefix.
   */
  readonly nextCandidate?: (text: string, from: number) => number;
  /**
   * RE2 patterns that assert the start or end of the text (`^` or `$` without the `m` flag, `\A`,
   * `\z`): on a line alone they hold at its ends, on a chunk of several lines only at the chunk's,
   * so such a pattern is never tested on a chunk.
   */
  readonly textAnchored?: boolean;
  /**
   * The longest line (and chunk) this pattern's engine is handed (RE2: MAX_RE2_CALL_COST / program
   * size, at most MAX_LINE_LENGTH): one call's cost stays a few milliseconds whatever the pattern.
   * Absent: MAX_LINE_LENGTH.
   */
  readonly maxLine?: number;
}

/**
 * A time budget for one scan: a clock (the host's `performance.now`, a test's fake) and how many
 * milliseconds the scan may take. The clock is read after each engine call; past the budget the
 * scan stops and says so (`timedOut`), keeping what it found.
 */
export interface ScanBudget {
  readonly now: () => number;
  readonly ms: number;
}

export interface CompiledPatterns {
  readonly patterns: readonly IdPattern[];
  /** Sources that cannot be used: why (`problem`), with the engine's or our own English detail for the log. */
  readonly invalid: ReadonlyArray<InvalidPattern>;
}

export interface InvalidPattern {
  readonly source: string;
  /**
   * `syntax`: does not compile; `unsupported`: a JavaScript-only construct RE2 refuses (lookaround,
   * backreference); `tooComplex`: too long or too large a program; `groups`: not exactly one capture
   * group; `empty`: matches empty text; `tooMany`: past the first MAX_USER_PATTERNS entries.
   */
  readonly problem: 'syntax' | 'unsupported' | 'tooComplex' | 'groups' | 'empty' | 'tooMany';
  readonly reason: string;
}

/**
 * The `yampi.hover.patterns` defaults (package.json; a unit test keeps them equal). These, and only
 * these, run on the native engine: each is a literal alternation followed by single quantified
 * atoms in sequence (`["']?`, `\s*`, `[:=]`, `\d{1,12}`), no quantifier nested in another and no two
 * adjacent quantifiers over overlapping characters except `\s*` … `\s*` separated by a literal,
 * so a failing attempt backtracks at most over one whitespace run: linear in the line's length.
 */
export const DEFAULT_HOVER_PATTERNS: readonly string[] = [
  '(?:customer_id|customerId|customer-id|cliente_id|id_cliente)["\']?\\s*(?:=>|[:=])\\s*["\']?(\\d{1,12})\\b',
  '/customers/(\\d{1,12})\\b',
];

/** Longer lines (minified bundles, base64) are skipped before any pattern runs: nobody hovers an id in them. */
export const MAX_LINE_LENGTH = 10_000;
/** Larger documents get no links and no JSON structure scan (patterns still run on the hovered line). */
export const MAX_DOCUMENT_LENGTH = 2_000_000;
/** At most this many links per document. */
export const MAX_LINKS = 2_000;
/** Matches each pattern may produce per document, kept or rejected, before the scan stops it. */
export const MAX_MATCHES_PER_PATTERN = MAX_LINKS * 2;
/** Runs of short lines are handed to the engines in chunks of at most this many characters. */
export const SCAN_CHUNK = 16_384;
/** User patterns longer than this are refused (`tooComplex`). */
export const MAX_PATTERN_LENGTH = 1_000;
/** RE2 programs larger than this are refused: matching cost is linear in text × program size. */
export const MAX_PROGRAM_SIZE = 300;
/**
 * At most this many characters × program instructions per RE2 call: a pattern whose program is
 * larger than MAX_RE2_CALL_COST / MAX_LINE_LENGTH (30) sees shorter lines only. Measured with
 * re2js 2.10, `a[ab]{80}(\d)` (86 instructions, its DFA thrashing on random a/b text) costs about
 * 2.5 µs per character per call, so a call stays under ~10 ms.
 */
export const MAX_RE2_CALL_COST = 300_000;
/** Entries of `yampi.hover.patterns` past this many are refused (`tooMany`): each one is a pass over every document. */
export const MAX_USER_PATTERNS = 20;

const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'snippets']);

type Re2Module = { readonly RE2JS: typeof RE2JS };
let re2Module: Re2Module | undefined;

/**
 * re2js (~150 KB minified, ~10 ms to load) is required on first use, never during activation with
 * the default patterns. The extension bundle maps `re2js` to dist/re2.js (esbuild.mjs).
 */
function loadRe2(): Re2Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: only user patterns need it
  re2Module ??= require('re2js') as Re2Module;
  return re2Module;
}

/** True once re2js has been loaded (for the activation-cost check). */
export function re2Loaded(): boolean {
  return re2Module !== undefined;
}

export function nativePattern(source: string, re: RegExp): IdPattern {
  return {
    source,
    engine: 'native',
    test: (text) => {
      re.lastIndex = 0;
      return re.test(text);
    },
    forEach: (text, onMatch) => {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const span = m.indices?.[1];
        const match = { start: m.index, end: m.index + m[0].length, groupStart: span?.[0] ?? -1, groupEnd: span?.[1] ?? -1, group: m[1] };
        if (!onMatch(match) || m[0] === '') {
          return; // an empty match cannot happen (compilePatterns refuses them); never loop on one
        }
      }
    },
  };
}

/** re2js's RE2Flags.UNANCHORED: a search may start anywhere at or after the position given. */
const UNANCHORED = 0;

/**
 * The leftmost-first match of `re` starting at or after `from` in `text` (the whole of `text` is the
 * engine's input, so `^`, `$` and `\b` see its real neighbours), as [start, end, group start, group
 * end], or undefined. `groups` 0 asks only whether there is one: re2js answers on its DFA.
 */
function matchFrom(re: RE2JS, text: string, from: number, groups: 0 | 2): number[] | undefined {
  const [found, positions] = re.re2().matchWithGroup(text, from, text.length, UNANCHORED, groups) as [boolean, number[] | null];
  return found ? (positions ?? []) : undefined;
}

/**
 * Matches as re2js's Matcher.find() loop gives them (each search resumes at the previous match's
 * end), with one capturing run per match instead of Matcher's two, and cheap checks before it: a
 * search for the required prefix (no match can start before its next occurrence) and the DFA (is
 * there any match left?).
 */
function re2Pattern(source: string, re: RE2JS): IdPattern {
  const prefix = requiredPrefix(re);
  const prog: unknown = re.re2().prog;
  // an assertion the program cannot be read for counts as a text anchor: the chunk test is skipped
  const textAnchored = !isRe2Prog(prog) || prog.inst.some((inst) => inst.op === OP_EMPTY_WIDTH && (inst.arg & (EMPTY_BEGIN_TEXT | EMPTY_END_TEXT)) !== 0);
  const nextCandidate = prefix && ((text: string, from: number): number => nextOccurrence(prefix, text, from));
  const maxLine = Math.min(MAX_LINE_LENGTH, Math.floor(MAX_RE2_CALL_COST / Math.max(1, re.programSize())));
  return {
    source,
    engine: 're2',
    ...(nextCandidate && { nextCandidate }),
    textAnchored,
    maxLine,
    test: (text) => re.test(text),
    forEach: (text, onMatch) => {
      let from = 0;
      for (;;) {
        from = nextCandidate ? nextCandidate(text, from) : from;
        const found = from === 0 ? re.test(text) : from > 0 && matchFrom(re, text, from, 0) !== undefined;
        const g = found ? matchFrom(re, text, from, 2) : undefined;
        if (g === undefined) {
          return;
        }
        const [start = -1, end = -1, groupStart = -1, groupEnd = -1] = g;
        const match = { start, end, groupStart, groupEnd, group: groupStart >= 0 ? text.slice(groupStart, groupEnd) : undefined };
        if (!onMatch(match) || end <= start) {
          return;
        }
        from = end;
      }
    },
  };
}

/** The required prefix keeps at most this many characters: its search costs at most this many comparisons per offset. */
export const MAX_PREFIX_LENGTH = 16;
/** Shorter required prefixes are not used: too common to rule out lines faster than the DFA does. */
export const MIN_PREFIX_LENGTH = 3;
/** A prefix position whose character set is larger than this ends the prefix. */
const MAX_PREFIX_SET = 8;

// re2js 2.10 program instructions (Inst.op, not in its typings; package.json pins the version and a
// unit test pins these against the program re2js prints)
const OP_CAPTURE = 3;
const OP_EMPTY_WIDTH = 4;
const OP_NOP = 7;
const OP_RUNE = 8;
const OP_RUNE1 = 9;
// an EMPTY_WIDTH instruction's assertions (re2js Utils.EMPTY_*)
const EMPTY_BEGIN_TEXT = 4;
const EMPTY_END_TEXT = 8;
/** RE2Flags.FOLD_CASE on a one-rune RUNE instruction: the rune matches its whole case-fold orbit. */
const FOLD_CASE = 1;
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

function nextOccurrence(prefix: RegExp, text: string, from: number): number {
  prefix.lastIndex = from;
  const m = prefix.exec(text);
  return m === null ? -1 : m.index;
}

function compileRe2(source: string): IdPattern | InvalidPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { source, problem: 'tooComplex', reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  const { RE2JS: Re2 } = loadRe2();
  let re: RE2JS;
  try {
    re = Re2.compile(source, Re2.CASE_INSENSITIVE);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    // valid for JavaScript but not for RE2: lookarounds, backreferences, possessive quantifiers…
    return { source, problem: isJsRegExp(source) ? 'unsupported' : 'syntax', reason };
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    return { source, problem: 'tooComplex', reason: `program size ${re.programSize()} is over ${MAX_PROGRAM_SIZE}` };
  }
  if (re.groupCount() !== 1) {
    return { source, problem: 'groups', reason: `needs exactly one capture group for the id, has ${re.groupCount()}` };
  }
  if (re.test('')) {
    return { source, problem: 'empty', reason: 'matches empty text' };
  }
  return re2Pattern(source, re);
}

function isJsRegExp(source: string): boolean {
  try {
    // only compiled, never run: whether the source is valid JavaScript decides the wording
    new RegExp(source, 'u');
    return true;
  } catch {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Compiles the user's patterns (case-insensitive) and explains each one that cannot be used. The
 * shipped defaults run on the native engine; anything else on RE2 (linear time), so no setting
 * value, from any source, can hold the extension host.
 */
export function compilePatterns(sources: readonly string[]): CompiledPatterns {
  const patterns: IdPattern[] = [];
  const invalid: InvalidPattern[] = [];
  for (const [i, source] of sources.entries()) {
    if (i >= MAX_USER_PATTERNS) {
      invalid.push({ source, problem: 'tooMany', reason: `only the first ${MAX_USER_PATTERNS} patterns are used` });
      continue;
    }
    const compiled = DEFAULT_HOVER_PATTERNS.includes(source) ? nativePattern(source, new RegExp(source, 'gid')) : compileRe2(source);
    if ('problem' in compiled) {
      invalid.push(compiled);
    } else {
      patterns.push(compiled);
    }
  }
  return { patterns, invalid };
}

/** A positive safe integer from the captured text, else undefined. */
function toId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) {
    return undefined;
  }
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** Counted work of one scan, for tests and the bench (no clock involved). */
export interface ScanStats {
  /**
   * Characters handed to a pattern engine, each call counting its own: at most once per pattern for
   * the native engine, at most three times for RE2 (the chunk test or the search for the required
   * prefix, then the DFA and the capturing engine on each line picked: see runRe2).
   */
  charsToEngines: number;
  /** Calls into an engine: `test`, a chunk's search for the required prefix, and `forEach` (plus, for RE2, its DFA look at the line). */
  engineCalls: number;
  /** Matches the engines produced, kept or rejected. */
  matches: number;
  /** Lines seen while walking line starts (once per document). */
  lines: number;
}

export function newScanStats(): ScanStats {
  return { charsToEngines: 0, engineCalls: 0, matches: 0, lines: 0 };
}

/**
 * Under a time budget, the patterns in order of cost (native first, then RE2 by program size, i.e.
 * largest `maxLine` first), so one costly pattern cannot starve the cheap ones of the budget.
 * Without a budget, the given order.
 */
function cheapestFirst(patterns: readonly IdPattern[], budget: unknown): readonly IdPattern[] {
  return budget === undefined ? patterns : [...patterns].sort((a, b) => (b.maxLine ?? Number.MAX_SAFE_INTEGER) - (a.maxLine ?? Number.MAX_SAFE_INTEGER));
}

/** A scan's deadline (from a ScanBudget): `over()` reads the clock; once over, it stays over. */
interface Deadline {
  over(): boolean;
  readonly timedOut: boolean;
}

function deadlineOf(budget: ScanBudget | undefined): Deadline | undefined {
  if (budget === undefined) {
    return undefined;
  }
  const end = budget.now() + budget.ms;
  let timedOut = false;
  return {
    over: () => (timedOut ||= budget.now() > end),
    get timedOut() {
      return timedOut;
    },
  };
}

/** What one pattern may still do in a scan: matches left, and the scan's deadline (read after each engine call). */
interface PatternBudget {
  left: number;
  readonly deadline?: Deadline | undefined;
}

/**
 * Runs one pattern over `text` (whose offset in the document is `base`), adding each acceptable
 * ref. Returns false once the pattern has produced its budget of matches or the scan is out of time.
 */
function runPattern(p: IdPattern, text: string, base: number, refs: CustomerRef[], budget: PatternBudget, stats: ScanStats | undefined): boolean {
  if (p.engine === 're2') {
    return runRe2(p, text, base, refs, budget, stats);
  }
  return runMatches(p, text, base, refs, budget, stats);
}

/**
 * RE2 finds match boundaries with captures on its NFA, ~10× slower per character than its DFA, so
 * only lines that can match get the capturing engine. With a required prefix (requiredPrefix), a
 * native search for it picks those lines; without one, the DFA rules out the chunk (unless the
 * pattern is anchored to the text's ends: IdPattern.textAnchored), then each line.
 * Each line picked gets the DFA, then the capturing engine if the DFA found a match (IdPattern.forEach),
 * and the search resumes at the next line. So each character is seen at most three times: once by
 * the chunk's search, then by the DFA and the capturing engine if its line is picked.
 */
function runRe2(p: IdPattern, text: string, base: number, refs: CustomerRef[], budget: PatternBudget, stats: ScanStats | undefined): boolean {
  const next = p.nextCandidate;
  if (next || !p.textAnchored) {
    count(stats, text.length);
  }
  let at = next ? next(text, 0) : p.textAnchored || p.test(text) ? 0 : -1;
  while (at >= 0) {
    // the line holding `at` (without a prefix, `at` is a line start)
    const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (end > start) {
      count(stats, end - start); // the DFA's look at the line (forEach)
      if (!runMatches(p, text.slice(start, end), base + start, refs, budget, stats)) {
        return false;
      }
    }
    if (nl < 0) {
      break;
    }
    at = next ? next(text, nl + 1) : nl + 1;
  }
  return true;
}

function count(stats: ScanStats | undefined, chars: number): void {
  if (stats) {
    stats.charsToEngines += chars;
    stats.engineCalls += 1;
  }
}

function runMatches(p: IdPattern, text: string, base: number, refs: CustomerRef[], budget: PatternBudget, stats: ScanStats | undefined): boolean {
  count(stats, text.length);
  p.forEach(text, (m) => {
    budget.left -= 1;
    if (stats) {
      stats.matches += 1;
    }
    const id = toId(m.group);
    // a match spanning a line break is rejected (it still counted toward the budget)
    if (id !== undefined && m.groupStart >= 0 && !hasLineBreak(text, m.start, m.end)) {
      refs.push({ id, start: base + m.groupStart, end: base + m.groupEnd });
    }
    return budget.left > 0;
  });
  return budget.left > 0 && budget.deadline?.over() !== true;
}

/** Looks only inside the match, so checking every match costs no more than the matches' length. */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      return true;
    }
  }
  return false;
}

/**
 * Ids the patterns find in one line; offsets are relative to the line. A pattern skips a line longer
 * than its `maxLine`; with a `budget`, the patterns after the one that ran out of time are skipped.
 */
export function findRefsInLine(line: string, patterns: readonly IdPattern[], budget?: ScanBudget): CustomerRef[] {
  if (line.length > MAX_LINE_LENGTH || line.length === 0) {
    return [];
  }
  const refs: CustomerRef[] = [];
  const deadline = deadlineOf(budget);
  for (const p of cheapestFirst(patterns, budget)) {
    if (line.length <= (p.maxLine ?? MAX_LINE_LENGTH) && !runPattern(p, line, 0, refs, { left: MAX_MATCHES_PER_PATTERN, deadline }, undefined) && deadline?.timedOut === true) {
      break;
    }
  }
  return dedupe(refs);
}

/**
 * `[start, end)` chunks of the document made of whole lines of at most `maxLine` (MAX_LINE_LENGTH)
 * characters (line breaks included between lines), each at most SCAN_CHUNK long unless one line is
 * longer (a shorter `maxLine` also bounds the chunk). Longer lines fall between chunks: no engine
 * ever sees them. One walk over the line starts.
 */
export function shortLineChunks(text: string, stats?: ScanStats, maxLine: number = MAX_LINE_LENGTH): Array<readonly [number, number]> {
  const maxChunk = maxLine < MAX_LINE_LENGTH ? maxLine : SCAN_CHUNK;
  const chunks: Array<readonly [number, number]> = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (stats) {
      stats.lines += 1;
    }
    if (lineEnd - lineStart > maxLine) {
      if (chunkStart >= 0) {
        chunks.push([chunkStart, chunkEnd]);
        chunkStart = -1;
      }
    } else if (lineEnd > lineStart) {
      if (chunkStart >= 0 && lineEnd - chunkStart > maxChunk) {
        chunks.push([chunkStart, chunkEnd]);
        chunkStart = -1;
      }
      if (chunkStart < 0) {
        chunkStart = lineStart;
      }
      chunkEnd = lineEnd;
    }
    if (nl < 0) {
      break;
    }
    lineStart = nl + 1;
  }
  if (chunkStart >= 0) {
    chunks.push([chunkStart, chunkEnd]);
  }
  return chunks;
}

/** The outcome of the JSON structure scan: `failed` when it ran out of budget (customer objects nested in each other). */
export type JsonScan = 'ok' | 'skipped' | 'failed';

// jsonc-parser's SyntaxKind (a const enum in its typings)
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

/** A `"customer"` / `"cliente"` property name (any case) and its colon. */
const CUSTOMER_KEY = /"(?:customer|cliente)"\s*:/gi;

/**
 * In a JSON document: numeric (or numeric-string) `id` values directly under a `customer` object or
 * its `data` envelope (`cliente` too; Yampi webhooks nest it as `resource.customer.data.id`). An
 * address or order id nested deeper is not a customer id and is left alone. Comments and trailing
 * commas are tolerated, and so is broken JSON (while the user types).
 *
 * Only the customer objects are tokenized, each from its key (found by one regex pass), with an
 * iterative scanner: no recursion, so any nesting depth is fine, and no full parse of a large file
 * (jsonc-parser's visitor took ~100 ms per MB and overflowed the stack on deep documents). Objects
 * nested in each other are scanned once per `customer` key: past a budget of twice the document's
 * length the scan stops (`complete: false`) and keeps the refs found so far.
 */
export function scanJsonCustomerIds(text: string, budget?: ScanBudget): { refs: CustomerRef[]; complete: boolean } {
  return scanJson(text, deadlineOf(budget));
}

/** Tokens between two looks at the clock. */
const TOKENS_PER_CLOCK_READ = 4_096;

function scanJson(text: string, deadline: Deadline | undefined): { refs: CustomerRef[]; complete: boolean } {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { refs: [], complete: false };
  }
  const refs: CustomerRef[] = [];
  const scanner = createScanner(text, true);
  let budget = 2 * text.length + 65_536;
  const next = (): number => {
    let kind: number = scanner.scan();
    while (kind === LINE_COMMENT || kind === BLOCK_COMMENT) {
      kind = scanner.scan();
    }
    return kind;
  };
  CUSTOMER_KEY.lastIndex = 0;
  for (let m = CUSTOMER_KEY.exec(text); m !== null; m = CUSTOMER_KEY.exec(text)) {
    const from = m.index + m[0].length;
    scanner.setPosition(from);
    if (next() !== OPEN_BRACE) {
      continue;
    }
    // what each open container is: the customer object, its `data` object, or anything else
    const stack: Array<'customer' | 'data' | 'other'> = ['customer'];
    let expectKey = true;
    let key: string | undefined;
    for (let tokens = 1; stack.length > 0; tokens++) {
      if (tokens % TOKENS_PER_CLOCK_READ === 0 && deadline?.over() === true) {
        return { refs, complete: false };
      }
      const kind = next();
      const top = stack[stack.length - 1];
      if (kind === EOF) {
        break;
      }
      if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
        stack.push(kind === OPEN_BRACE && key === 'data' && top === 'customer' ? 'data' : 'other');
        expectKey = kind === OPEN_BRACE;
        key = undefined;
      } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
        stack.pop();
        key = undefined;
      } else if (kind === COMMA) {
        expectKey = true;
        key = undefined;
      } else if (kind === COLON) {
        expectKey = false;
      } else if (kind === STRING && expectKey) {
        key = scanner.getTokenValue();
        expectKey = false;
      } else if ((kind === NUMBER || kind === STRING) && key === 'id' && (top === 'customer' || top === 'data')) {
        const id = toId(scanner.getTokenValue());
        if (id !== undefined) {
          const offset = scanner.getTokenOffset();
          const quoted = kind === STRING ? 1 : 0;
          refs.push({ id, start: offset + quoted, end: offset + scanner.getTokenLength() - quoted });
        }
        key = undefined;
      } else {
        key = undefined;
      }
    }
    budget -= scanner.getPosition() - from;
    if (budget < 0 || deadline?.over() === true) {
      return { refs, complete: false };
    }
  }
  return { refs, complete: true };
}

/** The customer ids of the JSON structure (see scanJsonCustomerIds); empty past its limits. */
export function findJsonCustomerIds(text: string): CustomerRef[] {
  return scanJsonCustomerIds(text).refs;
}

export interface DocumentScan {
  readonly refs: readonly CustomerRef[];
  /** The JSON structure scan: not run (`skipped`), done (`ok`), or stopped by its budget (`failed`). */
  readonly json: JsonScan;
  /** Present when the scan ran out of its ScanBudget: `refs` are what it found until then. */
  readonly timedOut?: true;
}

/**
 * Each pattern over the chunks of short lines of `text` (offset `base` in the document), adding
 * refs; at most MAX_MATCHES_PER_PATTERN matches each. Stops when `deadline` is over.
 */
function scanPatterns(text: string, base: number, patterns: readonly IdPattern[], refs: CustomerRef[], deadline: Deadline | undefined, stats: ScanStats | undefined): void {
  const chunksBy = new Map<number, Array<readonly [number, number]>>();
  const chunksFor = (maxLine: number): Array<readonly [number, number]> => {
    let chunks = chunksBy.get(maxLine);
    if (chunks === undefined) {
      // the walk over line starts is counted once, for the usual line length
      chunks = shortLineChunks(text, maxLine === MAX_LINE_LENGTH || chunksBy.size === 0 ? stats : undefined, maxLine);
      chunksBy.set(maxLine, chunks);
    }
    return chunks;
  };
  for (const p of cheapestFirst(patterns, deadline)) {
    const budget: PatternBudget = { left: MAX_MATCHES_PER_PATTERN, deadline };
    for (const [start, end] of chunksFor(p.maxLine ?? MAX_LINE_LENGTH)) {
      if (!runPattern(p, text.slice(start, end), base + start, refs, budget, stats)) {
        break;
      }
    }
    if (deadline?.timedOut === true) {
      return;
    }
  }
}

/**
 * Every id in a document: each pattern over the chunks of short lines (over-long lines are skipped
 * before any engine runs), at most MAX_MATCHES_PER_PATTERN matches each, plus the JSON structure for
 * JSON languages. Work is linear in the document's length. Never throws on any text: a document
 * whose structure scan runs out of budget keeps its pattern refs and reports `json: 'failed'`; the
 * host caches the whole result per document version, so nothing is retried until the text changes.
 */
export function scanDocument(text: string, languageId: string, patterns: readonly IdPattern[], stats?: ScanStats, budget?: ScanBudget): DocumentScan {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { refs: [], json: 'skipped' };
  }
  const refs: CustomerRef[] = [];
  const deadline = deadlineOf(budget);
  scanPatterns(text, 0, patterns, refs, deadline, stats);
  let json: JsonScan = 'skipped';
  if (deadline?.timedOut !== true && JSON_LANGUAGES.has(languageId) && /"(?:customer|cliente)"/i.test(text)) {
    const scan = scanJson(text, deadline);
    refs.push(...scan.refs);
    json = scan.complete ? 'ok' : 'failed';
  }
  const out = dedupe(refs).slice(0, MAX_LINKS);
  return deadline?.timedOut === true ? { refs: out, json, timedOut: true } : { refs: out, json };
}

/**
 * The pattern refs within `ranges` (`[start, end)` offsets, each widened to whole lines), e.g. the
 * lines on screen when the whole document took too long (see scanDocument's `budget`). No JSON
 * structure scan: it needs the whole document.
 */
export function scanRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>, patterns: readonly IdPattern[], budget?: ScanBudget): DocumentScan {
  const refs: CustomerRef[] = [];
  const deadline = deadlineOf(budget);
  for (const [from, to] of ranges) {
    const start = from <= 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
    const nl = text.indexOf('\n', Math.max(start, to));
    const end = nl < 0 ? text.length : nl;
    scanPatterns(text.slice(start, end), start, patterns, refs, deadline, undefined);
    if (deadline?.timedOut === true) {
      break;
    }
  }
  const out = dedupe(refs).slice(0, MAX_LINKS);
  return deadline?.timedOut === true ? { refs: out, json: 'skipped', timedOut: true } : { refs: out, json: 'skipped' };
}

/** The refs of scanDocument. */
export function findRefsInDocument(text: string, languageId: string, patterns: readonly IdPattern[], stats?: ScanStats): CustomerRef[] {
  return [...scanDocument(text, languageId, patterns, stats).refs];
}

/** The ref whose digits contain (or touch) `offset`. */
export function refAt(refs: readonly CustomerRef[], offset: number): CustomerRef | undefined {
  return refs.find((r) => offset >= r.start && offset <= r.end);
}

/** Sorted by position; a ref overlapping an earlier one is dropped (two patterns, one id). */
function dedupe(refs: CustomerRef[]): CustomerRef[] {
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CustomerRef[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    if (!last || r.start >= last.end) {
      out.push(r);
    }
  }
  return out;
}
