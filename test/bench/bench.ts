/**
 * `npm run bench`: one run against the sandbox store (rate limit off) comparing an uncached
 * customer lookup through our client with raw `undici.request` (own Agent) and Node's `fetch`,
 * sequentially (latency, lookups/s) and 8 at a time (throughput), plus the cached-lookup latency.
 * A benchmark, not a test: it prints numbers and never fails on them.
 */
import { Agent, request } from 'undici';
import { createYampiClient } from '../../src/core/api/index';
import type { StoreRef } from '../../src/core/api/types';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { startSandbox } from '../sandbox/server';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3000);
const WARMUP = 300;
const CONCURRENCY = 8;

interface Contender {
  readonly name: string;
  readonly lookup: (id: number) => Promise<unknown>;
}

interface Result {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly concurrentPerSecond: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Contenders run interleaved in blocks of 100 lookups, so a noisy neighbour on the machine hurts
 * all of them alike instead of whichever happened to run at that moment.
 */
async function measure(contenders: readonly Contender[], ids: readonly number[]): Promise<Result[]> {
  const id = (i: number): number => ids[i % ids.length] ?? 0;
  for (const c of contenders) {
    for (let i = 0; i < WARMUP; i++) {
      await c.lookup(id(i));
    }
  }
  const times = contenders.map(() => [] as number[]);
  const busy = contenders.map(() => 0);
  for (let block = 0; block < ROUNDS / 100; block++) {
    for (const [k, c] of contenders.entries()) {
      const blockStart = performance.now();
      for (let i = block * 100; i < (block + 1) * 100; i++) {
        const t = performance.now();
        await c.lookup(id(i));
        times[k]?.push(performance.now() - t);
      }
      busy[k] = (busy[k] ?? 0) + performance.now() - blockStart;
    }
  }
  const results: Result[] = [];
  for (const [k, c] of contenders.entries()) {
    let next = 0;
    const cStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ROUNDS) {
          await c.lookup(id(next++));
        }
      }),
    );
    const cElapsed = performance.now() - cStart;
    const sorted = (times[k] ?? []).sort((a, b) => a - b);
    results.push({
      name: c.name, perSecond: (sorted.length / (busy[k] ?? 1)) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
      concurrentPerSecond: (ROUNDS / cElapsed) * 1000,
    });
  }
  return results;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ rateLimit: false });
  const user = SANDBOX_USERS.owner;
  const store: StoreRef = { alias: SANDBOX_STORES.aurora.alias, userToken: user.userToken, userSecretKey: user.userSecretKey };
  const ids = (sandbox.data.get(store.alias)?.customers ?? []).slice(0, 500).map((c) => c.id);
  const headers = {
    'user-token': user.userToken, 'user-secret-key': user.userSecretKey, 'content-type': 'application/json',
    accept: 'application/json', 'user-agent': 'yampi-customers-bench/0.0.0',
  };
  const url = (id: number): string => `${sandbox.baseUrl}/${store.alias}/customers/${id}`;
  const common = { baseUrl: sandbox.baseUrl, userAgent: headers['user-agent'], requestsPerMinute: Number.POSITIVE_INFINITY };
  const uncached = createYampiClient({ ...common, cacheTtlMs: 0 });
  const agent = new Agent({ connections: 6, keepAliveTimeout: 10_000 });
  const results = await measure(
    [
      { name: 'ours (uncached)', lookup: (id) => uncached.getCustomer(store, id) },
      {
        name: 'raw undici.request',
        lookup: async (id) => {
          const res = await request(url(id), { headers, dispatcher: agent });
          return res.body.json();
        },
      },
      {
        name: 'Node fetch',
        lookup: async (id) => {
          const res = await fetch(url(id), { headers });
          return (await res.json()) as unknown;
        },
      },
    ],
    ids,
  );

  const cached = createYampiClient({ ...common });
  const hot = ids[0] ?? 0;
  await cached.getCustomer(store, hot);
  const before = sandbox.requests().length;
  const n = 200_000;
  const cStart = performance.now();
  for (let i = 0; i < n; i++) {
    await cached.getCustomer(store, hot);
  }
  const cachedMs = (performance.now() - cStart) / n;
  const cachedRequests = sandbox.requests().length - before;

  const pad = (s: string, w: number): string => s.padStart(w);
  console.log(`\nYampi client benchmark — ${ROUNDS} lookups each (after ${WARMUP} warm-up), Node ${process.version}, sandbox on 127.0.0.1\n`);
  console.log(`${'contender'.padEnd(22)}${pad('lookups/s', 11)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad(`x${CONCURRENCY} lookups/s`, 16)}`);
  for (const r of results) {
    console.log(`${r.name.padEnd(22)}${pad(r.perSecond.toFixed(0), 11)}${pad(r.p50.toFixed(3), 9)}${pad(r.p99.toFixed(3), 9)}${pad(r.concurrentPerSecond.toFixed(0), 16)}`);
  }
  const [ours, raw, fetchR] = results;
  if (ours && raw && fetchR) {
    console.log(`\nours/raw-undici (time per lookup): p50 ${(ours.p50 / raw.p50).toFixed(2)}x, mean ${(raw.perSecond / ours.perSecond).toFixed(2)}x, x${CONCURRENCY} ${(raw.concurrentPerSecond / ours.concurrentPerSecond).toFixed(2)}x   (target <= 1.2x)`);
    console.log(`ours/fetch      (time per lookup): p50 ${(ours.p50 / fetchR.p50).toFixed(2)}x, mean ${(fetchR.perSecond / ours.perSecond).toFixed(2)}x, x${CONCURRENCY} ${(fetchR.concurrentPerSecond / ours.concurrentPerSecond).toFixed(2)}x   (target < 1x)`);
  }
  console.log(`cached lookup: ${(cachedMs * 1000).toFixed(2)} µs = ${cachedMs.toFixed(4)} ms (target < 0.05 ms); ${n} cached lookups sent ${cachedRequests} requests\n`);

  await Promise.all([uncached.close(), cached.close(), agent.close()]);
  await sandbox.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
