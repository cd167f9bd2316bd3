// Flows the customer UI tests share: sign in through the real prompts, open a customer from the
// palette, the visible detail panel's frame, theme switching, and cropped screenshots (the README's
// docs/screenshots/*.png are copied by hand from test-results/screenshots/).
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type FrameLocator, type Locator } from 'playwright-core';
import { testResultsDir } from '../harness/paths';
import { SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { type Workbench } from './driver';
import { ui } from './fixture';

export const AURORA = SANDBOX_STORES.aurora;

/** The status bar item showing the active store (`yampi.store`), or undefined when it is not shown. */
async function storeStatus(workbench: Workbench): Promise<string | undefined> {
  const item = workbench.page.locator('.statusbar-item[id="yampi.store"], .statusbar-item[id$=".yampi.store"]').first();
  return (await item.isVisible()) ? (await item.innerText()).trim() : undefined;
}

/**
 * Signs in as the sandbox owner through "Yampi: Set Credentials…" and picks loja-aurora, unless the
 * status bar already shows a store. Waits for the status bar to show the store name.
 */
export async function signInToAurora(workbench: Workbench): Promise<void> {
  const current = await storeStatus(workbench);
  if (current !== undefined && current.includes(AURORA.name)) {
    return;
  }
  const { page } = workbench;
  await workbench.runCommand('Yampi: Set Credentials…');
  await workbench.waitForQuickInput();
  await workbench.fillQuickInput(SANDBOX_USERS.owner.userToken);
  // The second password box: wait until the box is empty again (the token was taken).
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value === '', undefined, {
    timeout: workbench.timeoutMs,
  });
  await workbench.fillQuickInput(SANDBOX_USERS.owner.userSecretKey);
  // The store picker (canPickMany): check Aurora's row, then accept.
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: AURORA.name }).first();
  await row.waitFor({ timeout: workbench.timeoutMs });
  const checkbox = row.locator('input[type="checkbox"], .monaco-checkbox, .quick-input-list-checkbox').first();
  const checked = async (): Promise<boolean> =>
    (await row.getAttribute('aria-checked')) === 'true' ||
    (await checkbox.evaluate((el) => (el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true' || el.classList.contains('checked'))));
  if (!(await checked())) {
    await checkbox.click();
  }
  await page.locator('.quick-input-widget .quick-input-box input').press('Enter');
  await workbench.waitForQuickInputClosed();
  await page
    .locator('.statusbar-item[id="yampi.store"], .statusbar-item[id$=".yampi.store"]', { hasText: AURORA.name })
    .first()
    .waitFor({ timeout: workbench.timeoutMs });
}

/** The content frame of the visible detail panel (hidden webviews may stay in the DOM). */
export function panelFrame(workbench: Workbench): FrameLocator {
  return workbench.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('iframe#active-frame');
}

/** Runs "Yampi: Look Up Customer…" with `input` and waits for the panel to render that customer's id. */
export async function lookUp(workbench: Workbench, input: string, id: number): Promise<FrameLocator> {
  await workbench.runCommand('Yampi: Look Up Customer…');
  await workbench.waitForQuickInput();
  await workbench.fillQuickInput(input);
  const frame = panelFrame(workbench);
  await frame.locator('.header .customer-id', { hasText: `#${id}` }).waitFor({ timeout: workbench.timeoutMs });
  return frame;
}

/** A panel row by its `data-field` path. */
export function fieldRow(frame: FrameLocator, field: string): Locator {
  return frame.locator(`#root [data-field="${field}"]`);
}

/** The shown text of a panel row's value. */
export async function fieldValue(frame: FrameLocator, field: string): Promise<string> {
  return (await fieldRow(frame, field).locator('.field-value .value').innerText()).trim();
}

/** Closes every editor (panels included), so the next test starts with none open. */
export async function closeAllEditors(workbench: Workbench): Promise<void> {
  await workbench.runCommand('View: Close All Editors');
  await workbench.page.locator('.part.editor .tabs-container .tab').first().waitFor({ state: 'detached', timeout: workbench.timeoutMs });
}

/** Switches the color theme from the palette ("Preferences: Color Theme" → `theme`). */
export async function setColorTheme(workbench: Workbench, theme: string, bodyClass: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Promise<void> {
  await workbench.runCommand('Preferences: Color Theme');
  const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: workbench.timeoutMs });
  await input.fill(theme);
  await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: workbench.timeoutMs });
  await input.press('Enter');
  await workbench.waitForQuickInputClosed();
  await workbench.page.locator(`.monaco-workbench.${bodyClass}`).waitFor({ timeout: workbench.timeoutMs });
}

