/**
 * Part of `npm run bench` (issue 20): what "Look Up Order…" costs, against the sandbox store on
 * loopback (child process, rate limit off), through the real core client with the host's defaults.
 * It replays the host's sequence (src/host/orders/orderFeature.ts + orderService.ts + orderPanel.ts)
 * from the host-independent core it is built on — parseOrderInput, lookUpOrder over orderFinder
 * (with MissingIds, the 404 memory), the store's status list beside it, renderOrderDocument — so it
 * cannot drift: the requests the sandbox logs are asserted against EXPECTED.
 *
 * Rows: `#2940` (a number only: the number[] filter) and `2940` (bare digits: the number and the id
 * check, in parallel). "lookup" counts the order requests, "statuses" the store's status list, which
 * the host asks once per store session. cold = a new client (empty cache) per run, warm = the same
 * client again. "first paint" = start → the order panel's full document rendered with the order
 * and its store status names.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createYampiClient } from '../../src/core/api/index';
import type { StoreRef, StoreRoute, YampiClient } from '../../src/core/api/types';
import { decodeStatuses } from '../../src/core/orders/decodeOrder';
import { MissingIds, orderFinder, STATUSES_ROUTE } from '../../src/core/orders/orderApi';
import { parseOrderInput } from '../../src/core/orders/orderInput';
import { lookUpOrder } from '../../src/core/orders/orderLookup';
import { findOrderRefsInDocument } from '../../src/core/orders/orderRefs';
import { type BudgetedOrderScan, budgetedOrderScan } from '../../src/core/orders/orderScan';
import { renderOrderDocument } from '../../src/core/orders/renderOrderHtml';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { benchSandbox } from './benchSandbox';
import { median } from './stats';

const RUNS = Number(process.env['BENCH_ORDER_RUNS'] ?? 30);
const INPUTS = ['#2940', '2940'] as const;
type Input = (typeof INPUTS)[number];
/** Requests the host's sequence sends: order lookup, and the status list (once per store session). */
const EXPECTED: Readonly<Record<'cold' | 'warm', Readonly<Record<Input, { lookup: number; statuses: number }>>>> = {
  cold: { '#2940': { lookup: 1, statuses: 1 }, '2940': { lookup: 2, statuses: 1 } },
  warm: { '#2940': { lookup: 0, statuses: 0 }, '2940': { lookup: 0, statuses: 0 } },
};

interface Store {
  readonly client: YampiClient;
  readonly missing: MissingIds;
}

