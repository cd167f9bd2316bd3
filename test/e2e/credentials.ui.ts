// Issue 4 as a user meets it, in the installed .vsix: the interactive sign-in through the palette and
// password boxes (a wrong token first, retried without retyping the secret), the store picker, the
// status bar after sign-in, and sign-out with its confirmation bringing back the welcome view.
import * as assert from 'node:assert/strict';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { ui } from './fixture';

const owner = SANDBOX_USERS.owner;

describe('credentials (interactive)', () => {
  it('starts signed out: the status bar offers to connect', async () => {
    const { workbench } = ui();
    await workbench.openView();
    assert.match(await workbench.statusBarText('yampi.store'), /Connect Yampi|Conectar Yampi/);
    await workbench.screenshot('credentials-01-signed-out');
  });

  it('rejects a wrong token, retries keeping what was typed, then picks a store', async () => {
    const { workbench, page } = { ...ui(), page: ui().workbench.page };
    await workbench.runCommand('Yampi: Set Credentials…');
    const prompt = await workbench.waitForQuickInput();
    assert.match(prompt, /User-Token/);
    assert.equal(await workbench.quickInputIsPassword(), true);
    await workbench.fillQuickInput('ytok_this_token_is_wrong_000');
    await page.locator('.quick-input-widget .quick-input-box input[placeholder="User-Secret-Key"]').waitFor();
    assert.equal(await workbench.quickInputIsPassword(), true);
    await workbench.fillQuickInput(owner.userSecretKey);

    const error = await workbench.readNotification(/rejected this User-Token|recusou este User-Token/);
    assert.ok(!error.includes('ytok_') && !error.includes('ysk_'), 'the message must not echo a secret');
    await workbench.screenshot('credentials-02-rejected');
    await workbench.clickNotificationButton(/rejected this User-Token|recusou este User-Token/, 'Try Again');

    // the token box comes back with what was typed (masked); correct it
    const tokenBox = page.locator('.quick-input-widget .quick-input-box input[placeholder="User-Token"]');
    await tokenBox.waitFor();
    assert.equal(await tokenBox.inputValue(), 'ytok_this_token_is_wrong_000');
    await workbench.fillQuickInput(owner.userToken);
    // the secret was right: it is still there, just confirm it
    const secretBox = page.locator('.quick-input-widget .quick-input-box input[placeholder="User-Secret-Key"]');
    await secretBox.waitFor();
    assert.equal(await secretBox.inputValue(), owner.userSecretKey);
    await secretBox.press('Enter');

    const items = (await workbench.quickPickItems()).join(' | ');
    for (const s of [SANDBOX_STORES.aurora, SANDBOX_STORES.serra, SANDBOX_STORES.inactive]) {
      assert.ok(items.includes(s.name), `store picker lists ${s.name}: ${items}`);
    }
    await workbench.pickQuickItem(SANDBOX_STORES.aurora.name);
    await workbench.screenshot('credentials-03-store-picker');
    await page.keyboard.press('Enter');
    await workbench.waitForQuickInputClosed();

    await workbench.readNotification(/Connected to Yampi store|Conectado à loja Yampi/);
    await page.waitForFunction(() => /Loja Aurora/.test(document.querySelector('.statusbar-item[id$=".yampi.store"]')?.textContent ?? ''));
    assert.match(await workbench.statusBarText('yampi.store'), new RegExp(`Yampi: ${SANDBOX_STORES.aurora.name}`));
    const roots = await workbench.treeItems();
    assert.ok(roots.includes(SANDBOX_STORES.aurora.name), `tree roots: ${roots.join(', ')}`);
    await workbench.screenshot('credentials-04-signed-in');
  });

  it('signs out after confirmation: status bar and welcome view return', async () => {
    const { workbench } = ui();
    const page = workbench.page;
    await workbench.runCommand('Yampi: Sign Out');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), new RegExp(SANDBOX_STORES.aurora.alias));
    await workbench.screenshot('credentials-05-sign-out-confirm');
    await dialog.locator('.monaco-button', { hasText: /^(Sign Out|Sair)$/ }).click();
    await page.waitForFunction(() => /Connect Yampi|Conectar Yampi/.test(document.querySelector('.statusbar-item[id$=".yampi.store"]')?.textContent ?? ''));
    assert.match(await workbench.welcomeText(), /Yampi/);
    await workbench.screenshot('credentials-06-signed-out-again');
  });
});
