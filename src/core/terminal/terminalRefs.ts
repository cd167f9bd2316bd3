/**
 * Customer ids in terminal output (product.md § Terminal and chat): the same patterns as hovers,
 * applied to one (unwrapped) terminal line. Pure and synchronous: finding makes no request.
 *
 * A terminal link must cover the whole terminal word. VS Code splits terminal text into words at
 * `terminal.integrated.wordSeparators` and offers each word as its own (low-priority) link; measured
 * in VS Code 1.139, a link over only the digits of `customer_id=7070` loses to that word link under
 * Ctrl+hover and Ctrl+click, while a link over the whole word wins. So each match is widened to the
 * separators around it.
 */
import { type CompiledPatterns, MAX_LINE_LENGTH } from '../refs/patterns';
import { findRefsInLine } from '../refs/textScan';
import { LINE_SCAN_BUDGET_MS } from '../hover/documentScan';

/** The default of `terminal.integrated.wordSeparators` (VS Code 1.96 – 1.139). */
export const DEFAULT_WORD_SEPARATORS = ' ()[]{}\',"`\u2500\u2018\u2019\u201c\u201d|';

/** One link on a terminal line: `startIndex`/`length` in UTF-16 code units of the line. */
export interface TerminalRefLink {
  readonly startIndex: number;
  readonly length: number;
  readonly id: number;
}

/**
 * The customer-id links of one terminal line, each widened to the terminal word around it.
 * Lines longer than MAX_LINE_LENGTH are skipped; `now` (a clock) bounds the scan's time. When one word holds several ids (no separator
 * between them), the word is shared out between them at the start of each later match, so links
 * never overlap.
 */
export function findTerminalLinks(line: string, compiled: CompiledPatterns, wordSeparators: string = DEFAULT_WORD_SEPARATORS, now?: () => number): TerminalRefLink[] {
  if (line.length === 0 || line.length > MAX_LINE_LENGTH) {
    return [];
  }
  // a separator setting that is not a string (a broken settings.json) falls back to the default
  const separators = new Set(typeof wordSeparators === 'string' ? wordSeparators : DEFAULT_WORD_SEPARATORS);
  const isSeparator = (i: number): boolean => separators.has(line[i] ?? ' ');
  // with a clock, the line gets LINE_SCAN_BUDGET_MS (the patterns after the one that ran out are skipped)
  const refs = findRefsInLine(line, compiled.patterns, now && { now, ms: LINE_SCAN_BUDGET_MS });
  const links: TerminalRefLink[] = [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (ref === undefined) {
      continue;
    }
    let start = ref.start;
    while (start > 0 && !isSeparator(start - 1)) {
      start--;
    }
    let end = ref.end;
    while (end < line.length && !isSeparator(end)) {
      end++;
    }
    const prev = links[links.length - 1];
    if (prev !== undefined && start < prev.startIndex + prev.length) {
      // same word as the previous id: that link ended where the text leading to this id begins
      start = prev.startIndex + prev.length;
    }
    const next = refs[i + 1];
    if (next !== undefined && next.start < end) {
      end = Math.max(ref.end, nextBoundary(line, ref.end, next.start, isSeparator));
    }
    links.push({ startIndex: start, length: end - start, id: ref.id });
  }
  return links;
}

/**
 * Where a word shared by two ids is cut: just before the text that leads up to the next id's
 * digits (`customer_id=1;customer_id=2` is cut before the second `customer_id`), found as the
 * first letter after the first id's digits; else right before the next digits.
 */
function nextBoundary(line: string, from: number, nextDigits: number, isSeparator: (i: number) => boolean): number {
  for (let i = from; i < nextDigits; i++) {
    if (!isSeparator(i) && /[\p{L}/]/u.test(line[i] ?? '')) {
      return i;
    }
  }
  return nextDigits;
}
