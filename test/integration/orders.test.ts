// Issue 20 in the real extension host against the sandbox: "Look Up Order…" in each number
// convention the store may honour, a store that ignores the filter (never another order), not
// found, number/id ambiguity, the order panel (statuses by the store's name, open the customer,
// copy), the customer panel's order rows, hovers on order references, the chat tool, and sign-out.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { ORDER_LOOKUP_CASES } from '../sandbox/orderRoutes';
import { addFault, confirmed, owner, sandboxRequests, signedInToAurora, signIn, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;
/** Mariana's newest order in loja-aurora. */
const ORDER = { id: 1093051, number: 2940 } as const;

interface OrderShown { readonly id: number; readonly number?: number | string }

const lookUp = (text: string | number): Thenable<OrderShown | undefined> => vscode.commands.executeCommand<OrderShown | undefined>('yampi.lookupOrder', text);

/** The order-list requests the sandbox saw, as the query parameter each convention sends. */
async function numberRequests(): Promise<string[]> {
  return (await sandboxRequests())
    .filter((r) => r.path === `/v2/${aurora}/orders`)
    .map((r) => ('number[]' in r.query ? 'number[]' : 'search' in r.query ? 'search' : 'q' in r.query ? 'q' : 'none'));
}

function panel(api: TestApi, id: number): ReturnType<TestApi['orderPanels']>[number] | undefined {
  return api.orderPanels().find((p) => p.alias === aurora && p.id === id && /data-section="order"/.test(p.html));
}

describe('Orders: look up an order by number and reach its customer', () => {
  const testApi = signedInToAurora();
  let api: TestApi;

  beforeEach(() => {
    api = testApi();
  });

  it('finds #2940 with the bracket filter: one list request, the panel titled by number with the store’s status name', async () => {
    const shown = await lookUp(`#${ORDER.number}`);
    assert.equal(shown?.id, ORDER.id);
    assert.deepEqual(await numberRequests(), ['number[]']);
    const p = await waitFor('the order panel', () => panel(api, ORDER.id));
    assert.equal(p.title, `Order #${ORDER.number}`);
    assert.match(p.html, /data-status-source="store"[^>]*>Entregue</);
    assert.ok(!p.title.includes('Mariana'));
    assert.match(p.html, /m\*\*\*@/, 'the buyer’s e-mail is masked in privacy mode');
  });

  it('bare digits cost two requests (number and id check); looking up again costs none', async () => {
    assert.equal((await lookUp(String(ORDER.number)))?.id, ORDER.id);
    const cold = (await sandboxRequests()).filter((r) => r.path.startsWith(`/v2/${aurora}/orders`));
    assert.equal(cold.length, 2, cold.map((r) => r.path).join(', '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const before = (await sandboxRequests()).length;
    assert.equal((await lookUp(String(ORDER.number)))?.id, ORDER.id);
    assert.equal((await sandboxRequests()).filter((r) => r.path.startsWith(`/v2/${aurora}/orders`)).length - cold.length, 0, `warm lookup made requests (${(await sandboxRequests()).length - before} in all)`);
  });

  it('falls back to search=number:N when the store ignores number[]', async () => {
    await addFault({ path: '/orders', ignoreOrderNumberFilters: ['number[]'] });
    assert.equal((await lookUp(`#${ORDER.number}`))?.id, ORDER.id);
    assert.deepEqual(await numberRequests(), ['number[]', 'search']);
  });

  it('falls back to q=N when the store ignores number[] and search', async () => {
    await addFault({ path: '/orders', ignoreOrderNumberFilters: ['number[]', 'search'] });
    assert.equal((await lookUp(`#${ORDER.number}`))?.number, ORDER.number);
    // the store's session may start with the convention it honoured before (search, after the test above)
    const asked = await numberRequests();
    assert.equal(asked.at(-1), 'q');
    assert.deepEqual([...asked].sort(), ['number[]', 'q', 'search']);
    // remembered for the session: the next lookup asks q= first, one request
    await confirmed(api, 'yampi.clearCache');
    await lookUp('#2803');
    assert.deepEqual((await numberRequests()).slice(asked.length), ['q']);
  });

  it('never shows another order when the store ignores every filter, and says why', async () => {
    await addFault({ path: '/orders', ignoreFilters: true });
    assert.equal(await lookUp('#1500'), undefined);
    assert.equal(api.orderPanels().length, 0, 'a panel opened for another order');
    assert.match(api.shownErrors().at(-1) ?? '', /ignored the number filter/);
  });

  it('says "not found" naming the number', async () => {
    assert.equal(await lookUp(`#${ORDER_LOOKUP_CASES.missingNumber}`), undefined);
    assert.equal(api.orderPanels().length, 0);
    assert.match(api.shownErrors().at(-1) ?? '', new RegExp(`No order with number #${ORDER_LOOKUP_CASES.missingNumber}`));
  });

  it('offers both orders when the digits are one order’s number and another’s id', async () => {
    const pending = lookUp(String(ORDER_LOOKUP_CASES.ambiguous));
    const choice = await waitFor('the choice', () => api.lastOrderChoice(), 10_000);
    assert.equal(choice.length, 2);
    assert.match(choice[0] ?? '', new RegExp(`#${ORDER_LOOKUP_CASES.ambiguous}.*id ${ORDER_LOOKUP_CASES.twinId}`));
    assert.match(choice[1] ?? '', new RegExp(`#${ORDER_LOOKUP_CASES.ambiguousIdNumber}.*id ${ORDER_LOOKUP_CASES.ambiguous}`));
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const shown = await pending;
    assert.equal(shown?.id, ORDER_LOOKUP_CASES.twinId);
  });

  it('the order panel opens the buyer’s customer panel, and copies through the host', async () => {
    await vscode.commands.executeCommand('yampi.openOrder', ORDER.id, aurora);
    await waitFor('the order panel', () => panel(api, ORDER.id));
    assert.equal(await api.sendOrderPanelMessage(aurora, ORDER.id, { type: 'openCustomer' }), true);
    await waitFor('the customer panel', () => api.panelSections(aurora, mariana));
    await api.sendOrderPanelMessage(aurora, ORDER.id, { type: 'copy', what: 'number' });
    assert.equal(await vscode.env.clipboard.readText(), String(ORDER.number));
    // a message from the page naming anything else is refused
    await api.sendOrderPanelMessage(aurora, ORDER.id, { type: 'openCustomer', id: 1 });
    await api.sendOrderPanelMessage(aurora, ORDER.id, { type: 'copy', what: 'token' });
    assert.equal(await vscode.env.clipboard.readText(), String(ORDER.number));
  });

  it('an order row of the customer panel opens its order panel', async () => {
    await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
    await waitFor('orders loaded', () => api.panelSections(aurora, mariana)?.find((s) => s.section === 'orders' && s.status === 'loaded'), 10_000);
    assert.match(api.panelSections(aurora, mariana)?.[0]?.html ?? '', new RegExp(`data-action="openOrder" data-order-id="${ORDER.id}"`));
    await api.sendPanelMessage(aurora, mariana, { type: 'openOrder', orderId: ORDER.id });
    await waitFor('the order panel', () => panel(api, ORDER.id));
    // an order the panel did not load opens nothing
    await api.sendPanelMessage(aurora, mariana, { type: 'openOrder', orderId: ORDER_LOOKUP_CASES.twinId });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(panel(api, ORDER_LOOKUP_CASES.twinId), undefined);
  });

  it('hovers the order id of an order webhook (never as a customer) and links order references', async () => {
    const text = JSON.stringify({ event: 'order.paid', resource: { id: ORDER.id, number: ORDER.number, customer: { data: { id: mariana } } } }, null, 2);
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    const at = doc.positionAt(text.indexOf(String(ORDER.id)) + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const md = hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value)).join('\n')).join('\n---\n');
    assert.match(md, /\$\(package\)/);
    assert.match(md.replace(/\\(.)/g, '$1'), new RegExp(`Order #${ORDER.number}`));
    assert.ok(!/\$\(person\) \*\*/.test(md), 'the order id was read as a customer');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.ok(links.some((l) => l.target?.toString(true).startsWith('command:yampi.openOrder')));
  });

  it('yampi_getOrder answers by number, masked, as data', async () => {
    const result = await vscode.lm.invokeTool('yampi_getOrder', { input: { number: ORDER.number }, toolInvocationToken: undefined });
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, /data from the Yampi API/);
    assert.match(text, new RegExp(`#${ORDER.number} \\(id ${ORDER.id}\\)`));
    assert.ok(!text.includes('mariana.ribeiro'), text);
  });

  it('Yampi: Refresh reloads open order panels, bypassing caches', async () => {
    await vscode.commands.executeCommand('yampi.openOrder', ORDER.id, aurora);
    await waitFor('the order panel', () => panel(api, ORDER.id));
    await vscode.commands.executeCommand('yampi.refresh');
    const refetched = (await sandboxRequests()).filter((r) => r.path === `/v2/${aurora}/orders/${ORDER.id}` && r.query['skipCache'] === 'true');
    assert.equal(refetched.length, 1);
  });

  it('signing out closes every order panel of the store', async () => {
    await vscode.commands.executeCommand('yampi.openOrder', ORDER.id, aurora);
    await waitFor('the order panel', () => panel(api, ORDER.id));
    await confirmed(api, 'yampi.signOut', aurora);
    await waitFor('order panels closed', () => api.orderPanels().length === 0);
    assert.equal(await signIn(owner, aurora), true);
  });
});
