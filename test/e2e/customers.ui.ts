// Customer views in the installed extension, driven like a user: look up from the palette, the detail
// panel (copy, reveal, hostile markup rendered as text, themes), and the sidebar tree down to a field.
// Signs in through the real prompts in `before` (skipped when already signed in) and stays signed in.
import * as assert from 'node:assert/strict';
import { type Dialog } from 'playwright-core';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { clearOverlays, closeAllEditors, elementShot, fieldRow, fieldValue, lookUp, panelFrame, primeClipboard, resizeSidebar, setColorTheme, signedInToAurora, waitForClipboard } from './customerFlows';
import { ui } from './fixture';

const MARIANA = { id: EDGE_CASE_IDS.knownGood, name: 'Mariana Costa Ribeiro', email: 'mariana.c.ribeiro@exemplo.com.br' };

describe('customers (installed .vsix, sandbox store)', function () {
  this.timeout(60_000);

  signedInToAurora();

  it('looks up #48213907 from the palette: the panel renders the customer with the e-mail masked', async () => {
    const { workbench } = ui();
    const frame = await lookUp(workbench, String(MARIANA.id), MARIANA.id);
    await frame.locator('.header .customer-name', { hasText: MARIANA.name }).waitFor();
    await workbench.screenshot('customers-01-lookup-panel');
    assert.equal((await frame.locator('.header .customer-name').innerText()).trim(), MARIANA.name);
    assert.equal((await frame.locator('.header .customer-id').innerText()).trim(), `#${MARIANA.id}`);
    const badges = await frame.locator('.header .badges [data-badge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-badge')));
    assert.ok(badges.length >= 2, `badges shown: ${badges.join(', ')}`);
    const email = await fieldValue(frame, 'email');
    assert.notEqual(email, MARIANA.email, 'privacy mode is on by default: the e-mail is masked');
    assert.match(email, /^m\*+@exemplo\.com\.br$/, `masked e-mail: ${email}`);
    assert.equal(await fieldRow(frame, 'email').locator('button[aria-label^="Copy"], button[aria-label^="Copiar"]').count(), 1);
  });

  it('the Copy button of the e-mail row puts the real e-mail on the clipboard; the notification names only the field', async () => {
    const { workbench } = ui();
    const frame = panelFrame(workbench);
    await primeClipboard(workbench);
    await fieldRow(frame, 'email').locator('button[aria-label^="Copy"], button[aria-label^="Copiar"]').click();
    assert.equal(await waitForClipboard(workbench, MARIANA.email), MARIANA.email);
    const message = await workbench.readNotification(/copied|copiado/i);
    await workbench.screenshot('customers-02-copied-email');
    assert.match(message, /E-mail/);
    assert.ok(!message.includes(MARIANA.email) && !message.includes('mariana.c'), `the notification does not carry the value: ${message}`);
  });

  it('the reveal toggle shows the real e-mail, and hides it again', async () => {
    const { workbench } = ui();
    const frame = panelFrame(workbench);
    const row = fieldRow(frame, 'email');
    await row.locator('button[data-action="reveal"]').click();
    await row.locator('.field-value .value', { hasText: MARIANA.email }).waitFor();
    assert.equal(await row.locator('button[data-action="hide"]').getAttribute('aria-pressed'), 'true');
    await workbench.screenshot('customers-03-revealed-email');
    await row.locator('button[data-action="hide"]').click();
    await row.locator('button[data-action="reveal"]').waitFor();
    const email = await fieldValue(frame, 'email');
    assert.match(email, /^m\*+@exemplo\.com\.br$/, `masked again: ${email}`);
  });

  it('browses the tree to Recent → Mariana → Contact → E-mail and copies it with the inline action', async () => {
    const { workbench } = ui();
    await workbench.openView();
    await workbench.expandTreeItem('Recent');
    await workbench.expandTreeItem(MARIANA.name);
    await workbench.expandTreeItem('Contact');
    const leaf = workbench.treeItem(/^\s*E-mail:/);
    await leaf.waitFor();
    const label = (await leaf.locator('.label-name').innerText()).trim();
    assert.ok(!label.includes(MARIANA.email), `the leaf shows the e-mail masked: ${label}`);
    await primeClipboard(workbench);
    await leaf.hover();
    const action = leaf.locator('.actions .action-label[aria-label="Copy Value"], .actions .action-label[title="Copy Value"]').first();
    await action.waitFor();
    await workbench.screenshot('customers-04-tree-email-leaf');
    await action.click();
    assert.equal(await waitForClipboard(workbench, MARIANA.email), MARIANA.email);
    const message = await workbench.readNotification(/E-mail copied/);
    assert.ok(!message.includes(MARIANA.email), `the notification does not carry the value: ${message}`);
    await workbench.expandTreeItem('Contact'); // no-op; keeps the row in view for the failure screenshot
  });

  it('a customer whose name carries markup renders it as text: no element and no script from the data', async () => {
    const { workbench } = ui();
    const dialogs: string[] = [];
    const onDialog = (d: Dialog): void => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    workbench.page.on('dialog', onDialog);
    try {
      await closeAllEditors(workbench);
      const frame = await lookUp(workbench, String(EDGE_CASE_IDS.markupName), EDGE_CASE_IDS.markupName);
      const name = (await frame.locator('.header .customer-name').innerText()).trim();
      await workbench.screenshot('customers-05-markup-name');
      assert.ok(name.includes('<b>Renata</b>'), `the header shows the tags as text: ${name}`);
      assert.ok(name.includes('<img src=x onerror=alert(1)>'), `the header shows the img tag as text: ${name}`);
      assert.equal(await fieldValue(frame, 'name'), '<b>Renata</b> <img src=x onerror=alert(1)> Duarte');
      assert.equal(await frame.locator('#root img').count(), 0, 'no img element anywhere in the panel');
      assert.equal(await frame.locator('#root b, #root i, #root marquee, #root a[href^="javascript"], #root script').count(), 0, 'no element from the data');
      assert.equal(await fieldRow(frame, 'name').locator('*:not(dt):not(dd):not(span):not(button)').count(), 0);
      await workbench.page.waitForTimeout(300); // an onerror would have fired by now
      assert.deepEqual(dialogs, [], 'no dialog fired');
    } finally {
      workbench.page.off('dialog', onDialog);
    }
  });

  it('the panel follows the color theme: dark, light and high-contrast screenshots', async () => {
    const { workbench } = ui();
    const startedLight = await workbench.page.locator('.monaco-workbench.vs').isVisible();
    await closeAllEditors(workbench);
    const frame = await lookUp(workbench, String(MARIANA.id), MARIANA.id);
    await clearOverlays(workbench);
    const editor = workbench.page.locator('.part.editor');
    const body = (kind: string): Promise<void> => frame.locator(`body.vscode-${kind}`).waitFor({ state: 'attached' });
    const background = (): Promise<string> => frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    try {
      await setColorTheme(workbench, 'Dark Modern', 'vs-dark');
      await body('dark');
      const dark = await background();
      await elementShot(editor, 'panel-dark');
      await setColorTheme(workbench, 'Light Modern', 'vs');
      await body('light');
      const light = await background();
      await elementShot(editor, 'panel-light');
      assert.notEqual(light, dark, `the panel background follows the theme (dark ${dark}, light ${light})`);
      await setColorTheme(workbench, 'Dark High Contrast', 'hc-black');
      await body('high-contrast');
      await elementShot(editor, 'panel-high-contrast');
    } finally {
      // Back to the theme the suite started with (code-server follows the browser: light in headless Chromium).
      await setColorTheme(workbench, startedLight ? 'Light Modern' : 'Dark Modern', startedLight ? 'vs' : 'vs-dark');
    }
  });

  it('hovering a customer id in a log shows the card, masked; its Open details link opens the panel', async () => {
    const { workbench } = ui();
    await closeAllEditors(workbench);
    await clearOverlays(workbench);
    await workbench.openFile('sample.log');
    await workbench.hover(String(MARIANA.id), `customerId: ${MARIANA.id}`);
    // the first paint may be VS Code's "Loading…": wait for the card itself
    const hover = workbench.page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: MARIANA.name }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, new RegExp(`#${MARIANA.id}`));
    assert.match(text, /m\*+@exemplo\.com\.br/, `masked e-mail in the hover: ${text}`);
    assert.ok(!text.includes(MARIANA.email), 'privacy mode is on: the hover must not show the e-mail');
    await elementShot(workbench.page.locator('.part.editor'), 'hover');
    await workbench.screenshot('customers-10-hover');
    await hover.locator('a', { hasText: /Open details|Abrir detalhes/ }).click();
    const frame = panelFrame(workbench);
    await frame.locator('.header .customer-name', { hasText: MARIANA.name }).waitFor();
  });

  it('Ctrl+click on the customer id of a webhook JSON (customer.data.id) opens its panel', async () => {
    const { workbench } = ui();
    await closeAllEditors(workbench);
    await workbench.openFile('webhook.json');
    const line = workbench.page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: `"id": ${MARIANA.id}` }).first();
    const id = line.locator('span span', { hasText: new RegExp(`^${MARIANA.id}$`) }).first();
    await id.waitFor();
    // links are computed shortly after the editor opens, and the editor may still shift then:
    // wait for the link, and hover again (live position) until Ctrl shows it as active
    await line.locator('.detected-link').first().waitFor();
    for (let attempt = 1; ; attempt++) {
      await id.hover();
      await workbench.page.keyboard.down('Control');
      try {
        await line.locator('.detected-link-active').first().waitFor({ timeout: 3000 });
        await id.click();
        break;
      } catch (e) {
        if (attempt >= 4) {
          throw e;
        }
      } finally {
        await workbench.page.keyboard.up('Control');
      }
    }
    const frame = panelFrame(workbench);
    await frame.locator('.header .customer-name', { hasText: MARIANA.name }).waitFor();
    await workbench.screenshot('customers-11-ctrl-click-json');
  });

  it('lists All customers in the tree, the page ending with Load more…', async () => {
    const { workbench } = ui();
    await closeAllEditors(workbench);
    const view = await workbench.openView();
    if ((await workbench.treeItem(MARIANA.name).getAttribute('aria-expanded')) === 'true') {
      await workbench.treeItem(MARIANA.name).locator('.monaco-tl-twistie').click();
    }
    await workbench.expandTreeItem('All customers');
    const customers = view.locator('.monaco-list-row .label-description', { hasText: /^#\d+/ });
    await customers.nth(10).waitFor();
    assert.ok((await customers.count()) >= 10, 'customer rows show #id');
    // For the README: a wider side bar with Recent and Pinned folded, so the first page fits.
    await clearOverlays(workbench);
    for (const folder of ['Recent', 'Pinned']) {
      if ((await workbench.treeItem(folder).getAttribute('aria-expanded')) === 'true') {
        await workbench.treeItem(folder).locator('.monaco-tl-twistie').click();
      }
    }
    await resizeSidebar(workbench, 160);
    try {
      await workbench.page.mouse.move(1000, 785);
      await elementShot(workbench.page.locator('.part.sidebar'), 'tree');
    } finally {
      await resizeSidebar(workbench, -160);
    }
    // The list is virtual: go to its end to see the page ends with Load more…
    await view.locator('.pane-body .monaco-list').first().focus();
    await workbench.page.keyboard.press('End');
    await workbench.treeItem('Load more…').waitFor();
    await workbench.page.keyboard.press('Home');
  });
});
