/**
 * User patterns on RE2 (re2js: RE2 semantics, matching time linear in the text's length). This
 * module is the only one that imports re2js's code: the build makes it a chunk of its own, loaded
 * with import() (patterns.ts loadRe2) the first time a pattern that is not a shipped default is
 * compiled, so activation with the defaults never parses re2js.
 */
import { RE2JS } from 're2js';
import { type IdPattern, type InvalidPattern, MAX_LINE_LENGTH, MAX_PATTERN_LENGTH, MAX_PROGRAM_SIZE, MAX_RE2_CALL_COST } from './patterns';
import { assertsTextEnds, nextOccurrence, requiredPrefix } from './re2Prefix';

/** re2js's RE2Flags.UNANCHORED: a search may start anywhere at or after the position given. */
const UNANCHORED = 0;

/**
 * The leftmost-first match of `re` starting at or after `from` in `text` (the whole of `text` is the
 * engine's input, so `^`, `$` and `\b` see its real neighbours), as [start, end, group start, group
 * end], or undefined. `groups` 0 asks only whether there is one: re2js answers on its DFA.
 */
function matchFrom(re: RE2JS, text: string, from: number, groups: 0 | 2): number[] | undefined {
  const [found, positions] = re.re2().matchWithGroup(text, from, text.length, UNANCHORED, groups) as [boolean, number[] | null];
  // Stryker disable next-line ArrayDeclaration: equivalent, with groups 0 the callers only ask whether the result is undefined
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
  const textAnchored = assertsTextEnds(re);
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
        // Stryker disable next-line UnaryOperator: equivalent, a found match with groups 2 always has its four positions (the defaults are never used)
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

/** Compiles one user pattern (case-insensitive) on RE2, or says why it cannot be used. */
export function compileRe2(source: string): IdPattern | InvalidPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { source, problem: 'tooComplex', reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
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

