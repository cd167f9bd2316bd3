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

/** PHP's default json_decode depth. */
const MAX_DEPTH = 512;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  read(): Value | undefined {
    const v = this.value(1);
    this.ws();
    return v !== undefined && this.i === this.s.length ? v : undefined;
  }

  private ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        this.i++;
      } else {
        return;
      }
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
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
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
      while (this.i < this.s.length) {
        const c = this.s.charCodeAt(this.i);
        if (c === 0x22 || c === 0x5c || c < 0x20) {
          break;
        }
        this.i++;
      }
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
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += '\\\\'; break;
      case 0x2f: out += '\\/'; break;
      case 0x08: out += '\\b'; break;
      case 0x0c: out += '\\f'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0d: out += '\\r'; break;
      case 0x09: out += '\\t'; break;
      default:
        out += c < 0x20 || c > 0x7f ? `\\u${c.toString(16).padStart(4, '0')}` : String.fromCharCode(c);
    }
  }
  return `${out}"`;
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

function encode(v: Value, assoc: boolean): string {
  switch (v.t) {
    case 'null':
    case 'true':
    case 'false':
      return v.t;
    case 'int':
      return v.text;
    case 'float':
      return phpFloat(v.value);
    case 'string':
      return phpString(v.value);
    case 'array':
      return `[${v.items.map((x) => encode(x, assoc)).join(',')}]`;
    case 'object':
      if (assoc && isList(v.entries)) {
        return `[${[...v.entries.values()].map((x) => encode(x, assoc)).join(',')}]`;
      }
      return `{${[...v.entries].map(([k, x]) => `${phpString(k)}:${encode(x, assoc)}`).join(',')}}`;
  }
}

/**
 * `json_encode(json_decode($text))` (objects as stdClass), or with `assoc`
 * `json_encode(json_decode($text, true))`; undefined where PHP's decode fails.
 */
export function phpReencode(text: string, assoc = false): string | undefined {
  const v = new Reader(text).read();
  return v === undefined ? undefined : encode(v, assoc);
}
