// The language-model tools (product.md § Terminal and chat) in the real extension host, invoked
// through vscode.lm.invokeTool as a chat would (no model needed), against the sandbox store.
// Outside a chat request VS Code asks for the confirmation with a dialog, which the workbench
// answers itself in extension tests; the confirmation text is read from the tool directly.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { EDGE_CASE_IDS, MISSING_CUSTOMER_ID, ORDER_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from '../sandbox/constants';
import { buildSandboxData } from '../sandbox/data';
import { addFault, extensionApi, owner, resetSandbox, sandboxRequests, signIn, signOutAll, waitFor, confirmed } from './helpers';

const aurora = SANDBOX_STORES.aurora;
const mariana = EDGE_CASE_IDS.knownGood;

type WithTools = TestApi;

async function invoke(name: string, input: object, token?: vscode.CancellationToken): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, token);
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : JSON.stringify(p))).join('');
}

/** Every secret the sandbox knows: the credentials and each customer's account token and login link. */
function sandboxSecrets(): string[] {
  const out: string[] = Object.values(SANDBOX_USERS).flatMap((u) => [u.userToken, u.userSecretKey]);
  for (const store of buildSandboxData().values()) {
    for (const carts of store.related.carts.values()) {
      for (const cart of carts as readonly Record<string, unknown>[]) {
        for (const key of ['token', 'simulate_url']) {
          const v = cart[key];
          if (typeof v === 'string' && v.length >= 8) {
            out.push(v);
          }
        }
      }
    }
    for (const c of store.customers) {
      const json = c.json as Record<string, unknown>;
      for (const key of ['token', 'login_url']) {
        const v = json[key];
        if (typeof v === 'string' && v.length >= 8) {
          out.push(v);
        }
      }
    }
  }
  return out;
}

