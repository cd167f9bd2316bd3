/** Why an API base URL is refused. */
export type BaseUrlProblem = 'invalid' | 'insecureHttp' | 'unsupportedProtocol' | 'hasCredentials';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Checks the API base URL: https anywhere, http only for loopback hosts (a plain-http remote host
 * would carry the store's secret key in clear text), no user:password in the URL.
 * Returns the normalized URL (no trailing slash) or the problem.
 */
export function checkBaseUrl(raw: string): { ok: true; url: string } | { ok: false; problem: BaseUrlProblem } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (u.username !== '' || u.password !== '') {
    return { ok: false, problem: 'hasCredentials' };
  }
  if (u.protocol === 'http:') {
    if (!LOOPBACK.has(u.hostname) && !/^127\.\d+\.\d+\.\d+$/.test(u.hostname)) {
      return { ok: false, problem: 'insecureHttp' };
    }
  } else if (u.protocol !== 'https:') {
    return { ok: false, problem: 'unsupportedProtocol' };
  }
  u.search = '';
  u.hash = '';
  return { ok: true, url: u.toString().replace(/\/+$/, '') };
}
