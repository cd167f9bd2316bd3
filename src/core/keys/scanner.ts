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

// character classes by code: 1 letter, 2 digit, 4 underscore
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[A-Za-z]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : ch === '_' ? 4 : 0;
}
const LETTER = 1;
const DIGIT = 2;
const UNDERSCORE = 4;

function charClass(code: number): number {
  return code < 128 ? (CLASS[code] ?? 0) : 0;
}

/** Characters that glue a run to a base64 blob, a JWT, a path or an integrity hash around it. */
const GLUE = new Set(['+', '/', '.', '-', '=']);
const BASE64ISH = /[A-Za-z0-9+/=_-]/;

/** Words that make a value a placeholder; a random key holds one of them with negligible odds. */
const PLACEHOLDER_WORDS = ['xxxx', 'your', 'example', 'placeholder', 'redacted', 'changeme', 'dummy', 'insert', 'replace', '123456', 'abcdef'];

/** A value that is a stand-in, not a key: few distinct characters, or a placeholder word. */
export function isPlaceholder(body: string): boolean {
  const distinct = new Set(body);
  if (distinct.size < 8) {
    return true;
  }
  const lower = body.toLowerCase();
  return PLACEHOLDER_WORDS.some((w) => lower.includes(w));
}

function isHex(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20; // fold case
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) {
      return false;
    }
  }
  return true;
}

/** Whether the run [start, end) continues a blob on either side (`+`, `/`, `.`, `-`, `=` next to more of it). */
function isGlued(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before !== undefined && GLUE.has(before) && before !== '=' && BASE64ISH.test(text[start - 2] ?? ' ')) {
    return true;
  }
  const after = text[end];
  if (after === '=') {
    return true; // base64 padding; a token is never directly followed by "="
  }
  return after !== undefined && GLUE.has(after) && BASE64ISH.test(text[end + 1] ?? ' ');
}

/** Whether a Yampi context name (`token`, `User-Token`, `yampi…`) is written just before `start`. */
function hasContext(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - CONTEXT_WINDOW), start).toLowerCase();
  return window.includes('token') || window.includes('yampi');
}

/** Every Yampi key in `text`, in order. */
export function scanForKeys(text: string): KeyFinding[] {
  const n = Math.min(text.length, MAX_SCAN_CHARS);
  const found: KeyFinding[] = [];
  const tokens: number[] = [];
  let secretKeys = 0;
  let i = 0;
  while (i < n) {
    if (charClass(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    // a maximal run of word characters: count what it holds
    const start = i;
    let seen = 0;
    let underscores = 0;
    while (i < n) {
      const k = charClass(text.charCodeAt(i));
      if (k === 0) {
        break;
      }
      seen |= k;
      if (k === UNDERSCORE) {
        underscores++;
      }
      i++;
    }
    if (i - start !== KEY_LENGTH) {
      continue;
    }
    if (underscores === 1 && text[start + 2] === '_') {
      const prefix = text.slice(start, start + 3);
      const kind: KeyKind | undefined = prefix === 'sk_' ? 'secretKey' : prefix === 'wh_' ? 'webhookSecret' : undefined;
      if (kind !== undefined && !isPlaceholder(text.slice(start + 3, i))) {
        found.push({ kind, start, end: i });
        if (kind === 'secretKey') {
          secretKeys++;
        }
      }
    } else if (underscores === 0 && (seen & LETTER) !== 0 && (seen & DIGIT) !== 0) {
      tokens.push(start);
    }
  }
  for (const start of tokens) {
    const end = start + KEY_LENGTH;
    if (isHex(text, start, end) || isGlued(text, start, end) || isPlaceholder(text.slice(start, end))) {
      continue;
    }
    if (secretKeys > 0 || hasContext(text, start)) {
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
