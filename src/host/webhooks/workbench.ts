import vscode = require('vscode');
import { OPEN_SETTINGS, VIEWS, WEBHOOK_PAYLOAD_SCHEME } from '../../core/commands/ids';
import { type Delivery, DeliveryLog, keptHeaders, summarize } from '../../core/webhooks/deliveries';
import { SIGNATURE_HEADER } from '../../core/webhooks/events';
import { parsePort, type ReceivedRequest, type RunningReceiver, startReceiver } from '../../core/webhooks/receiver';
import { HostApprovals } from '../../core/webhooks/send';
import { headerValue, type Verdict, verifySignature } from '../../core/webhooks/signature';
import { Lifecycle } from '../common/lifecycle';
import type { Needs } from '../app/services';
import { WebhookSecrets } from './secrets';
import { notice, noticeOf } from '../common/notify';
import { execute } from '../common/execute';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

/** What the shell's stand-ins listen to (they exist from activation; the workbench fires them). */
export interface WebhookEvents {
  /** The deliveries view changed (undefined: all of it). */
  readonly view: vscode.EventEmitter<undefined>;
  /** A payload document's content changed (privacy toggled, deliveries cleared). */
  readonly docs: vscode.EventEmitter<vscode.Uri>;
}

export const PAYLOAD_SCHEME = WEBHOOK_PAYLOAD_SCHEME;

/** The setting, read where it is needed (machine scope). */
function portSetting(): number {
  return parsePort(vscode.workspace.getConfiguration('yampi').get<unknown>('webhooks.port'));
}

/**
 * The webhook workbench's state: the receiver and its status bar item, the deliveries (memory
 * only, the newest 200), the per-store secrets and the hosts the user allowed for sending. Cleared
 * on sign-out and Clear Cached Data; the receiver stops when the extension deactivates.
 */
export class WebhookWorkbench extends Lifecycle {
  readonly log = new DeliveryLog();
  readonly secrets: WebhookSecrets;
  readonly approvals = new HostApprovals();
  private receiver: RunningReceiver | undefined;
  /** The yampi.webhooks.port the running receiver was started for (0: any free port). */
  private requested: number | undefined;
  /** A listener being opened, and its port: a start asked for the same port meanwhile shares it. */
  private starting: { readonly port: number; readonly receiver: Promise<RunningReceiver> } | undefined;
  /** Setting changes are followed one after the other (each reads the receiver and the setting anew). */
  private moving: Promise<void> = Promise.resolve();
  private statusItem: vscode.StatusBarItem | undefined;
  private aliases: Set<string>;
  /** Payload documents handed out (to refresh and to close them when their data goes). */
  private readonly openDocs = new Set<string>();

