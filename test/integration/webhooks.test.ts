// Issue 21: the webhook workbench inside a real extension host — the receiver's lifecycle, a port in
// use, 50 concurrent deliveries, forged and unsigned deliveries from the sandbox, resend, the
// payload document (masked, with our hover), and sign-out / Clear Cached Data leaving nothing.
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { WEBHOOK_EVENT_NAMES } from '../../src/core/webhooks/events';
import { EDGE_CASE_IDS, SANDBOX_STORES } from '../sandbox/constants';
import { closeAllEditors, confirmed, extensionApi, owner, resetSandbox, signIn, signOutAll, waitFor } from './helpers';
import { files, userDataDir } from './userData';

const aurora = SANDBOX_STORES.aurora.alias;
const SECRET = 'wh_integration_4f9c2e7a1b63d8e0f5a2c7b9e1d3';
const mariana = EDGE_CASE_IDS.knownGood;

type Wb = Awaited<ReturnType<TestApi['webhooks']>>;

function post(port: number, body: string, headers: Record<string, string> = {}): Promise<{ status: number; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/hooks/yampi', method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, ms: Date.now() - t0 }); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sign = (body: string, secret = SECRET): string => createHmac('sha256', secret).update(body).digest('base64');

/** In every body this suite sends, to find it in any file afterwards. */
const BODY_MARKER = 'wh-leak-marker-7f3a9c';

function orderPaid(n: number): string {
  return JSON.stringify({ event: 'order.paid', time: '2025-01-01 12:00:00', merchant: { id: 109111, alias: aurora }, resource: { id: 90311245 + n, number: 1042 + n, customer_id: mariana, notes: BODY_MARKER, customer: { data: { id: mariana, name: 'Mariana Costa Almeida', email: 'mariana.almeida@example.com' } } } });
}

async function emit(url: string, spec: Record<string, unknown>): Promise<{ status: number }> {
  const origin = process.env['YAMPI_SANDBOX_URL'];
  assert.ok(origin);
  const res = await fetch(`${origin}/__sandbox/webhooks/emit`, { method: 'POST', body: JSON.stringify({ url, secret: SECRET, ...spec }), headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 200);
  return (await res.json()) as { status: number };
}

function rows(wb: Wb): { label: string; description: string }[] {
  return wb.view.getChildren().map((n) => {
    const item = wb.view.getTreeItem(n);
    return { label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''), description: typeof item.description === 'string' ? item.description : '' };
  });
}

/** A port nothing listens on right now (opened on 0, then closed). */
async function freePort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => { s.listen(0, '127.0.0.1', r); });
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => { s.close(r); });
  return port;
}

