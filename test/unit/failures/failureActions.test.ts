/**
 * Issue 23: what each failure offers the user — the buttons (actions) in order, whether it is shown
 * at all, and the facts its message carries (store, customer, status, seconds, host) — for every
 * kind, in both languages. Wording itself is the catalogue's business; these tests do not pin it.
 */
import assert from 'node:assert/strict';
import { actionTitle, describeFailure, type Failure, type FailureAction } from '../../../src/core/failures/vocabulary';

const api = (kind: Extract<Failure, { kind: 'api' }>['error']['kind'], more: Omit<Extract<Failure, { kind: 'api' }>['error'], 'kind'> = {}): Failure => ({ kind: 'api', error: { kind, ...more } });

describe('failure vocabulary: actions and facts per kind (issue 23)', () => {
  it('every kind offers exactly its actions, in order, and only cancellations are silent', () => {
    const table: [string, Failure, FailureAction[], boolean][] = [
      ['auth', api('auth', { alias: 'loja' }), ['setCredentials'], false],
      ['forbidden', api('forbidden', { alias: 'loja' }), ['switchStore'], false],
      ['notFound', api('notFound', { alias: 'loja', customerId: 7 }), [], false],
      ['rateLimited', api('rateLimited', { retryAfterMs: 5000 }), ['retry'], false],
      ['rateLimited, no wait known', api('rateLimited'), ['retry'], false],
      ['server', api('server', { status: 503 }), ['retry', 'showLog'], false],
      ['network', api('network'), ['retry', 'showLog'], false],
      ['timeout', api('timeout'), ['retry', 'showLog'], false],
      ['invalidResponse', api('invalidResponse'), ['retry', 'showLog'], false],
      ['invalidInput', api('invalidInput'), [], false],
      ['cancelled', api('cancelled'), [], true],
      ['tls', api('tls', { host: 'api.dooki.com.br' }), ['showLog'], false],
      ['proxy', api('proxy', { host: 'http://proxy:3128' }), ['retry', 'showLog'], false],
      ['notSignedIn', { kind: 'notSignedIn' }, ['setCredentials'], false],
      ['sessionEnded', { kind: 'sessionEnded', alias: 'loja' }, [], true],
      ['secretStorage read', { kind: 'secretStorage', operation: 'read' }, ['keychainHelp', 'showLog'], false],
      ['secretStorage save', { kind: 'secretStorage', operation: 'save' }, ['keychainHelp', 'showLog'], false],
      ['secretStorage delete', { kind: 'secretStorage', operation: 'delete' }, ['keychainHelp', 'showLog'], false],
      ['baseUrl invalid', { kind: 'baseUrl', problem: 'invalid' }, ['openApiBaseUrlSetting'], false],
      ['baseUrl insecureHttp', { kind: 'baseUrl', problem: 'insecureHttp' }, ['openApiBaseUrlSetting'], false],
      ['unknown', { kind: 'unknown', message: 'boom' }, ['showLog'], false],
    ];
    for (const locale of ['en', 'pt-br'] as const) {
      for (const [name, failure, actions, silent] of table) {
        const d = describeFailure(failure, locale);
        assert.deepEqual({ actions: d.actions, silent: d.silent }, { actions, silent }, `${name} (${locale})`);
        assert.ok(d.message.trim().length > 0, `${name} has no message`);
      }
    }
  });

  it('messages carry the facts: store, customer, HTTP status, host, proxy, the error text', () => {
    const message = (f: Failure): string => describeFailure(f, 'en').message;
    for (const kind of ['auth', 'forbidden', 'notFound', 'tls'] as const) {
      assert.ok(message(api(kind, { alias: 'loja-aurora' })).includes('loja-aurora'), kind);
      assert.ok(!message(api(kind)).includes('undefined'), kind);
    }
    const found = message(api('notFound', { alias: 'loja-aurora', customerId: 4711 }));
    assert.ok(found.includes('4711') && found.includes('loja-aurora'), found);
    assert.ok(!message(api('notFound', { alias: 'loja-aurora' })).includes('#'), 'a missing store is not a missing customer');
    assert.notEqual(message(api('notFound', { alias: 'loja-aurora' })), found);
    assert.ok(message(api('server', { status: 502 })).includes('502'));
    assert.ok(message(api('server')).includes('500'), 'a server error without a status says 500');
    assert.ok(message(api('tls', { alias: 'loja', host: 'api.dooki.com.br' })).includes('api.dooki.com.br'));
    assert.ok(!message(api('tls', { alias: 'loja', host: 'api.dooki.com.br' })).includes('loja'), 'the host, not the store, when the host is known');
    assert.ok(message(api('proxy', { host: 'http://proxy.corp:3128' })).includes('http://proxy.corp:3128'));
    assert.ok(!message(api('proxy')).includes('undefined'));
    assert.ok(message({ kind: 'sessionEnded', alias: 'emporio-serra' }).includes('emporio-serra'));
    assert.ok(message({ kind: 'unknown', message: 'socket hang up' }).includes('socket hang up'));
    for (const kind of ['auth', 'forbidden', 'notFound', 'tls'] as const) {
      assert.equal(message(api(kind)), message(api(kind, { alias: '' })), `${kind}: no store shown as an empty name`);
    }
    assert.equal(message(api('proxy')), message(api('proxy', { host: '' })), 'no proxy shown as an empty name');
  });

  it('a rate limit says how many whole seconds to wait (rounded up, at least 1), or none when unknown', () => {
    const seconds = (retryAfterMs?: number): string[] =>
      describeFailure(api('rateLimited', retryAfterMs === undefined ? {} : { retryAfterMs }), 'en').message.match(/\d+/g) ?? [];
    assert.deepEqual(seconds(12_500), ['13']);
    assert.deepEqual(seconds(1000), ['1']);
    assert.deepEqual(seconds(1001), ['2']);
    assert.deepEqual(seconds(60_000), ['60']);
    assert.deepEqual(seconds(1), ['1']);
    assert.deepEqual(seconds(0), ['1']);
    assert.deepEqual(seconds(undefined), []);
    assert.ok(!describeFailure(api('rateLimited'), 'en').message.includes('NaN'));
    assert.notEqual(describeFailure(api('rateLimited'), 'en').message, describeFailure(api('rateLimited', { retryAfterMs: 0 }), 'en').message);
  });

  it('the two base-URL problems are told apart: only the insecure one is about http://', () => {
    const message = (problem: 'invalid' | 'insecureHttp' | 'unsupportedProtocol' | 'hasCredentials'): string => describeFailure({ kind: 'baseUrl', problem }, 'en').message;
    assert.ok(message('insecureHttp').includes('http://'));
    for (const problem of ['invalid', 'unsupportedProtocol', 'hasCredentials'] as const) {
      assert.ok(!message(problem).includes('http://'), problem);
      assert.equal(message(problem), message('invalid'), problem);
    }
    assert.notEqual(message('insecureHttp'), message('invalid'));
  });

  it('secret storage: each operation says what did not happen, all with the same keyring advice', () => {
    for (const locale of ['en', 'pt-br'] as const) {
      const messages = (['read', 'save', 'delete'] as const).map((operation) => describeFailure({ kind: 'secretStorage', operation }, locale).message);
      assert.equal(new Set(messages).size, 3, locale);
      const advice = messages.map((m) => m.slice(m.indexOf('.') + 1).trim());
      assert.ok(advice[0] !== undefined && advice[0].length > 40, `no advice after the first sentence: ${messages[0] ?? ''}`);
      assert.deepEqual(advice, [advice[0], advice[0], advice[0]], locale);
      assert.ok(messages.every((m) => m.includes('YAMPI_USER_TOKEN')), 'the environment fallback is named');
    }
  });

  it('every message and every action title is translated: pt-BR differs from English', () => {
    const failures: Failure[] = [
      api('auth', { alias: 'l' }), api('forbidden', { alias: 'l' }), api('notFound', { alias: 'l' }), api('notFound', { alias: 'l', customerId: 1 }),
      api('rateLimited'), api('rateLimited', { retryAfterMs: 1 }), api('server'), api('network'), api('timeout'), api('invalidResponse'),
      api('invalidInput'), api('cancelled'), api('tls', { host: 'h' }), api('proxy', { host: 'p' }), { kind: 'notSignedIn' },
      { kind: 'sessionEnded', alias: 'l' }, { kind: 'secretStorage', operation: 'read' }, { kind: 'baseUrl', problem: 'invalid' },
      { kind: 'baseUrl', problem: 'insecureHttp' }, { kind: 'unknown', message: 'x' },
    ];
    for (const f of failures) {
      assert.notEqual(describeFailure(f, 'pt-br').message, describeFailure(f, 'en').message, JSON.stringify(f));
    }
    const actions: FailureAction[] = ['setCredentials', 'switchStore', 'retry', 'showLog', 'openApiBaseUrlSetting', 'keychainHelp'];
    for (const locale of ['en', 'pt-br'] as const) {
      const titles = actions.map((a) => actionTitle(a, locale));
      assert.equal(new Set(titles).size, actions.length, `two actions share a title in ${locale}`);
      assert.ok(titles.every((title) => title.trim().length > 1), locale);
    }
    for (const a of actions) {
      assert.notEqual(actionTitle(a, 'pt-br'), actionTitle(a, 'en'), a);
    }
  });
});
