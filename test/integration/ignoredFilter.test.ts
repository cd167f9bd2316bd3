// Issue 18 point 2.7 in the real extension host: when the store ignores the customer filter and
// page 1 holds only other customers' orders, the panel says so (never "No orders yet") and its
// Look further looks through at most 3 more pages; the chat tool says the same.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelSectionFacts, TestApi } from '../../src/host/testing/testSeams';
import { SANDBOX_STORES } from '../sandbox/constants';
import { buildSandboxData } from '../sandbox/data';
import { addFault, sandboxRequests, signedInToAurora, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const store = buildSandboxData().get(aurora);
/** The store's orders newest first, as the sandbox answers `/orders` when it ignores the filter. */
const storeOrders = store?.related.orders ?? [];
/** A customer with no order among the store's 10 newest but one among the next 30 (pages 2–4 of 10). */
const hidden = (() => {
  const first = new Set(storeOrders.slice(0, 10).map((o) => o.customerId));
  const next = storeOrders.slice(10, 40).map((o) => o.customerId);
  return next.find((id) => !first.has(id));
})();
/** A customer with orders, none among the store's 100 newest (the 10 pages of 10 Look further may reach). */
const deep = (() => {
  const recent = new Set(storeOrders.slice(0, 100).map((o) => o.customerId));
  return storeOrders.find((o) => !recent.has(o.customerId))?.customerId;
})();

async function settledOrders(api: TestApi, id: number): Promise<PanelSectionFacts> {
  return waitFor('the orders section to settle', () => {
    const f = api.panelSections(aurora, id)?.find((x) => x.section === 'orders');
    return f && (f.status === 'loaded' || f.status === 'error') && !f.loadingMore ? f : undefined;
  }, 10_000);
}

const orderRequests = async (): Promise<number[]> => (await sandboxRequests()).filter((r) => r.path.endsWith('/orders')).map((r) => Number(r.query['page']));

describe('an ignored customer filter is never "no orders"', () => {
  const testApi = signedInToAurora();

  it('panel: page 1 of strangers says the filter was ignored; Look further finds the customer\'s order within 3 pages', async () => {
    const api = testApi();
    assert.ok(hidden !== undefined);
    await addFault({ path: '/orders', ignoreFilters: true });
    await vscode.commands.executeCommand('yampi.openCustomer', hidden, aurora);
    const first = await settledOrders(api, hidden);
    assert.deepEqual(first.ids, []);
    assert.doesNotMatch(first.html, /No orders yet|Nenhum pedido ainda/);
    assert.match(first.html, /ignored the customer filter|ignorou o filtro de cliente/);
    assert.match(first.html, /data-action="loadMore"/);
    await api.sendPanelMessage(aurora, hidden, { type: 'loadMore', section: 'orders' });
    const after = await settledOrders(api, hidden);
    assert.ok(after.ids.length > 0, 'Look further found nothing');
    const mine = new Set(storeOrders.filter((o) => o.customerId === hidden).map((o) => (o.json as { id: number }).id));
    assert.ok(after.ids.every((id) => mine.has(id)), 'an order of another customer is shown');
    const pages = await orderRequests();
    assert.ok(pages.length <= 4 && Math.max(...pages) <= 4, `pages asked: ${pages.join(', ')}`);
  });

  it('panel: Look further stops after 3 pages a press and never walks the store', async () => {
    const api = testApi();
    assert.ok(deep !== undefined);
    await addFault({ path: '/orders', ignoreFilters: true });
    await vscode.commands.executeCommand('yampi.openCustomer', deep, aurora);
    await settledOrders(api, deep);
    for (let press = 0; press < 5; press++) {
      await api.sendPanelMessage(aurora, deep, { type: 'loadMore', section: 'orders' });
      await settledOrders(api, deep);
    }
    const pages = await orderRequests();
    assert.deepEqual(pages, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'page 1, then 3 a press, up to page 10');
    const last = await settledOrders(api, deep);
    assert.doesNotMatch(last.html, /No orders yet|data-action="loadMore"/);
    assert.match(last.html, /ignored the customer filter|ignorou o filtro de cliente/);
  });

  it('chat: yampi_getCustomerOrders never says "has no orders" when the filter was ignored', async () => {
    assert.ok(deep !== undefined);
    await addFault({ path: '/orders', ignoreFilters: true });
    // limit 5: page 1 and at most 3 more, 5 orders each — none of them the customer's
    const result = await vscode.lm.invokeTool('yampi_getCustomerOrders', { input: { id: deep, limit: 5 }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.doesNotMatch(text, /has no orders|não tem pedidos/);
    assert.match(text, /ignored the customer filter|ignorou o filtro de cliente/);
    assert.deepEqual(await orderRequests(), [1, 2, 3, 4], 'page 1 and at most 3 more');
  });
});
