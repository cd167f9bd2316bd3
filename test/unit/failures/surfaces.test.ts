/**
 * Issue 19 §3/§4: one function (`describeFailure`) says every failure on every surface. For each
 * failure kind × surface: the actions (deep equality), the look, and the facts each text carries;
 * wording only where it is the contract (what other tests and users rely on). Then the surfaces
 * themselves: the panel's buttons, the hover's links, the section row and the chat result derive
 * from it.
 */
import assert from 'node:assert/strict';
import { failureResult } from '../../../src/core/chat/results';
import { type FailureReason, YampiError } from '../../../src/core/api/errors';
import { BaseUrlError, NotSignedInError, SecretStorageUnavailableError, SessionEndedError } from '../../../src/core/failures/errors';
import {
  describeFailure,
  type Failure,
  type FailureAction,
  type FailureLook,
  type FailureSurface,
  phraseMarkup,
  phraseText,
} from '../../../src/core/failures/vocabulary';
import { failureOf, reportedFailure } from '../../../src/core/failures/classify';
import { hoverCard } from '../../../src/core/hover/hoverCard';
import { sectionErrorText } from '../../../src/core/related/relatedFormat';
import { orderCard } from '../../../src/core/orders/orderResults';
import { renderOrderBody } from '../../../src/core/orders/renderOrderHtml';
import { type DetailErrorState, renderDetailBody } from '../../../src/core/customers/renderDetailHtml';

const api = (kind: Extract<Failure, { kind: 'api' }>['error']['kind'], more: Omit<Extract<Failure, { kind: 'api' }>['error'], 'kind'> = {}): Failure => ({ kind: 'api', error: { kind, ...more } });

type Row = readonly [name: string, failure: Failure, look: FailureLook, actions: Readonly<Record<Exclude<FailureSurface, 'section' | 'agent'>, readonly FailureAction[]>>];

const RS: FailureAction[] = ['retry', 'showLog'];
/** Every failure kind, its look, and the actions of the notification, the panel and the hover. */
const TABLE: readonly Row[] = [
  ['auth', api('auth', { alias: 'loja' }), 'auth', { notification: ['setCredentials'], panel: ['setCredentials', 'retry'], hover: ['setCredentials'] }],
  ['forbidden', api('forbidden', { alias: 'loja' }), 'forbidden', { notification: ['switchStore'], panel: ['retry'], hover: [] }],
  ['notFound', api('notFound', { alias: 'loja', customerId: 7 }), 'notFound', { notification: [], panel: ['retry'], hover: [] }],
  ['rateLimited', api('rateLimited', { retryAfterMs: 5000 }), 'rateLimited', { notification: ['retry'], panel: ['retry'], hover: ['retry'] }],
  ['server', api('server', { status: 503 }), 'other', { notification: RS, panel: RS, hover: RS }],
  ['network', api('network'), 'other', { notification: RS, panel: RS, hover: RS }],
  ['timeout', api('timeout'), 'other', { notification: RS, panel: RS, hover: RS }],
  ['invalidResponse', api('invalidResponse'), 'other', { notification: RS, panel: RS, hover: RS }],
  ['invalidInput', api('invalidInput'), 'other', { notification: [], panel: ['retry'], hover: [] }],
  ['cancelled', api('cancelled'), 'other', { notification: [], panel: ['retry'], hover: [] }],
  ['tls', api('tls', { host: 'api.dooki.com.br' }), 'other', { notification: ['showLog'], panel: RS, hover: RS }],
  ['proxy', api('proxy', { host: 'http://proxy:3128' }), 'other', { notification: RS, panel: RS, hover: RS }],
  ['notSignedIn', { kind: 'notSignedIn' }, 'signedOut', { notification: ['setCredentials'], panel: ['setCredentials', 'retry'], hover: ['setCredentials'] }],
  ['sessionEnded', { kind: 'sessionEnded', alias: 'loja' }, 'other', { notification: [], panel: ['retry'], hover: [] }],
  ['secretStorage', { kind: 'secretStorage', operation: 'read' }, 'other', { notification: ['keychainHelp', 'showLog'], panel: RS, hover: RS }],
  ['baseUrl', { kind: 'baseUrl', problem: 'invalid' }, 'other', { notification: ['openApiBaseUrlSetting'], panel: ['retry'], hover: [] }],
  ['unknownStore', { kind: 'unknownStore', alias: 'loja-x' }, 'other', { notification: [], panel: ['retry'], hover: [] }],
  ['unknown', { kind: 'unknown', message: 'boom' }, 'other', { notification: ['showLog'], panel: RS, hover: RS }],
];

