import assert from 'node:assert/strict';
import type { YampiErrorKind } from '../../../src/core/api/errors';
import { actionTitle, describeFailure, type Failure } from '../../../src/core/failures/vocabulary';

const KINDS: readonly (YampiErrorKind | 'tls' | 'proxy')[] = [
  'auth', 'forbidden', 'notFound', 'rateLimited', 'server', 'network', 'timeout', 'invalidResponse', 'invalidInput', 'cancelled', 'tls', 'proxy',
];

describe('failure vocabulary (core/failures)', () => {
  it('gives every failure a message in both languages, distinct per kind', () => {
    const failures: Failure[] = [
      ...KINDS.map((kind): Failure => ({ kind: 'api', error: { kind, alias: 'loja', customerId: 7, status: 502, host: 'api.dooki.com.br' } })),
      { kind: 'notSignedIn' }, { kind: 'sessionEnded', alias: 'loja' }, { kind: 'secretStorage', operation: 'save' },
      { kind: 'baseUrl', problem: 'insecureHttp' }, { kind: 'unknown', message: 'boom' },
    ];
    for (const locale of ['en', 'pt-br'] as const) {
      const messages = failures.map((f) => describeFailure(f, locale).message);
      assert.equal(new Set(messages).size, messages.length, `two failures share a message in ${locale}`);
      for (const m of messages) {
        assert.ok(m.length > 5 && !/\{\d\}/.test(m), `unfilled message: ${m}`);
      }
    }
  });

  it('names the customer and the store on not-found, the host on TLS', () => {
    assert.equal(describeFailure({ kind: 'api', error: { kind: 'notFound', alias: 'loja', customerId: 7 } }, 'en').message, 'Customer #7 not found in store "loja".');
    assert.match(describeFailure({ kind: 'api', error: { kind: 'tls', host: 'api.dooki.com.br' } }, 'en').message, /certificate of api\.dooki\.com\.br is not trusted/);
  });

  it('offers the action that helps: sign in, switch, retry with the log', () => {
    const actions = (f: Failure): readonly string[] => describeFailure(f, 'en').actions;
    assert.deepEqual(actions({ kind: 'api', error: { kind: 'auth' } }), ['setCredentials']);
    assert.deepEqual(actions({ kind: 'api', error: { kind: 'forbidden' } }), ['switchStore']);
    assert.deepEqual(actions({ kind: 'api', error: { kind: 'network' } }), ['retry', 'showLog']);
    assert.deepEqual(actions({ kind: 'notSignedIn' }), ['setCredentials']);
    assert.deepEqual(actions({ kind: 'baseUrl', problem: 'invalid' }), ['openApiBaseUrlSetting']);
    assert.match(actionTitle('retry', 'pt-br'), /^Tentar/);
  });

  it('says when to retry after a rate limit, and keeps cancellations silent', () => {
    assert.match(describeFailure({ kind: 'api', error: { kind: 'rateLimited', retryAfterMs: 12_500 } }, 'en').message, /13 seconds/);
    assert.equal(describeFailure({ kind: 'api', error: { kind: 'cancelled' } }, 'en').silent, true);
    assert.equal(describeFailure({ kind: 'sessionEnded', alias: 'x' }, 'en').silent, true);
    assert.equal(describeFailure({ kind: 'api', error: { kind: 'server' } }, 'en').silent, false);
  });
});
