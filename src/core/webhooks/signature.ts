/**
 * Webhook signature checks that teach (issue 21 §4). Yampi's header `X-Yampi-Hmac-SHA256` is
 * base64(HMAC-SHA256(secret, body)); which bytes count as "the body" is not settled (yampi-api.md
 * §10), so the raw bytes are tried first, then PHP's `json_encode` of the decoded body (the docs'
 * example), then hex encodings of both; the verdict names the variant that matched. When none does,
 * it says what is most likely wrong. Every comparison of a computed digest is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER } from './events';
import { phpReencode, phpReencodings } from './phpJson';

export type SignatureState = 'verified' | 'invalid' | 'unsigned' | 'noSecret';

/** What was signed (`raw` bytes or PHP's re-encoding, stdClass or `assoc` arrays) and how the digest is written. */
export type Variant = 'raw-base64' | 'php-base64' | 'php-assoc-base64' | 'raw-hex' | 'php-hex' | 'php-assoc-hex';

export type Diagnosis =
  /** No signature header at all. */
  | 'missingHeader'
  /** No `X-Yampi-Hmac-SHA256`, but a header that looks meant for it (e.g. `X-Yampi-Secret`). */
  | 'wrongHeaderName'
  /** The header holds neither 32 bytes of base64 nor 64 hex digits. */
  | 'malformedSignature'
  /** The header carries the secret itself, not a signature. */
  | 'headerIsSecret'
  /** The secret matches once its surrounding whitespace is removed (a pasted newline). */
  | 'secretWhitespace'
  /** The signature matches the body as JSON re-serialized (confirmed), or the body looks re-serialized. */
  | 'reserialized'
  /** Well-formed signature, nothing matches: most likely another webhook's (or an old) secret. */
  | 'wrongSecret';

export interface Verdict {
  readonly state: SignatureState;
  readonly variant?: Variant;
  readonly diagnosis?: Diagnosis;
  /** For wrongHeaderName: the header found (lowercase). */
  readonly header?: string;
  /** For reserialized: confirmed means a re-serialized form of the body matches the signature. */
  readonly confirmed?: boolean;
  /** Bodies over REENCODE_LIMIT are checked on their raw bytes only. */
  readonly rawOnly?: boolean;
}

/**
 * Re-encodings (a parse and a walk each, ~15 ms per 100 KB on a busy 2-core VM) are tried only up
 * to this size, so one verification stays under the host thread's 50 ms budget; the raw bytes always.
 * Yampi's order payloads are a few KB to a few tens of KB.
 */
export const REENCODE_LIMIT = 64 * 1024;

export type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

function hmac(secret: string, data: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** The 32 bytes a header value stands for, read as base64 and as hex. */
export function decodeSignature(value: string): { base64?: Buffer; hex?: Buffer } {
  const v = value.trim();
  const out: { base64?: Buffer; hex?: Buffer } = {};
  if (/^[A-Za-z0-9+/]{43}=$/.test(v) || /^[A-Za-z0-9_-]{43}=?$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === 32) {
      out.base64 = b;
    }
  }
  if (/^[0-9a-fA-F]{64}$/.test(v)) {
    out.hex = Buffer.from(v, 'hex');
  }
  return out;
}

function same(a: Buffer, b: Buffer | undefined): boolean {
  return b !== undefined && a.length === b.length && timingSafeEqual(a, b);
}

/** Header value for a body, signed the way `mode` says (the sandbox and Send Sample use it). */
export function signBody(secret: string, body: Uint8Array | string, mode: 'raw' | 'php' | 'hex' = 'raw'): string {
  if (mode === 'php') {
    const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
    return hmac(secret, phpReencode(text) ?? text).toString('base64');
  }
  const d = hmac(secret, body);
  return mode === 'hex' ? d.toString('hex') : d.toString('base64');
}

/** The signature header's value, if any (first value when repeated). */
export function headerValue(headers: Headers, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  const first = typeof v === 'string' ? v : v?.[0];
  return first === undefined || first.trim() === '' ? undefined : first;
}

/** A header that looks meant to carry the signature, under another name. */
export function lookalikeHeader(headers: Headers): string | undefined {
  return Object.keys(headers).map((k) => k.toLowerCase()).find((k) =>
    k !== SIGNATURE_HEADER && (/yampi/.test(k) || /hmac|signature/.test(k)) && headerValue(headers, k) !== undefined);
}

