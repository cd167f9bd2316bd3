/**
 * Issue 10 point 12: every fault kind × every operation against the sandbox over real loopback
 * HTTP. Each cell must end in its typed YampiError within the operation deadline (measured on the
 * client's own clock: real I/O plus skipped waits), with no unhandled rejection anywhere, and a
 * hover never waits on a rate-limit window. The matrix is printed for the closing note.
 */
import assert from 'node:assert/strict';
import { operationDeadlineMs } from '../../../src/core/api/client';
import type { YampiErrorKind } from '../../../src/core/api/errors';
import type { YampiClient } from '../../../src/core/api/types';
import { EDGE_CASE_IDS } from '../../sandbox/constants';
import type { FaultSpec, RequestLogEntry, Sandbox } from '../../sandbox/server';
import { aurora, clientFor, hybridClock, rejection, useSandbox } from './helpers';

const TIMEOUT_MS = 700;
const BACKOFF_MAX_MS = 10;
const DEADLINE_MS = operationDeadlineMs(TIMEOUT_MS);
/** The size cap, lowered from 5 MiB so a huge body is refused well inside the short attempt timeout. */
const MAX_BYTES = 256 * 1024;

interface Operation {
  readonly name: string;
  readonly hover: boolean;
  readonly run: (c: YampiClient) => Promise<unknown>;
  /** Picks this operation's requests out of the sandbox log (the four run at the same time). */
  readonly mine: (r: RequestLogEntry) => boolean;
}

const OPERATIONS: readonly Operation[] = [
  {
    name: 'lookup', hover: false, run: (c) => c.getCustomer(aurora, EDGE_CASE_IDS.knownGood),
    mine: (r) => r.path.endsWith(`/${EDGE_CASE_IDS.knownGood}`),
  },
  { name: 'search', hover: false, run: (c) => c.listCustomers(aurora, { q: 'mariana', limit: 25 }), mine: (r) => r.query['q'] !== undefined },
  {
    name: 'list page', hover: false, run: (c) => c.listCustomers(aurora, { page: 2, limit: 25 }),
    mine: (r) => r.query['page'] === '2' && r.query['q'] === undefined,
  },
  {
    name: 'hover', hover: true, run: (c) => c.getCustomer(aurora, EDGE_CASE_IDS.company, { waitForRateLimit: false }),
    mine: (r) => r.path.endsWith(`/${EDGE_CASE_IDS.company}`),
  },
];

interface Fault {
  readonly name: string;
  readonly spec: FaultSpec;
  readonly kind: YampiErrorKind;
  /** Attempts a waiting caller makes (a hover makes 1 on a 429). */
  readonly attempts: number;
}

const FAULTS: readonly Fault[] = [
  { name: 'latency 4 s', spec: { latencyMs: 4000 }, kind: 'timeout', attempts: 3 },
  { name: '503', spec: { status: 503 }, kind: 'server', attempts: 3 },
  { name: '500 (not retried)', spec: { status: 500 }, kind: 'server', attempts: 1 },
  { name: '429 storm, Retry-After 2', spec: { status: 429, retryAfterSeconds: 2 }, kind: 'rateLimited', attempts: 3 },
  { name: '429 storm, no Retry-After', spec: { status: 429 }, kind: 'rateLimited', attempts: 1 },
  { name: 'reset before headers', spec: { reset: 'beforeHeaders' }, kind: 'network', attempts: 3 },
  { name: 'reset mid-body', spec: { reset: 'midBody' }, kind: 'network', attempts: 3 },
  { name: 'truncated body', spec: { body: 'truncated' }, kind: 'invalidResponse', attempts: 1 },
  { name: 'malformed body', spec: { body: 'malformed' }, kind: 'invalidResponse', attempts: 1 },
  { name: 'huge body (declared)', spec: { body: 'oversized', oversizedBytes: 2 * MAX_BYTES }, kind: 'invalidResponse', attempts: 1 },
  { name: 'huge body (chunked)', spec: { body: 'oversized', oversizedBytes: 2 * MAX_BYTES, chunked: true }, kind: 'invalidResponse', attempts: 1 },
  { name: 'slow body 4 s', spec: { slowBodyMs: 4000 }, kind: 'timeout', attempts: 3 },
  { name: 'slow headers 4 s', spec: { slowHeadersMs: 4000 }, kind: 'timeout', attempts: 3 },
];

describe('fault battery: every fault × every operation (issue 10 point 12)', function () {
  this.timeout(60_000);
  let sb!: Sandbox;
  useSandbox((s) => {
    sb = s;
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  const matrix = new Map<string, Map<string, string>>();

  before(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    const width = Math.max(...FAULTS.map((f) => f.name.length));
    const lines = [
      `fault battery: attempt timeout ${TIMEOUT_MS} ms, operation deadline ${DEADLINE_MS} ms (client clock: real I/O + skipped waits)`,
      `${'fault'.padEnd(width)} | ${OPERATIONS.map((o) => o.name.padEnd(26)).join(' | ')}`,
      ...FAULTS.map((f) => `${f.name.padEnd(width)} | ${OPERATIONS.map((o) => (matrix.get(f.name)?.get(o.name) ?? '(not run)').padEnd(26)).join(' | ')}`),
    ];
    console.log(`\n${lines.join('\n')}\n`);
  });

  for (const fault of FAULTS) {
    it(`${fault.name} → ${fault.kind} for lookup, search, list page and hover`, async () => {
      sb.addFault(fault.spec);
      // The four operations run at once, each on its own client and clock.
      const cells = await Promise.all(OPERATIONS.map(async (op) => {
        const clock = hybridClock();
        const c = clientFor(sb, { timeoutMs: TIMEOUT_MS, requestsPerMinute: 60, maxResponseBytes: MAX_BYTES, hooks: { ...clock, backoffMaxMs: BACKOFF_MAX_MS } });
        const started = clock.now();
        const e = await rejection(op.run(c));
        const elapsed = clock.now() - started;
        await c.close();
        return { op, e, elapsed, sleeps: clock.sleeps };
      }));
      const row = new Map<string, string>();
      matrix.set(fault.name, row);
      for (const { op, e, elapsed } of cells) {
        row.set(op.name, `${e.kind} ×${e.attempts ?? '?'} ${Math.round(elapsed)} ms`);
      }
      const rateFault = fault.spec.status === 429;
      for (const { op, e, elapsed, sleeps } of cells) {
        const attempts = op.hover && rateFault ? 1 : fault.attempts;
        const cell = `${fault.name} × ${op.name}`;
        assert.equal(e.kind, fault.kind, cell);
        assert.equal(e.attempts, attempts, cell);
        assert.equal(sb.requests().filter(op.mine).length, attempts, `${cell}: requests the sandbox saw`);
        assert.ok(elapsed <= DEADLINE_MS, `${cell} ended after ${Math.round(elapsed)} ms on the client clock, deadline ${DEADLINE_MS} ms`);
        if (op.hover) {
          assert.ok(sleeps.every((ms) => ms <= BACKOFF_MAX_MS), `${cell}: the hover waited ${sleeps.join(', ')} ms`);
        }
        if (rateFault) {
          assert.ok((e.retryAfterMs ?? 0) > 0, `${cell}: rateLimited says how long to wait`);
        }
      }
      assert.deepEqual(unhandled, []);
    });
  }

  it('leaves no unhandled rejection behind once every connection has closed', async () => {
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(unhandled, []);
    assert.equal(matrix.size, FAULTS.length);
  });
});
