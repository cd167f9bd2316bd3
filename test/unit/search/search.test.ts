/**
 * Search that is right whatever the store honours (issue 18 § 1): our own match rule, and the
 * calibration between `q` and the SDK's `search`/`searchFields`, over real loopback HTTP against
 * the sandbox in each of its three search modes.
 */
import assert from 'node:assert/strict';
import type { YampiClient } from '../../../src/core/api/types';
import type { CustomerRecord } from '../../../src/core/customers/customer';
import { looksFiltered, matchesQuery, parseQuery } from '../../../src/core/search/match';
import { runSearch, SCAN_PAGE_SIZE, SCAN_PAGES, searchQueryParams, type SearchMode } from '../../../src/core/search/search';
import type { Sandbox } from '../../sandbox/server';
import { aurora, sandboxWithClient } from '../api/helpers';

const rec = (c: Record<string, unknown>): CustomerRecord => ({ customer: { id: 1, ...c }, raw: c });

describe('search: our match rule', () => {
  it('matches name, company name and e-mail by folded text', () => {
    assert.ok(matchesQuery(rec({ name: 'Letícia Araújo' }), 'leticia ARAUJO'));
    assert.ok(matchesQuery(rec({ name: null, razao_social: 'Empório São João Ltda' }), 'sao joao'));
    assert.ok(matchesQuery(rec({ email: 'bia.souza@exemplo.com.br' }), 'BIA.SOUZA@'));
    assert.ok(matchesQuery(rec({ first_name: 'Ana', last_name: 'Lima' }), 'ana lima'));
    assert.ok(!matchesQuery(rec({ name: 'Bruno Alves', email: 'bruno@x.com' }), 'Beatriz'));
    assert.ok(!matchesQuery(rec({ notes: 'Beatriz' }), 'Beatriz'), 'notes are not searched');
  });

  it('matches CPF, CNPJ and phone by digits, whatever the punctuation', () => {
    const c = rec({ cpf: '34891267500', cnpj: null, phone: { area_code: '16', number: '981875668', full_number: '16981875668' } });
    assert.ok(matchesQuery(c, '348.912.675-00'));
    assert.ok(matchesQuery(c, '(16) 98187-5668'));
    assert.ok(matchesQuery(c, '+55 16 98187-5668'));
    assert.ok(matchesQuery(rec({ cnpj: '12.345.678/0001-95' }), '12345678000195'));
    assert.ok(!matchesQuery(c, '999.888'));
    assert.equal(parseQuery('12').digits, undefined, 'two digits are text, not a document');
    assert.ok(matchesQuery(rec({ email: 'joao12@x.com' }), '12'));
  });

  it('judges a page filtered when it is empty or mostly matches, unfiltered when almost nothing does', () => {
    const names = ['Ana Lima', 'Bruno Alves', 'Camila Rocha', 'Diego Melo', 'Beatriz Souza'].map((name) => rec({ name }));
    assert.ok(looksFiltered([], 'Beatriz'));
    assert.ok(!looksFiltered(names, 'Beatriz'));
    assert.ok(looksFiltered([rec({ name: 'Beatriz Souza' }), rec({ name: 'Beatriz Lima' }), rec({ name: 'Bruno' })], 'Beatriz'));
  });
});

describe('search: the SDK convention', () => {
  it('sends l5-repository search + searchFields (text fields for text, document fields for digits)', () => {
    assert.deepEqual(searchQueryParams('q', 'Beatriz'), [['q', 'Beatriz']]);
    assert.deepEqual(searchQueryParams('search', 'Beatriz Souza'), [['search', 'Beatriz Souza'], ['searchFields', 'name:like;email:like;razao_social:like']]);
    assert.deepEqual(searchQueryParams('search', '348.912.675-00'), [['search', '34891267500'], ['searchFields', 'cpf:like;cnpj:like;phone:like']]);
    // l5 splits `search` on ; and : (field:value pairs): a plain value must not contain them
    assert.deepEqual(searchQueryParams('search', 'a:b;c')[0], ['search', 'a b c']);
  });
});

