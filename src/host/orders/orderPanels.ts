import vscode = require('vscode');
import { COMMANDS, VIEWS, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { OrderDetail } from '../../core/orders/orderModel';
import { isOrderPanelState } from '../../core/orders/orderProtocol';
import { orderPanelTitle } from '../../core/orders/orderFormat';
import { NotSignedInError } from '../errors';
import { Lifecycle } from '../lifecycle';
import { locale } from '../locale';
import type { Needs } from '../services';
import { OrderPanel } from './orderPanel';
import type { OrderService } from './orderService';
import { notice } from '../notify';
import type { Inspectable, OrderPanelsFacts } from '../inspection';
import { execute } from '../commands/execute';

/** What this module uses of the feature services (src/host/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

/**
 * Every open order panel, one per (store, order id). Each belongs to its store's session, which
 * closes it on sign-out (like the customer panels); panels come back after a window reload through
 * the serializer the shell registers, for stores still signed in.
 */
export class OrderPanels extends Lifecycle implements Inspectable<OrderPanelsFacts> {
  private readonly panels = new Map<string, OrderPanel>();
  private closing = false;

  constructor(private readonly services: Deps, private readonly orders: OrderService) {
    super();
    this.register(services.settings.onDidChange(({ changed }) => {
      if (changed.includes('privacy.maskSensitiveData')) {
        for (const p of this.panels.values()) {
          p.render();
        }
      }
    }));
  }

  /** A panel VS Code kept over a reload: reloaded by id for a store still signed in, else closed. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isOrderPanelState(state) || !this.services.credentials.signedInAliases().includes(state.alias)) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, state.alias, state.id).load(false);
  }

  /**
   * Opens (or reveals) the panel of order `id`. `known`: the order as a lookup already fetched and
   * checked it (no second request). Resolves the order shown, or undefined.
   */
  async open(alias: string | undefined, id: number, known?: OrderDetail): Promise<OrderDetail | undefined> {
    const store = this.services.sessions.resolveAlias(alias);
    const existing = store === undefined ? undefined : this.panels.get(`${store}/${id}`);
    if (existing) {
      existing.reveal();
      return existing.order ?? (known ? existing.show(known) : existing.load(false));
    }
    try {
      this.services.sessions.get(store);
    } catch (e) {
      if (!(e instanceof NotSignedInError)) {
        throw e;
      }
      const connect = vscode.l10n.t('Set Credentials');
      void this.services.notifier.warn(notice('Connect a Yampi store first.'), {}, connect).then((pick) =>
        pick === connect ? execute(COMMANDS.setCredentials) : undefined);
      return undefined;
    }
    const ext = this.services.context.extensionUri;
    const panel = vscode.window.createWebviewPanel(VIEWS.orderPanel, orderPanelTitle(known?.number, id, locale()), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')],
    });
    const p = this.adopt(panel, store ?? '', id);
    return known ? p.show(known) : p.load(false);
  }

  private adopt(panel: vscode.WebviewPanel, alias: string, id: number): OrderPanel {
    const session = this.services.sessions.get(alias);
    const key = `${session.alias}/${id}`;
    const p = session.register(new OrderPanel(panel, session, id, this.services, this.orders));
    this.panels.set(key, p);
    this.rememberOpen();
    p.register(new vscode.Disposable(() => {
      this.panels.delete(key);
      session.disown(p);
      this.rememberOpen();
    }));
    return p;
  }

  /** Whether an order panel is open, for the next start (the shell registers the serializer at activation only then). */
  private rememberOpen(): void {
    const open = this.panels.size > 0;
    const state = this.services.context.workspaceState;
    if (!this.closing && (state.get(WORKSPACE_KEYS.orderPanelsOpen) === true) !== open) {
      void state.update(WORKSPACE_KEYS.orderPanelsOpen, open ? true : undefined);
    }
  }

  /** The open panels: store, order id, title, body HTML and message handler (src/host/inspection.ts). */
  inspect(): OrderPanelsFacts {
    return { panels: [...this.panels.values()].map((p) => ({ alias: p.alias, id: p.id, title: p.panel.title, html: p.bodyHtml(), receive: (m: unknown) => p.receive(m) })) };
  }

  async refreshAll(alias?: string): Promise<void> {
    await Promise.all([...this.panels.values()].filter((p) => alias === undefined || p.alias === alias).map((p) => p.load(true)));
  }

  protected override onDispose(): void {
    this.closing = true;
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
  }
}
