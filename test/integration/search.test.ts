// Issue 18 § 1 in the real extension host: whatever search convention the store honours (the
// sandbox's modes q / search / ignore), the palette search, the tree's Search results and the
// chat tool show only customers that match the query.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedNode, TestApi } from '../../src/host/testing/testSeams';
import { SANDBOX_STORES } from '../sandbox/constants';
import { buildSandboxData } from '../sandbox/data';
import { extensionApi, owner, resetSandbox, sandboxRequests, setSandboxSearchMode, signIn, signOutAll } from './helpers';

const aurora = SANDBOX_STORES.aurora;
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const customers = buildSandboxData().get(aurora.alias)?.customers ?? [];
const nameOf = (c: (typeof customers)[number]): string => (typeof c.json['name'] === 'string' ? c.json['name'] : '');
/** Customers on the store's first page whose name and e-mail do not contain "beatriz": strangers to that search. */
const strangers = customers.slice(0, 25).filter((c) => !fold(`${nameOf(c)} ${String(c.json['email'])}`).includes('beatriz'));

async function searchResults(api: TestApi): Promise<RenderedNode[]> {
  const roots = await api.treeChildren();
  const store = roots.find((r) => r.label === aurora.name);
  assert.ok(store);
  const folders = await api.treeChildren(store.node);
  const results = folders.find((f) => /^(Search results|Resultados da busca)$/.test(f.label));
  assert.ok(results, folders.map((f) => f.label).join(' | '));
  return api.treeChildren(results.node);
}

describe('search whatever the store honours', () => {
  let api: TestApi;
  before(async () => {
    api = await extensionApi();
    await vscode.workspace.getConfiguration('yampi').update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    // a fresh store session: what a search honours is found out once per session
    await signOutAll(api);
    await resetSandbox(api);
    assert.equal(await signIn(owner, aurora.alias), true);
  });
  after(async () => {
    await resetSandbox(api);
    await signOutAll(api);
  });

  for (const mode of ['q', 'search', 'ignore'] as const) {
    it(`${mode} mode: the palette search and the tree's Search results hold only customers that match`, async () => {
      await setSandboxSearchMode(mode);
      const found = await vscode.commands.executeCommand<{ id: number; name?: string; email?: string }[]>('yampi.searchCustomers', 'Beatriz');
      assert.ok(found.length > 0, 'Beatriz customers exist among the first pages');
      for (const c of found) {
        assert.ok(fold(`${c.name ?? ''} ${c.email ?? ''}`).includes('beatriz'), `stranger in the results: ${c.name ?? c.id}`);
      }
      const rows = await searchResults(api);
      const customerRows = rows.filter((r) => /^yampi:customer/.test(r.contextValue));
      assert.equal(customerRows.length, found.length);
      for (const r of customerRows) {
        assert.match(fold(r.label), /beatriz/);
      }
      const notice = rows.filter((r) => /^yampi:message/.test(r.contextValue)).map((r) => r.label);
      if (mode === 'ignore') {
        assert.match(notice.join('\n'), /Yampi ignored the search filter|A Yampi ignorou o filtro/);
        const pages = (await sandboxRequests()).filter((r) => r.path.endsWith('/customers'));
        assert.ok(pages.length <= 5, `${pages.length} list requests: q, search and at most 3 pages`);
      } else {
        assert.deepEqual(notice, []);
      }
    });
  }

  for (const mode of ['search', 'ignore'] as const) {
    it(`${mode} mode: yampi_searchCustomers names no stranger`, async () => {
      await setSandboxSearchMode(mode);
      const result = await vscode.lm.invokeTool('yampi_searchCustomers', { input: { query: 'Beatriz', limit: 10 }, toolInvocationToken: undefined });
      const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
      assert.match(text, /Beatriz/);
      for (const c of strangers) {
        assert.ok(!text.includes(`#${c.id}`), `stranger #${c.id} (${nameOf(c)}) in the tool result`);
      }
      if (mode === 'ignore') {
        assert.match(text, /Yampi ignored the search filter|A Yampi ignorou o filtro/);
      }
    });
  }
});
