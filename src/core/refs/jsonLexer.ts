/**
 * The one JSON(C) tokenizer of the reference scans (customer ids in ./jsonScan.ts, order ids in
 * ../orders/orderRefs.ts): over char codes, punctuation, strings (escapes skipped), comments
 * skipped, any other run (numbers, literals, junk) as one token. Tolerant of broken JSON (while the
 * user types), iterative (any nesting depth), and about ten times cheaper per character than
 * jsonc-parser's scanner, so a 2 MB payload file scans well within the host's 50 ms.
 */

/** The kinds of token `JsonLexer.next()` returns. */
export const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  Colon: 6,
  String: 10,
  /** A number, a literal or junk: the run up to the next delimiter. */
  Other: 11,
  EOF: 17,
} as const;
export type Token = (typeof Token)[keyof typeof Token];

export class JsonLexer {
  /** Where the next token is looked for; a caller may move it (to a key a regex found). */
  pos = 0;
  /** The current token's `[start, end)`. */
  start = 0;
  end = 0;

  constructor(private readonly text: string) {}

  next(): Token {
    const t = this.text;
    for (;;) {
      let c = t.charCodeAt(this.pos);
      while (c === 32 || c === 10 || c === 13 || c === 9) {
        c = t.charCodeAt(++this.pos);
      }
      this.start = this.pos;
      if (Number.isNaN(c)) {
        this.end = this.pos;
        return Token.EOF;
      }
      if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl;
        continue;
      }
      if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const close = t.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? t.length : close + 2;
        continue;
      }
      this.pos++;
      switch (c) {
        case 123: this.end = this.pos; return Token.OpenBrace;
        case 125: this.end = this.pos; return Token.CloseBrace;
        case 91: this.end = this.pos; return Token.OpenBracket;
        case 93: this.end = this.pos; return Token.CloseBracket;
        case 44: this.end = this.pos; return Token.Comma;
        case 58: this.end = this.pos; return Token.Colon;
        case 34: {
          for (let d = t.charCodeAt(this.pos); !Number.isNaN(d) && d !== 34 && d !== 10; d = t.charCodeAt(this.pos)) {
            this.pos += d === 92 ? 2 : 1;
          }
          this.pos = Math.min(t.length, this.pos + 1);
          this.end = this.pos;
          return Token.String;
        }
        default: {
          for (let d = t.charCodeAt(this.pos); !Number.isNaN(d) && !isDelimiter(d); d = t.charCodeAt(this.pos)) {
            this.pos++;
          }
          this.end = this.pos;
          return Token.Other;
        }
      }
    }
  }

  /**
   * The current token's text; a string without its quotes, its escapes decoded when it has any
   * (`"\u0069d"` is the key `id`; an escape JSON does not allow leaves the text as written).
   */
  value(): string {
    const raw = this.text.slice(this.start, this.end);
    if (!raw.startsWith('"')) {
      return raw;
    }
    const inner = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    if (!inner.includes('\\')) {
      return inner;
    }
    try {
      return JSON.parse(`"${inner}"`) as string;
    } catch {
      return inner;
    }
  }
}

function isDelimiter(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58 || c === 123 || c === 125 || c === 91 || c === 93 || c === 34 || c === 47;
}
