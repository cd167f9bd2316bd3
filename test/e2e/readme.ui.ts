// The installed extension's page shows the README packed into the .vsix (scripts/package.mjs): the
// user guide, with no developer section and no broken image.
import * as assert from 'node:assert/strict';
import { ui } from './fixture';

describe('the installed extension\'s page', () => {
  it('shows the user guide as its README: no developer sections, no image that cannot load', async function () {
    this.timeout(120_000);
    const { workbench } = ui();
    const page = workbench.page;
    await workbench.runCommand('Extensions: Show Installed Extensions');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Yampi Customers' }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const readme = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');
    await readme.locator('h1', { hasText: 'Yampi Customers for VS Code' }).waitFor({ timeout: 30_000 });
    await readme.locator('h2', { hasText: 'Walkthrough' }).scrollIntoViewIfNeeded();
    await workbench.screenshot('readme-01-extension-page');
    const headings = (await readme.locator('h2').allInnerTexts()).map((h) => h.trim());
    assert.ok(headings.includes('Commands') && headings.includes('Settings'), headings.join(' | '));
    for (const developer of ['Quick start', 'Development', 'Contributing', 'How the tests work']) {
      assert.ok(!headings.includes(developer), `the packed README has the developer section ${developer}`);
    }
    const images = await readme.locator('img').evaluateAll((imgs) => imgs.map((i) => ({ src: (i as HTMLImageElement).src, ok: (i as HTMLImageElement).naturalWidth > 0 })));
    assert.deepEqual(images.filter((i) => !i.ok), [], 'an image of the README does not load');
    await page.keyboard.press('Control+W');
  });
});
