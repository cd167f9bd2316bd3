/** The one logging interface core code sees; the host adapts it to a LogOutputChannel. */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const nullLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const SECRET_KEY = /(token|secret|password|authorization|user-secret-key|user-token|login_url)/i;

/** The part of a base64 text that depends only on `bytes`, were they to start `offset` bytes into a group. */
function base64Core(bytes: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  let binary = '';
  for (const b of padded) {
    binary += String.fromCharCode(b);
  }
  const b64 = btoa(binary);
  // the first group mixes in the padding bytes, an incomplete last group the bytes that follow
  return b64.slice(offset > 0 ? 4 : 0, padded.length % 3 === 0 ? b64.length : b64.length - 4);
}

/**
 * Every form in which `secret` can reach a log line: as is, upper- and lower-cased; as hex (either
 * case) and with every byte percent-encoded; URL-encoded (encodeURIComponent,
 * encodeURI, form encoding, upper- or lowercase hex); JSON-escaped (plain, with `\/` as PHP writes
 * it, with `\uXXXX` for non-ASCII, and escaped twice for JSON inside a JSON string); and base64 /
 * base64url of the bytes at each of the three alignments inside a larger blob (an `Authorization:
 * Basic` header, a JWT segment), for secrets of 12 bytes or more (shorter base64 cores are too
 * short to tell apart). Longest first, so a longer form is replaced before a form it contains.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const j of [json, jsonAscii, json.replace(/\//g, '\\/'), jsonAscii.replace(/\//g, '\\/')]) {
    forms.add(j);
    forms.add(JSON.stringify(j).slice(1, -1));
  }
  const form = new URLSearchParams({ k: secret }).toString().slice(2);
  for (const u of [encodeURIComponent(secret), encodeURI(secret), form]) {
    forms.add(u);
    forms.add(u.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  }
  const bytes = new TextEncoder().encode(secret);
  // issue 18 §2.12: a header or a log line may carry it upper- or lower-cased, as hex (a digest
  // dump, a buffer) or with every byte percent-encoded
  for (const c of [secret.toUpperCase(), secret.toLowerCase()]) {
    forms.add(c);
    forms.add(encodeURIComponent(c));
    forms.add(encodeURIComponent(c).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
  }
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
  for (const h of [hex.join(''), `%${hex.join('%')}`]) {
    forms.add(h);
    forms.add(h.toUpperCase());
  }
  if (bytes.length >= 12) {
    for (const offset of [0, 1, 2]) {
      const core = base64Core(bytes, offset);
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Deep-copies a value replacing anything stored under a secret-looking key with "[redacted]",
 * and scrubs every form of the given secrets (secretForms: literal, URL-encoded, JSON-escaped,
 * base64) out of strings. Secrets shorter than 4 characters are ignored.
 */
export function redact(value: unknown, secrets: readonly string[] = []): unknown {
  const forms = [...new Set(secrets.filter((s) => s.length >= 4).flatMap(secretForms))].sort((a, b) => b.length - a.length);
  return redactForms(value, forms, 0);
}

function redactForms(value: unknown, forms: readonly string[], depth: number): unknown {
  if (typeof value === 'string') {
    let s = value;
    for (const f of forms) {
      if (s.includes(f)) {
        s = s.split(f).join('[redacted]');
      }
    }
    return s;
  }
  if (value === null || typeof value !== 'object' || depth > 8) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => redactForms(v, forms, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactForms(v, forms, depth + 1);
  }
  return out;
}
