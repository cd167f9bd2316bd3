import vscode = require('vscode');
import { TtlLruCache } from '../../core/common/cache';
import { COMMANDS } from '../../core/commands/ids';
import { MAX_DOCUMENT_LENGTH } from '../../core/refs/patterns';
import { t } from '../../core/common/strings';
import { findOrderRefsInLine, findOrderTerminalLinks, type OrderRef, orderRefAt, type OrderRefKind } from '../../core/orders/orderRefs';
import { ORDER_HOVER_COMMANDS, orderCard, type OrderCardInput, orderCommandUri, orderRefLabel } from '../../core/orders/orderResults';
import { type BudgetedOrderScan, budgetedOrderScan } from '../../core/orders/orderScan';
import { DEFAULT_WORD_SEPARATORS } from '../../core/terminal/terminalRefs';
import { describeError, isCancellation, NotSignedInError } from '../common/errors';
import { Lifecycle } from '../common/lifecycle';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import type { OrderService } from './orderService';
import { execute } from '../common/execute';
import { scanPerVersion, visibleOffsets } from '../hover/documentScans';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'credentials' | 'logger' | 'sessions' | 'settings'>;

/** The command a reference opens: an id opens its panel, a number is looked up (and checked) first. */
function commandOf(kind: OrderRefKind, value: number): string {
  return kind === 'id' ? orderCommandUri(COMMANDS.openOrder, [value]) : `command:${COMMANDS.lookupOrder}?${encodeURIComponent(JSON.stringify([`#${value}`]))}`;
}

/** `Open Yampi order #2940` / `Open Yampi order id 1093051`. */
function openTooltip(kind: OrderRefKind, value: number): string {
  const loc = locale();
  return t(loc, 'Open Yampi order {0}', kind === 'number' ? `#${value}` : t(loc, 'id {0}', value));
}

/**
 * Hovers and document links over order references (src/core/orders/orderRefs.ts), beside the
 * customer ones. Finding is local and cached per document version; a hover asks the active store
 * (never waiting for the rate limit), a link fetches nothing until followed.
 */
export class OrderHoverProvider extends Lifecycle implements vscode.HoverProvider, vscode.DocumentLinkProvider {
  private readonly cache = new TtlLruCache<{ version: number; scan: BudgetedOrderScan }>({ maxEntries: 30, ttlMs: Number.POSITIVE_INFINITY });

  constructor(private readonly services: Deps, private readonly orders: OrderService) {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((d) => { this.cache.delete(d.uri.toString()); }));
  }

  /** The document's order references within the scan budget: all, or the visible lines' (cached per version either way). */
  refs(doc: vscode.TextDocument): readonly OrderRef[] {
    return this.scan(doc).refs;
  }

  private scan(doc: vscode.TextDocument): BudgetedOrderScan {
    return scanPerVersion(this.cache, doc, () => budgetedOrderScan(doc.getText(), doc.languageId, () => visibleOffsets(doc), () => performance.now()));
  }


  private refAt(doc: vscode.TextDocument, pos: vscode.Position): { ref: OrderRef; range: vscode.Range } | undefined {
    if (doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > MAX_DOCUMENT_LENGTH || this.scan(doc).coverage !== 'full') {
      const r = orderRefAt(findOrderRefsInLine(doc.lineAt(pos.line).text), pos.character);
      return r && { ref: r, range: new vscode.Range(pos.line, r.start, pos.line, r.end) };
    }
    const r = orderRefAt(this.refs(doc), doc.offsetAt(pos));
    return r && { ref: r, range: new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)) };
  }

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const found = this.refAt(doc, pos);
    if (!found) {
      return undefined;
    }
    const input = await this.cardInput(found.ref, token);
    if (input === undefined || token.isCancellationRequested) {
      return undefined;
    }
    const md = new vscode.MarkdownString(orderCard(input, locale(), this.services.settings.settings.maskSensitiveData), true);
    md.isTrusted = { enabledCommands: [...ORDER_HOVER_COMMANDS] };
    md.supportHtml = false;
    return new vscode.Hover(md, found.range);
  }

  private async cardInput(ref: OrderRef, token: vscode.CancellationToken): Promise<OrderCardInput | undefined> {
    const label = orderRefLabel(ref.kind, ref.value, locale());
    const alias = this.services.sessions.resolveAlias() ?? '';
    try {
      const session = this.services.sessions.get();
      // a hover answers now or says why: it never queues behind the rate limit
      const opts = { token, waitForRateLimit: false };
      const outcome = await this.orders.lookup(session, ref.kind === 'id' ? { kind: 'id', id: ref.value } : { kind: 'number', number: ref.value, alsoId: false }, opts);
      if (outcome.kind !== 'found') {
        return { kind: 'notFound', label, alias, ignored: outcome.kind === 'notFound' && outcome.ignored };
      }
      const statuses = await this.orders.statuses(session);
      return { kind: 'order', order: outcome.order, statuses, alias: session.alias, storeName: this.services.credentials.displayName(session.alias) };
    } catch (e) {
      if (e instanceof NotSignedInError) {
        return { kind: 'signedOut', label };
      }
      if (isCancellation(e) || token.isCancellationRequested) {
        return undefined;
      }
      this.services.logger.debug(`Hover for ${ref.kind} ${ref.value} failed: ${e instanceof Error ? e.message : String(e)}`);
      return { kind: 'error', label, message: describeError(e).message };
    }
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return this.refs(doc).map((r) => {
      const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), vscode.Uri.parse(commandOf(r.kind, r.value)));
      link.tooltip = openTooltip(r.kind, r.value);
      return link;
    });
  }

  protected override onDispose(): void {
    this.cache.clear();
  }
}

export class OrderTerminalLink extends vscode.TerminalLink {
  constructor(startIndex: number, length: number, tooltip: string, readonly kind: OrderRefKind, readonly value: number) {
    super(startIndex, length, tooltip);
  }
}

/** Order references in terminal output: the same patterns, each link the whole terminal word; nothing fetched before a click. */
export class OrderTerminalLinkProvider implements vscode.TerminalLinkProvider<OrderTerminalLink> {
  constructor(private readonly services: Deps) {}

  provideTerminalLinks(context: { readonly line: string }, token?: vscode.CancellationToken): OrderTerminalLink[] {
    if (token?.isCancellationRequested === true || !this.services.settings.settings.terminalLinksEnabled) {
      return [];
    }
    const separators = vscode.workspace.getConfiguration().get<unknown>('terminal.integrated.wordSeparators');
    return findOrderTerminalLinks(context.line, typeof separators === 'string' ? separators : DEFAULT_WORD_SEPARATORS)
      .map((l) => new OrderTerminalLink(l.startIndex, l.length, openTooltip(l.kind, l.value), l.kind, l.value));
  }

  async handleTerminalLink(link: OrderTerminalLink): Promise<void> {
    try {
      await (link.kind === 'id' ? execute(COMMANDS.openOrder, link.value) : execute(COMMANDS.lookupOrder, `#${link.value}`));
    } catch (e) {
      this.services.logger.warn(`Opening an order from a terminal link failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
