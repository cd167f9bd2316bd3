/**
 * Part of `npm run bench` (issue 11): what opening a customer's detail panel and its related
 * sections costs, against the sandbox store on loopback (child process, rate limit off), through
 * the real core client (`createYampiClient`, default cache and limiter as the host builds it).
 *
 * It replays the host's request sequence (src/host/customers/detailPanel.ts + panelSections.ts), which
 * lives only in src/host, so nothing here is imported from the host; the sequence is:
 *   open      getCustomer(id) and listCustomerOrders(id, page 1, PANEL_PAGE_SIZE), in parallel
 *             (the document is written at once with the sections of initialSectionViews(): orders
 *             loading, addresses and carts idle);
 *   addresses listCustomerAddresses(id, page 1, PANEL_PAGE_SIZE) when the section is first expanded;
 *   carts     listCustomerCarts(id, page 1, PANEL_PAGE_SIZE) likewise;
 *   more      listCustomerOrders(id, page 2, PANEL_PAGE_SIZE) on Load more under the orders.
 * What it imports from the host-independent core so it cannot drift: PANEL_PAGE_SIZE and withPage
 * (core/related/relatedPaging), initialSectionViews and renderSection (core/related/renderSections),
 * renderDetailDocument (core/webview/renderDetailHtml), groupOf (core/related/sections). The request
 * counts the sandbox logs for each step are asserted against EXPECTED below: a change to the
 * sequence (or a cache that stops collapsing) fails the bench loudly instead of drifting quietly.
 *
 * Times (median of RUNS; cold = a new client per run, warm = one client whose cache already holds
 * everything): "first paint" is open → the record arrived and the full document with the record and
 * the sections in their loading state is rendered; "orders ready" is open → the orders section's
 * HTML with page 1; each expand step is click → that section's HTML. Prints numbers; fails only on
 * a request count that differs from the host's sequence.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createYampiClient } from '../../src/core/api/index';
import type { StoreRef, YampiClient } from '../../src/core/api/types';
import type { Pagination } from '../../src/core/customers/customer';
import type { Address, Cart, Order } from '../../src/core/related/related';
import { PANEL_PAGE_SIZE, withPage, type SectionState } from '../../src/core/related/relatedPaging';
import type { Locale } from '../../src/core/common/strings';
import { groupOf, type SectionId } from '../../src/core/related/sections';
import { renderDetailDocument } from '../../src/core/customers/renderDetailHtml';
import { initialSectionViews, renderSection } from '../../src/core/related/renderSections';
import { ORDER_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { benchSandbox } from './benchSandbox';
import { median } from './stats';

const RUNS = Number(process.env['BENCH_RELATED_RUNS'] ?? 30);
const LOCALE: Locale = 'pt-br';
const CUSTOMER = ORDER_CASE_IDS.manyOrders; // 32 orders (Load more has a page 2), 3 addresses, 2 carts

type Step = 'open' | 'addresses' | 'carts' | 'more';
const STEPS: readonly Step[] = ['open', 'addresses', 'carts', 'more'];
const STEP_LABEL: Readonly<Record<Step, string>> = {
  open: 'open panel (record + orders p1)', addresses: 'expand Addresses', carts: 'expand Abandoned carts', more: 'Load more (orders p2)',
};
/** HTTP requests the host's sequence sends per step: cold cache, and warm (everything cached). */
const EXPECTED: Readonly<Record<'cold' | 'warm', Readonly<Record<Step, number>>>> = {
  cold: { open: 2, addresses: 1, carts: 1, more: 1 },
  warm: { open: 0, addresses: 0, carts: 0, more: 0 },
};

interface RunTimes {
  readonly firstPaint: number;
  readonly ordersReady: number;
  readonly addresses: number;
  readonly carts: number;
  readonly more: number;
}

const options = { locale: LOCALE, maskAddresses: true };

/** The section's HTML after its first page (or page `n`) arrived, as the host renders it. */
function sectionHtml<T extends Order | Address | Cart>(section: SectionId, prev: SectionState<T>, items: readonly T[], p: Pagination, dropped: number): { html: string; state: SectionState<T> } {
  const state = withPage(prev, items, p, dropped, p.currentPage);
  return { state, html: renderSection(groupOf(section, state), options) };
}