  constructor(readonly services: Deps, readonly events: WebhookEvents) {
    super();
    this.secrets = new WebhookSecrets(services.context.secrets);
    this.aliases = new Set(services.credentials.signedInAliases());
    this.register(services.context.secrets.onDidChange((e) => { this.secrets.invalidate(e.key); }));
    this.register(services.credentials.onDidChange(() => { void this.onCredentialsChanged(); }));
    this.register(services.settings.onDidChange(() => { this.refreshShown(); }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yampi.webhooks.port')) {
        this.moving = this.moving.then(() => this.followPortSetting()).catch((err: unknown) => {
          this.services.logger.warn('Webhook receiver: could not move to the new yampi.webhooks.port.', err);
        });
      }
    }));
  }

  get running(): RunningReceiver | undefined {
    return this.receiver;
  }

  get masked(): boolean {
    return this.services.settings.settings.maskSensitiveData;
  }

  /** Starts the receiver (once); resolves its port, or undefined when the port is taken (the user is told). */
  async start(): Promise<{ port: number } | undefined> {
    if (this.receiver) {
      return { port: this.receiver.port };
    }
    const port = portSetting();
    const r = await this.listen(port);
    if (!r) {
      return undefined;
    }
    this.receiver = r;
    this.requested = port;
    this.services.logger.info(`Webhook receiver listening on ${r.url}`);
    this.showStatus(r);
    return { port: r.port };
  }

  /**
   * The setting changed while the receiver runs: it moves to the new port. The new one listens before
   * the old one closes, so when the new port is taken the receiver stays where it was (and says so).
   */
  private async followPortSetting(): Promise<void> {
    const old = this.receiver;
    const port = portSetting();
    if (!old || port === this.requested) {
      return;
    }
    if (port === old.port) {
      this.requested = port; // already listening there (0 had picked this very port)
      return;
    }
    const next = await this.listen(port, old.port);
    if (!next) {
      return;
    }
    if (this.receiver !== old) {
      // stopped, or moved again, meanwhile (a start meanwhile may have shared this very listener)
      if (this.receiver !== next) {
        await next.close();
      }
      return;
    }
    this.receiver = next;
    this.requested = port;
    this.showStatus(next);
    this.services.notifier.status(notice('Yampi webhook receiver at {0}', next.url));
    this.services.logger.info(`Webhook receiver moved to ${next.url} (yampi.webhooks.port changed).`);
    await old.close();
  }

  /**
   * A receiver listening on `port`, or undefined when the port is taken or not allowed: the user is
   * told, with the setting to change (and the port still in use, when `stayingOn` one). Calls for the
   * same port at the same time share one attempt.
   */
  private async listen(port: number, stayingOn?: number): Promise<RunningReceiver | undefined> {
    const attempt = this.starting?.port === port ? this.starting : {
      port,
      receiver: startReceiver({
        port,
        onDelivery: (r) => { void this.receive(r); },
        onRefused: (status, path) => { this.services.logger.info(`Webhook receiver refused a request to ${path.slice(0, 80)} with ${status}.`); },
      }),
    };
    this.starting = attempt;
    try {
      const r = await attempt.receiver;
      if (this.isDisposed) {
        await r.close();
        return undefined;
      }
      return r;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        const open = vscode.l10n.t('Open Settings');
        const inUse = code === 'EADDRINUSE';
        const message = stayingOn !== undefined
          ? (inUse
            ? vscode.l10n.t('Port {0} on 127.0.0.1 is already in use, so the webhook receiver stays on port {1}. Change the setting yampi.webhooks.port (0 picks a free port).', port, stayingOn)
            : vscode.l10n.t('Port {0} on 127.0.0.1 is not allowed for this user, so the webhook receiver stays on port {1}. Change the setting yampi.webhooks.port (0 picks a free port).', port, stayingOn))
          : (inUse
            ? vscode.l10n.t('Port {0} on 127.0.0.1 is already in use, so the webhook receiver did not start. Change the setting yampi.webhooks.port (0 picks a free port).', port)
            : vscode.l10n.t('Port {0} on 127.0.0.1 is not allowed for this user, so the webhook receiver did not start. Change the setting yampi.webhooks.port (0 picks a free port).', port));
        void this.services.notifier.error(noticeOf(message), open).then((picked) => {
          if (picked === open) {
            void execute(OPEN_SETTINGS, 'yampi.webhooks.port');
          }
        });
        return undefined;
      }
      throw e;
    } finally {
      if (this.starting === attempt) {
        this.starting = undefined;
      }
    }
  }

  async stop(): Promise<boolean> {
    const r = this.receiver;
    this.receiver = undefined;
    this.requested = undefined;
    this.statusItem?.hide();
    if (!r) {
      return false;
    }
    await r.close();
    this.services.logger.info('Webhook receiver stopped.');
    return true;
  }

  private showStatus(r: RunningReceiver): void {
    if (!this.statusItem) {
      this.statusItem = this.register(vscode.window.createStatusBarItem('yampi.webhooks', vscode.StatusBarAlignment.Left, 48));
      this.statusItem.name = vscode.l10n.t('Yampi Webhook Receiver');
      this.statusItem.command = `${VIEWS.webhookDeliveries}.focus`;
    }
    this.statusItem.text = `$(radio-tower) 127.0.0.1:${r.port}`;
    this.statusItem.tooltip = vscode.l10n.t('Yampi webhook receiver at {0}. Click to show the deliveries; run Yampi: Stop Webhook Receiver to stop it.', r.url);
    this.statusItem.show();
  }

  /** The store whose secret checks a delivery: the body's merchant alias when it is a connected store, else the active store. */
  storeFor(alias: string | undefined): string | undefined {
    const signedIn = this.services.credentials.signedInAliases();
    return alias !== undefined && signedIn.includes(alias) ? alias : this.services.credentials.activeAlias();
  }

  async verdictFor(body: Uint8Array, headers: Delivery['headers'], alias: string | undefined): Promise<Verdict> {
    const store = this.storeFor(alias);
    let secret: string | undefined;
    try {
      secret = store === undefined ? undefined : await this.secrets.get(store);
    } catch (e) {
      this.services.logger.warn('Could not read the webhook secret from secret storage.', e);
    }
    return verifySignature({ body, signature: headerValue(headers, SIGNATURE_HEADER), secret, headers });
  }

  private async receive(r: ReceivedRequest): Promise<void> {
    const summary = summarize(r.body);
    const headers = keptHeaders(r.headers);
    const verdict = await this.verdictFor(r.body, headers, summary.alias);
    if (this.isDisposed) {
      return;
    }
    this.log.add({ receivedAt: r.receivedAt, path: r.path, body: r.body, headers, summary, verdict });
    this.events.view.fire(undefined);
  }

  /** Checks a delivery again with the secret saved now. */
  async verifyAgain(seq: number): Promise<Delivery | undefined> {
    const d = this.log.get(seq);
    if (!d) {
      return undefined;
    }
    d.verdict = await this.verdictFor(d.body, d.headers, d.summary.alias);
    this.events.view.fire(undefined);
    return d;
  }

  /** Every delivery checked again (after a secret was set), one per turn of the event loop: up to 200 × ≤ 25 ms would block the host. */
  async verifyAll(): Promise<void> {
    for (const d of [...this.log.all()]) {
      d.verdict = await this.verdictFor(d.body, d.headers, d.summary.alias);
      await new Promise((r) => { setImmediate(r); });
    }
    this.events.view.fire(undefined);
  }

  /** Forgets every delivery and payload (Clear Cached Data, sign-out); open payload editors close. */
  clear(): void {
    this.log.clear();
    this.approvals.clear();
    this.events.view.fire(undefined);
    this.refreshDocs();
    void this.closePayloadEditors();
  }

  noteDocument(uri: vscode.Uri): void {
    this.openDocs.add(uri.toString());
  }

  private refreshShown(): void {
    this.events.view.fire(undefined);
    this.refreshDocs();
  }

  private refreshDocs(): void {
    for (const u of this.openDocs) {
      this.events.docs.fire(vscode.Uri.parse(u));
    }
  }

  private async closePayloadEditors(): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) =>
      t.input instanceof vscode.TabInputText && t.input.uri.scheme === PAYLOAD_SCHEME);
    this.openDocs.clear();
    if (tabs.length > 0) {
      await vscode.window.tabGroups.close(tabs);
    }
  }

  private async onCredentialsChanged(): Promise<void> {
    const now = new Set(this.services.credentials.signedInAliases());
    const gone = [...this.aliases].filter((a) => !now.has(a));
    this.aliases = now;
    if (gone.length === 0) {
      return;
    }
    this.clear();
    for (const alias of gone) {
      try {
        const had = (await this.secrets.get(alias)) !== undefined;
        await this.secrets.forget(alias);
        if (had) {
          this.services.logger.info(`Forgot the webhook secret of store ${alias}.`);
        }
      } catch (e) {
        this.services.logger.warn(`Could not delete the webhook secret of store ${alias}.`, e);
      }
    }
  }

  protected override onDispose(): void {
    const r = this.receiver;
    this.receiver = undefined;
    void r?.close();
    this.log.clear();
    this.secrets.dropCache();
  }
}
