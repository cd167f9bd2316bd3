/**
 * The order-reference scan keeps the scan budget (src/core/orders/orderScan.ts): a hostile
 * JSON of nested "resource" objects stops at the deadline, after a bounded amount of work counted
 * as clock reads (one per TOKENS_PER_CLOCK_READ tokens), and the host then scans the visible lines.
 * Fake clocks only: no timing.
 */
import assert from 'node:assert/strict';
import { findOrderRefsInDocument, scanJsonOrderIds, scanOrderDocument } from '../../../src/core/orders/orderRefs';
import { TOKENS_PER_CLOCK_READ } from '../../../src/core/refs/jsonScan';
import { budgetedOrderScan } from '../../../src/core/orders/orderScan';
import { FULL_SCAN_BUDGET_MS } from '../../../src/core/hover/documentScan';

const NESTING = 200_000;
/** The bench's hostile document: one order event, then 200 000 nested resource objects (one 2 MB line). */
const hostile = `{"event":"order.paid",${'"resource":{'.repeat(NESTING)}"id":1${'}'.repeat(NESTING)}}`.slice(0, 1_990_000);

/** A clock that advances `step` ms at each read, counting its reads. */
function steppingClock(step: number): { now: () => number; reads: () => number; set: (s: number) => void } {
  let t = 0;
  let n = 0;
  let by = step;
  return {
    now: () => {
      n += 1;
      t += by;
      return t;
    },
    reads: () => n,
    set: (s) => {
      by = s;
    },
  };
}

describe('order references within the scan budget', () => {
  it('the JSON walk of a hostile nesting stops at the deadline after a bounded number of tokens (clock reads), keeping what it found', () => {
    const clock = steppingClock(1);
    const head = '[{"event": "order.paid", "resource": {"id": 77}},\n';
    const scan = scanJsonOrderIds(`${head}${hostile}]`, { now: clock.now, ms: 5 });
    assert.equal(scan.timedOut, true);
    assert.equal(scan.complete, false);
    assert.deepEqual(scan.refs.map((r) => r.value), [77]);
    // 1 read to start, then one per TOKENS_PER_CLOCK_READ tokens and one per resource key: over at the 6th ms
    assert.ok(clock.reads() <= 7, `${clock.reads()} clock reads`);
    // unbounded, the same walk reads about one token per 4 characters of the 2 MB: hundreds of reads' worth
    assert.ok(hostile.length / 4 > 50 * TOKENS_PER_CLOCK_READ);
    const unbounded = scanJsonOrderIds(`${head}${hostile}]`);
    assert.equal(unbounded.timedOut, undefined);
    assert.deepEqual(unbounded.refs.map((r) => r.value), [77]);
  });

  it('a clock that does not move changes nothing: the budgeted scan equals the unbudgeted one', () => {
    const doc = '{"event": "order.paid", "resource": {"id": 1093051, "number": 2940}}\norder_id=12 pedido #2940 /orders/55';
    const frozen = (): number => 0;
    assert.deepEqual(scanOrderDocument(doc, 'json', { now: frozen, ms: 0 }), { refs: findOrderRefsInDocument(doc, 'json') });
    assert.deepEqual(budgetedOrderScan(doc, 'json', () => [], frozen), { refs: findOrderRefsInDocument(doc, 'json'), coverage: 'full' });
    assert.deepEqual(findOrderRefsInDocument(doc, 'json').map((r) => [r.kind, r.value]), [['id', 1093051], ['id', 12], ['number', 2940], ['id', 55]]);
  });

  it('past the full-scan budget the visible lines are scanned (patterns only), and past theirs the scan is partial', () => {
    const doc = `order_id=5 pedido #6\n${hostile}\norder_id=9`;
    const clock = steppingClock(1);
    let asked = 0;
    let readsInFull = 0;
    const visible = (): Array<readonly [number, number]> => {
      asked += 1;
      readsInFull = clock.reads();
      clock.set(0); // the visible scan's clock stands still
      return [[0, 3]];
    };
    const scan = budgetedOrderScan(doc, 'json', visible, clock.now);
    assert.equal(asked, 1);
    assert.deepEqual(scan, { refs: [{ kind: 'id', value: 5, start: 9, end: 10 }, { kind: 'number', value: 6, start: 19, end: 20 }], coverage: 'visible' });
    // each read follows at most one engine call or TOKENS_PER_CLOCK_READ tokens (plus a few to start
    // each pass and to end the walk): the full scan stopped at its deadline, 200 000 resources unwalked
    assert.ok(readsInFull <= FULL_SCAN_BUDGET_MS + 5, `${readsInFull} clock reads in the full scan`);
    const rushed = steppingClock(100);
    assert.equal(budgetedOrderScan(doc, 'json', () => [[0, 3]], rushed.now).coverage, 'partial');
  });

  it('a pass that runs out of time ends the scan: the passes after it do not run (no id is read as a number)', () => {
    const clock = steppingClock(100);
    const scan = scanOrderDocument('order_id=5 pedido #7', 'plaintext', { now: clock.now, ms: 10 });
    assert.deepEqual(scan, { refs: [{ kind: 'id', value: 5, start: 9, end: 10 }], timedOut: true });
  });
});
