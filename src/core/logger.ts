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

/**
 * Deep-copies a value replacing anything stored under a secret-looking key with "[redacted]",
 * and scrubs any of the given literal secrets out of strings.
 */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') {
    let s = value;
    for (const secret of secrets) {
      if (secret.length >= 4) {
        s = s.split(secret).join('[redacted]');
      }
    }
    return s;
  }
  if (value === null || typeof value !== 'object' || depth > 8) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => redact(v, secrets, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, secrets, depth + 1);
  }
  return out;
}
