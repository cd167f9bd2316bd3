/**
 * Finding customer ids in text, for hovers and document links (product.md § Hover and links):
 * the `yampi.hover.patterns` regexes (one capture group = the id) on each line, and in JSON
 * documents an `id` directly under a `customer` object or its `data` envelope (Yampi webhooks
 * nest it as `resource.customer.data.id`). Pure and synchronous: finding makes no request.
 */
import { visit } from 'jsonc-parser';

/** One id found in a document; `start`/`end` are offsets of the digits only. */
export interface CustomerRef {
  readonly id: number;
  readonly start: number;
  readonly end: number;
}

export interface CompiledPatterns {
  readonly patterns: readonly RegExp[];
  /** Sources that cannot be used: why (`problem`), with the engine's or our own English detail for the log. */
  readonly invalid: ReadonlyArray<InvalidPattern>;
}

export interface InvalidPattern {
  readonly source: string;
  /** `syntax`: does not compile; `groups`: not exactly one capture group; `empty`: matches empty text. */
  readonly problem: 'syntax' | 'groups' | 'empty';
  readonly reason: string;
}

/** Longer lines (minified bundles, base64) are skipped: nobody hovers an id in them. */
export const MAX_LINE_LENGTH = 10_000;
/** Larger documents get no links and no JSON structure scan (regexes still run on the hovered line). */
export const MAX_DOCUMENT_LENGTH = 2_000_000;
/** At most this many links per document. */
export const MAX_LINKS = 2_000;

const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'snippets']);
const CUSTOMER_KEYS = new Set(['customer', 'cliente']);

/** Compiles the user's patterns (case-insensitive) and explains each one that cannot be used. */
export function compilePatterns(sources: readonly string[]): CompiledPatterns {
  const patterns: RegExp[] = [];
  const invalid: InvalidPattern[] = [];
  for (const source of sources) {
    let re: RegExp;
    try {
      re = new RegExp(source, 'gid');
    } catch (e) {
      invalid.push({ source, problem: 'syntax', reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    // an alternation with the empty pattern always matches, so the match shows the group count
    const groups = (new RegExp(`${source}|`, 'i').exec('')?.length ?? 1) - 1;
    if (groups !== 1) {
      invalid.push({ source, problem: 'groups', reason: `needs exactly one capture group for the id, has ${groups}` });
      continue;
    }
    if (re.test('')) {
      invalid.push({ source, problem: 'empty', reason: 'matches empty text' });
      continue;
    }
    patterns.push(re);
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

/** Ids the patterns find in one line; offsets are relative to the line. */
export function findRefsInLine(line: string, patterns: readonly RegExp[]): CustomerRef[] {
  if (line.length > MAX_LINE_LENGTH || line.length === 0) {
    return [];
  }
  const refs: CustomerRef[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of line.matchAll(re)) {
      const span = m.indices?.[1];
      const id = toId(m[1]);
      if (span && id !== undefined) {
        refs.push({ id, start: span[0], end: span[1] });
      }
      if (m[0] === '') {
        break; // defensive: compilePatterns refuses these, but never loop on an empty match
      }
    }
  }
  return dedupe(refs);
}

/**
 * In a JSON document: numeric (or numeric-string) `id` values whose property path ends in
 * `customer.id` or `customer.data.id` (`cliente` too). An address or order id nested deeper is not
 * a customer id and is left alone. Comments and trailing commas are tolerated.
 */
export function findJsonCustomerIds(text: string): CustomerRef[] {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return [];
  }
  const refs: CustomerRef[] = [];
  const isCustomerIdPath = (path: ReadonlyArray<string | number>): boolean => {
    const n = path.length;
    if (path[n - 1] !== 'id') {
      return false;
    }
    const parent = path[n - 2];
    if (typeof parent === 'string' && CUSTOMER_KEYS.has(parent.toLowerCase())) {
      return true;
    }
    const grand = path[n - 3];
    return parent === 'data' && typeof grand === 'string' && CUSTOMER_KEYS.has(grand.toLowerCase());
  };
  // the property name seen last: only values of an `id` property are worth building a path for
  let property: string | undefined;
  visit(
    text,
    {
      onObjectProperty: (name) => {
        property = name;
      },
      onLiteralValue: (value: unknown, offset, length, _line, _col, pathSupplier) => {
        if (property !== 'id' || (typeof value !== 'number' && typeof value !== 'string')) {
          return;
        }
        const id = toId(String(value));
        if (id === undefined || !isCustomerIdPath(pathSupplier())) {
          return;
        }
        const quoted = typeof value === 'string' ? 1 : 0;
        refs.push({ id, start: offset + quoted, end: offset + length - quoted });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return refs;
}

/**
 * Every id in a document: each pattern over the whole text (one pass per pattern, ~18× faster
 * than line by line on short JSON lines), keeping only matches within one line of at most
 * MAX_LINE_LENGTH characters, plus the JSON structure for JSON languages.
 */
export function findRefsInDocument(text: string, languageId: string, patterns: readonly RegExp[]): CustomerRef[] {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return [];
  }
  const refs: CustomerRef[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[0] === '') {
        break; // defensive: compilePatterns refuses these
      }
      const span = m.indices?.[1];
      const id = toId(m[1]);
      if (span === undefined || id === undefined || /[\r\n]/.test(m[0]) || !withinShortLine(text, m.index, m.index + m[0].length)) {
        continue;
      }
      refs.push({ id, start: span[0], end: span[1] });
      if (refs.length >= MAX_LINKS * 2) {
        break;
      }
    }
  }
  if (JSON_LANGUAGES.has(languageId) && /"(?:customer|cliente)"/i.test(text)) {
    refs.push(...findJsonCustomerIds(text));
  }
  return dedupe(refs).slice(0, MAX_LINKS);
}

/** True when [start, end) lies on a line no longer than MAX_LINE_LENGTH (minified code is skipped). */
function withinShortLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  return (next < 0 ? text.length : next) - lineStart <= MAX_LINE_LENGTH;
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
