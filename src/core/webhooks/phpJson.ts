/**
 * PHP's `json_encode(json_decode($body))` in TypeScript, byte for byte, for the signature variant
 * Yampi's PHP example computes (yampi-api.md §10). A small JSON reader keeps what JavaScript's
 * JSON.parse loses and PHP keeps: the order of object keys (JavaScript moves integer-like keys
 * first), int versus float (`10.0` is a float, `10` an int), integers beyond 2^63 (floats in PHP).
 *
 * What PHP writes with the default flags:
 *  - `/` as `\/`; every non-ASCII character as `\uxxxx` (lowercase hex), astral ones as a surrogate pair;
 *  - control characters as `\b \f \n \r \t` or `\u00xx`; `"` and `\` escaped; nothing else;
 *  - ints in decimal; floats with `serialize_precision = -1` (PHP ≥ 7.1): the shortest digits that
 *    read back to the same double, in exponent form (`1.0e-5`, `1.5e+20`) when the decimal point
 *    would sit more than 4 places left or more than 17 places right, and no `.0` on whole floats
 *    (`10.0` becomes `10`; only JSON_PRESERVE_ZERO_FRACTION keeps it);
 *  - `json_decode($body, true)` (arrays, `assoc`) also turns `{}` into `[]` and an object whose keys
 *    are exactly "0", "1", … into a list: the `assoc` flag below.
 * Returns undefined where PHP would fail (invalid JSON, depth over 512, an unpaired surrogate).
 */

type Value =
  | { readonly t: 'null' | 'true' | 'false' }
  | { readonly t: 'int'; readonly text: string }
  | { readonly t: 'float'; readonly value: number }
  | { readonly t: 'string'; readonly value: string }
  | { readonly t: 'array'; readonly items: Value[] }
  | { readonly t: 'object'; readonly entries: Map<string, Value> };

const WS = /[ \t\n\r]+/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- a JSON string's plain run ends at a quote, a backslash or a control character
const PLAIN = /[^"\\\u0000-\u001f]*/y;
// eslint-disable-next-line no-control-regex -- what PHP escapes by default
const PHP_ESCAPED = /[\u0000-\u001f"\\/\u0080-\uffff]/g;

/** PHP's default json_decode depth. */
const MAX_DEPTH = 512;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

class Reader {
  private i = 0;
  /** Whether `assoc` decoding would encode differently: an empty object, or keys "0", "1", …. */
  assocDiffers = false;
  constructor(private readonly s: string) {}

  read(): Value | undefined {
    const v = this.value(1);
    this.ws();
    return v !== undefined && this.i === this.s.length ? v : undefined;
  }

  private ws(): void {
    WS.lastIndex = this.i;
    if (WS.test(this.s)) {
      this.i = WS.lastIndex;
    }
  }

  private value(depth: number): Value | undefined {
    this.ws();
    const c = this.s[this.i] ?? '';
    switch (c) {
      case '{':
        return depth > MAX_DEPTH ? undefined : this.object(depth);
      case '[':
        return depth > MAX_DEPTH ? undefined : this.array(depth);
      case '"': {
        const str = this.string();
        return str === undefined ? undefined : { t: 'string', value: str };
      }
      case 't':
        return this.word('true') ? { t: 'true' } : undefined;
      case 'f':
        return this.word('false') ? { t: 'false' } : undefined;
      case 'n':
        return this.word('null') ? { t: 'null' } : undefined;
      default:
        return this.number();
    }
  }

  private word(w: string): boolean {
    if (this.s.startsWith(w, this.i)) {
      this.i += w.length;
      return true;
    }
    return false;
  }

  private number(): Value | undefined {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) {
      return undefined;
    }
    const text = m[0];
    this.i += text.length;
    if (m[1] === undefined && m[2] === undefined) {
      const big = BigInt(text);
      if (big <= INT64_MAX && big >= INT64_MIN) {
        return { t: 'int', text: big.toString() };
      }
    }
    return { t: 'float', value: Number(text) };
  }

  private string(): string | undefined {
    this.i++; // opening quote
    let out = '';
    for (;;) {
      const start = this.i;
      PLAIN.lastIndex = start;
      PLAIN.test(this.s);
      this.i = PLAIN.lastIndex;
      out += this.s.slice(start, this.i);
      if (this.i >= this.s.length) {
        return undefined;
      }
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c !== '\\') {
        return undefined; // a raw control character
      }
      const e = this.s[this.i + 1] ?? '';
      this.i += 2;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const unit = this.hex4();
          if (unit === undefined) {
            return undefined;
          }
          if (unit >= 0xd800 && unit <= 0xdbff) {
            // PHP accepts a high surrogate only followed by a low one (JSON_ERROR_UTF16 otherwise)
            if (this.s[this.i] !== '\\' || this.s[this.i + 1] !== 'u') {
              return undefined;
            }
            this.i += 2;
            const low = this.hex4();
            if (low === undefined || low < 0xdc00 || low > 0xdfff) {
              return undefined;
            }
            out += String.fromCharCode(unit, low);
          } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            return undefined;
          } else {
            out += String.fromCharCode(unit);
          }
          break;
        }
        default:
          return undefined;
      }
    }
  }

  private hex4(): number | undefined {
    const h = this.s.slice(this.i, this.i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) {
      return undefined;
    }
    this.i += 4;
    return parseInt(h, 16);
  }

  private array(depth: number): Value | undefined {
    this.i++;
    const items: Value[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return { t: 'array', items };
    }
    for (;;) {
      const v = this.value(depth + 1);
      if (v === undefined) {
        return undefined;
      }
      items.push(v);
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') {
        return { t: 'array', items };
      }
      if (c !== ',') {
        return undefined;
      }
    }
  }

  private object(depth: number): Value | undefined {
    this.i++;
    const entries = new Map<string, Value>();
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.assocDiffers = true;
      return { t: 'object', entries };
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') {
        return undefined;
      }
      const key = this.string();
      this.ws();
      if (key === undefined || this.s[this.i++] !== ':') {
        return undefined;
      }
      const v = this.value(depth + 1);
      if (v === undefined) {
        return undefined;
      }
      entries.set(key, v); // a repeated key keeps its first place and takes the last value, as in PHP
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') {
        if (!this.assocDiffers && entries.has('0') && isList(entries)) {
          this.assocDiffers = true;
        }
        return { t: 'object', entries };
      }
      if (c !== ',') {
        return undefined;
      }
    }
  }
}

