import vscode = require('vscode');
import { COMMANDS } from '../../core/commands/ids';
import { plainLabel } from '../../core/common/text';
import { deliverySeqOf, sendSampleArgsOf, setSecretArgsOf, verifyArgsOf } from '../../core/webhooks/args';
import { findEvent, SIGNATURE_HEADER, WEBHOOK_EVENTS } from '../../core/webhooks/events';
import { SANDBOX_SAMPLE, type SampleSource, sampleText } from '../../core/webhooks/samples';
import { parseTarget, sendWebhook, type SendResult } from '../../core/webhooks/send';
import { headerValue, signBody, type Verdict, verifySignature } from '../../core/webhooks/signature';
import { explainVerdict, stateLabel } from '../../core/webhooks/words';
import { NotSignedInError } from '../../core/failures/errors';
import { failureNotice } from '../common/errors';
import { locale } from '../common/locale';
import type { Commands } from '../common/commandRegistry';
import type { Needs } from '../app/services';
import { openPayload, seqOfUri } from './payloadDocs';
import { PAYLOAD_SCHEME, type WebhookWorkbench } from './workbench';
import { notice, noticeOf } from '../common/notify';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions'>;

/** Text from outside (a URL, a header) made inert for a notification: no links, no icons, one line. */
function inert(s: string, max = 120): string {
  return plainLabel(s, max).replace(/[[\]()<>]/g, ' ');
}

/** The verdict as the programmatic form resolves it. */
export interface VerdictResult extends Verdict {
  readonly label: string;
  readonly message: string;
}

function withWords(v: Verdict): VerdictResult {
  const l = locale();
  return { ...v, label: stateLabel(v.state, l), message: explainVerdict(v, l) };
}

/** Picks a connected store: the one given, the only one, or asks (several). */
async function pickStore(services: Deps, title: string, given?: string): Promise<string | undefined> {
  const aliases = services.credentials.signedInAliases();
  if (aliases.length === 0) {
    throw new NotSignedInError();
  }
  if (given !== undefined) {
    if (!aliases.includes(given)) {
      void services.notifier.error(failureNotice({ kind: 'unknownStore', alias: inert(given) }));
      return undefined;
    }
    return given;
  }
  if (aliases.length === 1) {
    return aliases[0];
  }
  const active = services.credentials.activeAlias();
  const picked = await vscode.window.showQuickPick(
    aliases.map((a) => ({ label: plainLabel(services.credentials.displayName(a)), description: a, ...(a === active ? { detail: vscode.l10n.t('Active store') } : {}), alias: a })),
    { title, placeHolder: vscode.l10n.t('Pick the store') },
  );
  return picked?.alias;
}

function showVerdict(services: Deps, v: VerdictResult): void {
  if (v.state === 'verified') {
    void services.notifier.info(noticeOf(v.message));
  } else {
    void services.notifier.warn(noticeOf(v.message), {});
  }
}

/** Asks for a URL (prefilled with the receiver's) and the user's consent for a host that is not this machine. */
async function targetUrl(wb: WebhookWorkbench, given: string | undefined, title: string): Promise<URL | undefined> {
  const raw = given ?? await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The URL to POST the webhook to'),
    value: wb.running?.url ?? 'http://127.0.0.1:8080/webhooks/yampi',
    ignoreFocusOut: true,
    validateInput: (v) => (parseTarget(v).ok ? undefined : vscode.l10n.t('Type an http:// or https:// URL without user name or password.')),
  });
  if (raw === undefined) {
    return undefined;
  }
  const parsed = parseTarget(raw);
  if (!parsed.ok) {
    void wb.services.notifier.error(notice('Type an http:// or https:// URL without user name or password.'));
    return undefined;
  }
  if (wb.approvals.needsApproval(parsed.url)) {
    const send = vscode.l10n.t('Send');
    const answer = await wb.services.notifier.warn(
      notice('Send webhooks to {0}? It is not this machine: the body leaves your computer. You will not be asked again for this host in this session.', inert(parsed.url.host)),
      { modal: true }, send);
    if (answer !== send) {
      return undefined;
    }
    wb.approvals.approve(parsed.url);
  }
  return parsed.url;
}

