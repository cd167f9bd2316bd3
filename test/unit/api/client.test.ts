/** Every client operation against the sandbox store over real loopback HTTP. */
import assert from 'node:assert/strict';
import type { YampiClient } from '../../../src/core/api/types';
import { EDGE_CASE_IDS, FIRST_REGULAR_ID } from '../../sandbox/constants';
import type { Sandbox } from '../../sandbox/server';
import { aurora, owner, rejection, serra, single, USER_AGENT, useSandboxClient } from './helpers';

describe('YampiClient operations (sandbox over loopback)', () => {
  let sb: Sandbox;
  let client: YampiClient;

  useSandboxClient((s, c) => {
    sb = s;
    client = c;
  });

  it('never caches a response that arrives after clearCache, and later callers do not join it', async () => {
    const id = EDGE_CASE_IDS.knownGood;
    sb.addFault({ path: `/customers/${id}`, latencyMs: 150, times: 1 });
    const early = client.getCustomer(aurora, id);
    await new Promise((r) => setTimeout(r, 30));
    client.clearCache('loja-aurora');
    const late = client.getCustomer(aurora, id); // after the clear: its own request
    assert.equal((await early).customer.id, id);
    assert.equal((await late).customer.id, id);
    assert.equal(sb.requests().length, 2, 'the call after the clear joined the one before it');
    await client.getCustomer(aurora, id);
    assert.equal(sb.requests().length, 2, 'the response of the request made after the clear is cached');
    sb.addFault({ path: `/customers/${id}`, latencyMs: 150, times: 1 });
    client.clearCache();
    const again = client.getCustomer(aurora, id);
    await new Promise((r) => setTimeout(r, 30));
    client.clearCache();
    await again;
    await client.getCustomer(aurora, id);
    assert.equal(sb.requests().length, 4, 'a response that outlived clearCache() was cached');
  });

  it('views one customer and sends the documented headers', async () => {
    const rec = await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    assert.equal(rec.customer.id, EDGE_CASE_IDS.knownGood);
    assert.equal(rec.customer.name, 'Mariana Costa Ribeiro');
    assert.equal(rec.customer.phone?.area_code, '16');
    assert.equal(rec.raw['email'], 'mariana.c.ribeiro@exemplo.com.br');
    const [req] = sb.requests();
    assert.ok(req);
    assert.equal(req.method, 'GET');
    assert.equal(req.path, `/v2/loja-aurora/customers/${EDGE_CASE_IDS.knownGood}`);
    assert.deepEqual(req.headers, {
      userToken: owner.userToken, userSecretKey: owner.userSecretKey, contentType: 'application/json', userAgent: USER_AGENT,
    });
  });

  it('accepts the id as a string of digits', async () => {
    const rec = await client.getCustomer(aurora, ` ${EDGE_CASE_IDS.company} `);
    assert.equal(rec.customer.type, 'j');
    assert.equal(rec.customer.razao_social, 'Bela Forma Cosméticos Ltda');
  });

  it('decodes both data shapes to the same record', async () => {
    const id = EDGE_CASE_IDS.knownGood;
    sb.addFault({ path: `/customers/${id}`, dataShape: 'array', times: 1 });
    const asArray = await client.getCustomer(aurora, id, { skipCache: true });
    sb.addFault({ path: `/customers/${id}`, dataShape: 'object', times: 1 });
    const asObject = await client.getCustomer(aurora, id, { skipCache: true });
    assert.deepEqual(asArray, asObject);
    const native = await client.getCustomer(aurora, EDGE_CASE_IDS.arrayData);
    assert.equal(native.customer.id, EDGE_CASE_IDS.arrayData);
  });

  it('keeps unknown fields in raw and decodes hostile values untouched', async () => {
    const page = await client.listCustomers(aurora, { limit: 100, page: 2 });
    const withExtra = page.items.find((i) => 'loyalty_points' in i.raw);
    assert.ok(withExtra, 'the sandbox sends loyalty_points on some customers');
    const markup = await client.getCustomer(aurora, EDGE_CASE_IDS.scriptNotes);
    assert.match(markup.customer.notes ?? '', /<script>alert\('xss'\)<\/script>/);
    const nulls = await client.getCustomer(aurora, EDGE_CASE_IDS.nulls);
    assert.equal(nulls.customer.name, null);
    assert.equal(nulls.customer.phone, null);
  });

  it('serves repeated lookups from the cache; skipCache bypasses and refreshes it', async () => {
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    assert.equal(sb.requests().length, 1);
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood, { skipCache: true });
    assert.equal(sb.requests().length, 2);
    assert.deepEqual(sb.requests()[1]?.query, { skipCache: 'true' });
    client.clearCache(aurora.alias);
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    assert.equal(sb.requests().length, 3);
  });

  it('keys the cache per store and per credentials', async () => {
    await client.getCustomer(serra, FIRST_REGULAR_ID.serra);
    const asSingle = { ...serra, userToken: single.userToken, userSecretKey: single.userSecretKey };
    await client.getCustomer(asSingle, FIRST_REGULAR_ID.serra);
    assert.equal(sb.requests().length, 2);
    client.clearCache(serra.alias);
    await client.getCustomer(serra, FIRST_REGULAR_ID.serra);
    assert.equal(sb.requests().length, 3);
  });

  it('disables caching with cacheTtlMs 0 (updateOptions, no rebuild)', async () => {
    client.updateOptions({ cacheTtlMs: 0 });
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood);
    assert.equal(sb.requests().length, 2);
  });

  it('lists with page and limit; pagination as numbers (aurora)', async () => {
    const p = await client.listCustomers(aurora, { page: 2, limit: 25 });
    assert.equal(p.items.length, 25);
    assert.equal(p.pagination.currentPage, 2);
    assert.equal(p.pagination.perPage, 25);
    assert.ok(p.pagination.total >= 500);
    assert.equal(p.pagination.totalPages, Math.ceil(p.pagination.total / 25));
    assert.match(p.pagination.next ?? '', /page=3/);
    assert.match(p.pagination.previous ?? '', /page=1/);
    assert.deepEqual(sb.requests()[0]?.query, { page: '2', limit: '25' });
  });

  it('lists with pagination as numeric strings and empty links (serra)', async () => {
    const first = await client.listCustomers(serra, { limit: 100 });
    assert.equal(first.items.length, 100);
    assert.equal(first.pagination.currentPage, 1);
    assert.equal(first.pagination.previous, undefined);
    const last = await client.listCustomers(serra, { limit: 100, page: first.pagination.totalPages });
    assert.equal(last.pagination.next, undefined);
    assert.equal(last.pagination.total, first.pagination.total);
  });

  it('fills the customer cache from list pages', async () => {
    const p = await client.listCustomers(aurora, { limit: 5 });
    const id = p.items[0]?.customer.id ?? 0;
    await client.getCustomer(aurora, id);
    assert.equal(sb.requests().length, 1);
  });

  it('searches by name (accents ignored), e-mail, CPF with punctuation and phone', async () => {
    const byName = await client.listCustomers(aurora, { q: 'mariana costa ribeiro' });
    assert.ok(byName.items.some((i) => i.customer.id === EDGE_CASE_IDS.knownGood));
    const folded = await client.listCustomers(aurora, { q: 'RIBEIRAO' });
    assert.equal(folded.items.length, 0, 'city is not a search field');
    const byEmail = await client.listCustomers(aurora, { q: 'mariana.c.ribeiro@' });
    assert.ok(byEmail.items.some((i) => i.customer.id === EDGE_CASE_IDS.knownGood));
    const cpf = (await client.getCustomer(aurora, EDGE_CASE_IDS.knownGood)).customer.cpf ?? '';
    const punctuated = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
    const byCpf = await client.listCustomers(aurora, { q: punctuated });
    assert.deepEqual(byCpf.items.map((i) => i.customer.id).includes(EDGE_CASE_IDS.knownGood), true);
    const byPhone = await client.listCustomers(aurora, { q: '(16) 98187-5668' });
    assert.ok(byPhone.items.some((i) => i.customer.id === EDGE_CASE_IDS.knownGood));
    const accent = await client.listCustomers(aurora, { q: 'Conceicao Brandao' });
    assert.ok(accent.items.some((i) => i.customer.id === EDGE_CASE_IDS.emoji));
    assert.equal(sb.requests().find((r) => r.query['q'] !== undefined)?.query['q'], 'mariana costa ribeiro');
  });

  it('POST /auth/me lists the stores the credentials reach', async () => {
    const me = await client.me(owner);
    assert.equal(me.userName, 'João Silva');
    assert.deepEqual(me.stores.map((s) => [s.alias, s.active]), [['loja-aurora', true], ['emporio-serra', true], ['loja-inativa', false]]);
    const one = await client.me(single);
    assert.deepEqual(one.stores.map((s) => s.alias), ['emporio-serra']);
    const req = sb.requests()[0];
    assert.equal(req?.method, 'POST');
    assert.equal(req.path, '/v2/auth/me');
    assert.equal(req.headers.contentType, 'application/json');
  });

  it('validates before any request and encodes path segments', async () => {
    for (const id of [0, -1, 1.5, 'abc', '12a', Number.NaN, '']) {
      assert.equal((await rejection(client.getCustomer(aurora, id))).kind, 'invalidInput', `id ${String(id)}`);
    }
    for (const alias of ['Loja', '../x', 'a/b', '', 'a b', 'é']) {
      assert.equal((await rejection(client.getCustomer({ ...aurora, alias }, 1))).kind, 'invalidInput', `alias ${alias}`);
    }
    assert.equal((await rejection(client.listCustomers(aurora, { limit: 101 }))).kind, 'invalidInput');
    assert.equal((await rejection(client.listCustomers(aurora, { page: 0 }))).kind, 'invalidInput');
    const crlf = await rejection(client.getCustomer({ ...aurora, userToken: 'a\r\nX-Evil: 1' }, 1));
    assert.equal(crlf.field, 'userToken');
    assert.equal(sb.requests().length, 0);
    await client.listCustomers(aurora, { q: 'a&b=c/d?e' });
    assert.equal(sb.requests()[0]?.query['q'], 'a&b=c/d?e');
  });
});