describe('webhook workbench (issue 21)', () => {
  let api: TestApi;
  let wb: Wb;

  before(async () => {
    api = await extensionApi();
    await signOutAll(api);
    await resetSandbox(api);
    assert.equal(await signIn(owner, aurora), true);
    await vscode.workspace.getConfiguration('yampi').update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
    wb = await api.webhooks();
    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.setSecret', { alias: aurora, secret: SECRET }), true);
  });

  beforeEach(async () => {
    await confirmed(api, 'yampi.clearCache');
    assert.equal(wb.workbench.log.size, 0);
  });

  after(async () => {
    await vscode.commands.executeCommand('yampi.webhooks.stopReceiver');
    await closeAllEditors();
    await signOutAll(api);
  });

  it('starts on 127.0.0.1, takes any POST path, shows a verified delivery newest first, stops and starts again', async () => {
    const started = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    assert.ok(started.port > 0);
    assert.equal(wb.workbench.running?.url, `http://127.0.0.1:${started.port}/`);
    const again = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    assert.equal(again.port, started.port, 'a second start keeps the running receiver');

    const first = orderPaid(1);
    assert.equal((await post(started.port, first, { 'x-yampi-hmac-sha256': sign(first) })).status, 200);
    const second = JSON.stringify({ event: 'customer.created', merchant: { alias: aurora }, resource: { id: mariana } });
    assert.equal((await post(started.port, second, { 'x-yampi-hmac-sha256': sign(second) })).status, 200);
    await waitFor('two deliveries', () => wb.workbench.log.size === 2);
    const shown = rows(wb);
    assert.deepEqual(shown.map((r) => r.label), ['customer.created', 'order.paid']);
    assert.ok(shown.every((r) => /^(verified|verificada)$/.test(r.description)), JSON.stringify(shown));

    const children = wb.view.getChildren(wb.view.getChildren()[1]).map((n) => wb.view.getTreeItem(n));
    const resource = children[0]?.label as string;
    assert.match(resource, /#1043/);
    assert.match(resource, new RegExp(`#${mariana}`));
    assert.match(resource, /m\*\*\*@example\.com/, 'the customer is masked in privacy mode');
    assert.ok(!resource.includes('Mariana'), 'no name while masked');
    assert.deepEqual(children.slice(1).map((c) => c.command?.command), ['yampi.webhooks.openPayload', 'yampi.webhooks.resend', 'yampi.webhooks.verifyAgain']);

    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.stopReceiver'), true);
    assert.equal(wb.workbench.running, undefined);
    await assert.rejects(post(started.port, first), 'the port still answers after stop');
    const restarted = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    assert.ok(restarted.port > 0);
    assert.equal((await post(restarted.port, first, { 'x-yampi-hmac-sha256': sign(first) })).status, 200);
  });

  it('a port in use: the receiver does not start and the message names yampi.webhooks.port', async () => {
    await vscode.commands.executeCommand('yampi.webhooks.stopReceiver');
    const blocker: Server = createServer();
    await new Promise<void>((r) => { blocker.listen(0, '127.0.0.1', r); });
    const port = (blocker.address() as AddressInfo).port;
    const config = vscode.workspace.getConfiguration('yampi');
    try {
      await config.update('webhooks.port', port, vscode.ConfigurationTarget.Global);
      await waitFor('the setting', () => vscode.workspace.getConfiguration('yampi').get('webhooks.port') === port);
      const before = api.shownErrors().length;
      assert.equal(await vscode.commands.executeCommand('yampi.webhooks.startReceiver'), undefined);
      assert.equal(wb.workbench.running, undefined);
      const shown = api.shownErrors().slice(before);
      assert.ok(shown.some((m) => m.includes(String(port)) && m.includes('yampi.webhooks.port')), JSON.stringify(shown));
    } finally {
      await config.update('webhooks.port', undefined, vscode.ConfigurationTarget.Global);
      await new Promise((r) => { blocker.close(r); });
    }
    const ok = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    assert.ok(ok.port > 0, 'starts again on a free port once the setting is back to 0');
  });

  it('follows yampi.webhooks.port while running: moves to the new port, and stays put, saying so, when it is taken', async () => {
    const { port: first } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const config = vscode.workspace.getConfiguration('yampi');
    const blocker: Server = createServer();
    await new Promise<void>((r) => { blocker.listen(0, '127.0.0.1', r); });
    const taken = (blocker.address() as AddressInfo).port;
    const spare: Server = createServer();
    await new Promise<void>((r) => { spare.listen(0, '127.0.0.1', r); });
    const wanted = (spare.address() as AddressInfo).port;
    await new Promise((r) => { spare.close(r); });
    try {
      await config.update('webhooks.port', wanted, vscode.ConfigurationTarget.Global);
      await waitFor('the receiver on the new port', () => wb.workbench.running?.port === wanted);
      const body = orderPaid(7);
      assert.equal((await post(wanted, body, { 'x-yampi-hmac-sha256': sign(body) })).status, 200);
      await assert.rejects(post(first, body), 'the old port closed once the new one listened');

      const before = api.shownErrors().length;
      await config.update('webhooks.port', taken, vscode.ConfigurationTarget.Global);
      const shown = await waitFor('the message', () => {
        const m = api.shownErrors().slice(before);
        return m.length > 0 ? m : undefined;
      });
      assert.ok(shown.some((m) => m.includes(String(taken)) && m.includes(`stays on port ${wanted}`) && m.includes('yampi.webhooks.port')), JSON.stringify(shown));
      assert.equal(wb.workbench.running?.port, wanted, 'still receiving where it was');
      assert.equal((await post(wanted, body, { 'x-yampi-hmac-sha256': sign(body) })).status, 200);

      // two changes in a row: it ends on the last one, with nothing left listening on the one between
      const [between, last] = await Promise.all([freePort(), freePort()]);
      await config.update('webhooks.port', between, vscode.ConfigurationTarget.Global);
      await config.update('webhooks.port', last, vscode.ConfigurationTarget.Global);
      await waitFor('the receiver on the last port', () => wb.workbench.running?.port === last);
      await new Promise((r) => setTimeout(r, 300));
      const listening = (): number | undefined => wb.workbench.running?.port; // read now, not as narrowed above
      assert.equal(listening(), last, 'still on the last port');
      await assert.rejects(post(between, body), 'nothing listens on the port in between');
      await assert.rejects(post(wanted, body), 'nor on the one before');
      assert.equal((await post(last, body, { 'x-yampi-hmac-sha256': sign(body) })).status, 200);
    } finally {
      await config.update('webhooks.port', undefined, vscode.ConfigurationTarget.Global);
      await new Promise((r) => { blocker.close(r); });
    }
    await waitFor('back on a free port of its own', () => {
      const port = wb.workbench.running?.port;
      return port !== undefined && port !== wanted ? port : undefined;
    });
  });

  it('answers 50 concurrent deliveries, all 200 within Yampi\'s 5 s, and keeps all 50, verified', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const bodies = Array.from({ length: 50 }, (_, i) => orderPaid(100 + i));
    const t0 = Date.now();
    const answers = await Promise.all(bodies.map((b) => post(port, b, { 'x-yampi-hmac-sha256': sign(b) })));
    const total = Date.now() - t0;
    assert.deepEqual(answers.map((a) => a.status), bodies.map(() => 200));
    assert.ok(Math.max(...answers.map((a) => a.ms)) < 5000, `slowest answer ${Math.max(...answers.map((a) => a.ms))} ms`);
    assert.ok(total < 5000, `the burst took ${total} ms`);
    await waitFor('50 deliveries', () => wb.workbench.log.size === 50);
    assert.ok(wb.workbench.log.all().every((d) => d.verdict.state === 'verified'));
  });

  it('forged, unsigned, wrong-header and PHP-signed deliveries from the sandbox get their own verdicts', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const url = `http://127.0.0.1:${port}/yampi`;
    for (const mode of ['forged', 'unsigned', 'wrong-header', 'php', 'hex']) {
      assert.equal((await emit(url, { event: 'order.paid', mode })).status, 200);
    }
    await waitFor('five deliveries', () => wb.workbench.log.size === 5);
    const verdicts = wb.workbench.log.all().map((d) => [d.verdict.state, d.verdict.variant ?? d.verdict.diagnosis]).reverse();
    assert.deepEqual(verdicts, [['invalid', 'wrongSecret'], ['unsigned', 'missingHeader'], ['unsigned', 'wrongHeaderName'], ['verified', 'php-base64'], ['verified', 'raw-hex']]);
    const labels = rows(wb).map((r) => r.description).reverse();
    assert.match(labels[0] ?? '', /^(invalid signature|assinatura inválida)$/);
    assert.match(labels[1] ?? '', /^(unsigned|sem assinatura)$/);
  });

  it('no secret set: a signed delivery for a store without one says so; setting it verifies again', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    await wb.workbench.secrets.forget(aurora);
    const body = orderPaid(7);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    assert.equal(wb.workbench.log.all()[0]?.verdict.state, 'noSecret');
    assert.match(rows(wb)[0]?.description ?? '', /^(no secret set|sem segredo)$/);
    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.setSecret', { alias: aurora, secret: SECRET }), true);
    assert.equal(wb.workbench.log.all()[0]?.verdict.state, 'verified');
  });

  it('resends a delivery unchanged (loopback at once); another host needs consent, and a refusal sends nothing', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const body = orderPaid(9);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    const seq = wb.workbench.log.all()[0]?.seq;
    const r = await vscode.commands.executeCommand<{ status: number; ms: number }>('yampi.webhooks.resend', { seq }, `http://127.0.0.1:${port}/again`);
    assert.equal(r.status, 200);
    await waitFor('the resent delivery', () => wb.workbench.log.size === 2);
    const resent = wb.workbench.log.all()[0];
    assert.ok(resent);
    assert.equal(Buffer.from(resent.body).toString(), body);
    assert.equal(resent.path, '/again');
    assert.equal(resent.verdict.state, 'verified');

    api.answerNextModal('Cancel');
    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.resend', { seq }, 'http://192.0.2.1/hook'), undefined);
    assert.equal(wb.workbench.log.size, 2);
  });

  it('verifies a pasted body and header, and sends a signed sample of each of the 14 events to the receiver', async () => {
    const body = orderPaid(3);
    const v = await vscode.commands.executeCommand<{ state: string; variant?: string; label: string }>('yampi.webhooks.verify', { body, signature: sign(body), alias: aurora });
    assert.equal(v.state, 'verified');
    assert.equal(v.variant, 'raw-base64');
    const bad = await vscode.commands.executeCommand<{ state: string; diagnosis?: string; message: string }>('yampi.webhooks.verify', { body, signature: sign(body, 'wh_other'), alias: aurora });
    assert.equal(bad.diagnosis, 'wrongSecret');
    assert.ok(bad.message.length > 20);

    await vscode.commands.executeCommand('yampi.webhooks.startReceiver');
    for (const event of WEBHOOK_EVENT_NAMES) {
      const sent = await vscode.commands.executeCommand<{ status: number }>('yampi.webhooks.sendSample', { event });
      assert.equal(sent.status, 200, event);
    }
    await waitFor('the 14 samples', () => wb.workbench.log.size === 14);
    assert.deepEqual(wb.workbench.log.all().map((d) => d.summary.event).reverse(), [...WEBHOOK_EVENT_NAMES]);
    assert.ok(wb.workbench.log.all().every((d) => d.verdict.state === 'verified'));
    assert.ok(wb.workbench.log.all().every((d) => !Buffer.from(d.body).toString().includes('mariana.almeida@example.com')), 'samples are masked with privacy on');
    const unknown = await vscode.commands.executeCommand('yampi.webhooks.sendSample', { event: 'order.updated' });
    assert.equal(unknown, undefined, 'an event Yampi does not send is refused');
  });

  it('opens the payload read-only, masked with privacy on, with the customer hover working in it', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const body = orderPaid(5);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    const seq = wb.workbench.log.all()[0]?.seq;
    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.openPayload', { seq }), true);
    const editor = await waitFor('the payload editor', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'yampi-webhook' ? vscode.window.activeTextEditor : undefined));
    const doc = editor.document;
    assert.equal(doc.languageId, 'json');
    assert.ok(!doc.getText().includes('mariana.almeida@example.com'));
    assert.ok(doc.getText().includes('m***@example.com'));
    const at = doc.getText().lastIndexOf(String(mariana));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as { value: string }).value))).join('\n');
    assert.match(text, new RegExp(String(mariana)), 'our customer hover answers in the payload document');

    await vscode.workspace.getConfiguration('yampi').update('privacy.maskSensitiveData', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the unmasked payload', () => doc.getText().includes('mariana.almeida@example.com'));
      assert.equal(doc.getText(), body, 'privacy off shows the raw bytes as received');
    } finally {
      await vscode.workspace.getConfiguration('yampi').update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
    }
    await confirmed(api, 'yampi.clearCache');
    assert.equal(wb.workbench.log.size, 0);
    assert.deepEqual(rows(wb), []);
    await waitFor('the payload editor to close', () => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'yampi-webhook')));
    const reopened = await vscode.workspace.openTextDocument(doc.uri);
    await waitFor('the cleared payload to leave its document', () => !reopened.getText().includes(String(mariana)));
    assert.match(reopened.getText(), /no longer held|não está mais guardada/);
  });

  it('sign-out forgets the deliveries, the payloads and the store\'s webhook secret', async () => {
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const body = orderPaid(11);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    await confirmed(api, 'yampi.signOut', aurora);
    await waitFor('signed out', () => !api.savedStoreAliases().includes(aurora));
    await waitFor('the deliveries to go', () => wb.workbench.log.size === 0);
    assert.deepEqual(rows(wb), []);
    await waitFor('the secret to go', async () => (await wb.workbench.secrets.get(aurora)) === undefined);
    assert.equal(await vscode.commands.executeCommand('yampi.setCredentials', { alias: aurora, userToken: owner.userToken, userSecretKey: owner.userSecretKey }), true);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    assert.equal(wb.workbench.log.all()[0]?.verdict.state, 'noSecret', 'the secret did not survive the sign-out');
  });

  it('after the session no delivery, payload or webhook secret is in any file of the user data folder', async () => {
    // a session's worth: secret set, deliveries received, a payload opened, a sample sent, then signed out
    assert.equal(await vscode.commands.executeCommand('yampi.webhooks.setSecret', { alias: aurora, secret: SECRET }), true);
    const { port } = await vscode.commands.executeCommand<{ port: number }>('yampi.webhooks.startReceiver');
    const body = orderPaid(13);
    await post(port, body, { 'x-yampi-hmac-sha256': sign(body) });
    await waitFor('a delivery', () => wb.workbench.log.size === 1);
    await vscode.commands.executeCommand('yampi.webhooks.openPayload', { seq: wb.workbench.log.all()[0]?.seq });
    await vscode.commands.executeCommand('yampi.webhooks.sendSample', { event: 'order.paid' });
    await vscode.commands.executeCommand('yampi.webhooks.stopReceiver');
    await closeAllEditors();
    await signOutAll(api);
    await new Promise((r) => setTimeout(r, 1500)); // let logs and storage flush

    const root = userDataDir(api.logDir());
    const scanned = files(root);
    assert.ok(scanned.some((f) => f.endsWith('Yampi Customers.log')), `our log is under ${root}`);
    const needles = [SECRET, BODY_MARKER, sign(body), 'mariana.almeida@example.com'];
    const hits = scanned.flatMap((f) => {
      const text = readFileSync(f).toString('latin1');
      return needles.filter((n) => text.includes(n)).map((n) => `${path.relative(root, f)} contains ${n.slice(0, 12)}…`);
    });
    assert.deepEqual(hits, [], `scanned ${scanned.length} files under ${root}`);
    assert.ok(!JSON.stringify(api.globalState()).includes(BODY_MARKER));
  });
});
