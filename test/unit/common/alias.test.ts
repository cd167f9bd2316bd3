/** Issue 10 point 8: one alias rule, the same in the client, the saved-stores index and auth/me. */
import assert from 'node:assert/strict';
import { decodeAuthMe } from '../../../src/core/api/decode';
import { YampiError } from '../../../src/core/api/errors';
import { validateAlias } from '../../../src/core/api/validate';
import { isValidAlias, mergeStores, parseStoreIndex } from '../../../src/core/credentials/stores';

const accepted = ['loja', 'loja-aurora', 'teste-webhook', 'vaseu2', 'compra-z', '9lojas', 'a', 'a'.repeat(63)];
const refused = ['Loja', 'loja_x', 'LOJA-AURORA', '-loja', '', ' loja', 'loja ', 'loja/x', 'loja.x', 'a'.repeat(64), 'lója', 'loja\n'];

describe('store alias: one validator', () => {
  for (const alias of accepted) {
    it(`accepts ${JSON.stringify(alias)} everywhere`, () => {
      assert.equal(isValidAlias(alias), true);
      assert.equal(validateAlias(alias), alias);
      assert.deepEqual(parseStoreIndex([{ alias, name: 'x' }]).map((s) => s.alias), [alias]);
    });
  }
  for (const alias of refused) {
    it(`refuses ${JSON.stringify(alias)} everywhere`, () => {
      assert.equal(isValidAlias(alias), false);
      assert.throws(() => validateAlias(alias), (e: unknown) => YampiError.is(e, 'invalidInput'));
      assert.deepEqual(parseStoreIndex([{ alias, name: 'x' }]), []);
      assert.throws(() => mergeStores([], [{ alias, name: 'x' }]), (e: unknown) => YampiError.is(e, 'invalidInput'));
    });
  }

  it('only a string is an alias: a number or an array that reads like one is refused (issue 23)', () => {
    for (const alias of [123, ['loja'], { toString: () => 'loja' }, null, undefined, true]) {
      assert.equal(isValidAlias(alias), false, String(alias));
      assert.throws(() => validateAlias(alias), (e: unknown) => YampiError.is(e, 'invalidInput'));
    }
  });

  it('auth/me: stores whose alias the client would refuse are dropped before anyone can save them', () => {
    const me = decodeAuthMe({ data: { merchants: { data: [{ alias: 'Loja', name: 'A' }, { alias: 'loja-boa', name: 'B' }, { alias: 'loja_x', name: 'C' }] } } });
    assert.deepEqual(me.stores.map((s) => s.alias), ['loja-boa']);
    assert.equal(me.invalidStores, 2);
  });
});
