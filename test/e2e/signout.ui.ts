// Issue 9, as a user sees it: with a customer's panel open and every value revealed, the customer in
// the tree and a hover card shown, signing out leaves no customer data in any frame of the window,
// in the tree or in the next hover. Runs after customers.ui (by name) and signs in itself.
import * as assert from 'node:assert/strict';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { closeAllEditors, lookUp, panelFrame, signInToAurora } from './customerFlows';
import { ui } from './fixture';

const MARIANA = { id: EDGE_CASE_IDS.knownGood, name: 'Mariana Costa Ribeiro', email: 'mariana.c.ribeiro@exemplo.com.br' };

describe('sign-out leaves no customer data on screen (installed .vsix)', function () {
  this.timeout(90_000);

  it('a revealed panel, the tree and the hover: after Sign Out, no frame holds the customer', async () => {
    const { workbench } = ui();
    const { page } = workbench;
    await signInToAurora(workbench);
    await closeAllEditors(workbench);
    const frame = await lookUp(workbench, String(MARIANA.id), MARIANA.id);
    await frame.locator('button[data-action="revealAll"]').click();
    await frame.locator('[data-field="email"]', { hasText: MARIANA.email }).waitFor();
    await workbench.openView();
    await workbench.expandTreeItem(/^(Recent|Recentes)$/).catch(() => undefined);
    await page.locator('.monaco-list-row', { hasText: MARIANA.name }).first().waitFor({ timeout: workbench.timeoutMs });
    await workbench.screenshot('signout-01-before');

    // every frame's text before: the customer is there (so the check after can fail)
    const frameTexts = async (): Promise<string> => {
      const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body.innerText).catch(() => '')));
      return texts.join('\n');
    };
    assert.ok((await frameTexts()).includes(MARIANA.email), 'the revealed e-mail is not on screen before signing out');

    await workbench.runCommand('Yampi: Sign Out');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: /^(Sign Out|Sair)$/ }).click();
    await page.waitForFunction(() => /Connect Yampi|Conectar Yampi/.test(document.querySelector('.statusbar-item[id$=".yampi.store"]')?.textContent ?? ''));
    await panelFrame(workbench).locator('body').waitFor({ state: 'detached', timeout: workbench.timeoutMs }).catch(() => undefined);
    await page.waitForFunction(
      (name) => !document.body.innerText.includes(name),
      MARIANA.name,
      { timeout: workbench.timeoutMs },
    );
    const after = await frameTexts();
    for (const v of [MARIANA.name, MARIANA.email, 'mariana.c']) {
      assert.ok(!after.includes(v), `"${v}" is still in a frame after sign-out`);
    }
    assert.equal(await page.locator('iframe.webview').count(), 0, 'a webview of the signed-out store is still open');
    assert.match(await workbench.welcomeText(), /Set Credentials|Definir Credenciais|credenciais/i);

    await workbench.openFile('sample.log');
    const card = await workbench.hover(String(MARIANA.id), `customerId: ${MARIANA.id}`);
    assert.ok(!card.includes(MARIANA.name), `the hover still knows the customer: ${card}`);
    assert.match(card, /Set Credentials|Definir credenciais|conecte|connect/i);
    await workbench.screenshot('signout-02-after');
    await closeAllEditors(workbench);
  });
});
