// Issue 5 in the real extension host: lookup, search, tree, copy, panel lifecycle, privacy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedNode, TestApi } from '../../src/host/testing/testSeams';
import { EDGE_CASE_IDS, MISSING_CUSTOMER_ID, SANDBOX_STORES } from '../sandbox/constants';
import { closeAllEditors, sandboxRequests, signedInToAurora, waitFor } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const mariana = EDGE_CASE_IDS.knownGood;

type Customer = { id: number; name?: string; email?: string } | undefined;

async function child(api: TestApi, parent: RenderedNode | undefined, label: string | RegExp): Promise<RenderedNode> {
  const kids = await api.treeChildren(parent?.node);
  const found = kids.find((k) => (typeof label === 'string' ? k.label === label : label.test(k.label)));
  assert.ok(found, `no child ${String(label)} under ${parent?.label ?? 'root'}: ${kids.map((k) => k.label).join(' | ')}`);
  return found;
}

describe('customer views', () => {
  const testApi = signedInToAurora();
  let api: TestApi;

  beforeEach(() => {
    api = testApi();
  });

  describe('lookup', () => {
    for (const input of [String(mariana), `#${mariana}`, `https://app.example/store/loja-aurora/customers/${mariana}?tab=1`]) {
      it(`accepts ${JSON.stringify(input)}`, async () => {
        const r = await vscode.commands.executeCommand<Customer>('yampi.lookupCustomer', input);
        assert.equal(r?.id, mariana);
        assert.equal(r.name, 'Mariana Costa Ribeiro');
      });
    }

    it('adds the customer to Recent', async () => {
      await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.company);
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const recent = await child(api, store, /^(Recent|Recentes)$/);
      const kids = await api.treeChildren(recent.node);
      assert.match(kids[0]?.description ?? '', new RegExp(`^#${EDGE_CASE_IDS.company}\\b`));
    });

    it('says not found, naming the id and store, and resolves nothing', async () => {
      const r = await vscode.commands.executeCommand('yampi.lookupCustomer', MISSING_CUSTOMER_ID);
      assert.equal(r, undefined);
      await waitFor('not-found panel', () => api.openPanels() > 0);
    });

    it('rejects input that is not an id without any request', async () => {
      const r = await vscode.commands.executeCommand('yampi.lookupCustomer', 'abc');
      assert.equal(r, undefined);
      assert.equal((await sandboxRequests()).length, 0);
    });
  });

  describe('search', () => {
    it('finds by name, e-mail, CPF (with or without punctuation) and phone', async () => {
      const cases = ['Mariana Costa', 'mariana.c.ribeiro@exemplo.com.br', '348.912.675-00', '34891267500', '98187-5668'];
      for (const q of cases) {
        const list = await vscode.commands.executeCommand<{ id: number }[]>('yampi.searchCustomers', q);
        assert.ok(list.some((c) => c.id === mariana), `search ${q} did not find Mariana`);
      }
      const q = (await sandboxRequests()).filter((r) => r.method === 'GET').map((r) => r.query['q']);
      assert.deepEqual(q, cases);
    });

    it('shows a Search results folder in the tree', async () => {
      await vscode.commands.executeCommand('yampi.searchCustomers', 'Mariana Costa');
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const results = await child(api, store, /^(Search results|Resultados da busca)$/);
      const kids = await api.treeChildren(results.node);
      assert.ok(kids.some((k) => k.label === 'Mariana Costa Ribeiro'));
    });
  });

  describe('tree', () => {
    it('store root → Recent, Pinned, All customers', async () => {
      const roots = await api.treeChildren();
      assert.equal(roots.length, 1);
      assert.match(roots[0]?.contextValue ?? '', /^yampi:store\+active/);
      const folders = await api.treeChildren(roots[0]?.node);
      assert.deepEqual(folders.slice(0, 3).map((f) => f.contextValue), ['yampi:folder+recent', 'yampi:folder+pinned', 'yampi:folder+all']);
    });

    it('All customers pages 25 at a time with Load more…', async () => {
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const all = await child(api, store, /^(All customers|Todos os clientes)$/);
      let kids = await api.treeChildren(all.node);
      assert.equal(kids.filter((k) => k.contextValue.startsWith('yampi:customer')).length, 25);
      const more = kids.at(-1);
      assert.equal(more?.contextValue, 'yampi:loadMore');
      assert.equal(more.command, 'yampi.loadMore');
      await vscode.commands.executeCommand('yampi.loadMore', more.node);
      kids = await api.treeChildren(all.node);
      assert.equal(kids.filter((k) => k.contextValue.startsWith('yampi:customer')).length, 50);
      const pages = (await sandboxRequests()).filter((r) => r.method === 'GET').map((r) => [r.query['page'], r.query['limit']]);
      assert.deepEqual(pages, [['1', '25'], ['2', '25']]);
    });

    it('a customer expands into field groups whose leaves are `label: value`, masked in privacy mode', async () => {
      await vscode.commands.executeCommand('yampi.lookupCustomer', mariana);
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const recent = await child(api, store, /^(Recent|Recentes)$/);
      const customer = await child(api, recent, 'Mariana Costa Ribeiro');
      assert.match(customer.contextValue, /^yampi:customer\+unpinned\+active\+pf/);
      assert.equal(customer.command, 'yampi.openCustomer');
      assert.match(customer.description, /m\*+@exemplo\.com\.br/);
      const groups = await api.treeChildren(customer.node);
      // the field groups, then the related records (issue 11; test/integration/related.test.ts)
      assert.deepEqual(groups.map((g) => g.contextValue.replace('yampi:group+', '')), [
        'identity', 'contact', 'address', 'purchases', 'marketing', 'system', 'yampi:related+orders', 'yampi:related+addresses', 'yampi:related+carts',
      ]);
      const identity = await api.treeChildren(groups[0]?.node);
      const cpf = identity.find((f) => f.label.startsWith('CPF'));
      assert.equal(cpf?.label, 'CPF: ***.912.675-**');
      assert.match(cpf.contextValue, /^yampi:field\+personal/);
      const system = await api.treeChildren(groups[5]?.node);
      const token = system.find((f) => f.contextValue.startsWith('yampi:field+secret'));
      assert.ok(token, 'token is listed in System');
      assert.ok(!token.label.includes('7f3c2a9e'), 'the customer token must stay hidden in the tree');
    });

    it('refresh bypasses the API cache (skipCache=true)', async () => {
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      await api.treeChildren((await child(api, store, /^(All customers|Todos os clientes)$/)).node);
      await vscode.commands.executeCommand('yampi.refresh');
      await api.treeChildren((await child(api, store, /^(All customers|Todos os clientes)$/)).node);
      const gets = (await sandboxRequests()).filter((r) => r.method === 'GET');
      assert.equal(gets.length, 2);
      assert.equal(gets[1]?.query['skipCache'], 'true');
    });

    it('pins and unpins', async () => {
      await vscode.commands.executeCommand('yampi.pinCustomer', EDGE_CASE_IDS.company);
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const pinned = await child(api, store, /^(Pinned|Fixados)$/);
      const kids = await api.treeChildren(pinned.node);
      assert.equal(kids.length, 1);
      assert.match(kids[0]?.contextValue ?? '', /\+pinned\b/);
      await vscode.commands.executeCommand('yampi.unpinCustomer', EDGE_CASE_IDS.company);
      const after = await api.treeChildren(pinned.node);
      assert.ok(after.every((k) => k.contextValue.startsWith('yampi:message')));
    });

    it('shows an error as a message with a retry, not an empty tree', async () => {
      await fetch(`${process.env['YAMPI_SANDBOX_URL'] ?? ''}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ path: '/customers', status: 500, times: 10 }) });
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const all = await child(api, store, /^(All customers|Todos os clientes)$/);
      const kids = await api.treeChildren(all.node);
      assert.equal(kids.length, 1);
      assert.equal(kids[0]?.contextValue, 'yampi:message+error');
      assert.equal(kids[0].command, 'yampi.retry');
    });
  });

  describe('copy', () => {
    it('copies a field value and the customer JSON (credentials left out)', async () => {
      await vscode.commands.executeCommand('yampi.lookupCustomer', mariana);
      const store = await child(api, undefined, SANDBOX_STORES.aurora.name);
      const customer = await child(api, await child(api, store, /^(Recent|Recentes)$/), 'Mariana Costa Ribeiro');
      const contact = (await api.treeChildren(customer.node))[1];
      const email = (await api.treeChildren(contact?.node)).find((f) => /^E-mail/i.test(f.label));
      assert.ok(email);
      assert.equal(await vscode.commands.executeCommand('yampi.copyValue', email.node), true);
      assert.equal(await vscode.env.clipboard.readText(), 'mariana.c.ribeiro@exemplo.com.br');

      assert.equal(await vscode.commands.executeCommand('yampi.copyCustomerJson', customer.node), true);
      const json = JSON.parse(await vscode.env.clipboard.readText()) as { id: number; email: string; token: string };
      assert.equal(json.id, mariana);
      assert.equal(json.email, 'mariana.c.ribeiro@exemplo.com.br');
      assert.notEqual(json.token, '7f3c2a9e1b4d46e8a0c5f2b19d6e3a71');
    });
  });

  describe('detail panel', () => {
    it('opens one panel per customer and reveals it on the second open', async () => {
      await closeAllEditors();
      await waitFor('panels closed', () => api.openPanels() === 0);
      await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
      await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
      assert.equal(api.openPanels(), 1);
      await vscode.commands.executeCommand('yampi.openCustomer', EDGE_CASE_IDS.company, aurora);
      assert.equal(api.openPanels(), 2);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      assert.equal(tabs.length, 2);
    });

    it('remembers only that a panel is open (workspace state), so the next start registers the serializer at once', async () => {
      assert.equal(api.panelsRemembered(), false, 'no panel is open, yet one is remembered');
      await vscode.commands.executeCommand('yampi.openCustomer', mariana, aurora);
      await waitFor('the open panel to be remembered', () => api.panelsRemembered());
      assert.equal(api.serializerRegistered(), true, 'the features did not register the panel serializer');
      await closeAllEditors();
      await waitFor('panels closed', () => api.openPanels() === 0);
      await waitFor('the closed panel to be forgotten', () => !api.panelsRemembered());
    });
  });
});
