// Issue 4 in the real extension host, against the sandbox store over loopback.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { EDGE_CASE_IDS, FIRST_REGULAR_ID, SANDBOX_STORES } from '../sandbox/constants';
import { closeAllEditors, extensionApi, owner, resetSandbox, sandboxRequests, signIn, signOutAll, single, confirmed } from './helpers';

const aurora = SANDBOX_STORES.aurora.alias;
const serra = SANDBOX_STORES.serra.alias;

describe('credentials and stores', () => {
  let api: TestApi;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await closeAllEditors();
    await signOutAll(api);
    await resetSandbox(api);
    await confirmed(api, 'yampi.clearCache');
  });

  after(async () => {
    await closeAllEditors();
  });

  it('starts signed out: context key false, no store', () => {
    assert.equal(api.activeAlias(), undefined);
    assert.equal(api.signedInContext(), false);
  });

  it('saves valid credentials (programmatic form) and every request carries the headers', async () => {
    assert.equal(await signIn(owner, aurora), true);
    assert.equal(await api.hasSecretFor(aurora), true);
    assert.deepEqual(api.savedStoreAliases(), [aurora]);
    assert.equal(api.activeAlias(), aurora);
    assert.equal(api.signedInContext(), true);

    const customer = await vscode.commands.executeCommand<{ id: number } | undefined>('yampi.lookupCustomer', EDGE_CASE_IDS.knownGood);
    assert.equal(customer?.id, EDGE_CASE_IDS.knownGood);

    const reqs = await sandboxRequests();
    const me = reqs.find((r) => r.method === 'POST' && r.path.endsWith('/auth/me'));
    assert.ok(me, 'validation must call POST /auth/me');
    const get = reqs.find((r) => r.method === 'GET' && r.path.endsWith(`/${aurora}/customers/${EDGE_CASE_IDS.knownGood}`));
    assert.ok(get, 'the lookup must reach the sandbox');
    for (const r of [me, get]) {
      assert.equal(r.headers.userToken, owner.userToken);
      assert.equal(r.headers.userSecretKey, owner.userSecretKey);
      assert.equal(r.headers.contentType, 'application/json');
      assert.match(r.headers.userAgent ?? '', /^yampi-customers-vscode\/\d+\.\d+\.\d+/);
    }
  });

  it('refuses a wrong token and stores nothing', async () => {
    const ok = await vscode.commands.executeCommand('yampi.setCredentials', { alias: aurora, userToken: 'ytok_wrong_token_000000', userSecretKey: owner.userSecretKey });
    assert.equal(ok, false);
    assert.equal(await api.hasSecretFor(aurora), false);
    assert.deepEqual(api.savedStoreAliases(), []);
    assert.equal(api.signedInContext(), false);
    assert.match(api.shownErrors().at(-1) ?? '', /rejected the credentials|recusou as credenciais/);
    assert.ok(!api.shownErrors().some((m) => m.includes('ytok_') || m.includes('ysk_')), 'a secret reached an error message');
  });

  it('refuses credentials that do not reach the store', async () => {
    const ok = await signIn(single, aurora);
    assert.equal(ok, false);
    assert.equal(await api.hasSecretFor(aurora), false);
  });

  it('switches between two saved stores and sends requests to the active alias', async () => {
    assert.equal(await signIn(owner, aurora), true);
    assert.equal(await signIn(single, serra), true);
    assert.deepEqual([...api.savedStoreAliases()].sort(), [aurora, serra].sort());

    assert.equal(await vscode.commands.executeCommand('yampi.switchStore', aurora), true);
    await resetSandbox();
    await vscode.commands.executeCommand('yampi.lookupCustomer', EDGE_CASE_IDS.knownGood);
    assert.equal(await vscode.commands.executeCommand('yampi.switchStore', serra), true);
    assert.equal(api.activeAlias(), serra);
    await vscode.commands.executeCommand('yampi.lookupCustomer', FIRST_REGULAR_ID.serra);

    // the customer records (each panel also asks its store for the customer's orders)
    const gets = (await sandboxRequests()).filter((r) => r.method === 'GET' && r.path.includes('/customers/'));
    assert.deepEqual(gets.map((r) => r.alias), [aurora, serra]);
    assert.deepEqual((await sandboxRequests()).filter((r) => r.path.endsWith('/orders')).map((r) => r.alias), [aurora, serra]);
    // each store's requests carry that store's own credentials
    assert.equal(gets[1]?.headers.userToken, single.userToken);

    const roots = await api.treeChildren();
    assert.deepEqual(roots.map((r) => r.label).sort(), [SANDBOX_STORES.aurora.name, SANDBOX_STORES.serra.name].sort());
    assert.deepEqual(roots.filter((r) => r.contextValue.includes('+active')).map((r) => r.label), [SANDBOX_STORES.serra.name]);
  });

  it('signs out: secret gone, the other store becomes active, then the signed-out state', async () => {
    await signIn(owner, aurora);
    await signIn(single, serra);
    assert.equal(await confirmed(api, 'yampi.signOut', serra), true);
    assert.equal(await api.hasSecretFor(serra), false);
    assert.equal(api.activeAlias(), aurora);
    assert.equal(api.signedInContext(), true);
    assert.equal(await confirmed(api, 'yampi.signOut', aurora), true);
    assert.equal(await api.hasSecretFor(aurora), false);
    assert.equal(api.activeAlias(), undefined);
    assert.equal(api.signedInContext(), false);
    assert.deepEqual(await api.treeChildren(), []);
  });

  describe('environment credentials', () => {
    const keys = ['YAMPI_ALIAS', 'YAMPI_USER_TOKEN', 'YAMPI_USER_SECRET_KEY'] as const;
    afterEach(() => {
      for (const k of keys) {
        Reflect.deleteProperty(process.env, k);
      }
    });

    it('uses YAMPI_* when nothing is saved, never persists them, and saved stores win', async () => {
      process.env['YAMPI_ALIAS'] = serra;
      process.env['YAMPI_USER_TOKEN'] = single.userToken;
      process.env['YAMPI_USER_SECRET_KEY'] = single.userSecretKey;
      assert.equal(api.activeAlias(), serra);
      const c = await vscode.commands.executeCommand<{ id: number } | undefined>('yampi.lookupCustomer', FIRST_REGULAR_ID.serra);
      assert.equal(c?.id, FIRST_REGULAR_ID.serra);
      assert.deepEqual(api.savedStoreAliases(), []);
      assert.equal(await api.hasSecretFor(serra), false);
      const get = (await sandboxRequests()).find((r) => r.method === 'GET');
      assert.equal(get?.headers.userToken, single.userToken);

      await signIn(owner, aurora);
      assert.equal(api.activeAlias(), aurora);
      // signing out of an environment store is refused: nothing of it is saved
      assert.equal(await confirmed(api, 'yampi.signOut', serra), false);
    });
  });

  describe('when the secret storage itself fails (no keyring, remote host)', () => {
    const noSecretIn = (m: string): void => {
      for (const v of [owner.userToken, owner.userSecretKey, single.userToken, single.userSecretKey]) {
        assert.ok(!m.includes(v), 'a secret reached an error message');
      }
    };
    afterEach(() => {
      api.setSecretFaults({});
    });

    it('saving fails: a clear message with what to do, nothing saved, still signed out', async () => {
      api.setSecretFaults({ failStoreAt: 1 });
      assert.equal(await signIn(owner, aurora), false);
      const m = api.shownErrors().at(-1) ?? '';
      assert.match(m, /nothing was saved|nada foi salvo/);
      assert.match(m, /keyring|chaveiro/);
      assert.match(m, /YAMPI_USER_TOKEN/);
      noSecretIn(m);
      assert.equal(await api.hasSecretFor(aurora), false);
      assert.deepEqual(api.savedStoreAliases(), []);
      assert.equal(api.activeAlias(), undefined);
      assert.equal(api.signedInContext(), false);
    });

    it('a failed save of a second store leaves the first one saved, active and working', async () => {
      assert.equal(await signIn(owner, aurora), true);
      api.setSecretFaults({ failStoreAt: 1 });
      assert.equal(await signIn(owner, serra), false);
      api.setSecretFaults({});
      assert.deepEqual(api.savedStoreAliases(), [aurora]);
      assert.equal(await api.hasSecretFor(serra), false);
      assert.equal(api.activeAlias(), aurora);
      const c = await vscode.commands.executeCommand<{ id: number } | undefined>('yampi.lookupCustomer', EDGE_CASE_IDS.knownGood);
      assert.equal(c?.id, EDGE_CASE_IDS.knownGood, 'the saved store must still work with its old credentials');
    });

    it('reading fails: a search says the credentials could not be read, and sends nothing', async () => {
      assert.equal(await signIn(owner, aurora), true);
      await resetSandbox();
      api.setSecretFaults({ failGet: true });
      const found = await vscode.commands.executeCommand('yampi.searchCustomers', 'Mariana');
      assert.equal(found, undefined);
      const m = api.shownErrors().at(-1) ?? '';
      assert.match(m, /could not read the saved credentials|não conseguiu ler as credenciais/);
      assert.match(m, /keyring|chaveiro/);
      noSecretIn(m);
      assert.deepEqual(await sandboxRequests(), []);
    });

    it('signing out fails: the store stays saved and the user is told', async () => {
      assert.equal(await signIn(owner, aurora), true);
      api.setSecretFaults({ failDelete: true });
      assert.notEqual(await confirmed(api, 'yampi.signOut', aurora), true);
      assert.match(api.shownErrors().at(-1) ?? '', /was not signed out|não foi desconectada/);
      assert.deepEqual(api.savedStoreAliases(), [aurora]);
      assert.equal(await api.hasSecretFor(aurora), true);
      assert.equal(api.signedInContext(), true);
    });
  });

  describe('yampi.apiBaseUrl', () => {
    let original: string | undefined;
    before(() => {
      original = vscode.workspace.getConfiguration('yampi').get<string>('apiBaseUrl');
    });
    after(async () => {
      await vscode.workspace.getConfiguration('yampi').update('apiBaseUrl', original, vscode.ConfigurationTarget.Global);
    });

    it('refuses plain http to a non-loopback host: no request leaves, nothing is saved', async () => {
      await vscode.workspace.getConfiguration('yampi').update('apiBaseUrl', 'http://api.example.com/v2', vscode.ConfigurationTarget.Global);
      const ok = await signIn(owner, aurora);
      assert.equal(ok, false);
      assert.deepEqual(api.savedStoreAliases(), []);
      assert.deepEqual(await sandboxRequests(), []);
      assert.match(api.shownErrors().at(-1) ?? '', /yampi\.apiBaseUrl.*http:\/\//);
    });
  });
});