describe('search: calibration against the sandbox modes', () => {
  const ctx = sandboxWithClient();
  let sb: Sandbox;
  let client: YampiClient;
  beforeEach(() => {
    ({ sb, client } = ctx());
  });

  /** A store session's memory, as StoreSession keeps it. */
  function session(): { mode: SearchMode | undefined; logs: string[]; search: (q: string, limit?: number) => ReturnType<typeof runSearch> } {
    const s = {
      mode: undefined as SearchMode | undefined,
      logs: [] as string[],
      search: (q: string, limit = 25) => runSearch({
        fetch: (convention, page, size) => client.listCustomers(aurora, { page, limit: size, ...(convention === undefined ? {} : { q, convention }) }),
        mode: s.mode,
        remember: (m) => { s.mode = m; },
        log: (m) => { s.logs.push(m); },
      }, q, limit),
    };
    return s;
  }

  const allMatch = (items: readonly CustomerRecord[], q: string): void => {
    for (const r of items) {
      assert.ok(matchesQuery(r, q), `${String(r.customer.name)} does not match ${q}`);
    }
  };
  const expected = (q: string): number[] => (sb.data.get(aurora.alias)?.customers ?? []).filter((c) => matchesQuery({ customer: c.json as unknown as CustomerRecord['customer'], raw: c.json }, q)).map((c) => c.id);

  it('q mode: one request with q=, every result matches, the mode is remembered', async () => {
    sb.setSearchMode('q');
    const s = session();
    const out = await s.search('Beatriz');
    assert.equal(out.mode, 'q');
    assert.equal(s.mode, 'q');
    assert.ok(out.items.length > 0);
    allMatch(out.items, 'Beatriz');
    assert.equal(out.unfiltered, undefined);
    assert.deepEqual(sb.requests().map((r) => r.query['q']), ['Beatriz']);
    assert.match(s.logs.join('\n'), /filters with `q=`/);
  });

  it('search mode: q comes back unfiltered, the SDK form is tried once and remembered; no stranger is shown', async () => {
    sb.setSearchMode('search');
    const s = session();
    const out = await s.search('Beatriz');
    assert.equal(out.mode, 'search');
    assert.equal(s.mode, 'search');
    allMatch(out.items, 'Beatriz');
    assert.deepEqual(out.items.map((r) => r.customer.id).sort(), expected('Beatriz').slice(0, 25).sort());
    const reqs = sb.requests();
    assert.equal(reqs.length, 2);
    assert.equal(reqs[0]?.query['q'], 'Beatriz');
    assert.deepEqual([reqs[1]?.query['search'], reqs[1]?.query['searchFields'], reqs[1]?.query['q']], ['Beatriz', 'name:like;email:like;razao_social:like', undefined]);
    assert.match(s.logs.join('\n'), /ignored `q=`[\s\S]*filters with `search=`/);
    // the next search goes straight to the remembered convention
    sb.clearRequests();
    const digits = await s.search('981');
    allMatch(digits.items, '981');
    assert.equal(sb.requests().length, 1);
    assert.equal(sb.requests()[0]?.query['searchFields'], 'cpf:like;cnpj:like;phone:like');
  });

  it('ignore mode: neither convention filters; at most 3 pages of 100 are looked through and the outcome says so', async () => {
    sb.setSearchMode('ignore');
    const s = session();
    const out = await s.search('Beatriz');
    assert.equal(out.mode, 'none');
    assert.equal(s.mode, 'none');
    allMatch(out.items, 'Beatriz');
    assert.ok(out.items.length > 0, 'matches among the first pages are found');
    assert.deepEqual(out.unfiltered, { pages: SCAN_PAGES, records: SCAN_PAGES * SCAN_PAGE_SIZE, complete: false });
    const reqs = sb.requests();
    assert.equal(reqs.length, 2 + SCAN_PAGES, 'q, search, then the bounded scan');
    assert.deepEqual(reqs.slice(2).map((r) => [r.query['page'], r.query['limit'], r.query['q'], r.query['search']]), [['1', '100', undefined, undefined], ['2', '100', undefined, undefined], ['3', '100', undefined, undefined]]);
    assert.match(s.logs.join('\n'), /neither `q=` nor `search=`/);
    // remembered: the next search scans without calibrating again
    sb.clearRequests();
    const again = await s.search('Camila', 5);
    allMatch(again.items, 'Camila');
    assert.ok(sb.requests().length <= SCAN_PAGES);
    assert.ok(sb.requests().every((r) => r.query['q'] === undefined && r.query['search'] === undefined));
  });

  it('a remembered convention the store stops honouring is re-calibrated, never trusted', async () => {
    sb.setSearchMode('q');
    const s = session();
    await s.search('Beatriz');
    sb.setSearchMode('search');
    const out = await s.search('Camila');
    assert.equal(s.mode, 'search');
    allMatch(out.items, 'Camila');
  });

  it('a store that answers with a few strangers among matches: they are dropped and the count is not trusted', async () => {
    sb.setSearchMode('q');
    const s = session();
    const out = await runSearch({
      fetch: async (c, p, l) => {
        const page = await client.listCustomers(aurora, { page: p, limit: l, ...(c === undefined ? {} : { q: 'Beatriz', convention: c }) });
        const stranger = await client.getCustomer(aurora, 48200104);
        return { ...page, items: [...page.items, stranger] };
      },
      mode: undefined, remember: (m) => { s.mode = m; }, log: (m) => { s.logs.push(m); },
    }, 'Beatriz', 25);
    allMatch(out.items, 'Beatriz');
    assert.equal(out.dropped, 1);
    assert.equal(out.total, undefined);
  });
});
