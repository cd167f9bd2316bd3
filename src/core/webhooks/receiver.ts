/**
 * The local webhook receiver: node:http on 127.0.0.1 only. Any POST path is a delivery; it is
 * answered 200 as soon as its body has arrived (Yampi wants a 2xx within 5 s and disables a webhook
 * after 30 failures), and handed on after the answer. A body over the cap gets 413 at once and is
 * not read further; other methods get 405. Nothing of a request is executed or written anywhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES } from './deliveries';
import type { Headers } from './signature';

export const RECEIVER_HOST = '127.0.0.1';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: Headers;
  readonly body: Buffer;
  readonly receivedAt: number;
}

export interface ReceiverOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxBodyBytes?: number;
  readonly onDelivery: (r: ReceivedRequest) => void;
  /** Told about refused requests (413, 405), for the log. */
  readonly onRefused?: (status: number, path: string) => void;
}

export interface RunningReceiver {
  readonly port: number;
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) {
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(close ? { connection: 'close' } : {}) });
  res.end(text);
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').slice(0, 300);
}

function handle(req: IncomingMessage, res: ServerResponse, max: number, opts: ReceiverOptions): void {
  const path = pathOf(req);
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    answer(res, 405, '{"error":"POST only"}');
    req.resume();
    opts.onRefused?.(405, path);
    return;
  }
  const tooLarge = (): void => {
    // stop reading: no more chunks are kept, the connection closes once the answer is out
    req.removeAllListeners('data');
    req.pause();
    answer(res, 413, '{"error":"body over 1 MB"}', true);
    res.once('finish', () => { req.socket.destroy(); });
    opts.onRefused?.(413, path);
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    tooLarge();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > max) {
      over = true;
      chunks.length = 0;
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (over) {
      return;
    }
    answer(res, 200, '{"ok":true}');
    const received: ReceivedRequest = { path, headers: { ...req.headers }, body: Buffer.concat(chunks, size), receivedAt: Date.now() };
    setImmediate(() => { opts.onDelivery(received); });
  });
  req.on('error', () => { chunks.length = 0; });
}

/** Starts listening on 127.0.0.1; rejects with the listen error (`code` EADDRINUSE when the port is taken). */
export function startReceiver(opts: ReceiverOptions): Promise<RunningReceiver> {
  const max = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const server: Server = createServer((req, res) => { handle(req, res, max, opts); });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.maxConnections = 256;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port, host: RECEIVER_HOST, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', () => { /* after listening: per-connection errors only */ });
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://${RECEIVER_HOST}:${port}/`,
        close: () => new Promise<void>((done) => {
          server.close(() => { done(); });
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** `yampi.webhooks.port`: an integer 0–65535 (0 = a free port); anything else reads as 0. */
export function parsePort(raw: unknown): number {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 65535 ? raw : 0;
}