const SURFACES: readonly FailureSurface[] = ['notification', 'panel', 'hover', 'section', 'agent'];
const subject = { kind: 'customer', id: 7 } as const;

describe('failure vocabulary: every kind on every surface (issue 19 §3)', () => {
  it('each surface offers exactly its actions: a section row always retries, an agent runs nothing', () => {
    for (const [name, failure, , actions] of TABLE) {
      for (const surface of SURFACES) {
        const expected = surface === 'section' ? ['retry'] : surface === 'agent' ? [] : actions[surface];
        assert.deepEqual(describeFailure(failure, 'en', { surface, subject }).actions, expected, `${name} on ${surface}`);
      }
    }
  });

  it('a kind has one look on every surface, and only cancellations and a signed-out store are silent', () => {
    for (const [name, failure, look] of TABLE) {
      for (const surface of SURFACES) {
        const v = describeFailure(failure, 'en', { surface, subject });
        assert.equal(v.look, look, `${name} on ${surface}`);
        assert.equal(v.silent, name === 'cancelled' || name === 'sessionEnded', `${name} silent on ${surface}`);
      }
    }
  });

  it('every text of every kind is filled in, in both languages, and pt-BR differs from English where it is ours', () => {
    for (const [name, failure] of TABLE) {
      for (const locale of ['en', 'pt-br'] as const) {
        const v = describeFailure(failure, locale, { surface: 'panel', subject, storeLabel: 'store loja' });
        for (const [field, text] of Object.entries({ title: v.title, message: v.message, detail: phraseText(v.detail, locale), reason: v.reason, agent: v.agent })) {
          assert.ok(text.trim().length > 2 && !/\{\d\}/.test(text), `${name}.${field} (${locale}): ${text}`);
        }
      }
      const [en, pt] = (['en', 'pt-br'] as const).map((l) => describeFailure(failure, l, { surface: 'panel', subject }));
      assert.notEqual(pt?.title, en?.title, `${name}: the title is not translated`);
    }
  });

  it('titles: one per look, naming an order when the subject is one', () => {
    const title = (f: Failure, kind: 'customer' | 'order' = 'customer'): string => describeFailure(f, 'en', { surface: 'panel', subject: { kind, id: 5 } }).title;
    assert.equal(title(api('auth')), 'Credentials rejected');
    assert.equal(title(api('forbidden')), 'No access to this store');
    assert.equal(title(api('notFound')), 'Customer not found');
    assert.equal(title(api('notFound'), 'order'), 'Order not found');
    assert.equal(title(api('rateLimited')), 'Too many requests');
    assert.equal(title(api('network')), 'Could not reach Yampi');
    assert.equal(title(api('network'), 'order'), 'Could not load the order');
    assert.equal(title({ kind: 'notSignedIn' }), 'No store connected');
    assert.equal(describeFailure({ kind: 'notSignedIn' }, 'pt-br', { surface: 'panel' }).title, 'Nenhuma loja conectada');
  });

  it('the sentence names the store, the id and the wait, each as a value the surface marks up', () => {
    const detail = (f: Failure, kind: 'customer' | 'order' = 'customer', label?: string) => describeFailure(f, 'en', { surface: 'panel', subject: { kind, id: 42, label } }).detail;
    assert.deepEqual(detail(api('notFound', { alias: 'loja' })).values, [{ role: 'id', value: 42 }, { role: 'store', value: 'loja' }]);
    assert.equal(phraseText(detail(api('notFound', { alias: 'loja' })), 'en'), 'Customer #42 was not found in store loja.');
    assert.equal(phraseText(detail(api('notFound', { alias: 'loja' }), 'order'), 'en'), 'Order id 42 was not found in store loja.');
    assert.equal(phraseText(detail(api('notFound', { alias: 'loja' }), 'order', 'Order #1000457'), 'en'), 'Order #1000457 was not found in store loja.');
    assert.deepEqual(detail(api('auth', { alias: 'loja' })).values, [{ role: 'store', value: 'loja' }]);
    assert.match(phraseText(detail(api('forbidden', { alias: 'loja' }), 'order'), 'en'), /read orders\.$/);
    assert.match(phraseText(detail(api('forbidden', { alias: 'loja' })), 'en'), /read customers\.$/);
    assert.deepEqual(detail(api('rateLimited', { retryAfterMs: 12_300 })).values, [{ role: 'id', value: 13 }]);
    assert.deepEqual(detail(api('rateLimited', { retryAfterMs: 200 })).values, [{ role: 'id', value: 1 }], 'at least one second');
    assert.deepEqual(detail(api('rateLimited')).values, [], 'no wait known: "in a moment"');
    // any other kind: the notification's message as data under the request it failed
    const network = detail(api('network'));
    assert.equal(network.template, 'The request for customer #{0} failed: {1}');
    assert.deepEqual(network.values, [{ role: 'id', value: 42 }, { role: 'data', value: 'Could not reach the Yampi API. Check your connection.' }]);
    assert.deepEqual(detail({ kind: 'unknown', message: 'boom' }, 'order').values, [{ role: 'id', value: 42 }, { role: 'data', value: 'boom' }]);
    assert.deepEqual(detail({ kind: 'unknown', message: 'boom' }, 'order', 'Order #9').values, [{ role: 'data', value: 'Order #9' }, { role: 'data', value: 'boom' }]);
  });

  it('phraseMarkup escapes the template and marks each value up by its role', () => {
    const p = describeFailure(api('notFound', { alias: '<b>' }), 'en', { surface: 'panel', subject: { kind: 'customer', id: 3 } }).detail;
    const html = phraseMarkup(p, 'en', (s) => s.replaceAll('<', '&lt;'), (v) => `[${v.role}:${String(v.value).replaceAll('<', '&lt;')}]`);
    assert.equal(html, 'Customer #[id:3] was not found in store [store:&lt;b>].');
  });

  it('the short reason of a section row: four kinds in a few words, the rest by the host\'s message', () => {
    const reason = (f: Failure): string => describeFailure(f, 'en', { surface: 'section' }).reason;
    assert.equal(reason(api('auth')), 'credentials rejected');
    assert.equal(reason(api('forbidden')), 'no permission for this store');
    assert.equal(reason(api('notFound')), 'not found');
    assert.equal(reason(api('rateLimited')), 'too many requests, try again in a moment');
    assert.equal(reason({ kind: 'unknown', message: 'Could not reach the Yampi API.' }), 'Could not reach the Yampi API.');
    assert.equal(reason(api('timeout')), 'The Yampi API did not answer in time.');
    assert.equal(sectionErrorText({ kind: 'auth', message: 'x' }, 'pt-br'), describeFailure(api('auth'), 'pt-br', { surface: 'section' }).reason);
    assert.equal(sectionErrorText({ kind: 'network', message: 'host words' }, 'en'), 'host words');
  });

  it('the agent text names the store, says what to do, and points to the log exactly when the notification offers it', () => {
    const agent = (f: Failure): string => describeFailure(f, 'en', { surface: 'agent', storeLabel: 'store loja' }).agent;
    const LOG = 'Details are in the extension’s log ("Yampi: Show Log").';
    for (const [name, failure, , actions] of TABLE) {
      if (failure.kind === 'secretStorage' || failure.kind === 'sessionEnded' || failure.kind === 'baseUrl') {
        continue; // not an agent's failure: said as the notification says it
      }
      assert.equal(agent(failure).endsWith(LOG), actions.notification.includes('showLog'), name);
    }
    assert.match(agent(api('auth')), /saved for store loja\. Ask the user .*yampi\.setCredentials/);
    assert.equal(agent(api('notFound', { customerId: 9 })), 'Customer #9 was not found in store loja. Check the id; it may belong to another store.');
    assert.equal(agent(api('notFound')), 'The lookup in store loja failed: HTTP 404');
    assert.match(agent(api('tls')), /^Could not reach the Yampi API for store loja/);
    assert.match(agent(api('rateLimited', { retryAfterMs: 1 })), /Retry in 1 seconds, not sooner/);
    assert.equal(failureResult({ kind: 'auth' }, { alias: 'loja', name: undefined }, 'en'), agent(api('auth')));
  });

  it('checking new credentials words a rejection as "nothing was saved", offering to try again', () => {
    const v = describeFailure(api('auth', { alias: 'loja' }), 'en', { surface: 'notification', operation: 'signIn' });
    assert.deepEqual({ message: v.message, actions: v.actions }, { message: 'Yampi rejected this User-Token and User-Secret-Key. Nothing was saved.', actions: ['retry'] });
    assert.deepEqual(describeFailure(api('network'), 'en', { surface: 'notification', operation: 'signIn' }).actions, ['retry', 'showLog'], 'only a rejection changes');
  });
});

