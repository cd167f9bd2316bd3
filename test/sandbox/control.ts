/** The sandbox's HTTP control surface under `/__sandbox/` (see README.md). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EDGE_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from './constants';
import { checkFaultSpec, type FaultSpec } from './faults';
import { SEARCH_MODES, type SearchMode } from './routes';
import type { RateLimitConfig, Sandbox } from './server';
import { emitWebhook, type EmitSpec } from './webhooks';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** HTTP control surface, for tests running in another process (e.g. the VS Code extension host). */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, sb: Sandbox): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  const faultId = /^DELETE \/__sandbox\/faults\/(\d+)$/.exec(route);
  let body: unknown;
  try {
    body = req.method === 'POST' ? await readJson(req) : undefined;
  } catch {
    reply(res, 400, { error: 'body must be JSON' });
    return;
  }
  if (route === 'POST /__sandbox/webhooks/emit') {
    const spec = body as Partial<EmitSpec> | undefined;
    const store = sb.data.get(spec?.alias ?? 'loja-aurora');
    if (typeof spec?.url !== 'string' || !store) {
      reply(res, 400, { error: 'give { url, event?, secret?, mode?, body?, customerId?, alias? } (a store alias the sandbox has)' });
      return;
    }
    try {
      reply(res, 200, await emitWebhook(store, spec as EmitSpec));
    } catch (e) {
      reply(res, 502, { error: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (faultId !== null) {
    reply(res, 200, { removed: sb.removeFault(Number(faultId[1])) });
    return;
  }
  switch (route) {
    case 'GET /__sandbox/info':
      reply(res, 200, { baseUrl: sb.baseUrl, stores: SANDBOX_STORES, users: SANDBOX_USERS, edgeCaseIds: EDGE_CASE_IDS });
      return;
    case 'GET /__sandbox/requests': {
      const since = Number(url.searchParams.get('since') ?? '0');
      reply(res, 200, { requests: sb.requests().filter((r) => r.seq > since) });
      return;
    }
    case 'DELETE /__sandbox/requests':
      sb.clearRequests();
      reply(res, 200, { ok: true });
      return;
    case 'GET /__sandbox/faults':
      reply(res, 200, { faults: sb.faults() });
      return;
    case 'POST /__sandbox/faults': {
      const problem = checkFaultSpec(body);
      if (problem !== undefined) {
        reply(res, 400, { error: problem });
        return;
      }
      reply(res, 201, { id: sb.addFault(body as FaultSpec) });
      return;
    }
    case 'DELETE /__sandbox/faults':
      sb.clearFaults();
      reply(res, 200, { ok: true });
      return;
    case 'POST /__sandbox/rate-limit':
      sb.setRateLimit(body === false || (typeof body === 'object' && body !== null && 'enabled' in body && body.enabled === false) ? false : (body as Partial<RateLimitConfig>));
      reply(res, 200, { ok: true });
      return;
    case 'POST /__sandbox/search-mode': {
      const b = (typeof body === 'object' && body !== null ? body : {}) as { mode?: unknown; alias?: unknown };
      if (!SEARCH_MODES.includes(b.mode as SearchMode) || (b.alias !== undefined && typeof b.alias !== 'string')) {
        reply(res, 400, { error: `body must be {"mode": ${SEARCH_MODES.map((m) => `"${m}"`).join(' | ')}, "alias"?: string}` });
        return;
      }
      sb.setSearchMode(b.mode as SearchMode, b.alias);
      reply(res, 200, { ok: true });
      return;
    }
    case 'POST /__sandbox/reset':
      sb.reset();
      reply(res, 200, { ok: true });
      return;
    default:
      reply(res, 404, { error: `unknown control route ${route}` });
  }
}