/** One replay of the host's sequence; `after` runs after each step (outside the timed part). */
async function replay(client: YampiClient, store: StoreRef, after: (step: Step) => Promise<void>): Promise<RunTimes> {
  const opened = performance.now();
  let firstPaint = 0;
  const record = client.getCustomer(store, CUSTOMER).then((r) => {
    renderDetailDocument({
      state: { kind: 'customer', alias: store.alias, record: r }, locale: LOCALE, privacy: true, revealed: new Set(),
      sections: initialSectionViews(), cspSource: 'https://bench.vscode-cdn.net', nonce: randomBytes(18).toString('base64'),
      scriptUri: 'https://bench.vscode-cdn.net/dist/webview.js', styleUri: 'https://bench.vscode-cdn.net/media/detail.css',
      codiconsUri: 'https://bench.vscode-cdn.net/dist/codicons/codicon.css',
    });
    firstPaint = performance.now() - opened;
  });
  const orders = client.listCustomerOrders(store, CUSTOMER, { page: 1, limit: PANEL_PAGE_SIZE }).then((p) => {
    const s = sectionHtml('orders', { status: 'loading' }, p.orders, p.pagination, p.dropped);
    return { state: s.state, ms: performance.now() - opened };
  });
  const [, first] = await Promise.all([record, orders]);
  await after('open');

  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const addresses = await timed(async () => {
    const p = await client.listCustomerAddresses(store, CUSTOMER, { page: 1, limit: PANEL_PAGE_SIZE });
    sectionHtml('addresses', { status: 'loading' }, p.addresses, p.pagination, p.dropped);
  });
  await after('addresses');
  const carts = await timed(async () => {
    const p = await client.listCustomerCarts(store, CUSTOMER, { page: 1, limit: PANEL_PAGE_SIZE });
    sectionHtml('carts', { status: 'loading' }, p.carts.map((c) => c.cart), p.pagination, p.dropped);
  });
  await after('carts');
  const more = await timed(async () => {
    const p = await client.listCustomerOrders(store, CUSTOMER, { page: 2, limit: PANEL_PAGE_SIZE });
    sectionHtml('orders', first.state, p.orders, p.pagination, p.dropped);
  });
  await after('more');
  return { firstPaint, ordersReady: first.ms, addresses, carts, more };
}

async function main(): Promise<void> {
  const sandbox = await benchSandbox();
  const user = SANDBOX_USERS.owner;
  const store: StoreRef = { alias: SANDBOX_STORES.aurora.alias, userToken: user.userToken, userSecretKey: user.userSecretKey };
  const newClient = (): YampiClient => createYampiClient({ baseUrl: sandbox.baseUrl, userAgent: 'yampi-customers-bench/0.0.0' });
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');

  // Counts the requests each step sent (read from the sandbox's log between steps, untimed).
  let seq = (await sandbox.requests()).at(-1)?.seq ?? 0;
  const paths: Partial<Record<Step, string[]>> = {};
  const counter = (mode: 'cold' | 'warm') => async (step: Step): Promise<void> => {
    const sent = await sandbox.requests(seq);
    seq = sent.at(-1)?.seq ?? seq;
    paths[step] ??= sent.map((r) => `${r.method} ${r.path}${Object.keys(r.query).length > 0 ? `?${decodeURIComponent(new URLSearchParams(r.query).toString())}` : ''}`);
    if (sent.length !== EXPECTED[mode][step]) {
      throw new Error(`${mode} ${step}: the sandbox saw ${sent.length} request(s), the host's sequence sends ${EXPECTED[mode][step]}: ${sent.map((r) => r.path).join(', ')}`);
    }
  };

  // One untimed warm-up (JIT, connections of the sandbox process), then the measured runs.
  const warmup = newClient();
  await replay(warmup, store, counter('cold'));
  await warmup.close();
  const cold: RunTimes[] = [];
  for (let i = 0; i < RUNS; i++) {
    const client = newClient();
    cold.push(await replay(client, store, counter('cold')));
    await client.close();
  }
  const client = newClient();
  await replay(client, store, counter('cold'));
  const warm: RunTimes[] = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push(await replay(client, store, counter('warm')));
  }
  await client.close();
  await sandbox.close();

  const ms = (runs: readonly RunTimes[], k: keyof RunTimes): string => `${median(runs.map((r) => r[k])).toFixed(2)} ms`;
  const pad = (s: string, w: number): string => s.padStart(w);
  console.log(`\nDetail panel with related sections (issue 11): customer #${CUSTOMER} of ${store.alias} (32 orders, 3 addresses, 2 carts),`);
  console.log(`sandbox on 127.0.0.1 ${sandbox.where}, the core client with the host's defaults (cache, limiter). Replays the host's`);
  console.log(`sequence (PANEL_PAGE_SIZE=${PANEL_PAGE_SIZE} and the sections' first state come from src/core; request counts asserted).`);
  console.log(`Median of ${RUNS} runs; cold = new client (empty cache) per run, warm = the same client again. Node ${process.version}, load ${load}\n`);
  console.log(`${'step'.padEnd(34)}${pad('requests cold', 14)}${pad('warm', 6)}${pad('cold', 11)}${pad('warm', 11)}`);
  const row = (label: string, step: Step | undefined, k: keyof RunTimes): void => {
    const n = (mode: 'cold' | 'warm'): string => (step === undefined ? '' : String(EXPECTED[mode][step]));
    console.log(`${label.padEnd(34)}${pad(n('cold'), 14)}${pad(n('warm'), 6)}${pad(ms(cold, k), 11)}${pad(ms(warm, k), 11)}`);
  };
  row('open → first paint (record+loading)', 'open', 'firstPaint');
  row('open → orders section ready', undefined, 'ordersReady');
  row('expand Addresses → section ready', 'addresses', 'addresses');
  row('expand Abandoned carts → ready', 'carts', 'carts');
  row('Load more (orders p2) → ready', 'more', 'more');
  console.log('\nrequests per step (cold):');
  for (const step of STEPS) {
    console.log(`  ${STEP_LABEL[step].padEnd(32)} ${(paths[step] ?? []).join('  ')}`);
  }
  console.log(`  before any section is expanded: ${EXPECTED.cold.open} requests (the record plus at most one more, issue 11 point 3)\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
