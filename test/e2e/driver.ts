// A small driver for the VS Code web workbench (code-server), for UI tests: palette, quick input,
// notifications, views and trees, webviews, editor hover, status bar, clipboard, screenshots.
// Selectors are those verified on VS Code 1.139 (see test/README.md). Later issues add methods here,
// so tests never hold raw selectors.
/// <reference lib="dom" /> -- callbacks passed to page.evaluate() run in the browser
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type FrameLocator, type Locator, type Page } from 'playwright-core';

export interface WorkbenchOptions {
  /** Where screenshot(name) writes `<name>.png`. */
  screenshotDir: string;
  /** Title of our activity-bar view container (default "Yampi"). */
  containerTitle?: string;
  /** Title of the view the view/tree methods use by default (default "Customers", the `yampi.customers` view). */
  viewTitle?: string;
  /** Default wait for UI states, in ms (default 15 s). */
  timeoutMs?: number;
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_ROW = `${QUICK_INPUT} .monaco-list-row`;
/** A quick-pick row's label (its first line; description and detail live elsewhere in the row). */
const QUICK_LABEL = '.quick-input-list-rows > .quick-input-list-row:first-child .label-name';

export class Workbench {
  readonly containerTitle: string;
  readonly viewTitle: string;
  readonly timeoutMs: number;
  private shots = 0;

  constructor(
    readonly page: Page,
    private readonly opts: WorkbenchOptions,
  ) {
    this.containerTitle = opts.containerTitle ?? 'Yampi';
    this.viewTitle = opts.viewTitle ?? 'Customers';
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    mkdirSync(opts.screenshotDir, { recursive: true });
  }

  // ── workbench ──────────────────────────────────────────────────────────────

  /** Loads the workbench at `url` and waits until our extension's contributions are registered. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Wait for our container before using the palette: a palette opened earlier is built before the
    // remote extensions are scanned, shows "No matching commands" and does not refresh.
    await this.activityBarItem().waitFor({ timeout: 60_000 });
  }

  /** The activity-bar entry of a view container (ours by default). */
  activityBarItem(title = this.containerTitle): Locator {
    return this.page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
  }

  // ── command palette and quick input ────────────────────────────────────────

