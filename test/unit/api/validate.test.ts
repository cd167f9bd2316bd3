/**
 * Issue 23: the checks made before any request leaves the machine. Each refusal is asserted by what
 * the caller gets (an `invalidInput` error naming the field, and the store when given), each
 * acceptance by the exact value returned; never by message wording.
 */
import assert from 'node:assert/strict';
import { YampiError } from '../../../src/core/api/errors';
import {
  MAX_PAGE_SIZE, MAX_QUERY_LENGTH, normalizeBaseUrl, validateAlias, validateCredentials, validateCustomerId, validateLimit, validatePage,
  validateQuery,
} from '../../../src/core/api/validate';
import type { Credentials } from '../../../src/core/api/types';

/**
 * What a refusal tells the caller: kind, field and store. Its message (it may reach the log) must
 * say something and never repeat the value refused (a secret pasted into the wrong box).
 */
function refusal(fn: () => unknown, value?: unknown): { kind: string; field: string | undefined; alias: string | undefined } {
  try {
    fn();
  } catch (e) {
    assert.ok(YampiError.is(e), `not a YampiError: ${String(e)}`);
    assert.ok(/\w{3,}/.test(e.message), `the refusal says nothing: ${JSON.stringify(e.message)}`);
    if (typeof value === 'string' && value.trim().length >= 3) {
      assert.ok(!e.message.includes(value.trim()), `the message repeats the value: ${e.message}`);
    }
    return { kind: e.kind, field: e.field, alias: e.alias };
  }
  assert.fail('accepted');
}

const creds = (userToken: unknown, userSecretKey: unknown): Credentials => ({ userToken, userSecretKey }) as unknown as Credentials;