describe('failure vocabulary: the words of each kind (issue 19 §4)', () => {
  const detail = (f: Failure, subject?: { kind: 'customer' | 'order'; id: number; label?: string }): string => phraseText(describeFailure(f, 'en', { surface: 'panel', subject }).detail, 'en');

  it('the agent text of every kind, as a chat tool hands it over', () => {
    const LOG = ' Details are in the extension’s log ("Yampi: Show Log").';
    const agent = (f: Failure): string => describeFailure(f, 'en', { surface: 'agent', storeLabel: 'store loja' }).agent;
    const table: [Failure, string][] = [
      [{ kind: 'notSignedIn' }, 'No Yampi store is connected in VS Code, so nothing was looked up. Ask the user to run "Yampi: Set Credentials…" (command yampi.setCredentials) with the store’s User-Token and User-Secret-Key, or to set YAMPI_ALIAS, YAMPI_USER_TOKEN and YAMPI_USER_SECRET_KEY in VS Code’s environment. Never ask for the credentials in chat.'],
      [{ kind: 'unknownStore', alias: '"loja-x"' }, 'Store "loja-x" is not connected in VS Code. Leave "store" out to use the active store, or ask the user to connect it with "Yampi: Set Credentials…".'],
      [{ kind: 'unknown', message: '"boom"' }, `The lookup in store loja failed: "boom"${LOG}`],
      [api('cancelled'), 'Cancelled before Yampi answered; nothing was read.'],
      [api('forbidden'), 'Store store loja is inactive or its credentials have no permission to read customers.'],
      [api('rateLimited', { retryAfterMs: 0 }), 'Yampi is limiting requests to store loja (about 60 a minute). Retry in a minute, not sooner.'],
      [api('rateLimited', { retryAfterMs: 2500 }), 'Yampi is limiting requests to store loja (about 60 a minute). Retry in 3 seconds, not sooner.'],
      [api('server', { status: 502 }), `Yampi answered with a server error (HTTP 502) for store loja. Retry later.${LOG}`],
      [api('server'), `Yampi answered with a server error (HTTP 500) for store loja. Retry later.${LOG}`],
      [api('network'), `Could not reach the Yampi API for store loja. The connection may be down; retry later.${LOG}`],
      [api('proxy'), `Could not reach the Yampi API for store loja. The connection may be down; retry later.${LOG}`],
      [api('timeout'), `The Yampi API did not answer in time for store loja. Retry later.${LOG}`],
      [api('invalidResponse'), `The Yampi API sent a response that could not be read for store loja.${LOG}`],
      [api('invalidInput'), 'Invalid store alias or customer id.'],
      [{ kind: 'sessionEnded', alias: 'loja' }, 'Signed out of store "loja": the request was dropped.'],
    ];
    for (const [f, text] of table) {
      assert.equal(agent(f), text);
    }
    assert.equal(describeFailure({ kind: 'unknown', message: 'x' }, 'en', { surface: 'agent' }).agent, `The lookup in  failed: x${LOG}`, 'no store named: nothing in its place');
  });

  it('the sentence of each kind without a subject, and for an order named by id or by label', () => {
    assert.equal(detail(api('notFound', { alias: 'loja' })), 'Store "loja" was not found.');
    assert.equal(detail({ kind: 'notSignedIn' }), 'Connect a Yampi store first.');
    assert.equal(detail({ kind: 'notSignedIn' }, { kind: 'order', id: 5 }), 'Connect a Yampi store first.');
    assert.equal(detail({ kind: 'notSignedIn' }, { kind: 'order', id: 5, label: 'Order #9' }), 'Order #9: connect a Yampi store to see this order.');
    assert.equal(detail({ kind: 'notSignedIn' }, { kind: 'customer', id: 5 }), 'Customer #5: connect a Yampi store to see who this is.');
    assert.equal(detail({ kind: 'unknown', message: 'boom' }), 'Something went wrong: boom');
    assert.equal(detail({ kind: 'unknown', message: 'boom' }, { kind: 'order', id: 5 }), 'The request for order id 5 failed: boom');
    assert.equal(detail(api('rateLimited', { retryAfterMs: 0 })), 'Yampi is limiting requests right now. Try again in a moment.');
    assert.equal(detail(api('rateLimited', { retryAfterMs: 4000 })), 'Yampi is limiting requests right now. Try again in 4 seconds.');
    assert.equal(detail({ kind: 'unknownStore', alias: 'loja-x' }, { kind: 'customer', id: 5 }), 'No saved Yampi store is called "loja-x".');
    assert.equal(detail({ kind: 'sessionEnded', alias: 'loja' }, { kind: 'customer', id: 5 }), 'The request for customer #5 failed: Signed out of store "loja": the request was dropped.');
  });

  it('a sentence keeps a placeholder it has no value for', () => {
    assert.equal(phraseMarkup({ template: 'a {0} b {1}', values: [{ role: 'id', value: 1 }] }, 'en', (x) => x, (v) => `<${String(v.value)}>`), 'a <1> b {1}');
  });

  it('checking new credentials changes only a rejection of the API', () => {
    const signIn = (f: Failure): string => describeFailure(f, 'en', { surface: 'notification', operation: 'signIn' }).message;
    assert.equal(signIn({ kind: 'notSignedIn' }), 'Connect a Yampi store first.');
    assert.equal(signIn(api('forbidden', { alias: 'loja' })), describeFailure(api('forbidden', { alias: 'loja' }), 'en').message);
    assert.match(describeFailure(api('auth', { alias: 'loja' }), 'en').message, /^Yampi rejected the credentials for store "loja"/, 'without the operation, the usual words');
  });

  it('TLS and proxy failures say what failed, naming the host or the proxy', () => {
    const m = (kind: 'tls' | 'proxy', reason?: FailureReason): string => describeFailure(api(kind, { host: 'h.example', reason }), 'en').message;
    assert.match(m('tls', 'hostname'), /^The certificate presented for h\.example is for another host name/);
    assert.match(m('tls', 'expired'), /^The certificate of h\.example has expired/);
    assert.match(m('tls', 'protocol'), /^A secure connection with h\.example could not be agreed/);
    for (const reason of ['untrusted', undefined] as const) {
      assert.match(m('tls', reason), /^The certificate of h\.example is not trusted/);
    }
    assert.match(m('proxy', 'unsupportedScheme'), /^Unsupported proxy scheme h\.example in http\.proxy/);
    assert.match(m('proxy', 'invalidUrl'), /^The proxy URL in http\.proxy \(or HTTPS_PROXY\) is not valid/);
    assert.match(m('proxy'), /^The proxy h\.example refused or failed the connection/);
    assert.deepEqual(describeFailure(api('proxy', { reason: 'invalidUrl' }), 'en').actions, ['showLog'], 'a bad proxy URL does not get better by retrying');
    assert.deepEqual(describeFailure(api('proxy', { reason: 'unsupportedScheme' }), 'en').actions, ['showLog']);
    assert.match(describeFailure(api('tls', { alias: 'loja' }), 'en').message, /certificate of loja is not trusted/, 'no host: the store');
  });
});

