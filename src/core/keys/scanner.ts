/**
 * Finds Yampi credentials written in text (product.md § Keys in source). Pure and linear: one pass
 * over the characters, a constant amount of work per candidate (a bounded look-behind for context),
 * no regular expression over the whole text, so a 2 MB file takes a few milliseconds whatever it
 * holds.
 *
 * Shapes (yampi-api.md §11): `User-Secret-Key` = `sk_` + 37 letters and digits, webhook secret =
 * `wh_` + 37, `User-Token` = 40 letters and digits. The `sk_`/`wh_` keys are findings wherever they
 * are; a bare 40-character token only in a Yampi context (a name such as `token`, `User-Token`,
 * `yampi…` just before it, or a `User-Secret-Key` in the same text), and never when it looks like a
 * git SHA (hex), a piece of a base64 blob, an integrity hash or a JWT. Placeholders (one repeated
 * character, `xxxx`, `your…`) and masked values (`sk_***`) are not findings.
 */

export type KeyKind = 'secretKey' | 'webhookSecret' | 'userToken';

export interface KeyFinding {
  readonly kind: KeyKind;
  /** Offset of the key's first character. */
  readonly start: number;
  /** Offset just after the key's last character. */
  readonly end: number;
}

/** The length of every key: `sk_` + 37, `wh_` + 37, or 40 for the token. */
export const KEY_LENGTH = 40;
/** How far before a token its context name is looked for (characters). */
export const CONTEXT_WINDOW = 120;
/** Texts longer than this are scanned up to here only (the host skips such files anyway). */
export const MAX_SCAN_CHARS = 8 * 1024 * 1024;
/** At most this many findings per text: more is not a file written by hand, and Problems would not show them usefully. */
export const MAX_FINDINGS = 100;
/** At most this many candidates get the placeholder test (the one check that costs more than a few comparisons). */
const MAX_PLACEHOLDER_CHECKS = 1000;
/**
 * At most this many bare 40-character runs are considered as tokens per text. A file with more is
 * data (a dump, a blob), not code written by hand; `sk_`/`wh_` keys are looked for in all of it.
 */
export const MAX_TOKEN_CANDIDATES = 2000;

// character classes by code: 1 letter, 2 digit, 4 underscore
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[A-Za-z]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : ch === '_' ? 4 : 0;
}
const LETTER = 1;
const DIGIT = 2;
const UNDERSCORE = 4;
/** 1 for the characters of a hex number. */
const HEX = new Uint8Array(128);
for (const ch of '0123456789abcdefABCDEF') {
  HEX[ch.charCodeAt(0)] = 1;
}

/** Characters that glue a run to a base64 blob, a JWT, a path or an integrity hash around it. */
const GLUE = new Set(['+', '/', '.', '-', '=']);
const BASE64ISH = /[A-Za-z0-9+/=_-]/;

/** Words that make a value a placeholder; a random key holds one of them with negligible odds. */
const PLACEHOLDER_WORDS = /xxxx|your|example|placeholder|redacted|changeme|dummy|insert|replace|123456|abcdef/i;

/** How many different characters `text` has in [start, end) (letters and digits only), counted without allocating. */
function distinctChars(text: string, start: number, end: number): number {
  let lo = 0; // bits for codes 48..79
  let hi = 0; // bits for codes 80..122
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 80) {
      const bit = 1 << (c - 48);
      if ((lo & bit) === 0) {
        lo |= bit;
        count++;
      }
    } else {
      const bit = 1 << (c - 80);
      if ((hi & bit) === 0) {
        hi |= bit;
        count++;
      }
    }
  }
  return count;
}

/** A value that is a stand-in, not a key: few distinct characters, or a placeholder word. */
export function isPlaceholder(body: string): boolean {
  return distinctChars(body, 0, body.length) < 8 || PLACEHOLDER_WORDS.test(body);
}

/** `sk_` or `wh_` at `start`. */
function prefixKind(text: string, start: number): KeyKind | undefined {
  if (text.charCodeAt(start + 2) !== 0x5f) {
    return undefined;
  }
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return a === 0x73 && b === 0x6b ? 'secretKey' : a === 0x77 && b === 0x68 ? 'webhookSecret' : undefined;
}

/** Letters and digits only (no underscore) in [start, end). */
function isKeyBody(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (CLASS[text.charCodeAt(i)] === UNDERSCORE) {
      return false;
    }
  }
  return true;
}

/** Whether the run [start, end) continues a blob on either side (`+`, `/`, `.`, `-`, `=` next to more of it). */
function isGlued(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before !== undefined && before !== '=' && GLUE.has(before) && BASE64ISH.test(text[start - 2] ?? ' ')) {
    return true;
  }
  const after = text[end];
  if (after === '=') {
    return true; // base64 padding; a token is never directly followed by "="
  }
  return after !== undefined && GLUE.has(after) && BASE64ISH.test(text[end + 1] ?? ' ');
}