describe('validate: what is refused before any request (issue 23)', () => {
  it('credentials: printable ASCII header values of 1 to 512 characters pass', () => {
    for (const token of ['t', '!', '~', 'AbC-123_x.y', 'x'.repeat(512)]) {
      assert.doesNotThrow(() => { validateCredentials(creds(token, token), 'loja'); }, JSON.stringify(token));
    }
  });

  it('credentials: a missing, empty, too long or header-breaking User-Token is refused, naming it and the store', () => {
    for (const token of [undefined, null, 42, '', ' ', 'a b', 'a\r\nX-Evil: 1', 'a\n', '\t', 'ã', '\x7f', 'x'.repeat(513)]) {
      assert.deepEqual(refusal(() => { validateCredentials(creds(token, 'secret'), 'loja'); }, token), { kind: 'invalidInput', field: 'userToken', alias: 'loja' }, JSON.stringify(token));
    }
  });

  it('credentials: the same for the User-Secret-Key, checked after a good token', () => {
    for (const secret of [undefined, null, 42, '', 'a b', 's\r\nX-Evil: 1', 'x'.repeat(513)]) {
      assert.deepEqual(refusal(() => { validateCredentials(creds('token', secret), 'loja'); }, secret), { kind: 'invalidInput', field: 'userSecretKey', alias: 'loja' }, JSON.stringify(secret));
    }
    assert.deepEqual(refusal(() => { validateCredentials(creds('token', undefined)); }), { kind: 'invalidInput', field: 'userSecretKey', alias: undefined });
  });

  it('customer id: a positive integer, as a number or digits (spaces around allowed)', () => {
    const accepted: [unknown, number][] = [[1, 1], [42, 42], ['42', 42], [' 42 ', 42], ['0042', 42], ['9007199254740991', Number.MAX_SAFE_INTEGER], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]];
    for (const [input, id] of accepted) {
      assert.equal(validateCustomerId(input), id, JSON.stringify(input));
    }
  });

  it('customer id: zero, negatives, fractions, unsafe integers and anything but plain digits are refused', () => {
    const refused: unknown[] = [
      0, '0', -1, '-1', 1.5, '1.5', Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, '9007199254740993',
      '0x10', '1e3', '+5', '12a', 'a12', '', ' ', '1 2', '00000000000000001', null, undefined, true, {}, [7],
    ];
    for (const input of refused) {
      assert.deepEqual(refusal(() => validateCustomerId(input, 'loja'), input), { kind: 'invalidInput', field: 'id', alias: 'loja' }, JSON.stringify(input));
    }
  });

  it('page: an integer from 1', () => {
    assert.equal(validatePage(1), 1);
    assert.equal(validatePage(7), 7);
    for (const page of [0, -1, 1.5, '1', Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, undefined]) {
      assert.deepEqual(refusal(() => validatePage(page)), { kind: 'invalidInput', field: 'page', alias: undefined }, String(page));
    }
  });

  it('limit: an integer from 1 to 100', () => {
    assert.equal(MAX_PAGE_SIZE, 100);
    for (const limit of [1, 25, 100]) {
      assert.equal(validateLimit(limit), limit);
    }
    for (const limit of [0, -1, 101, 1.5, '10', Number.NaN, undefined]) {
      assert.deepEqual(refusal(() => validateLimit(limit)), { kind: 'invalidInput', field: 'limit', alias: undefined }, String(limit));
    }
  });

  it('search text: trimmed; blank is no search; 200 characters pass, 201 or a non-string are refused', () => {
    assert.equal(MAX_QUERY_LENGTH, 200);
    assert.equal(validateQuery(undefined), undefined);
    assert.equal(validateQuery(''), undefined);
    assert.equal(validateQuery('  \t\n'), undefined);
    assert.equal(validateQuery(' ana  '), 'ana');
    assert.equal(validateQuery('a'.repeat(200)), 'a'.repeat(200));
    assert.equal(validateQuery(` ${'a'.repeat(198)} `), 'a'.repeat(198));
    for (const q of ['a'.repeat(201), ` ${'a'.repeat(199)} `, 42, null, ['ana']]) {
      assert.deepEqual(refusal(() => validateQuery(q), q), { kind: 'invalidInput', field: 'q', alias: undefined }, JSON.stringify(q));
    }
  });

  it('alias: refused with the field named', () => {
    assert.equal(validateAlias('loja-aurora'), 'loja-aurora');
    assert.deepEqual(refusal(() => validateAlias('Loja'), 'Loja'), { kind: 'invalidInput', field: 'alias', alias: undefined });
  });

  it('API base URL: http(s) without credentials, query or fragment, trailing slashes dropped', () => {
    const accepted: [string, string][] = [
      ['https://api.dooki.com.br/v2', 'https://api.dooki.com.br/v2'],
      ['https://api.dooki.com.br/v2/', 'https://api.dooki.com.br/v2'],
      ['https://api.dooki.com.br/v2///', 'https://api.dooki.com.br/v2'],
      ['https://API.Dooki.com.br/v2', 'https://api.dooki.com.br/v2'],
      ['http://127.0.0.1:8080/v2/', 'http://127.0.0.1:8080/v2'],
      ['https://api.dooki.com.br', 'https://api.dooki.com.br'],
    ];
    for (const [input, normalized] of accepted) {
      assert.equal(normalizeBaseUrl(input), normalized, input);
    }
  });

  it('API base URL: another protocol, credentials, a query, a fragment or no URL at all are refused', () => {
    const refused = [
      'ftp://api.dooki.com.br/v2', 'file:///etc/passwd', 'javascript:alert(1)', 'wss://api.dooki.com.br/v2',
      'https://user:pass@api.dooki.com.br/v2', 'https://user@api.dooki.com.br/v2', 'https://:pass@api.dooki.com.br/v2',
      'https://api.dooki.com.br/v2?token=x', 'https://api.dooki.com.br/v2#top', 'api.dooki.com.br/v2', '', 'https://',
    ];
    for (const input of refused) {
      assert.deepEqual(refusal(() => normalizeBaseUrl(input), input), { kind: 'invalidInput', field: 'baseUrl', alias: undefined }, input);
    }
  });
});