describe('failure vocabulary: classifying what was thrown', () => {
  it('core\'s error classes by instanceof; a lookalike by name is just an error', () => {
    assert.deepEqual(failureOf(new NotSignedInError()), { kind: 'notSignedIn' });
    assert.deepEqual(failureOf(new SessionEndedError('loja')), { kind: 'sessionEnded', alias: 'loja' });
    assert.deepEqual(failureOf(new BaseUrlError('insecureHttp', 'http://x')), { kind: 'baseUrl', problem: 'insecureHttp' });
    assert.deepEqual(failureOf(new SecretStorageUnavailableError('save', new Error('no keyring'))), { kind: 'secretStorage', operation: 'save' });
    assert.deepEqual(failureOf(Object.assign(new Error('Not signed in'), { name: 'NotSignedInError' })), { kind: 'unknown', message: 'Not signed in' });
    assert.deepEqual(failureOf('text'), { kind: 'unknown', message: 'text' });
  });

  it('the API client\'s YampiError (another bundle today) and VS Code\'s cancellation by shape', () => {
    assert.deepEqual(failureOf(new YampiError('rateLimited', 'x', { alias: 'loja', retryAfterMs: 900, status: 429 })), {
      kind: 'api', error: { kind: 'rateLimited', alias: 'loja', customerId: undefined, status: 429, retryAfterMs: 900 },
    });
    assert.deepEqual(failureOf(new YampiError('proxy', 'x', { proxy: 'http://p:3128', host: 'api', reason: 'unsupportedScheme' })), {
      kind: 'api', error: { kind: 'proxy', alias: undefined, customerId: undefined, status: undefined, retryAfterMs: undefined, host: 'http://p:3128', reason: 'unsupportedScheme' },
    });
    assert.deepEqual(failureOf(Object.assign(new Error('Canceled'), { name: 'Canceled' })), { kind: 'api', error: { kind: 'cancelled' } });
  });

  it('a failure reported by kind keeps the four kinds with words of their own, the rest by the host\'s message', () => {
    assert.deepEqual(reportedFailure({ kind: 'auth', message: 'm' }, 'loja'), { kind: 'api', error: { kind: 'auth', alias: 'loja', retryAfterMs: undefined } });
    assert.deepEqual(reportedFailure({ kind: 'rateLimited', message: 'm', retryAfterMs: 3 }), { kind: 'api', error: { kind: 'rateLimited', alias: '', retryAfterMs: 3 } });
    assert.deepEqual(reportedFailure({ kind: 'tls', message: 'the certificate…' }), { kind: 'unknown', message: 'the certificate…' });
  });
});

