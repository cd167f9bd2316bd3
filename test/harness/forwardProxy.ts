/**
 * A real forward proxy on 127.0.0.1 for tests: CONNECT tunnels for https targets, plain forwarding
 * (absolute-URI requests) for http ones, optional Basic Proxy-Authorization, and a count of what
 * went through it. Usable in unit tests (plain Node) and from the integration harness.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyHit {
  readonly kind: 'tunnel' | 'forward';
  /** `host:port` of the target. */
  readonly target: string;
  /** Whether the request carried the expected credentials (always true without `auth`). */
  readonly authorized: boolean;
}

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT` (add `user:pass@` yourself when `auth` is set). */
  readonly url: string;
  readonly port: number;
  readonly hits: readonly ProxyHit[];
  /** CONNECT tunnels opened (authorized ones). */
  readonly tunnels: number;
  clear(): void;
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** Require `Proxy-Authorization: Basic base64(user:pass)`; others get 407. */
  readonly auth?: { readonly user: string; readonly pass: string };
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const hits: ProxyHit[] = [];
  const sockets = new Set<Socket>();
  const expected = options.auth === undefined ? undefined : `Basic ${Buffer.from(`${options.auth.user}:${options.auth.pass}`).toString('base64')}`;
  const authorized = (req: IncomingMessage): boolean => expected === undefined || req.headers['proxy-authorization'] === expected;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI required');
      return;
    }
    const ok = authorized(req);
    hits.push({ kind: 'forward', target: target.host, authorized: ok });
    if (!ok) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = request(target, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502);
      }
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const ok = authorized(req);
    hits.push({ kind: 'tunnel', target: req.url ?? '', authorized: ok });
    if (!ok) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    // names under .test (RFC 6761) stand for this machine: a client must proxy them (loopback never is)
    const upstream = connect(Number(port), host?.endsWith('.test') === true ? '127.0.0.1' : (host ?? ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    get tunnels() {
      return hits.filter((h) => h.kind === 'tunnel' && h.authorized).length;
    },
    clear: () => {
      hits.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) {
          s.destroy();
        }
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
