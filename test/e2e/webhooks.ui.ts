// Issue 21 as a user meets it in the installed extension: set the webhook secret, start the
// receiver, get a signed order.paid (from the sandbox, as Yampi would send it), see it verified in
// the Webhook Deliveries view, open its payload and hover the customer id in it.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { emitWebhook } from '../sandbox/webhooks';
import { AURORA, clearOverlays, closeAllEditors, elementShot, signedInWithNoEditors } from './customerFlows';
import { ui } from './fixture';

const SECRET = 'wh_ui_test_0123456789abcdef0123456789abcdef';
const VIEW = 'Webhook Deliveries';
const MARIANA = EDGE_CASE_IDS.knownGood;

/** The remote (machine-scoped) settings file of the code-server under test: yampi.webhooks.port lives there. */
function machineSettingsFile(): string {
  return path.join(ui().codeServer.tmpDir, 'user-data', 'Machine', 'settings.json');
}

function listen(): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => { server.listen(0, '127.0.0.1', () => { resolve(server); }); });
}

describe('webhook workbench (installed .vsix)', function () {
  this.timeout(120_000);

  signedInWithNoEditors();

  after(async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Stop Webhook Receiver').catch(() => undefined);
    await workbench.runCommand('Yampi: Clear Cached Data').catch(() => undefined);
    // Clear Cached Data asks first (issue 18 §2.1): answer it, so no modal is left for the files after this one
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 5000 }).then(() => dialog.locator('.monaco-button', { hasText: /^(Clear|Limpar)$/ }).click()).catch(() => undefined);
    await closeAllEditors(workbench).catch(() => undefined);
    // the view starts collapsed (package.json): leave the Customers view its full height for the files after this one
    const header = workbench.view(VIEW).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') {
      await header.click().catch(() => undefined);
    }
  });

  it('set the secret, start the receiver, a signed order.paid arrives verified; its payload opens masked and the customer id hovers', async () => {
    const { workbench, sandbox } = ui();
    const { page } = workbench;
    assert.ok(sandbox, 'the UI suite runs with the sandbox');

    await workbench.runCommand('Yampi: Set Webhook Secret…');
    await workbench.waitForQuickInput();
    assert.equal(await workbench.quickInputIsPassword(), true, 'the secret is asked in a password box');
    await workbench.fillQuickInput(SECRET);
    await workbench.waitForQuickInputClosed();

    await workbench.runCommand('Yampi: Start Webhook Receiver');
    const status = await workbench.statusBarText('yampi.webhooks');
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(status)?.[1]);
    assert.ok(port > 0, `the status bar shows the address: ${status}`);

    const store = sandbox.data.get(AURORA.alias);
    assert.ok(store);
    const sent = await emitWebhook(store, { url: `http://127.0.0.1:${port}/webhooks/yampi`, event: 'order.paid', secret: SECRET, mode: 'raw' });
    assert.equal(sent.status, 200);

    const pane = await workbench.openView(VIEW);
    const row = workbench.treeItem('order.paid', VIEW);
    await row.waitFor({ timeout: workbench.timeoutMs });
    assert.equal((await row.locator('.label-description').innerText()).trim(), 'verified');
    await workbench.expandTreeItem('order.paid', VIEW);
    const resource = pane.locator('.monaco-list-row', { hasText: `customer #${MARIANA}` }).first();
    await resource.waitFor({ timeout: workbench.timeoutMs });
    assert.match(await resource.innerText(), /Order #\d+ · customer #48213907 \S\*\*\*@/, 'order number and the customer, masked');
    await clearOverlays(workbench);
    await elementShot(pane, 'webhooks-01-verified');
    await workbench.screenshot('webhooks-01-workbench');

    await workbench.clickTreeItem('Open payload', VIEW);
    const tab = page.locator('.tabs-container .tab', { hasText: 'order.paid.json' }).first();
    await tab.waitFor({ timeout: workbench.timeoutMs });
    const line = `"customer_id": ${MARIANA}`;
    await page.locator('.editor-instance .view-line', { hasText: line }).first().waitFor({ timeout: workbench.timeoutMs });
    const editorText = await page.locator('.editor-instance .view-lines').first().innerText();
    assert.ok(!/@[a-z]/.test(editorText.replace(/\*\*\*@/g, '')), 'no unmasked e-mail in the payload editor');
    const hover = await workbench.hover(String(MARIANA), line);
    assert.match(hover, new RegExp(`#${MARIANA}`));
    assert.match(hover, /Mariana/);
    await workbench.screenshot('webhooks-02-payload-hover');
  });

  it('changing yampi.webhooks.port while it runs moves the receiver (status bar); a taken port keeps it where it was, with a message', async () => {
    const { workbench, sandbox } = ui();
    assert.ok(sandbox);
    const port = async (): Promise<number> => Number(/127\.0\.0\.1:(\d+)/.exec(await workbench.statusBarText('yampi.webhooks'))?.[1]);
    const waitForPort = async (want: number): Promise<void> => {
      const end = Date.now() + workbench.timeoutMs;
      while ((await port()) !== want) {
        assert.ok(Date.now() < end, `the status bar still shows port ${await port()}, not ${want}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const file = machineSettingsFile();
    const saved = readFileSync(file, 'utf8');
    const spare = await listen();
    const wanted = (spare.address() as AddressInfo).port;
    await new Promise((r) => { spare.close(r); });
    const blocker = await listen();
    const taken = (blocker.address() as AddressInfo).port;
    try {
      await workbench.runCommand('Yampi: Start Webhook Receiver');
      const first = await port();
      assert.ok(first > 0 && first !== wanted);
      writeFileSync(file, JSON.stringify({ ...JSON.parse(saved) as object, 'yampi.webhooks.port': wanted }, null, 2));
      await waitForPort(wanted);
      // the status bar says where it went, for 3 s (the address is made inert: not a link)
      await workbench.page.locator('.statusbar-item', { hasText: new RegExp(`Yampi webhook receiver at .*${wanted}`) }).first().waitFor({ timeout: 2500 });
      await elementShot(workbench.page.locator('.part.statusbar').first(), 'webhooks-03-moved-port');
      const store = sandbox.data.get(AURORA.alias);
      assert.ok(store);
      const sent = await emitWebhook(store, { url: `http://127.0.0.1:${wanted}/moved`, event: 'order.paid', secret: SECRET, mode: 'raw' });
      assert.equal(sent.status, 200, 'the receiver answers on the new port');


      writeFileSync(file, JSON.stringify({ ...JSON.parse(saved) as object, 'yampi.webhooks.port': taken }, null, 2));
      const message = await workbench.readNotification(/stays on port/);
      assert.match(message, new RegExp(`Port ${taken} on 127\\.0\\.0\\.1 is already in use, so the webhook receiver stays on port ${wanted}\\.`));
      assert.equal(await port(), wanted, 'still where it was');
      await workbench.screenshot('webhooks-04-port-taken');
    } finally {
      writeFileSync(file, saved);
      await new Promise((r) => { blocker.close(r); });
    }
  });
});