const screenshotDir = path.join(testResultsDir, 'screenshots');

/** Saves a PNG of one element (cropped) as test-results/screenshots/<name>.png; returns its path. */
export async function elementShot(target: Locator, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}

/** Clears every notification and moves the mouse off the side bar, so screenshots show no toast or hover. */
export async function clearOverlays(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Notifications: Clear All Notifications');
  await workbench.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: workbench.timeoutMs });
  await workbench.page.mouse.move(1000, 785); // the status bar's empty middle
  await workbench.page.keyboard.press('Escape');
}

/** Drags the sash right of the side bar by `dx` pixels (wider trees for screenshots; negative narrows). */
export async function resizeSidebar(workbench: Workbench, dx: number): Promise<void> {
  const box = await workbench.page.locator('.part.sidebar').boundingBox();
  if (!box) {
    throw new Error('the side bar is not shown');
  }
  const x = box.x + box.width + 1;
  const y = box.y + box.height / 2;
  await workbench.page.mouse.move(x, y);
  await workbench.page.mouse.down();
  await workbench.page.mouse.move(x + dx, y, { steps: 5 });
  await workbench.page.mouse.up();
}

/** Puts a sentinel on the clipboard, so a later read proves something new was copied. */
export async function primeClipboard(workbench: Workbench): Promise<void> {
  await workbench.page.evaluate(() => navigator.clipboard.writeText('sentinel: nothing copied yet'));
}

/** Waits until the clipboard holds `expected` (copies go through the extension host, asynchronously). */
export async function waitForClipboard(workbench: Workbench, expected: string): Promise<string> {
  const deadline = Date.now() + workbench.timeoutMs;
  let text = await workbench.clipboardText();
  while (text !== expected && Date.now() < deadline) {
    await workbench.page.waitForTimeout(100);
    text = await workbench.clipboardText();
  }
  return text;
}

/** Yampi: Sign Out, confirmed, until the status bar offers to connect again. */
export async function signOutOfAurora(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Yampi: Sign Out');
  const dialog = workbench.page.locator('.monaco-dialog-box');
  await dialog.waitFor();
  await dialog.locator('.monaco-button', { hasText: /^(Sign Out|Sair)$/ }).click();
  await workbench.page.waitForFunction(() => /Connect Yampi|Conectar Yampi/.test(document.querySelector('.statusbar-item[id$=".yampi.store"]')?.textContent ?? ''));
}

/**
 * Mocha hooks for a describe block: signed in to the sandbox's Aurora store (through the real
 * prompts) with no editor open before its tests; after them, no editor open and, with
 * `signOutAfter`, signed out again so the files after it start signed out.
 */
function auroraHooks(signOutAfter: boolean): void {
  before(async () => {
    const { workbench } = ui();
    await signInToAurora(workbench);
    await closeAllEditors(workbench);
  });
  after(async () => {
    const { workbench } = ui();
    await closeAllEditors(workbench).catch(() => undefined);
    if (signOutAfter) {
      await signOutOfAurora(workbench);
    }
  });
}

/** Signed in to Aurora with no editors for the block; stays signed in after it. */
export function signedInWithNoEditors(): void {
  auroraHooks(false);
}

/** Signed in to Aurora for the block, signed out after it. */
export function signedInToAurora(): void {
  auroraHooks(true);
}
