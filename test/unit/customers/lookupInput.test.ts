import assert from 'node:assert/strict';
import { lookupValidationMessage, parseLookupInput } from '../../../src/core/customers/lookupInput';

describe('parseLookupInput', () => {
  const ok: [string, number][] = [
    ['123', 123],
    ['#123', 123],
    [' 123 ', 123],
    ['# 48213907', 48213907],
    ['\t#48213907\n', 48213907],
    ['https://api.dooki.com.br/v2/loja-exemplo/customers/48213907', 48213907],
    ['https://api.dooki.com.br/v2/loja-exemplo/customers/48213907?include=addresses', 48213907],
    ['see GET /loja/customers/77/carts for details', 77],
    ['https://app.yampi.com.br/store/CUSTOMERS/55/', 55],
    ['9007199254740991', 9007199254740991],
  ];
  for (const [input, id] of ok) {
    it(`${JSON.stringify(input)} → ${id}`, () => { assert.deepEqual(parseLookupInput(input), { ok: true, id }); });
  }

  const bad: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['#', 'empty'],
    ['abc', 'notANumber'],
    ['12abc', 'notANumber'],
    ['1.5', 'notANumber'],
    ['1e5', 'notANumber'],
    ['##12', 'notANumber'],
    ['https://example.com/orders/12', 'notANumber'],
    ['0', 'notPositive'],
    ['#0', 'notPositive'],
    ['-5', 'notPositive'],
    ['/customers/0', 'notPositive'],
    ['9007199254740992', 'tooLarge'],
    ['123456789012345678901234567890', 'tooLarge'],
  ];
  for (const [input, error] of bad) {
    it(`${JSON.stringify(input)} → ${error}`, () => { assert.deepEqual(parseLookupInput(input), { ok: false, error }); });
  }

  it('gives a localized validation message, or none for a valid id', () => {
    assert.equal(lookupValidationMessage('#12', 'en'), undefined);
    assert.equal(lookupValidationMessage('0', 'en'), 'A customer id is a positive number.');
    assert.equal(lookupValidationMessage('', 'pt-br'), 'Digite o id do cliente, #id ou uma URL com /customers/<id>.');
  });
});
