import vscode = require('vscode');
import type { ToolStore } from '../../core/chat/results';
import type { GetOrderInput } from '../../core/chat/tools';
import { aliasOf } from '../../core/commands/args';
import { COMMANDS } from '../../core/commands/ids';
import { type OrderQuery, orderInputMessage, parseOrderInput } from '../../core/orders/orderInput';
import type { LookupOutcome } from '../../core/orders/orderLookup';
import type { OrderDetail } from '../../core/orders/orderModel';
import { orderFacts, orderNumberText } from '../../core/orders/orderFormat';
import { orderNotFoundResult, orderResult } from '../../core/orders/orderResults';
import { plainLabel } from '../../core/common/text';
import type { Commands } from '../common/commandRegistry';
import { Lifecycle } from '../common/lifecycle';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import { OrderHoverProvider, OrderTerminalLinkProvider } from './orderHover';
import { OrderPanels } from './orderPanels';
import { OrderService } from './orderService';
import { notice, noticeOf } from '../common/notify';
import type { Inspectable, OrderFeatureFacts } from '../app/inspection';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

/** A positive safe integer from a command argument (`123`, `"123"`), else undefined. */
function orderIdOf(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d{1,16}\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * Everything about orders (issue 20): the lookup by number, the order panels, hovers and links on
 * order references, terminal links and the chat tool's text. Built with the features; every
 * request goes through the store's session.
 */
export class OrderFeature extends Lifecycle implements Inspectable<OrderFeatureFacts> {
  readonly service: OrderService;
  readonly panels: OrderPanels;
  readonly hover: OrderHoverProvider;
  readonly terminalLinks: OrderTerminalLinkProvider;
  /** The labels of the last choice offered (test seams: the quick pick cannot be read from a test). */
  private lastChoice: readonly string[] | undefined;

  /** The last choice offered (src/host/app/inspection.ts). */
  inspect(): OrderFeatureFacts {
    return { lastChoice: this.lastChoice };
  }

  constructor(private readonly services: Deps) {
    super();
    this.service = new OrderService(services.logger, () => services.settings.settings.cacheTtlSeconds * 1000);
    this.panels = this.register(new OrderPanels(services, this.service));
    this.hover = this.register(new OrderHoverProvider(services, this.service));
    this.terminalLinks = new OrderTerminalLinkProvider(services);
  }

  commands(): Commands<'lookupOrder' | 'openOrder'> {
    return {
      [COMMANDS.lookupOrder]: async (arg) => {
        let text: string | undefined = typeof arg === 'number' ? String(arg) : typeof arg === 'string' ? arg : undefined;
        if (arg !== undefined && text === undefined) {
          void this.services.notifier.error(notice('Not an order number: use 1000457, #1000457 or a link containing /orders/<id>.'));
          return undefined;
        }
        text ??= await this.askOrder();
        if (text === undefined) {
          return undefined;
        }
        const parsed = parseOrderInput(text);
        if (!parsed.ok) {
          void this.services.notifier.error(noticeOf(orderInputMessage(text, locale()) ?? ''));
          return undefined;
        }
        return this.lookUpAndOpen(parsed.query);
      },
      [COMMANDS.openOrder]: async (idArg, aliasArg) => {
        const id = orderIdOf(idArg);
        return id === undefined ? undefined : this.panels.open(aliasOf(aliasArg), id);
      },
    };
  }

  private askOrder(): Thenable<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Look up a Yampi order'),
      prompt: vscode.l10n.t('Order number (1000457 or #1000457) or a link containing /orders/<id>'),
      placeHolder: '#1000457',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? undefined : orderInputMessage(v, locale())),
    });
  }

  /** Looks the order up (every answer checked), then opens the one the user means — never another. */
  private async lookUpAndOpen(query: OrderQuery): Promise<OrderDetail | undefined> {
    const session = this.services.sessions.get();
    // the store's status names load beside the lookup (once per session): the panel paints with them
    void this.service.statuses(session);
    const asked = query.kind === 'id' ? vscode.l10n.t('order id {0}', query.id) : vscode.l10n.t('order #{0}', query.number);
    const outcome = await this.services.notifier.progress(
      { location: vscode.ProgressLocation.Window, title: notice('Looking up {0}…', asked) },
      () => this.service.lookup(session, query),
    );
    const chosen = await this.choose(outcome, query);
    return chosen === undefined ? undefined : this.panels.open(session.alias, chosen.id, chosen);
  }

  private async choose(outcome: LookupOutcome, query: OrderQuery): Promise<OrderDetail | undefined> {
    const alias = this.services.sessions.resolveAlias() ?? '';
    switch (outcome.kind) {
      case 'found':
        return outcome.order;
      case 'choice':
        return this.pick(vscode.l10n.t('{0} is both an order number and another order’s id. Which one?', query.kind === 'number' ? query.number : ''), [
          { order: outcome.byNumber, why: vscode.l10n.t('its number is {0}', orderNumberText(outcome.byNumber, locale())) },
          { order: outcome.byId, why: vscode.l10n.t('its id is {0}', outcome.byId.id) },
        ]);
      case 'idOnly':
        return this.pick(vscode.l10n.t('No order has number #{0} in store {1}, but order id {0} exists. Open it?', outcome.byId.id, alias), [
          { order: outcome.byId, why: vscode.l10n.t('its id is {0}', outcome.byId.id) },
        ]);
      case 'notFound': {
        const what = query.kind === 'id' ? vscode.l10n.t('No order with id {0} in store {1}.', query.id, alias) : outcome.ignored
          ? vscode.l10n.t('Could not find order #{0} in store {1}: the store ignored the number filter in every form we know (number[], search, q), and no order it returned has that number. No other order is shown.', query.number, alias)
          : vscode.l10n.t('No order with number #{0} in store {1}.', query.number, alias);
        void this.services.notifier.warn(noticeOf(what), {});
        return undefined;
      }
    }
  }

  /** A quick pick of orders: the number, why it is offered, date, status and total (all data made plain). */
  private async pick(title: string, options: readonly { order: OrderDetail; why: string }[]): Promise<OrderDetail | undefined> {
    const session = this.services.sessions.get();
    const statuses = await this.service.statuses(session);
    const loc = locale();
    const items = options.map(({ order, why }) => {
      const f = orderFacts(order, statuses, loc);
      return {
        label: plainLabel(vscode.l10n.t('Order {0}', f.number)),
        description: plainLabel(`id ${order.id} · ${why}`),
        detail: plainLabel([f.date, f.status.label, f.total].join(' · ')),
        order,
      };
    });
    this.lastChoice = items.map((i) => `${i.label} (${i.description})`);
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: title, ignoreFocusOut: true });
    return picked?.order;
  }

  /** The `yampi_getOrder` result text: the order (checked like the lookup) or why there is none. */
  async chatText(store: ToolStore, input: GetOrderInput, token: vscode.CancellationToken): Promise<string> {
    const session = this.services.sessions.get(store.alias);
    const query: OrderQuery = input.id !== undefined ? { kind: 'id', id: input.id } : { kind: 'number', number: input.number, alsoId: false };
    const outcome = await this.service.lookup(session, query, { token });
    if (outcome.kind !== 'found') {
      return orderNotFoundResult({ number: input.number, id: input.id }, outcome.kind === 'notFound' && outcome.ignored, store, locale());
    }
    return orderResult(outcome.order, await this.service.statuses(session), store, this.services.settings.settings.maskSensitiveData, locale());
  }
}
