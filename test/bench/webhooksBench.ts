/**
 * Part of `npm run bench` (issue 21): the webhook receiver under a burst like a busy store's —
 * deliveries per second and answer times at 50 concurrent senders, each delivery on a new
 * connection (as webhook senders do), the receiver in its own process doing the workbench's work
 * per delivery (webhooksReceiverChild.ts). Then the worst single verification on the host thread:
 * an invalid signature on a 64 KB body (every variant and the diagnosis) and on a 1 MB body (raw
 * bytes only). Prints numbers and the targets beside them; never fails on them.
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sampleText } from '../../src/core/webhooks/samples';
import { REENCODE_LIMIT, verifySignature } from '../../src/core/webhooks/signature';
import { BENCH_SECRET } from './webhooksReceiverChild';

const CONCURRENCY = 50;
const TOTAL = 3000;

function post(port: number, body: string, signature: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/webhooks/yampi', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-yampi-hmac-sha256': signature } }, (res) => {
      res.resume();
      res.on('end', () => { resolve(res.statusCode === 200 ? performance.now() - t0 : Number.NaN); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

function ask<T>(child: ReturnType<typeof fork>, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => { resolve(m as T); });
    child.send(message);
  });
}

async function burst(): Promise<void> {
  const child = fork(join(__dirname, 'webhooksReceiverChild.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise<{ port: number }>((resolve) => { child.once('message', (m) => { resolve(m as { port: number }); }); });
  const bodies = Array.from({ length: 20 }, (_, i) => sampleText(i % 2 === 0 ? 'order.paid' : 'customer.created', undefined, { now: Date.UTC(2025, 0, 1) + i * 1000 }));
  const signed = bodies.map((b) => ({ body: b, sig: createHmac('sha256', BENCH_SECRET).update(b).digest('base64') }));
  // warm-up
  await Promise.all(signed.map((s) => post(port, s.body, s.sig)));
  await ask(child, 'stats');
  const before = await ask<{ cpuMs: number; verified: number }>(child, 'stats');
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < TOTAL) {
      const s = signed[next++ % signed.length];
      if (s) {
        times.push(await post(port, s.body, s.sig));
      }
    }
  }));
  const wall = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  const after = await ask<{ cpuMs: number; verified: number; kept: number }>(child, 'stats');
  child.send('stop');
  const ok = times.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  const p99 = pct(ok, 99);
  console.log(`\nWebhook receiver — ${TOTAL} deliveries of ~${Math.round(bodies[0]?.length ?? 0)} bytes, ${CONCURRENCY} concurrent, a new connection each, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${'deliveries/s'.padEnd(14)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'answered'.padStart(10)}${'verified'.padStart(10)}${'kept'.padStart(6)}${'receiver CPU/delivery'.padStart(24)}`);
  console.log(`${(ok.length / (wall / 1000)).toFixed(0).padEnd(14)}${pct(ok, 50).toFixed(2).padStart(9)}${p99.toFixed(2).padStart(9)}${(ok[ok.length - 1] ?? Number.NaN).toFixed(2).padStart(9)}${`${ok.length}/${TOTAL}`.padStart(10)}${String(after.verified - before.verified).padStart(10)}${String(after.kept).padStart(6)}${`${((after.cpuMs - before.cpuMs) / TOTAL).toFixed(3)} ms`.padStart(24)}`);
  console.log(`p99 answer ≤ 5000 ms (Yampi's deadline): ${p99 <= 5000 ? 'PASS' : 'FAIL'}; every delivery answered 200: ${ok.length === TOTAL ? 'PASS' : 'FAIL'}`);
}

function worstVerification(): void {
  const rounds = 7;
  const row = (name: string, body: Buffer): void => {
    const sig = createHmac('sha256', 'wh_other_secret').update(body).digest('base64');
    const ms: number[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      const t0 = performance.now();
      verifySignature({ body, signature: sig, secret: BENCH_SECRET });
      ms.push(performance.now() - t0);
    }
    const sorted = ms.slice(1).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    console.log(`${name.padEnd(56)}${median.toFixed(1).padStart(8)} ms   (target ≤ 50 ms on the host thread: ${median <= 50 ? 'PASS' : 'FAIL'})`);
  };
  const items = (bytes: number): Buffer => {
    const one = sampleText('order.paid', undefined, { now: Date.UTC(2025, 0, 1) });
    const n = Math.max(1, Math.floor(bytes / (one.length + 1)));
    return Buffer.from(`[${Array.from({ length: n }, () => one).join(',')}]`.slice(0, bytes - 1) + ']');
  };
  console.log('\nOne verification, invalid signature (the slowest path), median of 7:');
  const json256 = Buffer.from(`[${Array.from({ length: Math.floor(REENCODE_LIMIT / 1100) }, () => sampleText('order.paid', undefined, { now: 0 })).join(',')}]`);
  row(`${(json256.length / 1024).toFixed(0)} KB JSON, every variant + diagnosis`, json256);
  row('1 MB body (over 64 KB: raw bytes only)', items(1024 * 1024));
}

void burst().then(worstVerification);