/**
 * Whether a Yampi context name (`token`, `User-Token`, `yampi…`) is written in the CONTEXT_WINDOW
 * characters before a position. Positions must be asked in ascending order: each name's next
 * occurrence is searched once per step forward, so all the questions together read the text once.
 */
function contextFinder(text: string): (start: number) => boolean {
  const names = /token|yampi/gi; // both five letters
  let next = -1;
  return (start) => {
    const from = Math.max(0, start - CONTEXT_WINDOW);
    if (next !== Number.MAX_SAFE_INTEGER && next < from) {
      names.lastIndex = from;
      next = names.exec(text)?.index ?? Number.MAX_SAFE_INTEGER;
    }
    return next + 5 <= start;
  };
}

/**
 * Every Yampi key in `text`, in order (at most MAX_FINDINGS). Only runs of exactly 40 word
 * characters matter, so the scan jumps: it looks at the 40th character from where a run could
 * start; when that is not a word character, no 40-run starts before it and the 39 characters in
 * between are never read. Otherwise it reads back to the start of that run and on to its end.
 * Every character is read at most twice.
 */
export function scanForKeys(text: string): KeyFinding[] {
  const n = Math.min(text.length, MAX_SCAN_CHARS);
  const secrets: KeyFinding[] = [];
  const tokens: number[] = [];
  let secretKeys = 0;
  let checks = 0;
  // invariant: the character before p is not a word character (or p is 0)
  let p = 0;
  while (p + KEY_LENGTH <= n) {
    const probe = p + KEY_LENGTH - 1;
    let c = text.charCodeAt(probe);
    let k = c < 128 ? (CLASS[c] ?? 0) : 0;
    if (k === 0) {
      p = probe + 1;
      continue;
    }
    // the run around the probe: its bounds, and what it holds (classes seen, all hex or not)
    let seen = k;
    let hex = HEX[c] ?? 0;
    let start = probe;
    while (start > p) {
      c = text.charCodeAt(start - 1);
      k = c < 128 ? (CLASS[c] ?? 0) : 0;
      if (k === 0) {
        break;
      }
      seen |= k;
      hex &= HEX[c] ?? 0;
      start--;
    }
    let end = probe + 1;
    while (end < n) {
      c = text.charCodeAt(end);
      k = c < 128 ? (CLASS[c] ?? 0) : 0;
      if (k === 0) {
        break;
      }
      seen |= k;
      hex &= HEX[c] ?? 0;
      end++;
    }
    p = end + 1;
    if (end - start !== KEY_LENGTH) {
      continue;
    }
    const kind = (seen & UNDERSCORE) === 0 ? undefined : prefixKind(text, start);
    if (kind !== undefined) {
      if (secrets.length >= MAX_FINDINGS) {
        break; // enough to say; the rest of the text cannot add a finding before these
      }
      if (checks++ < MAX_PLACEHOLDER_CHECKS && isKeyBody(text, start + 3, end) && !isPlaceholder(text.slice(start + 3, end))) {
        secrets.push({ kind, start, end });
        secretKeys += kind === 'secretKey' ? 1 : 0;
      }
    } else if (seen === (LETTER | DIGIT) && hex === 0 && tokens.length < MAX_TOKEN_CANDIDATES) {
      tokens.push(start);
    }
  }
  const found = [...secrets];
  const inContext = secretKeys > 0 || tokens.length === 0 ? () => true : contextFinder(text.slice(0, n));
  for (const start of tokens) {
    if (found.length >= MAX_FINDINGS || checks >= MAX_PLACEHOLDER_CHECKS) {
      break;
    }
    const end = start + KEY_LENGTH;
    if (isGlued(text, start, end) || !inContext(start)) {
      continue;
    }
    checks++;
    if (!isPlaceholder(text.slice(start, end))) {
      found.push({ kind: 'userToken', start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A cheap pre-test with no false negatives: text without it holds no finding (an `sk_`/`wh_` key
 * holds its prefix; a token needs `token`/`yampi` before it or an `sk_` key). The shell keeps its
 * own copy of this pattern (it may import nothing more at activation); a unit test compares them.
 */
export const KEY_PRETEST = /sk_|wh_|token|yampi/i;

/** Line and character (UTF-16, 0-based) of each offset, in one pass over the text; offsets ascending. */
export function positionsOf(text: string, offsets: readonly number[]): Array<{ line: number; character: number }> {
  const out: Array<{ line: number; character: number }> = [];
  let line = 0;
  let lineStart = 0;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) {
      if (text.charCodeAt(at) === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    out.push({ line, character: offset - lineStart });
  }
  return out;
}
