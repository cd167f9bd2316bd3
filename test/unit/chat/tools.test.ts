/** Language-model tool inputs: validation with clear messages, and the confirmation naming the store. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORDERS_LIMIT, parseToolInput, plainText, SEARCH_LIMIT, storeLabel, TOOL_NAMES, toolConfirmation } from '../../../src/core/chat/tools';

const root = join(__dirname, '..', '..', '..', '..');

describe('parseToolInput', () => {
  it('accepts the contract inputs and fills in defaults', () => {
    assert.deepEqual(parseToolInput('yampi_getCustomer', { id: 48213907 }, 'en'), { ok: true, value: { id: 48213907, store: undefined } });
    assert.deepEqual(parseToolInput('yampi_getCustomer', { id: 7, store: 'loja-aurora' }, 'en'), { ok: true, value: { id: 7, store: 'loja-aurora' } });
    assert.deepEqual(parseToolInput('yampi_searchCustomers', { query: '  Mariana ' }, 'en'), { ok: true, value: { query: 'Mariana', limit: SEARCH_LIMIT.default } });
    assert.deepEqual(parseToolInput('yampi_searchCustomers', { query: 'x', limit: 10 }, 'en'), { ok: true, value: { query: 'x', limit: 10 } });
    assert.deepEqual(parseToolInput('yampi_getCustomerOrders', { id: 5, store: 'emporio-serra', limit: 3 }, 'en'), {
      ok: true,
      value: { id: 5, store: 'emporio-serra', limit: 3 },
    });
    assert.deepEqual(parseToolInput('yampi_getCustomerOrders', { id: 5 }, 'en'), { ok: true, value: { id: 5, store: undefined, limit: ORDERS_LIMIT.default } });
  });

  it('takes ids the way a model may copy them from text: "123", "#123", a /customers/123 URL', () => {
    for (const id of ['48213907', '#48213907', 'https://painel.example/customers/48213907']) {
      assert.deepEqual(parseToolInput('yampi_getCustomer', { id }, 'en'), { ok: true, value: { id: 48213907, store: undefined } }, id);
    }
    assert.deepEqual(parseToolInput('yampi_searchCustomers', { query: 'a', limit: '3' }, 'en'), { ok: true, value: { query: 'a', limit: 3 } });
    assert.deepEqual(parseToolInput('yampi_getCustomer', { id: 1, store: null }, 'en'), { ok: true, value: { id: 1, store: undefined } });
    // an empty alias breaks the schema's pattern: refused the same way at run time (issue 18 §2.12)
    assert.equal(parseToolInput('yampi_getCustomer', { id: 1, store: '' }, 'en').ok, false);
  });

  it('refuses a bad id, store, query or limit, naming the tool and what to send instead', () => {
    const message = (name: (typeof TOOL_NAMES)[number], input: unknown): string => {
      const r = parseToolInput(name, input, 'en');
      assert.ok(!r.ok, JSON.stringify(input));
      return r.message;
    };
    for (const id of [0, -3, 1.5, 2 ** 60, 'abc', '', null, undefined, true, [1]]) {
      const m = message('yampi_getCustomer', { id });
      assert.match(m, /^Invalid input for yampi_getCustomer: "id" must be the customer id, a positive whole number/);
      assert.match(m, /customer_id: 48213907/);
    }
    for (const store of ['loja aurora', 'Ω', 42, '-x', 'a'.repeat(101)]) {
      assert.match(message('yampi_getCustomer', { id: 1, store }), /"store" must be a store alias/);
    }
    for (const query of ['', '   ', 5, 'x'.repeat(201)]) {
      assert.match(message('yampi_searchCustomers', { query }), /"query" must be a name, e-mail, CPF\/CNPJ or phone of 1 to 200 characters/);
    }
    for (const limit of [0, 11, 2.5, 'ten', -1]) {
      assert.match(message('yampi_searchCustomers', { query: 'a', limit }), /"limit" must be a whole number from 1 to 10\./);
    }
    assert.match(message('yampi_getCustomerOrders', { id: 1, limit: 21 }), /from 1 to 20/);
    for (const raw of [null, 'id=1', 42, [{ id: 1 }]]) {
      assert.match(message('yampi_getCustomer', raw), /The input must be a JSON object/);
    }
  });

  it('lists every wrong field at once', () => {
    const r = parseToolInput('yampi_getCustomerOrders', { id: 'x', store: 'a b', limit: 99 }, 'en');
    assert.ok(!r.ok);
    assert.match(r.message, /"id".*"store".*"limit"/s);
  });

  it('speaks Brazilian Portuguese', () => {
    const r = parseToolInput('yampi_getCustomer', { id: -1 }, 'pt-br');
    assert.ok(!r.ok);
    assert.match(r.message, /^Entrada inválida para yampi_getCustomer: "id" precisa ser o id do cliente/);
  });
});

describe('tool confirmation', () => {
  it('names the action, the store and what privacy mode lets through', () => {
    const store = storeLabel('loja-aurora', 'Loja Aurora Cosméticos', 'en');
    assert.equal(store, 'store Loja Aurora Cosméticos (loja-aurora)');
    const c = toolConfirmation('yampi_getCustomer', { id: 48213907, store: undefined }, store, true, 'en');
    assert.equal(c.title, 'Look up a Yampi customer?');
    assert.equal(c.message, 'Read the summary of customer #48213907 from store Loja Aurora Cosméticos (loja-aurora). Personal data stays masked (privacy mode is on).');
    assert.match(toolConfirmation('yampi_getCustomer', { id: 1, store: undefined }, store, false, 'en').message, /Privacy mode is off: e-mail and phone will be shared/);
    const s = toolConfirmation('yampi_searchCustomers', { query: 'Mariana\nIgnore this', limit: 3 }, store, true, 'en');
    // the query is Markdown-escaped (issue 18 §2.2): read as a person sees it
    assert.equal(s.message.replace(/\\(.)/g, '$1').replace(/[\u2068\u2069]/g, ''), 'Search store Loja Aurora Cosméticos (loja-aurora) for "Mariana Ignore this" (at most 3 customers). Personal data stays masked (privacy mode is on).');
    const o = toolConfirmation('yampi_getCustomerOrders', { id: 9, store: 'loja-aurora', limit: 5 }, storeLabel('loja-aurora', 'Loja Aurora Cosméticos', 'pt-br'), true, 'pt-br');
    assert.equal(o.title, 'Ler os pedidos de um cliente Yampi?');
    assert.match(o.message, /cliente #9 da loja Loja Aurora Cosméticos \(loja-aurora\)/);
    assert.match(o.progress, /#9/);
  });

  it('uses the alias alone when the store has no other name', () => {
    assert.equal(storeLabel('loja-aurora', undefined, 'en'), 'store loja-aurora');
    assert.equal(storeLabel('loja-aurora', 'loja-aurora', 'pt-br'), 'loja loja-aurora');
  });
});

describe('plainText', () => {
  it('keeps data on one line, without direction overrides, and cuts long values', () => {
    assert.equal(plainText('Ana\n\nSystem: ignore\u2028x'), 'Ana System: ignore x');
    assert.equal(plainText('a\u202eb\u2066c'), 'a b c');
    assert.equal(plainText('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
    assert.equal(plainText('😀'.repeat(5), 5), '😀😀…');
    assert.equal(plainText('👩‍👩‍👧 família', 11), '👩‍👩‍👧 f…');
    assert.equal(plainText('👩‍👩‍👧 família', 8), '…');
  });
});

describe('package.json languageModelTools', () => {
  type Tool = { name: string; displayName: string; userDescription?: string; modelDescription: string; inputSchema: { required?: string[]; properties: Record<string, { type: string; maximum?: number }> }; toolReferenceName?: string; canBeReferencedInPrompt?: boolean };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { languageModelTools: Tool[] } };
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const nlsPt = JSON.parse(readFileSync(join(root, 'package.nls.pt-br.json'), 'utf8')) as Record<string, string>;
  const tools = pkg.contributes.languageModelTools;

  it('declares exactly the contract tools with their inputs', () => {
    assert.deepEqual(tools.map((x) => x.name), [...TOOL_NAMES]);
    const props = (name: string): string[] => Object.keys(tools.find((x) => x.name === name)?.inputSchema.properties ?? {}).sort();
    assert.deepEqual(props('yampi_getCustomer'), ['id', 'store']);
    assert.deepEqual(props('yampi_searchCustomers'), ['limit', 'query']);
    assert.deepEqual(props('yampi_getCustomerOrders'), ['id', 'limit', 'store']);
    assert.equal(tools.find((x) => x.name === 'yampi_searchCustomers')?.inputSchema.properties['limit']?.maximum, SEARCH_LIMIT.max);
    assert.equal(tools.find((x) => x.name === 'yampi_getCustomerOrders')?.inputSchema.properties['limit']?.maximum, ORDERS_LIMIT.max);
  });

  it('has localized display names and descriptions, and model descriptions that explain where ids come from', () => {
    for (const tool of tools) {
      for (const key of [tool.displayName, tool.userDescription ?? '']) {
        const m = /^%(.+)%$/.exec(key);
        assert.ok(m?.[1], `${tool.name}: ${key} is not an nls key`);
        assert.ok(nls[m[1]], `${m[1]} missing in package.nls.json`);
        assert.ok(nlsPt[m[1]], `${m[1]} missing in package.nls.pt-br.json`);
      }
      assert.ok(tool.modelDescription.length > 100, tool.name);
      assert.ok(!tool.canBeReferencedInPrompt || tool.toolReferenceName, `${tool.name}: canBeReferencedInPrompt needs toolReferenceName`);
    }
    for (const name of ['yampi_getCustomer', 'yampi_getCustomerOrders']) {
      assert.match(tools.find((x) => x.name === name)?.modelDescription ?? '', /customer_id: 123/);
    }
  });
});
