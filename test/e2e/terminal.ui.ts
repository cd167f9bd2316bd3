// Issue 12 as a user meets it in the installed extension: a customer id echoed in the integrated
// terminal is a link (Ctrl+click opens the customer's panel), and the first-run walkthrough opens
// from the palette with its five steps (screenshots of each for the README).
import * as assert from 'node:assert/strict';
import { type Locator } from 'playwright-core';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { clearOverlays, closeAllEditors, elementShot, panelFrame, signedInWithNoEditors } from './customerFlows';
import { type Workbench } from './driver';
import { ui } from './fixture';

const MARIANA = { id: EDGE_CASE_IDS.knownGood, name: 'Mariana Costa Ribeiro' };
const WORD = `customer_id=${MARIANA.id}`;

/** The active terminal's rows (the DOM renderer: run.ts turns GPU acceleration off). */
function terminalRows(workbench: Workbench): Locator {
  return workbench.page.locator('.part.panel .terminal-wrapper.active .xterm-rows > div');
}

/** The centre of `word` in the first terminal row whose whole text (trimmed) is `word`. */
async function wordBox(rows: Locator, word: string): Promise<{ x: number; y: number } | undefined> {
  return rows.evaluateAll((els, w) => {
    for (const el of els) {
      if (el.textContent.trim() !== w) {
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      // the row's text starts at the left edge; its box ends at the last glyph
      return { x: r.x + Math.min(r.width, w.length * (r.width / Math.max(1, el.textContent.length))) / 2, y: r.y + r.height / 2 };
    }
    return undefined;
  }, word);
}

describe('terminal links and the walkthrough (installed .vsix)', function () {
  this.timeout(90_000);

  signedInWithNoEditors();

  after(async () => {
    await ui().workbench.runCommand('Terminal: Kill All Terminals').catch(() => undefined);
  });

  it(`echo ${WORD} in the integrated terminal: the word is a link, and Ctrl+click opens the customer's panel`, async () => {
    const { workbench, sandbox } = ui();
    const { page } = workbench;
    await workbench.runCommand('Terminal: Create New Terminal');
    const rows = terminalRows(workbench);
    // the shell's prompt: some row with text
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.part.panel .terminal-wrapper.active .xterm-rows > div')).some((r) => r.textContent.trim() !== ''),
      undefined,
      { timeout: 30_000 },
    );
    await page.locator('.part.panel .terminal-wrapper.active .xterm').click();
    await page.keyboard.type(`echo ${WORD}`);
    await page.keyboard.press('Enter');
    await rows.filter({ hasText: new RegExp(`^\\s*${WORD}\\s*$`) }).first().waitFor();
    const before = sandbox?.requests().length ?? 0;

    // hovering the word shows the link's hover, which names the customer; nothing is fetched for it
    const tooltip = page.locator('.monaco-hover:not(.hidden), .workbench-hover', { hasText: `Open Yampi customer #${MARIANA.id}` }).first();
    let box: { x: number; y: number } | undefined;
    for (let attempt = 1; ; attempt++) {
      box = await wordBox(rows, WORD);
      assert.ok(box, `no terminal row reads ${WORD}`);
      await page.mouse.move(box.x, box.y - 40);
      await page.mouse.move(box.x, box.y, { steps: 4 });
      try {
        await tooltip.waitFor({ timeout: 3000 });
        break;
      } catch (e) {
        if (attempt >= 4) {
          throw new Error(`hovering ${WORD} in the terminal shows no link`, { cause: e });
        }
      }
    }
    await workbench.screenshot('terminal-01-link-hover');
    assert.equal(sandbox?.requests().length ?? 0, before, 'finding and hovering the link made no request');
    await page.keyboard.down('Control');
    try {
      await page.mouse.click(box.x, box.y);
    } finally {
      await page.keyboard.up('Control');
    }
    const frame = panelFrame(workbench);
    await frame.locator('.header .customer-id', { hasText: `#${MARIANA.id}` }).waitFor();
    await frame.locator('.header .customer-name', { hasText: MARIANA.name }).waitFor();
    await page.mouse.move(1000, 785);
    await elementShot(page.locator('.monaco-workbench'), 'terminal-link-panel');
    await workbench.screenshot('terminal-02-panel');
  });

  it('the walkthrough opens from "Welcome: Open Walkthrough…" with its five steps, each with its picture', async () => {
    const { workbench } = ui();
    const { page } = workbench;
    await closeAllEditors(workbench);
    // room for the two-column layout (steps left, picture right): no panel, no side bar
    if (await page.locator('.part.panel').isVisible()) {
      await page.keyboard.press('Control+J');
    }
    const sidebar = await page.locator('.part.sidebar').isVisible();
    if (sidebar) {
      await page.keyboard.press('Control+B');
    }
    await clearOverlays(workbench);
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await workbench.waitForQuickInput();
    await workbench.fillQuickInput('Yampi', { submit: false });
    await workbench.pickQuickItem(/Get Started with Yampi Customers/);
    const editor = page.locator('.part.editor .gettingStartedContainer').first();
    await editor.waitFor();
    await editor.locator('.getting-started-category .category-title, .getting-started-detail-title', { hasText: 'Get Started with Yampi Customers' }).first().waitFor();
    const steps = editor.locator('.getting-started-step');
    await steps.first().waitFor();
    const titles = (await steps.locator('.step-title').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(titles, ['Connect a Yampi store', 'Look up a customer', 'Hover an id in a file or the terminal', 'Privacy mode (LGPD)', 'Ask the agent']);
    const buttons = [
      ['connect', 'Set Credentials'],
      ['lookup', 'Look Up Customer'],
      ['hover', 'Open a Sample Log'],
      ['privacy', 'Toggle Privacy Mode'],
      ['agent', 'Open Chat'],
    ] as const;
    for (const [i, [id, button]] of buttons.entries()) {
      const step = steps.nth(i);
      if ((await step.getAttribute('aria-expanded')) !== 'true') {
        await step.locator('.step-title').click();
      }
      await step.and(page.locator('[aria-expanded="true"]')).waitFor();
      await step.locator('.monaco-button, a.button-link', { hasText: button }).first().waitFor();
      // the step's SVG is drawn in a webview frame laid over the media area
      await page.locator('iframe.webview.ready >> visible=true').first().waitFor();
      await page.waitForTimeout(500); // the picture fades in
      await page.mouse.move(1000, 785);
      await elementShot(page.locator('.part.editor'), `walkthrough-${id}`);
    }
    await workbench.screenshot('terminal-03-walkthrough');
    if (sidebar) {
      await page.keyboard.press('Control+B');
    }
  });
});
