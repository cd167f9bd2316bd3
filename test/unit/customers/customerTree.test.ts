import assert from 'node:assert/strict';
import type { CustomerRecord } from '../../../src/core/customers/customer';
import { customerChildren, describeNode, idListChildren, listChildren, storeChildren, type StoreTreeState, type TreeContext } from '../../../src/core/customers/customerTree';
import { type Node, nodeId } from '../../../src/core/customers/nodes';
import { exampleCustomer, exampleWith, listCustomers } from './fixtures';

function store(overrides: Partial<StoreTreeState> = {}): StoreTreeState {
  const find = (records: readonly CustomerRecord[] | undefined, id: number): CustomerRecord | undefined => records?.find((r) => r.customer.id === id);
  const s: StoreTreeState = {
    alias: 'loja', name: 'Loja Exemplo', active: true, recent: [], pinned: [], all: undefined, search: undefined,
    record: (id) => find(s.all?.records, id) ?? find(s.search?.records, id),
    failure: () => undefined,
    ...overrides,
  };
  return s;
}

const ctx = (privacy = true): TreeContext => ({ locale: 'en', privacy, message: () => undefined });

describe('tree descriptors (core/customers/customerTree)', () => {
  it('a store root: name, alias, active mark, context flag', () => {
    const d = describeNode({ type: 'store', alias: 'loja' }, store(), ctx());
    assert.equal(d.label, 'Loja Exemplo');
    assert.equal(d.description, 'loja · active');
    assert.equal(d.contextValue, 'yampi:store+active');
    assert.equal(d.collapsible, 'expanded');
    const inactive = describeNode({ type: 'store', alias: 'loja' }, store({ active: false }), ctx());
    assert.equal(inactive.contextValue, 'yampi:store+inactive');
    assert.equal(inactive.collapsible, 'collapsed');
  });

  it('folders: Search results only after a search; All customers counts "N of M"', () => {
    assert.deepEqual(storeChildren(store()).map((n) => (n.type === 'folder' ? n.folder : n.type)), ['recent', 'pinned', 'all']);
    const records = listCustomers();
    const s = store({ all: { records, total: 512, more: true }, search: { query: 'ana', records: records.slice(0, 1) } });
    assert.deepEqual(storeChildren(s).map((n) => (n.type === 'folder' ? n.folder : n.type)), ['recent', 'pinned', 'all', 'search']);
    assert.equal(describeNode({ type: 'folder', alias: 'loja', folder: 'all' }, s, ctx()).description, `${records.length} of 512`);
    assert.equal(describeNode({ type: 'folder', alias: 'loja', folder: 'search' }, s, ctx()).description, '“ana” · 1');
    const kids = listChildren(s, 'all');
    assert.equal(kids.at(-1)?.type, 'loadMore');
    assert.equal(kids.length, records.length + 1);
  });

  it('empty lists become hint messages addressed under their folder', () => {
    const [m] = idListChildren(store(), 'pinned');
    assert.ok(m?.type === 'message');
    assert.equal(nodeId(m), 'store/loja/pinned/msg/pinned-empty');
    assert.equal(describeNode(m, store(), ctx()).label, 'Pin customers to keep them here.');
    const [s] = listChildren(store({ search: { query: '<b>x</b>', records: [] } }), 'search');
    assert.ok(s);
    assert.equal(describeNode(s, store({ search: { query: '<b>x</b>', records: [] } }), ctx()).label, 'No customer matches “<b>x</b>”.');
  });

  it('a customer: masked e-mail in privacy mode, pin/active/kind flags, opens its panel', () => {
    const r = exampleCustomer();
    const n: Node = { type: 'customer', alias: 'loja', folder: 'pinned', id: r.customer.id };
    const s = store({ pinned: [r.customer.id], search: { query: 'x', records: [r] } });
    const d = describeNode(n, s, ctx());
    assert.match(d.contextValue, /^yampi:customer\+pinned\+(active|inactive)\+(pf|pj)$/);
    assert.deepEqual(d.command, { id: 'yampi.openCustomer', args: [r.customer.id, 'loja'] });
    const email = String(r.raw['email']);
    assert.ok(!d.description.includes(email), 'e-mail shown unmasked in privacy mode');
    assert.ok(describeNode(n, s, ctx(false)).description.includes(email));
  });

  it('an unloaded customer says why and can still be opened', () => {
    const n: Node = { type: 'customer', alias: 'loja', folder: 'recent', id: 9 };
    const d = describeNode(n, store({ recent: [9], failure: () => 'Customer #9 not found' }), ctx());
    assert.equal(d.label, '#9');
    assert.equal(d.description, 'Customer #9 not found');
    assert.equal(d.contextValue, 'yampi:customer+unpinned+unloaded');
  });

  it('groups and fields come from the record; secret leaves never show their value', () => {
    const r = exampleWith({ token: 'tok-SECRET-123' });
    const s = store({ search: { query: 'x', records: [r] } });
    const c: Node = { type: 'customer', alias: 'loja', folder: 'search', id: r.customer.id };
    const groups = customerChildren(c, r, 'en');
    assert.ok(groups.length >= 4);
    const fields = groups.flatMap((g) => (g.type === 'group' ? customerChildren(g, r, 'en') : []));
    const token = fields.find((f) => f.type === 'field' && f.path === 'token');
    assert.ok(token);
    const d = describeNode(token, s, ctx(false));
    assert.ok(!d.label.includes('tok-SECRET-123'));
    assert.equal(d.contextValue, 'yampi:field+secret+present');
    assert.deepEqual(customerChildren(c, undefined, 'en'), []);
  });

  it('an error message offers a retry', () => {
    const m: Node = { type: 'message', alias: 'loja', parent: 'store/loja/all', key: 'error' };
    const d = describeNode(m, store(), { locale: 'pt-br', privacy: true, message: () => ({ text: 'Falhou', error: true, retry: true }) });
    assert.equal(d.contextValue, 'yampi:message+error');
    assert.equal(d.description, 'Clique para tentar novamente');
    assert.deepEqual(d.command, { id: 'yampi.retry', args: [m] });
  });
});
