/** The privacy oracle guard of yampi_searchCustomers (issue 18 §2.3): names and whole identifiers only, and a per-store cap. */
import assert from 'node:assert/strict';
import { classifyToolQuery, guardedToolSearch, guardToolSearch, nameMatchesOnly, TOOL_SEARCH_CAP, ToolSearchCap } from '../../../src/core/chat/searchPrivacy';
import type { CustomerRecord } from '../../../src/core/customers/customer';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

describe('classifyToolQuery', () => {
  const accepted: ReadonlyArray<readonly [string, string]> = [
    ['Ana', 'name'],
    ['Ana Silva', 'name'],
    ['  Beatriz  Gonçalves ', 'name'],
    ['João D’Ávila', 'name'],
    ["Mary-Jane O'Neil", 'name'],
    ['J. Souza Jr.', 'name'],
    ['ana.silva@exemplo.com.br', 'email'],
    ['Ana+loja@Exemplo.COM', 'email'],
    ['12345678909', 'cpf'],
    ['123.456.789-09', 'cpf'],
    ['12345678000195', 'cnpj'],
    ['12.345.678/0001-95', 'cnpj'],
    ['(11) 98765-4321', 'phone'],
    ['11 98765 4321', 'phone'],
    ['1132654321', 'phone'],
    ['+55 11 98765-4321', 'phone'],
    ['+551132654321', 'phone'],
    ['011987654321', 'phone'],
  ];
  for (const [query, kind] of accepted) {
    it(`"${query}" is a ${kind}`, () => { assert.equal(classifyToolQuery(query), kind); });
  }

  const fragments = [
    'ana@',
    '@exemplo',
    '@exemplo.com',
    'ana@exemplo',
    'ana@exemplo.',
    'ana@@exemplo.com',
    '.ana@exemplo.com',
    'ana..s@exemplo.com',
    'ana @exemplo.com',
    'ana.s',
    'exemplo.com',
    'ana_silva',
    '9876',
    '98765-43',
    '123.456.789',
    '123456789',
    '12345678901234567',
    '+1 415 555 0100',
    '+55 11 9876',
    'abc123',
    '4321a',
    'a1b2c3',
    '***.456.789-**',
    '%ana%',
    '-',
  ];
  for (const query of fragments) {
    it(`"${query}" is a fragment`, () => { assert.equal(classifyToolQuery(query), 'fragment'); });
  }
});

describe('ToolSearchCap', () => {
  it('allows 10 searches per store in a rolling minute, then says how long to wait', () => {
    const clock = fakeClock();
    const cap = new ToolSearchCap(clock.now);
    for (let i = 0; i < TOOL_SEARCH_CAP.max; i++) {
      assert.deepEqual(cap.take('loja-aurora'), { ok: true }, `search ${i + 1}`);
      clock.advance(1000);
    }
    // 10 s after the first search: 50 s until it leaves the window
    assert.deepEqual(cap.take('loja-aurora'), { ok: false, retryAfterMs: 50_000 });
    // another store has its own count
    assert.deepEqual(cap.take('emporio-serra'), { ok: true });
    clock.advance(49_999);
    assert.equal(cap.take('loja-aurora').ok, false);
    clock.advance(1);
    assert.deepEqual(cap.take('loja-aurora'), { ok: true }, 'the first search left the window');
    assert.equal(cap.take('loja-aurora').ok, false, 'the second has not yet (it was 1 s later)');
  });

  it('a refused search takes nothing; clear() forgets every store', () => {
    const clock = fakeClock();
    const cap = new ToolSearchCap(clock.now, 2, 60_000);
    assert.equal(cap.take('a').ok, true);
    assert.equal(cap.take('a').ok, true);
    for (let i = 0; i < 5; i++) {
      assert.equal(cap.take('a').ok, false);
    }
    clock.advance(60_000);
    assert.equal(cap.take('a').ok, true);
    assert.equal(cap.take('a').ok, true);
    cap.clear();
    assert.equal(cap.take('a').ok, true);
  });

  it('forget(alias) frees that store only', () => {
    const cap = new ToolSearchCap(fakeClock().now, 1, 60_000);
    assert.equal(cap.take('a').ok, true);
    assert.equal(cap.take('b').ok, true);
    cap.forget('a');
    assert.equal(cap.take('a').ok, true);
    assert.equal(cap.take('b').ok, false);
  });
});