/** The forms a body is commonly re-serialized into on the way (frameworks, proxies, loggers). */
function reserializations(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const forms = [JSON.stringify(parsed), JSON.stringify(parsed, null, 2), JSON.stringify(parsed, null, 4)];
  return [...new Set(forms)].filter((f) => f !== text);
}

export interface VerifyInput {
  readonly body: Uint8Array;
  /** The value of X-Yampi-Hmac-SHA256 (undefined: absent). */
  readonly signature: string | undefined;
  readonly secret: string | undefined;
  /** Every header of the delivery (lowercase names), to spot a wrong header name. */
  readonly headers?: Headers;
}

/** The verdict for one delivery (or a pasted body and header value). */
export function verifySignature(input: VerifyInput): Verdict {
  const signature = input.signature?.trim();
  if (signature === undefined || signature === '') {
    const header = input.headers ? lookalikeHeader(input.headers) : undefined;
    return header !== undefined ? { state: 'unsigned', diagnosis: 'wrongHeaderName', header } : { state: 'unsigned', diagnosis: 'missingHeader' };
  }
  const secret = input.secret;
  if (secret === undefined || secret === '') {
    return { state: 'noSecret' };
  }
  const given = decodeSignature(signature);
  const rawOnly = input.body.length > REENCODE_LIMIT;
  const text = Buffer.from(input.body).toString('utf8');
  const raw = hmac(secret, input.body);
  if (same(raw, given.base64)) {
    return { state: 'verified', variant: 'raw-base64' };
  }
  const php = rawOnly ? undefined : phpReencodings(text);
  const phpDigest = php === undefined ? undefined : hmac(secret, php.object);
  if (phpDigest && same(phpDigest, given.base64)) {
    return { state: 'verified', variant: 'php-base64' };
  }
  const assocDigest = php?.assoc === undefined ? undefined : hmac(secret, php.assoc);
  if (assocDigest && same(assocDigest, given.base64)) {
    return { state: 'verified', variant: 'php-assoc-base64' };
  }
  if (same(raw, given.hex)) {
    return { state: 'verified', variant: 'raw-hex' };
  }
  if (phpDigest && same(phpDigest, given.hex)) {
    return { state: 'verified', variant: 'php-hex' };
  }
  if (assocDigest && same(assocDigest, given.hex)) {
    return { state: 'verified', variant: 'php-assoc-hex' };
  }
  return { state: 'invalid', ...diagnose(input.body, text, signature, secret, given, php), ...(rawOnly ? { rawOnly } : {}) };
}

function matchesAny(secret: string, data: Uint8Array | string, given: { base64?: Buffer; hex?: Buffer }): boolean {
  const d = hmac(secret, data);
  return same(d, given.base64) || same(d, given.hex);
}

function diagnose(
  body: Uint8Array, text: string, signature: string, secret: string, given: { base64?: Buffer; hex?: Buffer },
  php: { readonly object: string; readonly assoc: string | undefined } | undefined,
): { diagnosis: Diagnosis; confirmed?: boolean } {
  const rawOnly = body.length > REENCODE_LIMIT;
  const sig = Buffer.from(signature);
  const sec = Buffer.from(secret);
  if (sig.length === sec.length && timingSafeEqual(sig, sec)) {
    return { diagnosis: 'headerIsSecret' };
  }
  if (given.base64 === undefined && given.hex === undefined) {
    return { diagnosis: 'malformedSignature' };
  }
  const trimmed = secret.trim();
  if (trimmed !== secret && (matchesAny(trimmed, body, given) || [php?.object, php?.assoc].some((p) => p !== undefined && matchesAny(trimmed, p, given)))) {
    return { diagnosis: 'secretWhitespace' };
  }
  if (!rawOnly && reserializations(text).some((f) => matchesAny(secret, f, given))) {
    return { diagnosis: 'reserialized', confirmed: true };
  }
  // Yampi (PHP) sends compact JSON: indentation or a line break between tokens means something re-wrote it
  if (/^\s*[{[]\s*\n\s+"/.test(text) || /,\s*\n\s+"/.test(text)) {
    return { diagnosis: 'reserialized' };
  }
  return { diagnosis: 'wrongSecret' };
}
