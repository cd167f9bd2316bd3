/**
 * The id patterns (product.md § Hover and links): what a compiled pattern is, the shipped defaults
 * and the limits every scan keeps, and compiling `yampi.hover.patterns`. The defaults run on V8's
 * engine; every other source runs on RE2 (re2js), which lives in its own chunk (./re2Engine.ts,
 * loaded with import() the first time a user pattern needs it: never during activation with the
 * defaults). A user pattern is never compiled as a native RegExp: without the engine it is not used.
 */

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
        // Stryker disable next-line OptionalChaining: equivalent, the 'd' flag is always set (compilePatterns, orderRefs), so indices exist
        const span = m.indices?.[1];
        // Stryker disable next-line OptionalChaining: equivalent, the id group of every native pattern (the defaults, the order patterns) is not optional: it takes part in every match
        const match = { start: m.index, end: m.index + m[0].length, groupStart: span?.[0] ?? -1, groupEnd: span?.[1] ?? -1, group: m[1] };
        // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, no native pattern matches empty text (a guard against a loop that cannot happen)
        if (!onMatch(match) || m[0] === '') {
          return; // an empty match cannot happen (compilePatterns refuses them); never loop on one
        }
      }
    },
  };
}

/** Compiles one user pattern on RE2 (./re2Engine.ts `compileRe2`), or says why it cannot be used. */
export type Re2Compiler = (source: string) => IdPattern | InvalidPattern;

let re2Compiler: Re2Compiler | undefined;

/**
 * The RE2 compiler, from its own chunk: `import()` on first use (re2js is ~150 KB minified and
 * ~10 ms to load), then the same module.
 */
export async function loadRe2(): Promise<Re2Compiler> {
  re2Compiler ??= (await import('./re2Engine.js')).compileRe2;
  return re2Compiler;
}

/** The RE2 compiler once loadRe2 has loaded it, else undefined (no load is started). */
export function loadedRe2(): Re2Compiler | undefined {
  return re2Compiler;
}

/** True when compiling `sources` needs RE2: a source among the first MAX_USER_PATTERNS that is not a shipped default. */
export function needsRe2(sources: readonly string[]): boolean {
  return sources.some((source, i) => i < MAX_USER_PATTERNS && !DEFAULT_HOVER_PATTERNS.includes(source));
}

/**
 * Compiles the user's patterns (case-insensitive) and explains each one that cannot be used. The
 * shipped defaults run on the native engine; anything else on RE2 (linear time), so no setting
 * value, from any source, can hold the extension host. `re2` (loadRe2) is required when
 * needsRe2(sources): without it this throws rather than run a user pattern on another engine.
 */
export function compilePatterns(sources: readonly string[], re2?: Re2Compiler): CompiledPatterns {
  const patterns: IdPattern[] = [];
  const invalid: InvalidPattern[] = [];
  for (const [i, source] of sources.entries()) {
    if (i >= MAX_USER_PATTERNS) {
      invalid.push({ source, problem: 'tooMany', reason: `only the first ${MAX_USER_PATTERNS} patterns are used` });
      continue;
    }
    const compiled = DEFAULT_HOVER_PATTERNS.includes(source) ? nativePattern(source, new RegExp(source, 'gid')) : re2Only(re2)(source);
    if ('problem' in compiled) {
      invalid.push(compiled);
    } else {
      patterns.push(compiled);
    }
  }
  return { patterns, invalid };
}

function re2Only(re2: Re2Compiler | undefined): Re2Compiler {
  if (re2 === undefined) {
    throw new Error('compilePatterns: a user pattern needs the RE2 engine (loadRe2 / loadPatterns)');
  }
  return re2;
}

/** compilePatterns, loading the RE2 chunk first when a source needs it (at once when it is loaded already or not needed). */
export async function loadPatterns(sources: readonly string[]): Promise<CompiledPatterns> {
  return compilePatterns(sources, needsRe2(sources) ? await loadRe2() : undefined);
}

/** A positive safe integer from the captured text, else undefined. */
export function toId(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) {
    return undefined;
  }
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
