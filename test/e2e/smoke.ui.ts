// First UI test: the packaged extension, installed from its .vsix, shows up in the workbench and its
// commands run from the palette.
import * as assert from 'node:assert/strict';
import { ui } from './fixture';

describe('smoke (installed .vsix)', () => {
  it('opens the workbench with the fixture workspace', async () => {
    const { workbench } = ui();
    await workbench.page.locator('.explorer-folders-view, .part.sidebar').first().waitFor();
    await workbench.screenshot('smoke-01-workbench');
    assert.equal(await workbench.activityBarItem().isVisible(), true, 'the Yampi activity-bar container is visible');
  });

  it('shows the Customers view with the signed-out welcome and its Set Credentials button', async () => {
    const { workbench } = ui();
    const view = await workbench.openView();
    const welcome = await workbench.welcomeText();
    await workbench.screenshot('smoke-02-yampi-view');
    assert.match(welcome, /Yampi/);
    assert.equal(await view.locator('.welcome-view-content .monaco-button', { hasText: 'Set Credentials' }).isVisible(), true);
  });

  it('runs "Yampi: Show Log" from the palette and shows the log channel', async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Show Log');
    const channel = await workbench.outputChannel();
    await workbench.screenshot('smoke-03-show-log');
    assert.match(channel, /Yampi/);
  });
});

describe('smoke: sign-in prompt', () => {
  it('"Yampi: Set Credentials" asks for the User-Token in a password box (Escape cancels)', async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Set Credentials');
    const prompt = await workbench.waitForQuickInput();
    assert.equal(await workbench.quickInputIsPassword(), true, `the token box masks input (prompt: ${prompt})`);
    await workbench.fillQuickInput('ytok_typed_but_not_submitted', { submit: false });
    await workbench.screenshot('smoke-04-set-credentials');
    await workbench.page.keyboard.press('Escape');
    await workbench.waitForQuickInputClosed();
  });
});