async function post(wb: WebhookWorkbench, url: URL, body: Uint8Array | string, signature: string | undefined, what: string): Promise<SendResult & { url: string }> {
  const pkg = wb.services.context.extension.packageJSON as { version?: string };
  try {
    const r = await sendWebhook(url, body, { signature, userAgent: `yampi-customers-vscode/${pkg.version ?? '0'} webhook-workbench` });
    const message = vscode.l10n.t('{0} → {1}: HTTP {2} in {3} ms.', what, inert(url.origin + url.pathname), r.status, r.ms);
    if (r.status >= 200 && r.status < 300) {
      void wb.services.notifier.info(noticeOf(message));
    } else {
      void wb.services.notifier.warn(noticeOf(message), {});
    }
    return { ...r, url: url.toString() };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    wb.services.logger.warn(`Sending a webhook to ${url.origin} failed: ${reason}`);
    void wb.services.notifier.error(notice('Could not send the webhook to {0}: {1}', inert(url.origin), inert(reason)));
    return { status: 0, ms: 0, url: url.toString() };
  }
}

/** A real customer (and their latest order) of the store as a sample source. */
async function storeSource(wb: WebhookWorkbench, alias: string, customerId: number): Promise<SampleSource> {
  const session = wb.services.sessions.get(alias);
  const record = await session.getCustomer(customerId);
  const c = record.customer;
  const orders = await session.listOrders(customerId, 1, 1).catch(() => undefined);
  const o = orders?.orders[0];
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);
  return {
    merchant: { id: typeof c.merchant_id === 'number' ? c.merchant_id : SANDBOX_SAMPLE.merchant.id, alias },
    customer: {
      id: c.id,
      ...(c.name ? { name: c.name } : {}),
      ...(c.email ? { email: c.email } : {}),
      ...(c.phone?.full_number ? { phone: c.phone.full_number } : {}),
      ...(c.cpf ? { cpf: c.cpf } : {}),
      raw: record.raw,
    },
    order: o ? {
      id: o.id,
      number: o.number ?? o.id,
      total: num(o.total, 0),
      status: { id: o.status?.id ?? 2, alias: o.status?.alias ?? 'paid', name: o.status?.name ?? 'Pagamento aprovado' },
      items: (o.items ?? []).slice(0, 20).map((i) => ({ sku: i.sku ?? '', name: i.name ?? '', quantity: i.quantity, price: num(i.price, 0) })),
    } : SANDBOX_SAMPLE.order,
  };
}

async function pickEvent(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    WEBHOOK_EVENTS.map((e) => ({ label: e.name, description: vscode.l10n.t(e.description), ...(e.documentedShape ? {} : { detail: vscode.l10n.t('Body shape inferred from the REST records (not documented for webhooks)') }) })),
    { title: vscode.l10n.t('Send Sample Webhook'), placeHolder: vscode.l10n.t('Pick one of the 14 events Yampi sends') },
  );
  return picked?.label;
}

type Target = { kind: 'receiver' } | { kind: 'url' } | { kind: 'open' };

