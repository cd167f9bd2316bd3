/** The sandbox's order routes (three number conventions, the ignore modes, statuses) and the lookup through the real client. */
import { strict as assert } from 'node:assert';
import type { StoreRoute, YampiClient } from '../../../src/core/api/types';
import { decodeStatuses } from '../../../src/core/orders/decodeOrder';
import { MissingIds, orderFinder, STATUSES_ROUTE } from '../../../src/core/orders/orderApi';
import { lookUpOrder } from '../../../src/core/orders/orderLookup';
import { buildSandboxData } from '../../sandbox/data';
import { ORDER_LOOKUP_CASES, STORE_STATUS_NAMES } from '../../sandbox/orderRoutes';
import type { Sandbox } from '../../sandbox/server';
import { aurora, clientFor, owner, serra, useSandbox } from '../api/helpers';

describe('sandbox store: orders by number, by id, and statuses', () => {
  const data = buildSandboxData();
  let sb: Sandbox;
  let client: YampiClient;
  const headers = { 'user-token': owner.userToken, 'user-secret-key': owner.userSecretKey };
  const list = async (query: string): Promise<number[]> => {
    const res = await fetch(`${sb.baseUrl}/loja-aurora/orders?${query}`, { headers });
    return ((await res.json()) as { data: { number: number }[] }).data.map((o) => o.number);
  };
  let missing = new MissingIds(60_000);
  const finder = (store = aurora) => orderFinder(<T>(route: StoreRoute, decode: (b: unknown) => T) => client.getStoreRoute(store, route, decode), missing);
  const apiRequests = (): string[] => sb.requests().map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);

  useSandbox((s) => {
    sb = s;
  });
  beforeEach(() => {
    client = clientFor(sb);
    missing = new MissingIds(60_000);
  });

  it('gives every order an id distinct from its number, in every store', () => {
    for (const store of data.values()) {
      for (const o of store.related.orders) {
        assert.notEqual(o.json['id'], o.json['number']);
      }
    }
  });

  it('answers the number in the three conventions, and ignores a plain number=', async () => {
    assert.deepEqual(await list('number[]=2940'), [2940]);
    assert.deepEqual(await list('search=number:2940&searchFields=number:%3D'), [2940]);
    assert.deepEqual(await list('q=2940'), [2940]);
    assert.ok((await list('number=2940&limit=5')).length === 5);
  });

  it('a fault ignores the conventions it names: the whole store comes back', async () => {
    sb.addFault({ path: '/orders', ignoreOrderNumberFilters: ['number[]', 'search'] });
    assert.ok((await list('number[]=2940&limit=5')).length === 5);
    assert.ok((await list('search=number:2940&searchFields=number:%3D&limit=5')).length === 5);
    assert.deepEqual(await list('q=2940'), [2940]);
  });

  it('lists each store’s own status names', async () => {
    const a = await client.getStoreRoute(aurora, STATUSES_ROUTE, decodeStatuses);
    const s = await client.getStoreRoute(serra, STATUSES_ROUTE, decodeStatuses);
    assert.equal(a.find((x) => x.id === 2)?.name, STORE_STATUS_NAMES['loja-aurora']?.[2]);
    assert.equal(s.find((x) => x.id === 2)?.name, 'Pago – separar pedido');
    assert.notEqual(a.find((x) => x.id === 2)?.name, s.find((x) => x.id === 2)?.name);
  });

  it('looks up a number in two requests cold (number[] and the id check), none warm', async () => {
    const first = await lookUpOrder(finder(), { kind: 'number', number: 2940, alsoId: true });
    assert.equal(first.outcome.kind === 'found' && first.outcome.order.id, 1093051);
    assert.equal(sb.requests().length, 2);
    sb.clearRequests();
    await lookUpOrder(finder(), { kind: 'number', number: 2940, alsoId: true });
    assert.equal(sb.requests().length, 0);
  });

  it('falls back to search= when number[] is ignored, and to q= when both are', async () => {
    sb.addFault({ path: '/orders', ignoreOrderNumberFilters: ['number[]'] });
    const r1 = await lookUpOrder(finder(), { kind: 'number', number: 2803, alsoId: false });
    assert.equal(r1.outcome.kind === 'found' && r1.outcome.convention, 'search');
    sb.reset();
    client = clientFor(sb);
    sb.addFault({ path: '/orders', ignoreOrderNumberFilters: ['number[]', 'search'] });
    const r2 = await lookUpOrder(finder(), { kind: 'number', number: 2803, alsoId: false });
    assert.equal(r2.outcome.kind === 'found' && r2.outcome.convention, 'q');
    assert.equal(r2.outcome.kind === 'found' && r2.outcome.order.number, 2803);
    assert.deepEqual(apiRequests().map((r) => /number%5B%5D|search=|q=/.exec(r)?.[0]), ['number%5B%5D', 'search=', 'q=']);
  });

  it('never shows another order when the store ignores every filter', async () => {
    sb.addFault({ path: '/orders', ignoreFilters: true });
    const { outcome } = await lookUpOrder(finder(), { kind: 'number', number: 1500, alsoId: false });
    assert.deepEqual(outcome, { kind: 'notFound', ignored: true });
  });

  it('says not found for a number no order has, and offers both for the ambiguous one', async () => {
    assert.deepEqual((await lookUpOrder(finder(), { kind: 'number', number: ORDER_LOOKUP_CASES.missingNumber, alsoId: true })).outcome, { kind: 'notFound', ignored: false });
    const { outcome } = await lookUpOrder(finder(), { kind: 'number', number: ORDER_LOOKUP_CASES.ambiguous, alsoId: true });
    assert.equal(outcome.kind, 'choice');
    assert.deepEqual([outcome.byNumber.id, outcome.byId.id, outcome.byId.number], [ORDER_LOOKUP_CASES.twinId, ORDER_LOOKUP_CASES.ambiguous, ORDER_LOOKUP_CASES.ambiguousIdNumber]);
  });

  it('reads one order by id with the buyer, address and tracking', async () => {
    const { outcome } = await lookUpOrder(finder(), { kind: 'id', id: 1093051 });
    assert.equal(outcome.kind, 'found');
    assert.deepEqual([outcome.order.number, outcome.order.customer?.id, outcome.order.statusId], [2940, 48213907, 4]);
    assert.ok(outcome.order.shippingAddress !== undefined);
    assert.match(outcome.order.tracking?.code ?? '', /^QB\d{9}BR$/);
  });
});
