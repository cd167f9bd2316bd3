import vscode = require('vscode');
import { execute } from '../common/execute';
import { YampiError } from '../../core/api/errors';
import { COMMANDS } from '../../core/commands/ids';
import type { CustomerRecord } from '../../core/customers/customer';
import { orderCopyConfirmation, orderCopyText } from '../../core/related/relatedFormat';
import { buildCustomerView, copyConfirmation, customerJson, findField, isConcealed, revealAllPaths } from '../../core/customers/fields';
import type { Handlers } from '../../core/webview/messageTable';
import { type FROM_WEBVIEW, isFromWebviewMessage, orderFieldKey, type PANEL_FROM_WEBVIEW, type ToWebviewMessage } from '../../core/webview/protocol';
import { ADDRESSES_REVEAL_KEY } from '../../core/related/renderSections';
import { type DetailState, errorState, panelStateOf, panelTitle, renderDetailBody, renderDetailDocument } from '../../core/customers/renderDetailHtml';
import { describeError, NotSignedInError } from '../common/errors';
import { notice } from '../common/notify';
import { locale } from '../common/locale';
import type { Inspectable, SectionSnapshot } from '../app/inspection';
import type { Needs } from '../app/services';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'logger' | 'notifier' | 'settings'>;
import type { StoreSession } from '../session/storeSession';
import { WebviewPanel, type WebviewResources } from '../webview/webviewPanel';
import { PanelSections } from '../related/panelSections';

/**
 * One detail panel: a (store, customer) pair, its revealed set and its sections, over the panel
 * base (src/host/webview/webviewPanel.ts). It belongs to its store's session: when the session
 * ends, the panel closes and its data goes.
 */
export class DetailPanel extends WebviewPanel<DetailState, typeof FROM_WEBVIEW, ToWebviewMessage> implements Inspectable<SectionSnapshot[]> {
  private readonly revealed = new Set<string>();
  private readonly sections: PanelSections;

  constructor(
    panel: vscode.WebviewPanel,
    session: StoreSession,
    id: number,
    private readonly services: Deps,
  ) {
    super(panel, session, id, services, { script: 'webview.js', name: 'detail panel', guard: isFromWebviewMessage, contentKind: 'customer' });
    this.sections = this.register(new PanelSections(
      session, id, services,
      (m) => { if (this.isReady) { this.post(m); } },
      () => ({ locale: locale(), maskAddresses: this.privacy && !this.revealed.has(ADDRESSES_REVEAL_KEY) }),
    ));
    this.writeDocument();
    void this.sections.start();
  }

  /** The related-record sections as they are now and their HTML (src/host/app/inspection.ts). */
  inspect(): SectionSnapshot[] {
    return this.sections.inspect();
  }

  get record(): CustomerRecord | undefined {
    return this.state.kind === 'customer' ? this.state.record : undefined;
  }

  protected title(): string {
    return panelTitle(this.state, locale());
  }

  protected document(resources: WebviewResources): string {
    return renderDetailDocument({ ...resources, state: this.state, locale: locale(), privacy: this.privacy, revealed: this.revealed, sections: this.sections.views() });
  }

  protected renderMessage(): ToWebviewMessage & { readonly type: 'render' } {
    const html = renderDetailBody({ state: this.state, locale: locale(), privacy: this.privacy, revealed: this.revealed });
    return { type: 'render', html, state: panelStateOf(this.state) };
  }

  protected override rendered(): void {
    this.sections.send('addresses'); // privacy mode or Reveal/Hide all may have changed its masking
  }

  protected override onReady(): void {
    this.sections.postAll();
  }

  /** Refresh: the record and every loaded section, bypassing caches. */
  override async refresh(): Promise<void> {
    await Promise.all([this.load(true), this.sections.refresh()]);
  }

  /** Fetches the customer through the session (and the client cache); shows it or a designed error state. */
  load(skipCache: boolean): Promise<CustomerRecord | undefined> {
    return this.fetch(
      notice('Loading customer #{0}…', this.id),
      `Customer #${this.id}`,
      (token) => this.session.getCustomer(this.id, { skipCache, token }),
      (record) => ({ kind: 'customer', alias: this.alias, record }),
    );
  }

