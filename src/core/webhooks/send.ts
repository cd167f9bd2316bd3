/**
 * Sends a webhook body (a sample or a resent delivery) to a URL: one POST through node:http(s),
 * no proxy (a webhook target is usually this machine or a tunnel of the user's own), no retries, a
 * hard timeout; reports the status and the time taken. Loopback targets are sent at once; any
 * other host needs the user's consent once per host and session (HostApprovals).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SIGNATURE_HEADER } from './events';

export interface SendResult {
  readonly status: number;
  readonly ms: number;
}

export type TargetProblem = 'invalid' | 'protocol' | 'credentials';

/** Parses a target URL: http(s) only, no user:password. */
export function parseTarget(raw: string): { ok: true; url: URL } | { ok: false; problem: TargetProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: 'protocol' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'credentials' };
  }
  return { ok: true, url };
}

/** 127.0.0.0/8, ::1 and localhost: this machine. */
export function isLoopback(url: URL): boolean {
  const h = url.hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '[::1]' || h === '::1';
}

/** Hosts the user allowed this session (lowercase host:port). Loopback needs no approval. */
export class HostApprovals {
  private readonly approved = new Set<string>();

  needsApproval(url: URL): boolean {
    return !isLoopback(url) && !this.approved.has(url.host.toLowerCase());
  }

  approve(url: URL): void {
    this.approved.add(url.host.toLowerCase());
  }

  clear(): void {
    this.approved.clear();
  }
}

export interface SendOptions {
  readonly signature?: string | undefined;
  readonly timeoutMs?: number;
  readonly userAgent?: string;
  readonly event?: string | undefined;
}

/** POSTs `body` as JSON; resolves with the status (any), rejects on network failure or timeout. */
export function sendWebhook(url: URL, body: Uint8Array | string, opts: SendOptions = {}): Promise<SendResult> {
  const started = performance.now();
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': bytes.length,
    'user-agent': opts.userAgent ?? 'yampi-webhook-workbench',
    ...(opts.signature !== undefined ? { [SIGNATURE_HEADER]: opts.signature } : {}),
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, timeout: opts.timeoutMs ?? 10_000, agent: false }, (res) => {
      res.resume(); // the answer's body is not read, not shown
      res.once('end', () => { resolve({ status: res.statusCode ?? 0, ms: Math.round(performance.now() - started) }); });
      res.once('error', reject);
    });
    req.once('timeout', () => { req.destroy(new Error('timeout')); });
    req.once('error', reject);
    req.end(bytes);
  });
}
