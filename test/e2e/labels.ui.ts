// Issue 10, point 4, proven where it matters: on what VS Code renders. A sandbox customer whose name,
// city, e-mail and notes carry `$(icon)` syntax, bare and `www.` autolinks, Markdown emphasis, a
// `command:` link and HTML (EDGE_CASE_IDS.hostileLabels) is shown in the hover card, the Search
// Customers quick pick and the tree; none of them may hold an icon, link or markup made from the data,
// and the text must be there literally.
import * as assert from 'node:assert/strict';
import { type Locator } from 'playwright-core';
import { EDGE_CASE_IDS, HOSTILE_LABELS } from '../sandbox/constants';
import { clearOverlays, closeAllEditors, panelFrame, signedInWithNoEditors } from './customerFlows';
import { ui } from './fixture';

const ID = EDGE_CASE_IDS.hostileLabels;

/** Rendered text without the invisible characters our escapes add (bidi isolates, zero-width space). */
const visible = (s: string): string => s.replace(/[\u200b\u2068\u2069]/g, '').replace(/\s+/g, ' ');

/** What an element rendered: its codicon names, links that have a target, element tags and visible text. */
interface Rendered {
  icons: string[];
  links: { text: string; target: string }[];
  tags: string[];
  text: string;
}

function rendered(target: Locator): Promise<Rendered> {
  return target.evaluate((root) => {
    // not the row's own action buttons (inline tree actions)
    const all = Array.from(root.querySelectorAll('*')).filter((e) => !e.closest('.actions'));
    return {
      icons: all.flatMap((e) => Array.from(e.classList).filter((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin')),
      // anchors that go somewhere (VS Code also draws plain labels as <a class="label-name"> without a target)
      links: Array.from(root.querySelectorAll('a'))
        .map((a) => ({ text: a.textContent.trim(), target: a.getAttribute('data-href') ?? a.getAttribute('href') ?? '' }))
        .filter((l) => l.target !== ''),
      tags: all.map((e) => e.tagName.toLowerCase()),
      text: (root as HTMLElement).innerText,
    };
  });
}

describe('customer data never becomes VS Code UI (installed .vsix, hostile sandbox customer)', function () {
  this.timeout(60_000);

  signedInWithNoEditors();

  it('the hover card: no icon, link, emphasis or command link from the data; the text shows literally', async () => {
    const { workbench } = ui();
    await clearOverlays(workbench);
    await workbench.openFile('hostile.log');
    await workbench.hover(String(ID), `customer_id=${ID}`);
    const hover = workbench.page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: 'Loja Oficial' }).first();
    await hover.waitFor();
    await workbench.screenshot('labels-01-hover');
    const r = await rendered(hover);
    // ours: the person icon before the name, and the icons of Open details and Copy id
    assert.deepEqual(r.icons.sort(), ['codicon-copy', 'codicon-link-external', 'codicon-person'], `icons in the hover: ${r.icons.join(', ')}`);
    assert.deepEqual(
      r.links.map((l) => l.target.replace(/\?.*$/, '')),
      ['command:yampi.openCustomer', 'command:yampi.copyCustomerId'],
      `links in the hover: ${JSON.stringify(r.links)}`,
    );
    // ours: **name**, `#id`, *Store …*; nothing else (no <b>, <i>, <img>, a second <strong>)
    assert.deepEqual(r.tags.filter((t) => ['strong', 'b', 'em', 'i', 'img', 'code', 'script'].includes(t)).sort(), ['code', 'em', 'strong']);
    const strong = await hover.locator('strong').evaluate((e) => ({ text: e.textContent, children: e.children.length }));
    assert.equal(strong.children, 0, 'the name is text only');
    assert.equal(visible(strong.text), HOSTILE_LABELS.name);
    const text = visible(r.text);
    assert.ok(text.includes(HOSTILE_LABELS.name), `the name shows literally: ${text}`);
    assert.ok(text.includes(HOSTILE_LABELS.city), `the city shows literally: ${text}`);
    assert.ok(text.includes('@www.evil.example'), `the masked e-mail keeps its domain as text: ${text}`);
  });

  it('Search Customers: the rendered row has only our icon, and the name, e-mail and city as text', async () => {
    const { workbench } = ui();
    const { page } = workbench;
    await closeAllEditors(workbench);
    await workbench.runCommand('Yampi: Search Customers…');
    await workbench.waitForQuickInput();
    await workbench.fillQuickInput('Loja Oficial', { submit: false });
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Loja Oficial' }).first();
    await row.waitFor();
    await workbench.screenshot('labels-02-search-row');
    const r = await rendered(row);
    assert.deepEqual(r.icons.filter((i) => i !== 'codicon-colored'), ['codicon-person'], `icons in the quick-pick row: ${r.icons.join(', ')}`);
    assert.deepEqual(r.links, []);
    assert.equal(await page.locator('.quick-input-widget .codicon-verified-filled, .quick-input-widget .codicon-alert').count(), 0);
    const [rowData] = (await workbench.quickPickRows()).filter((q) => q.label.includes('Loja Oficial'));
    assert.ok(rowData, 'the row is listed');
    assert.equal(visible(rowData.label), HOSTILE_LABELS.name, `label: ${rowData.label}`);
    assert.match(visible(rowData.description), new RegExp(`^#${ID} · .*@www\\.evil\\.example$`), `description: ${rowData.description}`);
    assert.ok(visible(rowData.detail).includes(`${HOSTILE_LABELS.city}/SP`), `detail: ${rowData.detail}`);
    await row.click();
    await workbench.waitForQuickInputClosed();
    const frame = panelFrame(workbench);
    await frame.locator('.header .customer-id', { hasText: `#${ID}` }).waitFor();
    assert.equal(visible((await frame.locator('.header .customer-name').innerText()).trim()), HOSTILE_LABELS.name);
  });

  it('the tree: the search result row shows the name as text, with only the person icon', async () => {
    const { workbench } = ui();
    await workbench.openView();
    await workbench.expandTreeItem(/^\s*(Search results|Resultados da busca)/);
    const row = workbench.treeItem(/Loja Oficial/);
    await row.waitFor();
    await clearOverlays(workbench);
    await workbench.screenshot('labels-03-tree-row');
    const r = await rendered(row);
    assert.deepEqual(r.icons.filter((i) => !['codicon-colored', 'codicon-person'].includes(i) && !i.startsWith('codicon-tree-')), [], `icons in the tree row: ${r.icons.join(', ')}`);
    assert.deepEqual(r.links, []);
    assert.equal(visible((await row.locator('.label-name').innerText()).trim()), HOSTILE_LABELS.name);
  });
});