async function pickTarget(wb: WebhookWorkbench): Promise<Target | undefined> {
  const items: (vscode.QuickPickItem & { target: Target })[] = [
    { label: `$(radio-tower) ${vscode.l10n.t('The local receiver')}`, description: wb.running?.url ?? vscode.l10n.t('starts it'), target: { kind: 'receiver' } },
    { label: `$(globe) ${vscode.l10n.t('Another URL…')}`, target: { kind: 'url' } },
    { label: `$(json) ${vscode.l10n.t('Open sample')}`, description: vscode.l10n.t('in an untitled JSON editor, with sandbox data'), target: { kind: 'open' } },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Send Sample Webhook'), placeHolder: vscode.l10n.t('Where should the sample go?') }))?.target;
}

async function pickSource(wb: WebhookWorkbench, alias: string | undefined): Promise<number | undefined | null> {
  if (alias === undefined) {
    return undefined;
  }
  const sandbox = { label: vscode.l10n.t('Sample data'), description: vscode.l10n.t('a made-up customer and order'), id: 0 };
  const real = { label: vscode.l10n.t('A customer of {0}…', plainLabel(wb.services.credentials.displayName(alias))), description: wb.masked ? vscode.l10n.t('masked: privacy mode is on') : vscode.l10n.t('unmasked: privacy mode is off'), id: -1 };
  const picked = await vscode.window.showQuickPick([sandbox, real], { title: vscode.l10n.t('Send Sample Webhook'), placeHolder: vscode.l10n.t('Build the body from') });
  if (!picked) {
    return null;
  }
  if (picked.id === 0) {
    return undefined;
  }
  const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('Send Sample Webhook'), prompt: vscode.l10n.t('Customer id'), validateInput: (v) => (/^#?\d{1,12}$/.test(v.trim()) ? undefined : vscode.l10n.t('Type a customer id, e.g. 123 or #123')) });
  return typed === undefined ? null : Number(typed.trim().replace('#', ''));
}

/** The handlers of the webhook commands (their stand-ins are registered by the shell like every command). */
type WebhookCommands = Commands<'webhooksSetSecret' | 'webhooksStartReceiver' | 'webhooksStopReceiver' | 'webhooksVerify' | 'webhooksSendSample' | 'webhooksOpenPayload' | 'webhooksResend' | 'webhooksVerifyAgain'>;

/** Set Webhook Secret: the store and its secret (asked for when not given), kept in secret storage; then every delivery is checked again. */
function setSecretCommand(wb: WebhookWorkbench): WebhookCommands[typeof COMMANDS.webhooksSetSecret] {
  const { services } = wb;
  return async (arg) => {
    const given = setSecretArgsOf(arg);
    const alias = await pickStore(services, vscode.l10n.t('Set Webhook Secret'), given?.alias);
    if (alias === undefined) {
      return false;
    }
    const secret = given?.secret !== undefined ? given.secret : await vscode.window.showInputBox({
      title: vscode.l10n.t('Set Webhook Secret'),
      prompt: vscode.l10n.t('The secret of the webhook for store {0} (Yampi admin › Webhooks), used to check X-Yampi-Hmac-SHA256. Kept in VS Code secret storage only.', alias),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Paste the webhook secret') : undefined),
    });
    if (secret === undefined || secret.trim() === '') {
      return false;
    }
    await wb.secrets.set(alias, secret);
    services.notifier.status(notice('Yampi: webhook secret saved for {0}.', alias));
    await wb.verifyAll();
    return true;
  };
}

/** Verify Webhook Signature: a given body and signature, or the payload open in the editor (for a delivery, its raw bytes). */
function verifyCommand(wb: WebhookWorkbench): WebhookCommands[typeof COMMANDS.webhooksVerify] {
  const { services } = wb;
  return async (arg) => {
    const given = verifyArgsOf(arg);
    if (given) {
      const store = given.alias ?? services.credentials.activeAlias();
      const secret = store === undefined ? undefined : await wb.secrets.get(store);
      const v = withWords(verifySignature({ body: Buffer.from(given.body, 'utf8'), signature: given.signature, secret }));
      return v;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void services.notifier.info(notice('Open the webhook payload to check first (or a delivery\'s Open payload).'));
      return undefined;
    }
    // a delivery's own document: its raw bytes (what is shown may be masked or re-indented)
    const seq = editor.document.uri.scheme === PAYLOAD_SCHEME ? seqOfUri(editor.document.uri) : undefined;
    const delivery = seq === undefined ? undefined : wb.log.get(seq);
    const body = delivery ? delivery.body : Buffer.from(editor.document.getText(), 'utf8');
    const known = delivery ? headerValue(delivery.headers, SIGNATURE_HEADER) : undefined;
    const signature = await vscode.window.showInputBox({
      title: vscode.l10n.t('Verify Webhook Signature'),
      prompt: vscode.l10n.t('The value of the X-Yampi-Hmac-SHA256 header'),
      ...(known !== undefined ? { value: known } : {}),
      ignoreFocusOut: true,
    });
    if (signature === undefined) {
      return undefined;
    }
    const alias = await pickStore(services, vscode.l10n.t('Verify Webhook Signature'), delivery ? wb.storeFor(delivery.summary.alias) : undefined);
    if (alias === undefined) {
      return undefined;
    }
    const v = withWords(verifySignature({ body, signature, secret: await wb.secrets.get(alias), ...(delivery ? { headers: delivery.headers } : {}) }));
    showVerdict(services, v);
    return v;
  };
}

/** Send Sample Webhook: an event, a target (our receiver, a URL or a new document) and a source (sample data or a real customer). */
function sendSampleCommand(wb: WebhookWorkbench): WebhookCommands[typeof COMMANDS.webhooksSendSample] {
  const { services } = wb;
  return async (arg) => {
    const given = sendSampleArgsOf(arg);
    if (arg !== undefined && !given) {
      void services.notifier.error(notice('Give an event name, e.g. {0}.', 'order.paid'));
      return undefined;
    }
    const event = given?.event ?? await pickEvent();
    if (event === undefined) {
      return undefined;
    }
    if (!findEvent(event)) {
      void services.notifier.error(notice('Yampi sends no webhook event called "{0}". Pick one of the 14.', inert(event, 60)));
      return undefined;
    }
    const target: Target | undefined = given ? (given.open === true ? { kind: 'open' } : given.url !== undefined ? { kind: 'url' } : { kind: 'receiver' }) : await pickTarget(wb);
    if (!target) {
      return undefined;
    }
    const alias = given?.alias ?? services.credentials.activeAlias();
    if (target.kind === 'open') {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(JSON.parse(sampleText(event, alias === undefined ? SANDBOX_SAMPLE : { ...SANDBOX_SAMPLE, merchant: { ...SANDBOX_SAMPLE.merchant, alias } }, { mask: true })), null, 2) });
      await vscode.window.showTextDocument(doc);
      return { opened: true };
    }
    const customerId = given ? given.customerId : await pickSource(wb, alias);
    if (customerId === null) {
      return undefined;
    }
    const source = customerId !== undefined && alias !== undefined
      ? await storeSource(wb, alias, customerId)
      : alias === undefined ? SANDBOX_SAMPLE : { ...SANDBOX_SAMPLE, merchant: { ...SANDBOX_SAMPLE.merchant, alias } };
    const body = sampleText(event, source, { mask: wb.masked });
    let url: URL | undefined;
    if (target.kind === 'receiver') {
      const started = await wb.start();
      url = started && wb.running ? new URL(wb.running.url) : undefined;
    } else {
      url = await targetUrl(wb, given?.url, vscode.l10n.t('Send Sample Webhook'));
    }
    if (!url) {
      return undefined;
    }
    const secret = alias === undefined ? undefined : await wb.secrets.get(alias);
    if (secret === undefined) {
      services.notifier.status(notice('No webhook secret set for this store: the sample goes unsigned.'));
    }
    return post(wb, url, body, secret === undefined ? undefined : signBody(secret, body), event);
  };
}

