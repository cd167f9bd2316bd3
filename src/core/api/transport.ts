/**
 * One HTTP attempt over undici, with the client's own Agent passed as `dispatcher` (never the
 * global dispatcher: that would change `fetch` for every extension in the host).
 *
 * Turns every transport failure into a YampiError (network, timeout, cancelled, invalidResponse
 * for oversized bodies) and returns the status, the headers the client needs and the body text.
 */
import { Agent, request } from 'undici';
import { YampiError } from './errors';

export interface AttemptRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
}

export interface AttemptResponse {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly rateLimit: number | undefined;
  readonly rateRemaining: number | undefined;
  readonly contentType: string | undefined;
  readonly text: string;
}

export function createAgent(timeoutMs: number, connections: number): Agent {
  return new Agent({
    connections,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function headerNumber(v: string | string[] | undefined): number | undefined {
  const s = header(v);
  if (s === undefined || s.trim() === '') {
    return undefined;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') {
    return e.code;
  }
  return undefined;
}

/** Keep only a code and undici's fixed message as the cause: nothing request-specific. */
function safeCause(e: unknown): Error {
  const code = errorCode(e) ?? 'UNKNOWN';
  const message = e instanceof Error ? e.message : 'transport error';
  const err = new Error(`${code}: ${message}`);
  err.name = e instanceof Error ? e.name : 'Error';
  return err;
}

/**
 * Timeouts: connect (Agent), headers and body idle (undici), plus a whole-attempt deadline checked
 * per body chunk, so a body trickling in just under the idle timeout still ends. No timer or
 * AbortController of our own per request: on loopback they cost as much as the request itself.
 */
export async function attempt(agent: Agent, req: AttemptRequest): Promise<AttemptResponse> {
  const started = performance.now();
  try {
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      dispatcher: agent,
      ...(req.signal === undefined ? {} : { signal: req.signal }),
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const declared = headerNumber(res.headers['content-length']);
    if (declared !== undefined && declared > req.maxBytes) {
      res.body.destroy();
      throw tooLarge(res.statusCode);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > req.maxBytes) {
        res.body.destroy();
        throw tooLarge(res.statusCode);
      }
      if (performance.now() - started > req.timeoutMs) {
        res.body.destroy();
        throw timedOut(req.timeoutMs);
      }
      chunks.push(chunk);
    }
    return {
      status: res.statusCode,
      retryAfter: header(res.headers['retry-after']),
      rateLimit: headerNumber(res.headers['x-ratelimit-limit']),
      rateRemaining: headerNumber(res.headers['x-ratelimit-remaining']),
      contentType: header(res.headers['content-type']),
      text: chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)).toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    };
  } catch (e) {
    if (YampiError.is(e)) {
      throw e;
    }
    if (req.signal?.aborted === true) {
      throw new YampiError('cancelled', 'request cancelled');
    }
    const code = errorCode(e);
    if (code !== undefined && TIMEOUT_CODES.has(code)) {
      throw timedOut(req.timeoutMs, e);
    }
    throw new YampiError('network', `connection failed (${code ?? 'unknown'})`, { cause: safeCause(e) });
  }
}

function timedOut(timeoutMs: number, cause?: unknown): YampiError {
  return new YampiError('timeout', `no complete response within ${timeoutMs} ms`, cause === undefined ? {} : { cause: safeCause(cause) });
}

function tooLarge(status: number): YampiError {
  return new YampiError('invalidResponse', 'response body exceeds the size cap', { status, field: '(body)' });
}
