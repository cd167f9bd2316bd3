import vscode = require('vscode');
import { YampiError } from '../../core/api/errors';
import { COMMANDS } from '../../core/commands/ids';
import { commandUri, escapeMarkdown, HOVER_COMMANDS, hoverCard, type HoverCardInput } from '../../core/hover/hoverCard';
import { t } from '../../core/common/strings';
import { describeError, isCancellation, NotSignedInError } from '../common/errors';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import type { CustomerRefIndex } from './refIndex';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'credentials' | 'logger' | 'sessions' | 'settings'>;

/**
 * Hovers and document links over customer ids. Finding never makes a request; a hover fetches the
 * customer through the active store's session (cache, limiter, in-flight dedupe); a link fetches
 * nothing until it is clicked.
 */
export class CustomerHoverProvider implements vscode.HoverProvider, vscode.DocumentLinkProvider {
  constructor(private readonly services: Deps, private readonly index: CustomerRefIndex) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    await this.index.ready(); // the user's patterns, once the RE2 chunk (if they need it) has loaded
    const ref = this.index.refAt(doc, pos);
    if (!ref) {
      return undefined;
    }
    const input = await this.cardInput(ref.id, token);
    if (input === undefined || token.isCancellationRequested) {
      return undefined;
    }
    const md = new vscode.MarkdownString(typeof input === 'string' ? input : hoverCard(input, locale(), this.services.settings.settings.maskSensitiveData), true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    return new vscode.Hover(md, ref.range);
  }

  /** What the card shows; a string is ready-made Markdown (errors the core does not know). */
  private async cardInput(id: number, token: vscode.CancellationToken): Promise<HoverCardInput | string | undefined> {
    const alias = this.services.sessions.resolveAlias();
    try {
      // a hover answers now or says why: it never queues behind the rate limit
      const record = await this.services.sessions.get().getCustomer(id, { token, waitForRateLimit: false });
      return { kind: 'customer', record, alias: alias ?? '', storeName: this.services.credentials.displayName(alias ?? '') };
    } catch (e) {
      if (e instanceof NotSignedInError) {
        return { kind: 'signedOut', id };
      }
      if (isCancellation(e) || token.isCancellationRequested) {
        return undefined;
      }
      this.services.logger.debug(`Hover for customer #${id} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (YampiError.is(e)) {
        return { kind: 'error', id, alias: alias ?? '', error: { kind: e.kind, message: describeError(e).message, retryAfterMs: e.retryAfterMs } };
      }
      return `$(warning) ${escapeMarkdown(describeError(e).message, 400)}`;
    }
  }

  async provideDocumentLinks(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    await this.index.ready();
    const loc = locale();
    return this.index.refs(doc).map((r) => {
      const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), vscode.Uri.parse(commandUri(COMMANDS.openCustomer, [r.id])));
      link.tooltip = t(loc, 'Open Yampi customer #{0}', r.id);
      return link;
    });
  }
}
