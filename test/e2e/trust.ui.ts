// Issue 18 §2.1 and §2.4 as a user sees them: a hostile hover pattern shows as plain text in our
// warning (no link), and with two customer panels open a window reload leaves no customer name in
// what VS Code stores — the code-server user-data folder on disk and the browser's storage.
/// <reference lib="dom" /> -- callbacks passed to evaluate() run in the browser
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { closeAllEditors, elementShot, lookUp, panelFrame, signInToAurora } from './customerFlows';
import { ui } from './fixture';

const HOSTILE_PATTERN = '[Sign out of Yampi now](command:yampi.signOut)(\\d+)';

function userSettingsFile(): string {
  return path.join(ui().codeServer.tmpDir, 'user-data', 'User', 'settings.json');
}

/** Replaces the User settings through their JSON editor, as a user would (pasted, then saved). */
async function writeUserSettings(text: string): Promise<void> {
  const { workbench } = ui();
  const { page } = workbench;
  await workbench.runCommand('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.part.editor .monaco-editor').first();
  await editor.waitFor({ timeout: workbench.timeoutMs });
  await editor.click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+S');
  await page.waitForTimeout(500);
  // VS Code 1.139 opens it in a modal editor: Escape closes it (and nothing else is open)
  await page.keyboard.press('Escape');
  await page.locator('a.action-label.codicon-close:visible, a.action-label.codicon-close-dirty:visible').first().click({ timeout: 3000 }).catch(() => undefined);
  await editor.waitFor({ state: 'hidden', timeout: workbench.timeoutMs }).catch(async () => closeAllEditors(workbench));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Where each needle occurs in the files (read as UTF-8, Latin-1 and UTF-16LE). */
function scanFiles(root: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const f of filesUnder(root)) {
    if (statSync(f).size > 50_000_000) {
      continue;
    }
    const bytes = readFileSync(f);
    const texts = [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')];
    for (const n of needles) {
      if (texts.some((t) => t.includes(n))) {
        hits.push(`${path.relative(root, f)}: ${n}`);
      }
    }
  }
  return hits;
}

/**
 * Everything the page's origin keeps in browser storage: localStorage, sessionStorage and every
 * IndexedDB database (VS Code for the Web keeps its workbench state, `memento/…` included, there).
 * Read from inside the page: Playwright's browser contexts are off the record (nothing on disk),
 * while a user's browser writes the very same records to its profile.
 */
function browserStorageText(): Promise<string> {
  return ui().workbench.page.evaluate(async () => {
    const out: string[] = [];
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i) ?? '';
        out.push(`${k}=${s.getItem(k) ?? ''}`);
      }
    }
    const text = (v: unknown): string => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        return new TextDecoder().decode(v instanceof ArrayBuffer ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      }
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    for (const info of await indexedDB.databases()) {
      const name = info.name ?? '';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => { resolve(r.result); };
        r.onerror = () => { reject(r.error ?? new Error('open failed')); };
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const [keys, values] = await Promise.all(
          (['getAllKeys', 'getAll'] as const).map(
            (m) =>
              new Promise<unknown[]>((resolve, reject) => {
                const r = db.transaction(store, 'readonly').objectStore(store)[m]();
                r.onsuccess = () => { resolve(r.result as unknown[]); };
                r.onerror = () => { reject(r.error ?? new Error('read failed')); };
              }),
          ),
        );
        (keys ?? []).forEach((k, i) => out.push(`${name}/${store}/${text(k)}=${text(values?.[i])}`));
      }
      db.close();
    }
    return out.join('\n');
  });
}

describe('trust (issue 18): inert notifications, nothing about customers in storage', () => {
  before(async () => {
    await signInToAurora(ui().workbench);
    await closeAllEditors(ui().workbench);
  });

  it('an invalid yampi.hover.patterns entry written as a command link: the warning is plain text, no link', async () => {
    const { workbench } = ui();
    const saved = readFileSync(userSettingsFile(), 'utf8');
    try {
      await writeUserSettings(JSON.stringify({ ...(JSON.parse(saved) as object), 'yampi.hover.patterns': [HOSTILE_PATTERN, 'customer_id: (\\d+)'] }, null, 2));
      const message = await workbench.readNotification(/yampi\.hover\.patterns/);
      let toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: 'yampi.hover.patterns' }).first();
      if (!(await toast.isVisible())) {
        // a loaded machine can let the toast time out before this line: the same item in the notification center
        await workbench.page.locator('#status\\.notifications a.statusbar-item-label').click();
        toast = workbench.page.locator('.notifications-center .notification-list-item', { hasText: 'yampi.hover.patterns' }).first();
      }
      await elementShot(toast, 'trust-inert-pattern-warning');
      assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, 'a link in the warning');
      assert.ok(!message.includes('Sign out of Yampi now'), message);
      assert.match(message, /\b1\b/);
    } finally {
      await writeUserSettings(saved);
      await workbench.runCommand('Notifications: Clear All Notifications');
      await closeAllEditors(workbench);
    }
  });

  it('two panels open, Developer: Reload Window: no customer name in user data or browser storage', async () => {
    const { workbench, codeServer } = ui();
    const names: string[] = [];
    for (const id of [EDGE_CASE_IDS.knownGood, EDGE_CASE_IDS.company]) {
      const frame = await lookUp(workbench, String(id), id);
      names.push((await frame.locator('.header .customer-name').innerText()).trim());
    }
    assert.equal(names.filter((n) => n.length > 5).length, 2, `names read from the panels: ${names.join(', ')}`);

    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await workbench.activityBarItem().waitFor({ timeout: 60_000 });
    // both panels come back (restored from {alias, id}), and show the customer again
    await workbench.page.locator('.part.editor .tabs-container .tab', { hasText: '#48216030' }).waitFor({ timeout: 60_000 });
    await panelFrame(workbench).locator('.header .customer-id').first().waitFor({ timeout: 60_000 });
    await workbench.screenshot('trust-reload-two-panels');

    const needles = names.flatMap((n) => [n, ...n.split(/\s+/).filter((w) => w.length >= 6 && !/^(Comércio|Ltda|LTDA)$/i.test(w))]);
    const diskHits = scanFiles(path.join(codeServer.tmpDir, 'user-data'), needles);
    const browser = await browserStorageText();
    const browserHits = needles.filter((n) => browser.includes(n));
    // sanity: the scan reads where VS Code keeps the editors it restores
    const memento = 'workbench.parts.editor';
    assert.ok(browser.includes(memento) || scanFiles(path.join(codeServer.tmpDir, 'user-data'), [memento]).length > 0, `${memento} found in neither place`);
    assert.deepEqual({ diskHits, browserHits }, { diskHits: [], browserHits: [] });
    const titles = await workbench.page.locator('.part.editor .tabs-container .tab .label-name').allInnerTexts();
    assert.deepEqual(titles.map((x) => x.trim().replace(/^\S+ /, '')), ['#48213907', '#48216030'], 'tab titles: the id only');
    await closeAllEditors(workbench);
  });
});