describe('surfaces derive from the vocabulary', () => {
  const actionsOf = (html: string): string[] => [...html.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1] ?? '');
  const hrefs = (md: string): string[] => [...md.matchAll(/\]\((command:[^?)\s]+)/g)].map((m) => m[1] ?? '');

  it('the customer panel: each error state shows the vocabulary\'s title and its panel actions as buttons, in order', () => {
    const states: readonly [DetailErrorState, Failure][] = [
      [{ kind: 'notFound', alias: 'loja', id: 4 }, api('notFound', { alias: 'loja', customerId: 4 })],
      [{ kind: 'authError', alias: 'loja', id: 4 }, api('auth', { alias: 'loja' })],
      [{ kind: 'forbidden', alias: 'loja', id: 4 }, api('forbidden', { alias: 'loja' })],
      [{ kind: 'rateLimited', alias: 'loja', id: 4, retryAfterSeconds: 3 }, api('rateLimited', { retryAfterMs: 3000 })],
      [{ kind: 'networkError', alias: 'loja', id: 4, message: 'down' }, { kind: 'unknown', message: 'down' }],
    ];
    for (const [state, failure] of states) {
      const view = describeFailure(failure, 'en', { surface: 'panel', subject: { kind: 'customer', id: 4 } });
      const html = renderDetailBody({ state, locale: 'en', privacy: true, revealed: new Set() });
      assert.deepEqual(actionsOf(html), view.actions, state.kind);
      assert.ok(html.includes(`<h1 id="state-title">${view.title}</h1>`), state.kind);
      assert.match(html, /data-action="[^"]+" data-focus-key="[^"]+"><span class="codicon[^"]*"[^>]*><\/span>/);
    }
  });

  it('the order panel: signed out is "connect a store" with Set Credentials, no longer "credentials rejected"', () => {
    const html = renderOrderBody({ state: { kind: 'error', alias: 'loja', id: 5, error: 'signedOut', message: 'x' }, locale: 'en', privacy: true });
    assert.match(html, /No store connected/);
    assert.doesNotMatch(html, /rejected/);
    assert.deepEqual(actionsOf(html), ['setCredentials', 'retry']);
    assert.deepEqual(actionsOf(renderOrderBody({ state: { kind: 'notFound', alias: 'loja', id: 5 }, locale: 'en', privacy: true })), ['retry']);
    assert.match(renderOrderBody({ state: { kind: 'error', alias: 'loja', id: 5, error: 'forbidden', message: 'x' }, locale: 'en', privacy: true }), /read orders\./);
  });

  it('the customer hover: the links are the hover actions (Retry opens the panel)', () => {
    const card = (kind: 'auth' | 'forbidden' | 'notFound' | 'rateLimited' | 'timeout'): string[] => hrefs(hoverCard({ kind: 'error', id: 5, alias: 'loja', error: { kind, message: 'm' } }, 'en', true));
    assert.deepEqual(card('auth'), ['command:yampi.setCredentials']);
    assert.deepEqual(card('forbidden'), []);
    assert.deepEqual(card('notFound'), []);
    assert.deepEqual(card('rateLimited'), ['command:yampi.openCustomer']);
    assert.deepEqual(card('timeout'), ['command:yampi.openCustomer', 'command:yampi.showLog']);
    assert.match(hoverCard({ kind: 'signedOut', id: 5 }, 'en', true), /^\$\(account\) .*connect a Yampi store to see who this is/);
  });

  it('the order hover: signed out, not found and any other failure say the vocabulary\'s sentence', () => {
    const plain = (s: string): string => s.replace(/[\u2068\u2069\\]/g, '');
    assert.deepEqual(hrefs(orderCard({ kind: 'signedOut', label: 'Order #1' }, 'en', true)), ['command:yampi.setCredentials']);
    assert.match(plain(orderCard({ kind: 'notFound', label: 'Order #1', alias: 'loja', ignored: false }, 'en', true)), /^\$\(search-stop\) Order #1 was not found in store loja\.$/);
    const error = orderCard({ kind: 'error', label: 'Order #1', message: 'down' }, 'en', true);
    assert.match(plain(error), /^\$\(warning\) Order #1: down/);
    assert.deepEqual(hrefs(error), ['command:yampi.showLog']);
  });
});
