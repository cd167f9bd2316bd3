// Issue 20 in the installed extension: "Yampi: Look Up Order…" with a number, the order panel,
// opening the buyer's customer panel from it, and hovering an order id in an order webhook — with
// screenshots of each.
import * as assert from 'node:assert/strict';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { clearOverlays, closeAllEditors, elementShot, panelFrame, signedInToAurora } from './customerFlows';
import { ui } from './fixture';

const ORDER = { id: 1093051, number: 2940 } as const;

describe('Orders (installed .vsix, sandbox store)', function () {
  this.timeout(90_000);

  signedInToAurora();

  it('looks up an order number, shows its panel, and opens its customer from it', async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Look Up Order…');
    await workbench.waitForQuickInput();
    await workbench.fillQuickInput(`#${ORDER.number}`);
    const frame = panelFrame(workbench);
    const section = frame.locator('#root [data-section="order"]');
    await section.waitFor({ timeout: workbench.timeoutMs });
    assert.match(await frame.locator('#order-title').innerText(), new RegExp(`#${ORDER.number}`));
    assert.match(await frame.locator('[data-field="order.id"] .value').innerText(), new RegExp(String(ORDER.id)));
    assert.match(await frame.locator('.badges .badge').innerText(), /Entregue/);
    assert.match(await frame.locator('[data-field="customer.email"] .value').innerText(), /\*\*\*@/);
    const tab = workbench.page.locator('.tabs-container .tab.active');
    assert.match(await tab.innerText(), new RegExp(`Order #${ORDER.number}|Pedido #${ORDER.number}`));
    await clearOverlays(workbench);
    await elementShot(workbench.page.locator('.part.editor'), 'order-panel');

    await frame.locator('[data-action="open-customer"]').click();
    const customer = panelFrame(workbench);
    await customer.locator('.header .customer-id', { hasText: `#${EDGE_CASE_IDS.knownGood}` }).waitFor({ timeout: workbench.timeoutMs });
    await workbench.screenshot('order-open-customer');
    await closeAllEditors(workbench);
  });

  it('hovers an order id in an order webhook: the order card, never a customer card', async () => {
    const { workbench } = ui();
    await workbench.openFile('order-webhook.json');
    await workbench.hover(String(ORDER.id), `"id": ${ORDER.id}`);
    const hover = workbench.page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: `#${ORDER.number}` }).first();
    await hover.waitFor({ timeout: workbench.timeoutMs });
    const text = await hover.innerText();
    assert.match(text, /Entregue/);
    assert.match(text, /Open order|Abrir pedido/);
    assert.ok(!text.includes('Mariana Costa Ribeiro') || /\*\*\*@/.test(text), text);
    await elementShot(workbench.page.locator('.part.editor'), 'order-hover');
    await workbench.page.keyboard.press('Escape');
    await closeAllEditors(workbench);
  });

  it('an open order panel comes back after Developer: Reload Window, titled by number only', async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Look Up Order…');
    await workbench.waitForQuickInput();
    await workbench.fillQuickInput(`#${ORDER.number}`);
    await panelFrame(workbench).locator('#root [data-section="order"]').waitFor({ timeout: workbench.timeoutMs });
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.waitForLoadState('domcontentloaded');
    await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const frame = panelFrame(workbench);
    await frame.locator('#root [data-section="order"]').waitFor({ timeout: 60_000 });
    assert.match(await frame.locator('#order-title').innerText(), new RegExp(`#${ORDER.number}`));
    const tab = workbench.page.locator('.tabs-container .tab', { hasText: `#${ORDER.number}` }).first();
    assert.match(await tab.innerText(), new RegExp(`^(Order|Pedido) #${ORDER.number}$`));
    await workbench.screenshot('order-after-reload');
    await closeAllEditors(workbench);
  });
});