/** Resend to…: the very bytes and signature header of a delivery, to a URL. */
function resendCommand(wb: WebhookWorkbench): WebhookCommands[typeof COMMANDS.webhooksResend] {
  return async (arg, urlArg) => {
    const seq = deliverySeqOf(arg);
    const d = seq === undefined ? undefined : wb.log.get(seq);
    if (!d) {
      return undefined;
    }
    const url = await targetUrl(wb, typeof urlArg === 'string' ? urlArg : undefined, vscode.l10n.t('Resend to…'));
    if (!url) {
      return undefined;
    }
    // the same bytes and the same signature header, as Yampi sent them
    return post(wb, url, d.body, headerValue(d.headers, SIGNATURE_HEADER), d.summary.event !== undefined && findEvent(d.summary.event) ? d.summary.event : vscode.l10n.t('Delivery'));
  };
}

export function webhookCommands(wb: WebhookWorkbench): WebhookCommands {
  const { services } = wb;
  return {
    [COMMANDS.webhooksSetSecret]: setSecretCommand(wb),
    [COMMANDS.webhooksStartReceiver]: async () => {
      const r = await wb.start();
      if (r && wb.running) {
        services.notifier.status(notice('Yampi webhook receiver at {0}', wb.running.url));
      }
      return r;
    },
    [COMMANDS.webhooksStopReceiver]: () => wb.stop(),
    [COMMANDS.webhooksVerify]: verifyCommand(wb),
    [COMMANDS.webhooksSendSample]: sendSampleCommand(wb),
    [COMMANDS.webhooksOpenPayload]: async (arg) => {
      const seq = deliverySeqOf(arg);
      return seq === undefined ? undefined : (await openPayload(wb, seq)) !== undefined;
    },
    [COMMANDS.webhooksResend]: resendCommand(wb),
    [COMMANDS.webhooksVerifyAgain]: async (arg) => {
      const seq = deliverySeqOf(arg);
      const d = seq === undefined ? undefined : await wb.verifyAgain(seq);
      if (!d) {
        return undefined;
      }
      const v = withWords(d.verdict);
      showVerdict(services, v);
      return v;
    },
  };
}