  /**
   * Runs a command from the palette by its title as shown there, e.g. "Yampi: Show Log"; a trailing
   * "…" may be left out ("Yampi: Look Up Customer" runs "Yampi: Look Up Customer…", not "… at Cursor").
   */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: this.timeoutMs });
    await input.fill(`>${title}`);
    const row = this.page.locator(QUICK_ROW, { hasText: title }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    // Focus exactly this row (the first row, focused, may be a longer title), then Enter runs it.
    const labels = (await this.page.locator(`${QUICK_ROW} ${QUICK_LABEL}`).allInnerTexts()).map((s) => s.trim());
    const bare = (t: string): string => t.replace(/(…|\.\.\.)$/, '');
    const exact = labels.indexOf(title);
    const index = Math.max(0, exact >= 0 ? exact : labels.findIndex((l) => bare(l) === bare(title)));
    for (let i = 0; i < index; i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    // Done when the palette closed or was replaced by the command's own input box.
    await this.page.waitForFunction(
      ([selector, value]) => {
        const el = document.querySelector<HTMLInputElement>(selector);
        return !el || el.offsetParent === null || el.value !== value;
      },
      [QUICK_INPUT_BOX, `>${title}`] as const,
      { timeout: this.timeoutMs },
    );
  }

  /** Waits for an input box or quick pick (password boxes too) and returns its prompt/placeholder text. */
  async waitForQuickInput(): Promise<string> {
    const input = this.page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: this.timeoutMs });
    const placeholder = (await input.getAttribute('placeholder')) ?? '';
    const message = await this.page.locator(`${QUICK_INPUT} .quick-input-message`).first().innerText().catch(() => '');
    return [placeholder, message].filter(Boolean).join(' | ');
  }

  /** Types into the open input box (or password box) and, by default, submits with Enter. */
  async fillQuickInput(value: string, { submit = true }: { submit?: boolean } = {}): Promise<void> {
    const input = this.page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: this.timeoutMs });
    await input.fill(value);
    if (submit) {
      await input.press('Enter');
    }
  }

  /** Whether the open input box masks what is typed. */
  async quickInputIsPassword(): Promise<boolean> {
    return (await this.page.locator(QUICK_INPUT_BOX).getAttribute('type')) === 'password';
  }

  /** Labels of the rows in the open quick pick (without their descriptions and details). */
  async quickPickItems(): Promise<string[]> {
    await this.page.locator(QUICK_ROW).first().waitFor({ timeout: this.timeoutMs });
    return (await this.page.locator(`${QUICK_ROW} ${QUICK_LABEL}`).allInnerTexts()).map((s) => s.trim());
  }

  /** The rows of the open quick pick with their label, description and detail ('' when absent). */
  async quickPickRows(): Promise<{ label: string; description: string; detail: string }[]> {
    await this.page.locator(QUICK_ROW).first().waitFor({ timeout: this.timeoutMs });
    return this.page.locator(QUICK_ROW).evaluateAll((rows) =>
      rows.map((row) => {
        const text = (selector: string): string => (row.querySelector(selector)?.textContent ?? '').trim();
        return {
          label: text('.quick-input-list-row:first-child .label-name'),
          description: text('.quick-input-list-row:first-child .label-description'),
          detail: text('.quick-input-list-row:nth-child(2) .label-name'),
        };
      }),
    );
  }

  /** Picks a quick-pick row by its label (exact text, or a RegExp) and accepts it. */
  async pickQuickItem(label: string | RegExp): Promise<void> {
    const row = this.page.locator(QUICK_ROW).filter({ has: this.page.locator(QUICK_LABEL, { hasText: exactly(label) }) }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    await row.click();
  }

  /** Waits until no quick input is visible. */
  async waitForQuickInputClosed(): Promise<void> {
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: this.timeoutMs });
  }

  // ── notifications ──────────────────────────────────────────────────────────

  /**
   * Waits for a notification containing `text` and returns its whole message. Reads toasts (shown in
   * VSIX mode) and falls back to the notification centre (the smoke-test driver hides toasts).
   */
  async readNotification(text: string | RegExp, timeoutMs = this.timeoutMs): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    try {
      await toast.waitFor({ timeout: timeoutMs });
      return (await toast.innerText()).trim();
    } catch {
      await this.page.locator('#status\\.notifications a.statusbar-item-label').click();
      const item = this.page.locator('.notifications-center .notification-list-item-message', { hasText: text }).first();
      await item.waitFor({ timeout: 2000 });
      const message = (await item.innerText()).trim();
      await this.page.keyboard.press('Escape');
      return message;
    }
  }

  /** Clicks a button (e.g. "Sign in", "Retry") on the toast containing `text`. */
  async clickNotificationButton(text: string | RegExp, button: string): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.locator('.monaco-button', { hasText: button }).first().click({ timeout: this.timeoutMs });
  }

  // ── views and trees ────────────────────────────────────────────────────────

  /** The pane (view) whose header contains this title in the side bar, e.g. "Customers". */
  view(title: string): Locator {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: title }) }).first();
  }

  /** Opens our view container (unless open) and waits for the view's body to show. */
  async openView(title = this.viewTitle): Promise<Locator> {
    const pane = this.view(title);
    if (!(await pane.isVisible())) {
      await this.activityBarItem().click();
    }
    await pane.waitFor({ timeout: this.timeoutMs });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    await pane.locator('.pane-body').waitFor({ timeout: this.timeoutMs });
    return pane;
  }

  /** Text of the view's welcome content (shown when the view has nothing to show, e.g. signed out). */
  async welcomeText(title = this.viewTitle): Promise<string> {
    const welcome = this.view(title).locator('.welcome-view-content');
    await welcome.waitFor({ timeout: this.timeoutMs });
    return (await welcome.innerText()).trim();
  }

  /** Clicks a button in the view's welcome content. */
  async clickWelcomeButton(label: string, title = this.viewTitle): Promise<void> {
    await this.view(title).locator('.welcome-view-content .monaco-button', { hasText: label }).first().click({ timeout: this.timeoutMs });
  }

  /**
   * Labels of the tree rows (`.pane-body .monaco-list-row`) of a view, top to bottom. The tree is a
   * virtual list: only rows scrolled into view exist; use revealTreeItem() for one further down.
   */
  async treeItems(title = this.viewTitle): Promise<string[]> {
    const rows = this.view(title).locator('.pane-body .monaco-list-row');
    await rows.first().waitFor({ timeout: this.timeoutMs });
    return (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim());
  }

  /** A tree row by label (exact text of its `.label-name`, or a RegExp); only rows in view exist. */
  treeItem(label: string | RegExp, title = this.viewTitle): Locator {
    return this.view(title)
      .locator('.pane-body .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) })
      .first();
  }

  /** Scrolls the view's tree (wheel, both ways) until the row exists, and returns it. */
  async revealTreeItem(label: string | RegExp, title = this.viewTitle): Promise<Locator> {
    const row = this.treeItem(label, title);
    const rows = this.view(title).locator('.pane-body .monaco-list-row');
    await rows.first().waitFor({ timeout: this.timeoutMs });
    const deadline = Date.now() + this.timeoutMs;
    let step = 400;
    while (Date.now() < deadline) {
      if ((await row.count()) > 0) {
        await row.scrollIntoViewIfNeeded();
        return row;
      }
      const before = await rows.last().getAttribute('data-index');
      const box = await this.view(title).locator('.pane-body').boundingBox();
      if (box) {
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      }
      await this.page.mouse.wheel(0, step);
      await this.page.waitForTimeout(100);
      if ((await rows.last().getAttribute('data-index')) === before) {
        step = -step; // at an end (rows may still be loading): sweep back the other way
      }
    }
    throw new Error(`no tree item ${String(label)} in the ${title} view`);
  }

  /** Expands a collapsed tree row (no-op when already expanded) and waits for it to report expanded. */
  async expandTreeItem(label: string | RegExp, title?: string): Promise<void> {
    const row = await this.revealTreeItem(label, title);
    if ((await row.getAttribute('aria-expanded')) === 'false') {
      await row.locator('.monaco-tl-twistie').click();
      await row.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: this.timeoutMs });
    }
  }

  /** Clicks a tree row (runs its command, e.g. opens the detail panel), scrolling to it first. */
  async clickTreeItem(label: string | RegExp, title?: string): Promise<void> {
    await (await this.revealTreeItem(label, title)).click({ timeout: this.timeoutMs });
  }

  // ── webviews ───────────────────────────────────────────────────────────────

  /** The content frame of the visible webview (two nested iframes deep); use normal locators inside. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  // ── editor ─────────────────────────────────────────────────────────────────

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ timeout: this.timeoutMs });
    await input.fill(name);
    // click the matching row: Enter would take whatever row is active, which can still be a
    // recently opened file from before the filter applied (seen: hostile.log opened for sample.log)
    const row = this.page.locator(QUICK_ROW, { hasText: name }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: this.timeoutMs });
  }

  /**
   * Hovers `text` in the active editor (the first line containing `line`, default `text`) and
   * returns the hover's text.
   */
  async hover(text: string, line = text): Promise<string> {
    const row = this.page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: line }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    // The word's box: a Range over the text node that contains it. Measured again on every try:
    // right after a file opens the editor may still shift (breadcrumbs, layout), and a stale box
    // points at the line above.
    const measure = (): Promise<{ x: number; y: number } | undefined> =>
      row.evaluate((el, word) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').indexOf(word);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
        }
        return undefined;
      }, text);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const box = await measure();
      if (!box) {
        throw new Error(`"${text}" is not in one text node of the editor line (split by tokens?)`);
      }
      await this.page.mouse.move(box.x - 30, box.y + 150); // the empty lines below: no hover there
      await this.page.mouse.move(box.x, box.y, { steps: 5 });
      try {
        await hover.waitFor({ timeout: Math.min(3000, Math.max(1, deadline - Date.now())) });
        break;
      } catch (e) {
        if (Date.now() >= deadline || attempt >= 5) {
          const hovers = await this.page.locator('.monaco-hover').evaluateAll((els) => els.map((el) => `${el.getAttribute('class') ?? ''}: ${el.textContent.slice(0, 80)}`));
          throw new Error(`no hover over "${text}" after ${attempt} tries; hover widgets: ${JSON.stringify(hovers)}`, { cause: e });
        }
      }
    }
    return (await hover.innerText()).trim();
  }

  // ── status bar, clipboard, panels ──────────────────────────────────────────

  /** Text of a status bar item by the id given to createStatusBarItem (matched as an id suffix) or its full element id. */
  async statusBarText(id: string): Promise<string> {
    const item = this.page.locator(`.statusbar-item[id="${id}"], .statusbar-item[id$=".${id}"]`).first();
    await item.waitFor({ timeout: this.timeoutMs });
    return (await item.innerText()).trim();
  }

  /** What is on the clipboard (the browser's: that is where vscode.env.clipboard writes in code-server). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Name of the channel the Output panel shows (waits for the panel). */
  async outputChannel(): Promise<string> {
    const select = this.page.locator('.part.panel select.monaco-select-box').first();
    await select.waitFor({ timeout: this.timeoutMs });
    return (await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? '')).trim();
  }

  /** Saves a PNG of the page under the screenshot dir as `<name>.png`; returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shots++;
    const file = path.join(this.opts.screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** How many screenshots this workbench has taken. */
  get screenshotCount(): number {
    return this.shots;
  }
}

/** A string as a whole-text match (surrounding spaces allowed); a RegExp as is. */
function exactly(label: string | RegExp): RegExp {
  return typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label;
}
