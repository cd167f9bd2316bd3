// Customer 360 in the installed extension (issue 11): the panel's Orders, Addresses and Abandoned
// carts sections, driven like a user — expand an order, copy its number, open the lazy sections,
// each section's empty state and an error with Retry — with screenshots in dark and light.
import * as assert from 'node:assert/strict';
import { ORDER_CASE_IDS } from '../sandbox/constants';
import { buildSandboxData } from '../sandbox/data';
import { AURORA, clearOverlays, closeAllEditors, elementShot, lookUp, primeClipboard, setColorTheme, signedInToAurora, waitForClipboard } from './customerFlows';
import { ui } from './fixture';

const related = buildSandboxData().get(AURORA.alias)?.related;
const firstOrder = (id: number): { id: number; number: number } => {
  const o = related?.orders.find((x) => x.customerId === id);
  assert.ok(o, `no sandbox order for #${id}`);
  return o.json as { id: number; number: number };
};

describe('Customer 360 (installed .vsix, sandbox store)', function () {
  this.timeout(90_000);

  signedInToAurora();

  it('a customer with orders, addresses and carts: expand an order, copy its number, open the other sections', async () => {
    const { workbench } = ui();
    const id = ORDER_CASE_IDS.manyOrders;
    const frame = await lookUp(workbench, String(id), id);
    const orders = frame.locator('#related [data-section="orders"]');
    await orders.locator('li.order').nth(9).waitFor({ timeout: workbench.timeoutMs });
    assert.equal(await orders.locator('li.order').count(), 10);
    assert.equal(await orders.locator('[data-action="loadMore"]').count(), 1);

    const first = orders.locator('li.order').first();
    await first.locator('summary.row-summary').click();
    await first.locator('table.items tbody tr').first().waitFor({ timeout: workbench.timeoutMs });
    const order = firstOrder(id);
    assert.equal((await first.locator('.order-number').innerText()).trim(), `#${order.number}`);

    await primeClipboard(workbench);
    await first.locator('[data-action="copyOrder"][data-what="number"]').click();
    assert.equal(await waitForClipboard(workbench, String(order.number)), String(order.number));

    for (const [section, row, n] of [['addresses', 'li.address', 3], ['carts', 'li.cart', 2]] as const) {
      const el = frame.locator(`#related [data-section="${section}"]`);
      await el.locator('summary.section-summary').click();
      await el.locator(row).nth(n - 1).waitFor({ timeout: workbench.timeoutMs });
      assert.equal(await el.locator(row).count(), n, section);
    }
    assert.equal(await frame.locator('#related [data-section="addresses"] li.address.is-concealed').count(), 3, 'addresses are masked in privacy mode');

    await clearOverlays(workbench);
    const editor = workbench.page.locator('.part.editor');
    const startedLight = await workbench.page.locator('.monaco-workbench.vs').isVisible();
    try {
      await setColorTheme(workbench, 'Dark Modern', 'vs-dark');
      await frame.locator('body.vscode-dark').waitFor({ state: 'attached' });
      await frame.locator('#related').evaluate((el) => { el.scrollIntoView({ block: 'start' }); });
      await elementShot(editor, 'related-dark');
      await setColorTheme(workbench, 'Light Modern', 'vs');
      await frame.locator('body.vscode-light').waitFor({ state: 'attached' });
      await elementShot(editor, 'related-light');
    } finally {
      await setColorTheme(workbench, startedLight ? 'Light Modern' : 'Dark Modern', startedLight ? 'vs' : 'vs-dark');
    }
    await closeAllEditors(workbench);
  });

  it('the customer with none: each section says so', async () => {
    const { workbench } = ui();
    const id = ORDER_CASE_IDS.noRelated;
    const frame = await lookUp(workbench, String(id), id);
    for (const section of ['addresses', 'carts']) {
      await frame.locator(`#related [data-section="${section}"] summary.section-summary`).click();
    }
    for (const [section, text] of [['orders', /No orders yet|Nenhum pedido/], ['addresses', /No saved addresses|Nenhum endereço/], ['carts', /No abandoned carts|Nenhum carrinho/]] as const) {
      const empty = frame.locator(`#related [data-section="${section}"] .section-empty`);
      await empty.waitFor({ timeout: workbench.timeoutMs });
      assert.match(await empty.innerText(), text);
    }
    await frame.locator('#related').evaluate((el) => { el.scrollIntoView({ block: 'start' }); });
    await elementShot(workbench.page.locator('.part.editor'), 'related-empty');
    await closeAllEditors(workbench);
  });

  it('a failing section shows its error with Retry beside the record; Retry loads it', async () => {
    const { workbench, sandbox } = ui();
    const id = ORDER_CASE_IDS.company;
    assert.ok(sandbox, 'the UI suite runs with the sandbox store');
    sandbox.addFault({ path: '/orders', status: 403, times: 1 });
    const frame = await lookUp(workbench, String(id), id);
    const orders = frame.locator('#related [data-section="orders"]');
    const error = orders.locator('.section-error');
    await error.waitFor({ timeout: workbench.timeoutMs });
    assert.equal(await frame.locator('.header .customer-id').innerText(), `#${id}`);
    await clearOverlays(workbench);
    await frame.locator('#related').evaluate((el) => { el.scrollIntoView({ block: 'start' }); });
    await elementShot(workbench.page.locator('.part.editor'), 'related-error');
    await orders.locator('[data-action="retrySection"]').click();
    await orders.locator('li.order').first().waitFor({ timeout: workbench.timeoutMs });
    assert.equal(await orders.locator('.section-error').count(), 0);
    await closeAllEditors(workbench);
  });
});