  protected errorState(e: unknown): DetailState {
    const message = describeError(e).message;
    if (YampiError.is(e)) {
      return errorState(this.alias, this.id, { kind: e.kind, message, retryAfterMs: e.retryAfterMs });
    }
    if (e instanceof NotSignedInError) {
      return { kind: 'authError', alias: this.alias, id: this.id };
    }
    return { kind: 'networkError', alias: this.alias, id: this.id, message };
  }

  protected handlers(): Omit<Handlers<typeof FROM_WEBVIEW>, keyof typeof PANEL_FROM_WEBVIEW> {
    return {
      openSection: (m) => this.sections.open(m.section),
      loadMore: (m) => this.sections.loadMore(m.section),
      retrySection: (m) => this.sections.retry(m.section),
      copyOrder: (m) => this.copyOrder(m.orderId, m.what),
      openOrder: async (m) => {
        if (this.sections.order(m.orderId)) {
          await execute(COMMANDS.openOrder, m.orderId, this.alias);
        }
      },
      copy: (m) => this.copyField(m.field),
      copyJson: () => this.copyJson(),
      reveal: (m) => {
        this.revealed.add(m.field);
        this.services.logger.info(`Revealed field ${m.field} of customer #${this.id} on request.`);
        this.render();
      },
      hide: (m) => {
        this.revealed.delete(m.field);
        this.render();
      },
      revealAll: () => { this.revealAll(); },
      hideAll: () => {
        this.revealed.clear();
        this.render();
      },
      openWhatsApp: () => this.openWhatsApp(),
    };
  }

  /** Copies a field; a concealed secret (account token, login link) only once revealed on purpose. */
  private async copyField(path: string): Promise<void> {
    const record = this.record;
    const field = record ? findField(buildCustomerView(record, locale()), path) : undefined;
    if (!field) {
      return;
    }
    if (field.sensitivity === 'secret' && isConcealed(field, { privacy: this.privacy, revealed: this.revealed })) {
      void this.services.notifier.warn(notice('Reveal {0} first: it gives access to the customer\'s account, so it is copied only once shown on purpose.', field.label), {});
      return;
    }
    const text = copyConfirmation(field, locale());
    await this.copyThroughHost(field.copyText, text, { type: 'copied', field: field.path, text });
  }

  /** Copies an order's number or id, looked up in what this panel loaded. */
  private async copyOrder(orderId: number, what: 'number' | 'id'): Promise<void> {
    const order = this.sections.order(orderId);
    if (!order) {
      return;
    }
    const text = orderCopyConfirmation(what, locale());
    await this.copyThroughHost(orderCopyText(order, what), text, { type: 'copied', field: orderFieldKey(orderId, what), text });
  }
  private async copyJson(): Promise<void> {
    const record = this.record;
    if (record) {
      await vscode.env.clipboard.writeText(customerJson(record, this.revealed));
      void this.services.notifier.info(notice('Copied customer #{0} as JSON (account credentials left out).', record.customer.id));
    }
  }

  private revealAll(): void {
    const record = this.record;
    if (record) {
      for (const p of revealAllPaths(buildCustomerView(record, locale()))) {
        this.revealed.add(p);
      }
      this.revealed.add(ADDRESSES_REVEAL_KEY);
      this.render();
    }
  }

  private async openWhatsApp(): Promise<void> {
    const record = this.record;
    const link = record ? buildCustomerView(record, locale()).whatsappLink : undefined;
    if (!link) {
      return;
    }
    const uri = vscode.Uri.parse(link);
    const open = vscode.l10n.t('Open WhatsApp');
    const pick = await this.services.notifier.warn(
      notice('Open a WhatsApp conversation with this customer in your browser?'),
      { modal: true, detail: notice('This leaves VS Code and opens {0}.', uri.authority) },
      open,
    );
    if (pick === open) {
      await vscode.env.openExternal(uri);
    }
  }

  protected override forget(): void {
    this.revealed.clear();
  }
}