/** One lookup as the host runs it; resolves the time to first paint. */
async function replay(s: Store, store: StoreRef, input: Input): Promise<number> {
  const t0 = performance.now();
  const parsed = parseOrderInput(input);
  if (!parsed.ok) {
    throw new Error(`bench input ${input} does not parse`);
  }
  const get = <T>(route: StoreRoute, decode: (b: unknown) => T): Promise<T> => s.client.getStoreRoute(store, route, decode);
  const [{ outcome }, statuses] = await Promise.all([lookUpOrder(orderFinder(get, s.missing), parsed.query), get(STATUSES_ROUTE, decodeStatuses)]);
  if (outcome.kind !== 'found') {
    throw new Error(`bench: ${input} was not found (${outcome.kind})`);
  }
  renderOrderDocument({
    state: { kind: 'order', alias: store.alias, order: outcome.order, statuses }, locale: 'pt-br', privacy: true,
    cspSource: 'https://bench.vscode-cdn.net', nonce: randomBytes(18).toString('base64'), scriptUri: 'https://bench.vscode-cdn.net/dist/orderView.js',
    styleUri: 'https://bench.vscode-cdn.net/media/detail.css', codiconsUri: 'https://bench.vscode-cdn.net/dist/codicons/codicon.css',
  });
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const sandbox = await benchSandbox();
  const user = SANDBOX_USERS.owner;
  const store: StoreRef = { alias: SANDBOX_STORES.aurora.alias, userToken: user.userToken, userSecretKey: user.userSecretKey };
  const newStore = (): Store => ({ client: createYampiClient({ baseUrl: sandbox.baseUrl, userAgent: 'yampi-customers-bench/0.0.0' }), missing: new MissingIds(300_000) });
  let seq = (await sandbox.requests()).at(-1)?.seq ?? 0;
  const check = async (mode: 'cold' | 'warm', input: Input): Promise<void> => {
    const sent = await sandbox.requests(seq);
    seq = sent.at(-1)?.seq ?? seq;
    const statuses = sent.filter((r) => r.path.endsWith('/checkout/statuses')).length;
    const want = EXPECTED[mode][input];
    if (sent.length - statuses !== want.lookup || statuses !== want.statuses) {
      throw new Error(`${mode} ${input}: the sandbox saw ${sent.map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`).join(', ')}; the host's sequence sends ${want.lookup} + ${want.statuses}`);
    }
  };
  const times: Record<string, number[]> = {};
  for (const input of INPUTS) {
    const warmup = newStore();
    await replay(warmup, store, input);
    await check('cold', input);
    await warmup.client.close();
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = newStore();
      cold.push(await replay(s, store, input));
      await check('cold', input);
      await s.client.close();
    }
    const s = newStore();
    await replay(s, store, input);
    await check('cold', input);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await replay(s, store, input));
      await check('warm', input);
    }
    await s.client.close();
    times[`${input} cold`] = cold;
    times[`${input} warm`] = warm;
  }
  await sandbox.close();

  console.log(`\nLook Up Order (issue 20): ${store.alias}, sandbox on 127.0.0.1 ${sandbox.where}, the core client with the host's defaults.`);
  console.log(`Replays the host's sequence (request counts asserted). Median of ${RUNS} runs; Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log(`${'input'.padEnd(10)}${'mode'.padEnd(6)}${'lookup requests'.padStart(17)}${'statuses'.padStart(10)}${'first paint'.padStart(14)}`);
  for (const input of INPUTS) {
    for (const mode of ['cold', 'warm'] as const) {
      const e = EXPECTED[mode][input];
      console.log(`${input.padEnd(10)}${mode.padEnd(6)}${String(e.lookup).padStart(17)}${String(e.statuses).padStart(10)}${`${median(times[`${input} ${mode}`] ?? []).toFixed(2)} ms`.padStart(14)}`);
    }
  }
  console.log('  lookup requests ≤ 2 cold, 0 warm; the status list is asked once per store session, beside the first lookup.\n');
  scanRows();
}

/** CPU of this thread since `from` in ms: process.threadCpuUsage (Node >= 23.9), else the process's (Node 20: GC threads included, so an upper bound). */
const threadCpu = (process as { threadCpuUsage?: (prev?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage?.bind(process);
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = threadCpu ? threadCpu(from) : process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}
const cpuNow = (): NodeJS.CpuUsage => (threadCpu ? threadCpu() : process.cpuUsage());

/**
 * The order-reference scan of large documents (host thread, no request): it must stay within ~50 ms.
 * "unbounded" is findOrderRefsInDocument (no clock); "host" is what the host runs, budgetedOrderScan
 * with performance.now (the whole document within FULL_SCAN_BUDGET_MS, else the visible lines: here
 * the first 60 lines).
 */
function scanRows(): void {
  const delivery = (i: number): string => JSON.stringify({ event: 'order.paid', time: '2026-12-03 10:14:52', merchant: { id: 109111, alias: 'loja-aurora' }, resource: { id: 1090000 + i, number: 1000 + i, customer_id: 48213907, customer: { data: { id: 48213907 } }, items: { data: [{ id: 9, sku_id: 5 }] } } });
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_900_000; i++) {
    const d = delivery(i);
    parts.push(d);
    size += d.length + 2;
  }
  const json = `[${parts.join(',\n')}]`;
  const log = Array.from({ length: 30_000 }, (_, i) => `2026-12-03T10:14:52Z INFO webhook order_id=${1090000 + i} pedido #${1000 + i} customer_id=48213907 ok`).join('\n').slice(0, 1_990_000);
  const nested = `{"event":"order.paid",${'"resource":{'.repeat(200_000)}"id":1${'}'.repeat(200_000)}}`.slice(0, 1_990_000);
  console.log(`Order-reference scan: median of 5; CPU = ${threadCpu ? 'this thread (process.threadCpuUsage)' : 'the process (process.cpuUsage: Node 20 has no threadCpuUsage; GC threads included)'}. Target: host CPU within ~50 ms.`);
  console.log(`${'document'.padEnd(40)}${'size'.padStart(9)}${'refs'.padStart(7)}${'unbounded wall/CPU'.padStart(22)}${'host wall/CPU'.padStart(18)}${'host refs, coverage'.padStart(22)}`);
  for (const [name, text, lang] of [['order webhooks, JSON array', json, 'json'], ['log lines with order_id= and pedido #', log, 'log'], ['hostile: 200k nested "resource" keys', nested, 'json']] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    const hostWall: number[] = [];
    const hostCpu: number[] = [];
    let n = 0;
    let host: BudgetedOrderScan | undefined;
    const firstLines = (): Array<readonly [number, number]> => {
      let end = 0;
      for (let i = 0; i < 60 && end >= 0; i++) {
        end = text.indexOf('\n', end + 1);
      }
      return [[0, end < 0 ? text.length : end]];
    };
    for (let i = 0; i < 5; i++) {
      let c = cpuNow();
      let t = performance.now();
      n = findOrderRefsInDocument(text, lang).length;
      wall.push(performance.now() - t);
      cpu.push(cpuSince(c));
      c = cpuNow();
      t = performance.now();
      host = budgetedOrderScan(text, lang, firstLines, () => performance.now());
      hostWall.push(performance.now() - t);
      hostCpu.push(cpuSince(c));
    }
    const pair = (a: number[], b: number[]): string => `${median(a).toFixed(1)} / ${median(b).toFixed(1)} ms`;
    console.log(`${name.padEnd(40)}${`${(text.length / 1e6).toFixed(2)} MB`.padStart(9)}${String(n).padStart(7)}${pair(wall, cpu).padStart(22)}${pair(hostWall, hostCpu).padStart(18)}${`${host?.refs.length ?? 0}, ${host?.coverage ?? '?'}`.padStart(22)}`);
  }
  console.log('');
}

// BENCH_ORDER_SCAN_ONLY=1: the scan rows alone (no sandbox)
if (process.env['BENCH_ORDER_SCAN_ONLY'] === '1') {
  scanRows();
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