describe('language-model tools', () => {
  let api: WithTools;
  let secrets: string[];
  const texts: string[] = [];
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('yampi');
  const call = async (name: string, input: object, token?: vscode.CancellationToken): Promise<string> => {
    const text = await invoke(name, input, token);
    texts.push(text);
    return text;
  };

  before(async () => {
    api = await extensionApi();
    secrets = sandboxSecrets();
    await signOutAll(api);
    assert.equal(await signIn(owner, aurora.alias), true);
    await config().update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await confirmed(api, 'yampi.clearCache');
    await resetSandbox(api);
  });

  after(async () => {
    await config().update('privacy.maskSensitiveData', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll(api);
  });

  it('are registered under the contract names', () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const name of ['yampi_getCustomer', 'yampi_searchCustomers', 'yampi_getCustomerOrders']) {
      assert.ok(names.includes(name), `${name} not in vscode.lm.tools`);
    }
  });

  it('the confirmation names the store and says personal data stays masked', async () => {
    assert.ok(api.chatTools, 'the test API has no chatTools: the chat tools are not wired into activation');
    const tool = (await api.chatTools()).find((t) => t.name === 'yampi_getCustomer');
    assert.ok(tool);
    const md = tool.prepareInvocation({ input: { id: mariana } }).confirmationMessages?.message;
    // Markdown with the store name escaped (issue 18 §2.2): read as a person sees it
    assert.ok(md instanceof vscode.MarkdownString);
    assert.ok(md.isTrusted !== true);
    assert.equal(md.supportHtml, false);
    const message = md.value.replace(/\\(.)/g, '$1').replace(/[\u2068\u2069]/g, '');
    assert.match(message, new RegExp(`customer #${mariana} from store ${aurora.name} \\(${aurora.alias}\\)`));
    assert.match(message, /stays masked/);
  });

  it('yampi_getCustomer, privacy on: the hover fields masked, the store named, the panel command; one request', async () => {
    const text = await call('yampi_getCustomer', { id: mariana });
    assert.match(text, new RegExp(`Yampi customer #${mariana} \\(store ${aurora.alias}\\)`));
    assert.ok(text.includes(`"Store":"${aurora.name}"`), text);
    assert.match(text, /"Name":"Mariana Costa Ribeiro"/);
    assert.match(text, /"E-mail":"m\*\*\*@/);
    assert.doesNotMatch(text, /mariana\.c\.ribeiro@/);
    assert.match(text, /yampi\.openCustomer/);
    assert.equal((await sandboxRequests()).filter((r) => r.path.includes('/customers/')).length, 1);
  });

  it('yampi_getCustomer, privacy off: e-mail and phone in full', async () => {
    await config().update('privacy.maskSensitiveData', false, vscode.ConfigurationTarget.Global);
    try {
      const text = await call('yampi_getCustomer', { id: mariana, store: aurora.alias });
      assert.match(text, /"E-mail":"mariana\.c\.ribeiro@exemplo\.com\.br"/);
      assert.match(text, /Privacy mode is off/);
    } finally {
      await config().update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
    }
  });

  it('yampi_searchCustomers: one line per match, masked', async () => {
    const text = await call('yampi_searchCustomers', { query: 'Mariana', limit: 3 });
    assert.match(text, new RegExp(`customers in store ${aurora.alias} matching the query: 3 of \\d+`));
    assert.ok(text.includes('"Query":"Mariana"'), text);
    assert.equal(text.split('\n').filter((l) => /^\{"Id":"#\d+",/.test(l)).length, 3);
    assert.doesNotMatch(text, /mariana\.c\.ribeiro@/);
    assert.match(text, /m\*\*\*@exemplo\.com\.br/);
  });

  it('not found names the id and the store; an unknown store says it is not connected', async () => {
    assert.match(await call('yampi_getCustomer', { id: MISSING_CUSTOMER_ID }), new RegExp(`Customer #${MISSING_CUSTOMER_ID} was not found in store ${aurora.alias}`));
    assert.match(await call('yampi_getCustomer', { id: mariana, store: 'loja-que-nao-existe' }), /Store "loja-que-nao-existe" is not connected/);
    assert.match(await call('yampi_getCustomerOrders', { id: mariana, store: 'loja-que-nao-existe' }), /is not connected/);
  });

  it('invalid input comes back as a result naming the field', async () => {
    assert.match(await call('yampi_getCustomer', { id: 'abc' }), /Invalid input for yampi_getCustomer: "id" must be/);
    assert.match(await call('yampi_searchCustomers', { query: 'x', limit: 50 }), /"limit" must be a whole number from 1 to 10/);
    assert.match(await call('yampi_getCustomerOrders', { id: -1 }), /Invalid input for yampi_getCustomerOrders/);
  });

  it('rate-limited says when to retry', async () => {
    // longer than the client waits out by itself, so the 429 reaches the tool
    await addFault({ path: `/customers/${mariana}`, status: 429, retryAfterSeconds: 600, times: 1 });
    assert.match(await call('yampi_getCustomer', { id: mariana }), /Yampi is limiting requests to store .*Retry in 600 seconds, not sooner/);
  });

  it('cancellation: the lookup stops and nothing of the customer comes back', async () => {
    await addFault({ path: `/customers/${mariana}`, latencyMs: 4000 });
    assert.ok(api.chatTools);
    const tool = (await api.chatTools()).find((t) => t.name === 'yampi_getCustomer');
    assert.ok(tool);
    const cts = new vscode.CancellationTokenSource();
    const pending = tool.invoke({ input: { id: mariana }, toolInvocationToken: undefined }, cts.token);
    await waitFor('the request to reach the sandbox', async () => (await sandboxRequests()).some((r) => r.path.endsWith(`/customers/${mariana}`)));
    cts.cancel();
    const text = (await pending).content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    texts.push(text);
    assert.match(text, /Cancelled before Yampi answered; nothing was read/);
    assert.doesNotMatch(text, /Mariana/);
    // through VS Code: a cancelled call either rejects as cancelled or returns that text
    const cts2 = new vscode.CancellationTokenSource();
    const viaLm = invoke('yampi_getCustomer', { id: mariana }, cts2.token);
    await waitFor('the second request', async () => (await sandboxRequests()).filter((r) => r.path.endsWith(`/customers/${mariana}`)).length >= 2);
    cts2.cancel();
    await viaLm.then(
      (t) => {
        assert.doesNotMatch(t, /Mariana/);
      },
      (e: unknown) => {
        assert.ok(e instanceof Error && /cancel/i.test(`${e.name} ${e.message}`), String(e));
      },
    );
  });

  it('the search cap (10 a minute per store) is forgotten on Clear Cached Data and with the store\'s session', async () => {
    const capped = /Nothing was searched: at most 10 customer searches a minute/;
    const search = (): Promise<string> => call('yampi_searchCustomers', { query: 'Mariana', limit: 1 });
    const searchesLeft = async (): Promise<number> => {
      for (let done = 0; done <= 10; done++) {
        if (capped.test(await search())) {
          return done;
        }
      }
      return Infinity;
    };
    assert.equal(await searchesLeft(), 10);
    assert.match(await search(), capped, 'still capped without a clear');
    await confirmed(api, 'yampi.clearCache');
    assert.equal(await searchesLeft(), 10, 'Clear Cached Data forgot the count');
    await signOutAll(api);
    assert.equal(await signIn(owner, aurora.alias), true);
    assert.equal(await searchesLeft(), 10, 'signing out ended the session and its count');
  });

  it('signed out: says how to sign in', async () => {
    await signOutAll(api);
    try {
      for (const [name, input] of [['yampi_getCustomer', { id: mariana }], ['yampi_searchCustomers', { query: 'Mariana' }], ['yampi_getCustomerOrders', { id: mariana }]] as const) {
        assert.match(await call(name, input), /No Yampi store is connected.*Yampi: Set Credentials…/, name);
      }
      assert.equal((await sandboxRequests()).filter((r) => r.path.startsWith('/v2/')).length, 0);
    } finally {
      assert.equal(await signIn(owner, aurora.alias), true);
    }
  });

  it('yampi_getCustomerOrders: the customer\'s newest orders (number, date, status, total, items) through one request', async () => {
    const data = buildSandboxData().get(aurora.alias)?.related;
    const mine = (data?.orders ?? []).filter((o) => o.customerId === mariana).map((o) => o.json as { number: number });
    assert.ok(mine.length > 5);
    const text = await call('yampi_getCustomerOrders', { id: mariana, limit: 5 });
    assert.match(text, new RegExp(`Orders of Yampi customer #${mariana} \\(store ${aurora.alias}\\), newest first: 5 of ${mine.length}\\.`));
    const lines = text.split('\n').filter((l) => l.startsWith('{"Order":'));
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { Order: string }).Order), mine.slice(0, 5).map((o) => String(o.number)));
    assert.ok(lines.every((l) => /"Total":"R\$/.test(l) && /"Items":\d+/.test(l)), lines.join('\n'));
    assert.match(text, /Older orders exist/);
    const orders = (await sandboxRequests()).filter((r) => r.path.endsWith('/orders'));
    assert.deepEqual(orders.map((r) => [r.query['limit'], r.query['customer_id[]']]), [['5', String(mariana)]]);
  });

  it('yampi_getCustomerOrders: none, a failure and an ignored filter', async () => {
    assert.match(await call('yampi_getCustomerOrders', { id: ORDER_CASE_IDS.noRelated }), new RegExp(`Customer #${ORDER_CASE_IDS.noRelated} has no orders`));
    await addFault({ path: '/orders', status: 403, times: 1 });
    assert.doesNotMatch(await call('yampi_getCustomerOrders', { id: mariana }), /Orders of Yampi customer/);
    await addFault({ path: '/orders', ignoreFilters: true });
    const text = await call('yampi_getCustomerOrders', { id: mariana, limit: 20 });
    const mine = new Set((buildSandboxData().get(aurora.alias)?.related.orders ?? []).filter((o) => o.customerId === mariana).map((o) => String((o.json as { number: number }).number)));
    const numbers = text.split('\n').filter((l) => l.startsWith('{"Order":')).map((l) => (JSON.parse(l) as { Order: string }).Order);
    assert.ok(numbers.every((n) => mine.has(n)), 'another customer\'s order in the result');
  });

  it('no result contains a credential, token or login link of the sandbox', () => {
    assert.ok(texts.length >= 12, `only ${texts.length} results collected`);
    for (const text of texts) {
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), 'a sandbox secret in a tool result');
      }
      assert.doesNotMatch(text, /auth\/login|login_url/);
    }
  });
});