/** PHP's string escaping with the default flags. */
export function phpString(s: string): string {
  return `"${s.replace(PHP_ESCAPED, escapeOne)}"`;
}

function escapeOne(ch: string): string {
  switch (ch) {
    case '"': return '\\"';
    case '\\': return '\\\\';
    case '/': return '\\/';
    case '\b': return '\\b';
    case '\f': return '\\f';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** A double as PHP ≥ 7.1 writes it with `serialize_precision = -1` (php_gcvt with 17 digits, mode 0). */
export function phpFloat(d: number): string {
  if (!Number.isFinite(d)) {
    return '0'; // json_encode fails on INF/NAN; JSON text cannot carry them anyway
  }
  if (d === 0) {
    return Object.is(d, -0) ? '-0' : '0';
  }
  const sign = d < 0 ? '-' : '';
  const [mantissa = '', exp = '0'] = Math.abs(d).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1; // where the point goes, counted from the first digit
  if (decpt < 0 ? decpt < -3 : decpt > 17) {
    const e = decpt - 1;
    return `${sign}${digits[0] ?? '0'}.${digits.length > 1 ? digits.slice(1) : '0'}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  if (decpt <= 0) {
    return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  }
  if (digits.length <= decpt) {
    return `${sign}${digits}${'0'.repeat(decpt - digits.length)}`;
  }
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

function isList(entries: Map<string, Value>): boolean {
  let i = 0;
  for (const k of entries.keys()) {
    if (k !== String(i++)) {
      return false;
    }
  }
  return true;
}

/** Appends PHP's encoding of `v` to `out` (one array of pieces, joined once: no string per level). */
function encodeInto(v: Value, assoc: boolean, out: string[]): void {
  switch (v.t) {
    case 'null':
    case 'true':
    case 'false':
      out.push(v.t);
      return;
    case 'int':
      out.push(v.text);
      return;
    case 'float':
      out.push(phpFloat(v.value));
      return;
    case 'string':
      out.push(phpString(v.value));
      return;
    case 'array':
      out.push('[');
      v.items.forEach((x, i) => {
        if (i > 0) {
          out.push(',');
        }
        encodeInto(x, assoc, out);
      });
      out.push(']');
      return;
    case 'object': {
      const list = assoc && isList(v.entries);
      out.push(list ? '[' : '{');
      let first = true;
      for (const [k, x] of v.entries) {
        if (!first) {
          out.push(',');
        }
        first = false;
        if (!list) {
          out.push(phpString(k), ':');
        }
        encodeInto(x, assoc, out);
      }
      out.push(list ? ']' : '}');
      return;
    }
  }
}

function encode(v: Value, assoc: boolean): string {
  const out: string[] = [];
  encodeInto(v, assoc, out);
  return out.join('');
}

/**
 * `json_encode(json_decode($text))` (objects as stdClass), or with `assoc`
 * `json_encode(json_decode($text, true))`; undefined where PHP's decode fails.
 */
export function phpReencode(text: string, assoc = false): string | undefined {
  const v = new Reader(text).read();
  return v === undefined ? undefined : encode(v, assoc);
}

/** Both re-encodings from one parse; `assoc` only when it differs from `object`. Undefined where PHP's decode fails. */
export function phpReencodings(text: string): { readonly object: string; readonly assoc: string | undefined } | undefined {
  const reader = new Reader(text);
  const v = reader.read();
  if (v === undefined) {
    return undefined;
  }
  return { object: encode(v, false), assoc: reader.assocDiffers ? encode(v, true) : undefined };
}