describe('guardToolSearch', () => {
  it('privacy on: refuses a fragment with the reason and the palette command, in both locales', () => {
    const cap = new ToolSearchCap(fakeClock().now);
    const en = guardToolSearch('ana@', 'loja-aurora', true, cap, 'en');
    assert.ok(!en.ok);
    assert.equal(en.reason, 'fragment');
    assert.match(en.message, /^Nothing was searched: privacy mode is on, so this tool accepts only a name or a complete e-mail, CPF \(11 digits\), CNPJ \(14 digits\) or phone/);
    assert.match(en.message, /"Yampi: Search Customers…"/);
    const pt = guardToolSearch('98765', 'loja-aurora', true, cap, 'pt-br');
    assert.ok(!pt.ok);
    assert.match(pt.message, /^Nada foi buscado: o modo de privacidade está ativo/);
    assert.match(pt.message, /"Yampi: Buscar Clientes…"/);
    assert.notEqual(pt.message, en.message);
  });

  it('privacy on: a name or a whole identifier passes; privacy off: fragments pass too', () => {
    const cap = new ToolSearchCap(fakeClock().now, 100);
    for (const q of ['Ana Silva', 'ana@exemplo.com', '123.456.789-09', '12.345.678/0001-95', '+55 11 98765-4321']) {
      assert.deepEqual(guardToolSearch(q, 'loja-aurora', true, cap, 'en'), { ok: true }, q);
    }
    for (const q of ['ana@', '9876', 'ana.s']) {
      assert.deepEqual(guardToolSearch(q, 'loja-aurora', false, cap, 'en'), { ok: true }, q);
    }
  });

  it('caps searches whatever the privacy mode, saying how many seconds to wait, in both locales', () => {
    const clock = fakeClock();
    const cap = new ToolSearchCap(clock.now);
    for (let i = 0; i < TOOL_SEARCH_CAP.max; i++) {
      assert.equal(guardToolSearch(`Cliente ${'x'.repeat(i + 1)}`, 'loja-aurora', i % 2 === 0, cap, 'en').ok, true);
    }
    clock.advance(15_500);
    const en = guardToolSearch('9876', 'loja-aurora', false, cap, 'en');
    assert.ok(!en.ok);
    assert.equal(en.reason, 'capped');
    assert.equal(en.message, 'Nothing was searched: at most 10 customer searches a minute are allowed from chat for store loja-aurora. Wait 45 seconds before searching again.');
    const pt = guardToolSearch('Ana', 'loja-aurora', true, cap, 'pt-br');
    assert.ok(!pt.ok);
    assert.match(pt.message, /^Nada foi buscado: .*loja-aurora.* 45 segundos/);
  });

  it('a refused fragment does not use up the cap', () => {
    const cap = new ToolSearchCap(fakeClock().now, 1);
    for (let i = 0; i < 5; i++) {
      assert.equal(guardToolSearch('ana@', 'loja-aurora', true, cap, 'en').ok, false);
    }
    assert.equal(guardToolSearch('Ana', 'loja-aurora', true, cap, 'en').ok, true);
  });
});

describe('guardedToolSearch', () => {
  it('never calls the search (no API request) for a refused query; calls it once for an allowed one', async () => {
    const cap = new ToolSearchCap(fakeClock().now, 1);
    let calls = 0;
    const search = (): Promise<string> => {
      calls++;
      return Promise.resolve('results');
    };
    assert.match(await guardedToolSearch('ana.s', 'loja-aurora', true, cap, 'en', search), /^Nothing was searched: privacy mode is on/);
    assert.equal(calls, 0);
    assert.equal(await guardedToolSearch('ana.silva@exemplo.com', 'loja-aurora', true, cap, 'en', search), 'results');
    assert.equal(calls, 1);
    assert.match(await guardedToolSearch('Ana', 'loja-aurora', true, cap, 'en', search), /^Nothing was searched: at most 1 customer searches/);
    assert.equal(calls, 1);
  });
});

describe('nameMatchesOnly', () => {
  const rec = (id: number, name: string, email: string): CustomerRecord => ({ customer: { id, name, email } }) as unknown as CustomerRecord;
  const page = [rec(1, 'Ana Silva', 'x@exemplo.com'), rec(2, 'Bruno Costa', 'anasilva@exemplo.com'), rec(3, 'JOÃO Ânderson', 'j@exemplo.com')];

  it('keeps only customers whose name contains a name query (folded), not those matched in the e-mail', () => {
    assert.deepEqual(nameMatchesOnly('ana silva', page).map((r) => r.customer.id), [1]);
    assert.deepEqual(nameMatchesOnly('anasilva', page).map((r) => r.customer.id), []);
    assert.deepEqual(nameMatchesOnly('joao ander', page).map((r) => r.customer.id), [3]);
  });

  it('leaves the answer to a whole identifier as it is', () => {
    assert.equal(nameMatchesOnly('anasilva@exemplo.com', page), page);
  });
});
