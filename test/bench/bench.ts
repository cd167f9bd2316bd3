/**
 * `npm run bench`: compares an uncached customer lookup through our client with raw
 * `undici.request` (own Agent, body parsed with `body.json()`) and Node's `fetch` (`res.json()`),
 * sequentially (p50, mean) and 8 at a time (throughput), plus the cached-lookup latency.
 * Every contender does the same useful work: one GET over a kept-alive connection and a parsed
 * JSON body; ours also validates and decodes the customer, as it must. Ours reads responses through
 * undici's dispatch API with its own handler (no Readable stream per response), so it can beat raw
 * `undici.request`: the raw contender is the straightforward baseline, not a floor.
 *
 * The sandbox store runs in a child process (`out/test/sandbox/cli.js`) for every contender, as
 * the real API is remote: in-process it would share the event loop with the client under test and
 * add its own CPU time to every lookup. `BENCH_SANDBOX=inprocess` runs it in this process instead.
 * A benchmark, not a test: it prints numbers and never fails on them.
 */
import { loadavg } from 'node:os';
import { Agent, request } from 'undici';
import { createYampiClient } from '../../src/core/api/index';
import type { StoreRef } from '../../src/core/api/types';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { buildSandboxData } from '../sandbox/data';
import { benchSandbox } from './benchSandbox';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3000);
const WARMUP = 300;
const CONCURRENCY = 8;

interface Contender {
  readonly name: string;
  readonly lookup: (id: number) => Promise<unknown>;
}

interface Result {
  readonly name: string;
  /** ms per lookup, sequential */
  readonly mean: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly concurrentPerSecond: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Contenders run interleaved in blocks of 100 lookups, each block starting with the next contender,
 * so a noisy neighbour on the machine hurts all of them alike instead of whichever happened to run
 * at that moment, and none always runs right after another's burst.
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
  const inTurn = (block: number): number[] => contenders.map((_, j) => (block + j) % contenders.length);
  for (let block = 0; block < ROUNDS / 100; block++) {
    for (const k of inTurn(block)) {
      const c = contenders[k];
      if (c === undefined) {
        continue;
      }
      const blockStart = performance.now();
      for (let i = block * 100; i < (block + 1) * 100; i++) {
        const t = performance.now();
        await c.lookup(id(i));
        times[k]?.push(performance.now() - t);
      }
      busy[k] = (busy[k] ?? 0) + performance.now() - blockStart;
    }
  }
  // Throughput, interleaved the same way: blocks of 400 lookups, 8 in flight.
  const concurrentMs = contenders.map(() => 0);
  const BLOCK = 400;
  for (let start = 0; start < ROUNDS; start += BLOCK) {
    for (const k of inTurn(start / BLOCK)) {
      const c = contenders[k];
      if (c === undefined) {
        continue;
      }
      let next = start;
      const end = Math.min(ROUNDS, start + BLOCK);
      const t = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < end) {
            await c.lookup(id(next++));
          }
        }),
      );
      concurrentMs[k] = (concurrentMs[k] ?? 0) + performance.now() - t;
    }
  }
  const results: Result[] = [];
  for (const [k, c] of contenders.entries()) {
    const sorted = (times[k] ?? []).sort((a, b) => a - b);
    const mean = (busy[k] ?? 0) / sorted.length;
    results.push({
      name: c.name, mean, perSecond: 1000 / mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99),
      concurrentPerSecond: (ROUNDS / (concurrentMs[k] ?? 1)) * 1000,
    });
  }
  return results;
}

async function main(): Promise<void> {
  const sandbox = await benchSandbox();
  const user = SANDBOX_USERS.owner;
  const store: StoreRef = { alias: SANDBOX_STORES.aurora.alias, userToken: user.userToken, userSecretKey: user.userSecretKey };
  // The sandbox data is deterministic: the child process serves these same customers.
  const ids = (buildSandboxData().get(store.alias)?.customers ?? []).slice(0, 500).map((c) => c.id);
  const headers = {
    'user-token': user.userToken, 'user-secret-key': user.userSecretKey, 'content-type': 'application/json',
    accept: 'application/json', 'user-agent': 'yampi-customers-bench/0.0.0',
  };
  const url = (id: number): string => `${sandbox.baseUrl}/${store.alias}/customers/${id}`;
  const common = { baseUrl: sandbox.baseUrl, userAgent: headers['user-agent'], requestsPerMinute: Number.POSITIVE_INFINITY };
  const uncached = createYampiClient({ ...common, cacheTtlMs: 0 });
  const agent = new Agent({ connections: 6, keepAliveTimeout: 10_000 });
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
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
  const before = await sandbox.requestCount();
  const n = 200_000;
  const cStart = performance.now();
  for (let i = 0; i < n; i++) {
    await cached.getCustomer(store, hot);
  }
  const cachedMs = (performance.now() - cStart) / n;
  const cachedRequests = (await sandbox.requestCount()) - before;

  const pad = (s: string, w: number): string => s.padStart(w);
  console.log(`\nYampi client benchmark — ${ROUNDS} lookups each (after ${WARMUP} warm-up), Node ${process.version}, sandbox on 127.0.0.1 ${sandbox.where}`);
  console.log(`load average before: ${load}, after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log(`${'contender'.padEnd(22)}${pad('lookups/s', 11)}${pad('mean ms', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad(`x${CONCURRENCY} lookups/s`, 16)}`);
  for (const r of results) {
    console.log(`${r.name.padEnd(22)}${pad(r.perSecond.toFixed(0), 11)}${pad(r.mean.toFixed(3), 9)}${pad(r.p50.toFixed(3), 9)}${pad(r.p99.toFixed(3), 9)}${pad(r.concurrentPerSecond.toFixed(0), 16)}`);
  }
  const [ours, raw, fetchR] = results;
  if (ours && raw && fetchR) {
    const ratios = (other: Result): string =>
      `p50 ${(ours.p50 / other.p50).toFixed(2)}x, mean ${(ours.mean / other.mean).toFixed(2)}x, x${CONCURRENCY} ${(other.concurrentPerSecond / ours.concurrentPerSecond).toFixed(2)}x`;
    console.log(`\nours/raw-undici (time per lookup): ${ratios(raw)}   (target <= 1.2x)`);
    console.log(`ours/fetch      (time per lookup): ${ratios(fetchR)}   (target < 1x)`);
  }
  console.log(`cached lookup: ${(cachedMs * 1000).toFixed(2)} µs = ${cachedMs.toFixed(4)} ms (target < 0.05 ms); ${n} cached lookups sent ${cachedRequests} requests\n`);

  await Promise.all([uncached.close(), cached.close(), agent.close()]);
  await sandbox.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
