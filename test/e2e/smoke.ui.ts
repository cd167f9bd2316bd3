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

  it('shows the Yampi Customers view with welcome content when signed out', async () => {
    const { workbench } = ui();
    await workbench.openView('Yampi Customers');
    const welcome = await workbench.welcomeText('Yampi Customers');
    await workbench.screenshot('smoke-02-yampi-view');
    assert.ok(welcome.length > 0, 'the signed-out view shows welcome content');
  });

  it('runs "Yampi: Show Log" from the palette and shows the log channel', async () => {
    const { workbench } = ui();
    await workbench.runCommand('Yampi: Show Log');
    const channel = await workbench.outputChannel();
    await workbench.screenshot('smoke-03-show-log');
    assert.match(channel, /Yampi/);
  });
});
