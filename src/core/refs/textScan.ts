/**
 * Finding ids in text with the compiled patterns (./patterns.ts): one line (hovers, terminal
 * lines), a whole document in chunks of short lines, or only some ranges of it (the visible lines of
 * a document whose whole scan ran out of time). Pure and synchronous: finding makes no request, and
 * nothing here loads an engine (RE2 patterns arrive compiled).
 */
import { type Deadline, deadlineOf, type ScanBudget } from './budget';
import { type JsonScan, scanJson } from './jsonScan';
import { type CustomerRef, type IdPattern, MAX_DOCUMENT_LENGTH, MAX_LINE_LENGTH, MAX_LINKS, MAX_MATCHES_PER_PATTERN, SCAN_CHUNK, toId } from './patterns';

const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'snippets']);

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

/** Sorted by position; a ref overlapping an earlier one is dropped (two patterns, one id). Customer and order refs alike. */
export function dedupe<R extends { readonly start: number; readonly end: number }>(refs: R[]): R[] {
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: R[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    if (!last || r.start >= last.end) {
      out.push(r);
    }
  }
  return out;
}
