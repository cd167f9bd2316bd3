import * as vscode from 'vscode';
import { YampiError } from '../core/api/errors';
import { TtlLruCache } from '../core/cache';
import { type CompiledPatterns, type CustomerRef, compilePatterns, type InvalidPattern, findRefsInDocument, findRefsInLine, MAX_DOCUMENT_LENGTH, refAt } from '../core/customerRefs';
import { commandUri, escapeMarkdown, HOVER_COMMANDS, hoverCard, type HoverCardInput } from '../core/hoverCard';
import { t, toLocale } from '../core/model/strings';
import type { CustomerService } from './customerService';
import { NotSignedInError } from './customerService';
import { describeError, isCancellation, recordShown } from './errors';
import type { Services } from './services';

function problemText(problem: InvalidPattern['problem']): string {
  switch (problem) {
    case 'syntax':
      return vscode.l10n.t('not a valid regular expression');
    case 'unsupported':
      return vscode.l10n.t('uses syntax RE2 does not support (lookaround or backreference)');
    case 'tooComplex':
      return vscode.l10n.t('too long or too complex');
    case 'groups':
      return vscode.l10n.t('needs exactly one capture group for the id');
    case 'empty':
      return vscode.l10n.t('matches empty text');
  }
}

/** Where hovers and links apply: files (local or on the remote host) and unsaved editors. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/**
 * Finds customer ids in documents (cached per document version) and serves hovers and document
 * links over them. Finding never makes a request; a hover fetches the customer (through the cache,
 * the limiter and the in-flight dedupe); a link fetches nothing until it is clicked.
 */
export class CustomerRefIndex implements vscode.Disposable {
  private compiled: CompiledPatterns;
  /** Per document URI, the refs of one version; the 30 most recently used documents are kept. */
  private readonly cache = new TtlLruCache<{ version: number; refs: readonly CustomerRef[] }>({ maxEntries: 30, ttlMs: Number.POSITIVE_INFINITY });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.compiled = this.compile();
    this.disposables.push(
      services.settings.onDidChange(({ changed }) => {
        if (changed.includes('hover.patterns')) {
          this.compiled = this.compile();
          this.cache.clear();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
      }),
    );
  }

  private compile(): CompiledPatterns {
    const compiled = compilePatterns(this.services.settings.settings.hoverPatterns);
    for (const bad of compiled.invalid) {
      this.services.logger.warn(`Ignoring yampi.hover.patterns entry ${JSON.stringify(bad.source)}: ${bad.reason}`);
    }
    if (compiled.invalid.length > 0) {
      const open = vscode.l10n.t('Open Settings');
      const message = vscode.l10n.t('Yampi: {0} of the patterns in yampi.hover.patterns cannot be used and are ignored: {1}', compiled.invalid.length, compiled.invalid.map((b) => `${b.source} (${problemText(b.problem)})`).join('; '));
      recordShown(message);
      void vscode.window
        .showWarningMessage(message, open)
        .then((picked) => (picked === open ? vscode.commands.executeCommand('workbench.action.openSettings', 'yampi.hover.patterns') : undefined));
    }
    return compiled;
  }

  /** Every customer id in the document (empty for documents too large to scan). */
  refs(doc: vscode.TextDocument): readonly CustomerRef[] {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit?.version === doc.version) {
      return hit.refs;
    }
    const refs = findRefsInDocument(doc.getText(), doc.languageId, this.compiled.patterns);
    this.cache.set(key, { version: doc.version, refs });
    return refs;
  }

  /** The id at a position: from the document's refs, or (very large documents) from its line only. */
  refAt(doc: vscode.TextDocument, pos: vscode.Position): { id: number; range: vscode.Range } | undefined {
    if (doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > MAX_DOCUMENT_LENGTH) {
      const line = doc.lineAt(pos.line).text;
      const r = refAt(findRefsInLine(line, this.compiled.patterns), pos.character);
      return r && { id: r.id, range: new vscode.Range(pos.line, r.start, pos.line, r.end) };
    }
    const r = refAt(this.refs(doc), doc.offsetAt(pos));
    return r && { id: r.id, range: new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)) };
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
    this.cache.clear();
  }
}

class CustomerHoverProvider implements vscode.HoverProvider, vscode.DocumentLinkProvider {
  constructor(
    private readonly services: Services,
    private readonly customers: CustomerService,
    private readonly index: CustomerRefIndex,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const ref = this.index.refAt(doc, pos);
    if (!ref) {
      return undefined;
    }
    const locale = toLocale(vscode.env.language);
    const input = await this.cardInput(ref.id, token);
    if (input === undefined || token.isCancellationRequested) {
      return undefined;
    }
    const md = new vscode.MarkdownString(typeof input === 'string' ? input : hoverCard(input, locale, this.services.settings.settings.maskSensitiveData), true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    return new vscode.Hover(md, ref.range);
  }

  /** What the card shows; a string is ready-made Markdown (errors the core does not know). */
  private async cardInput(id: number, token: vscode.CancellationToken): Promise<HoverCardInput | string | undefined> {
    const alias = this.services.credentials.activeAlias();
    if (alias === undefined) {
      return { kind: 'signedOut', id };
    }
    try {
      // customers.get reads the credentials (NotSignedInError when there are none): read them once
      const record = await this.customers.get(alias, id, { token });
      return { kind: 'customer', record, alias, storeName: this.services.credentials.displayName(alias) };
    } catch (e) {
      if (isCancellation(e) || token.isCancellationRequested) {
        return undefined;
      }
      if (e instanceof NotSignedInError) {
        return { kind: 'signedOut', id };
      }
      this.services.logger.debug(`Hover for customer #${id} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (YampiError.is(e)) {
        return { kind: 'error', id, alias, error: { kind: e.kind, message: e.message, retryAfterMs: e.retryAfterMs } };
      }
      return `$(warning) ${escapeMarkdown(describeError(e).message, 400)}`;
    }
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const locale = toLocale(vscode.env.language);
    return this.index.refs(doc).map((r) => {
      const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), vscode.Uri.parse(commandUri('yampi.openCustomer', [r.id])));
      link.tooltip = t(locale, 'hover.link', r.id);
      return link;
    });
  }
}

/**
 * Hover and links over customer ids, registered only while `yampi.hover.enabled` is on (the
 * master switch: off means no provider at all, so nothing is scanned).
 */
export function registerHovers(services: Services, customers: CustomerService, index: CustomerRefIndex): vscode.Disposable {
  let registered: vscode.Disposable | undefined;
  const update = (): void => {
    const enabled = services.settings.settings.hoverEnabled;
    if (enabled && !registered) {
      const provider = new CustomerHoverProvider(services, customers, index);
      registered = vscode.Disposable.from(
        vscode.languages.registerHoverProvider(SELECTOR, provider),
        vscode.languages.registerDocumentLinkProvider(SELECTOR, provider),
      );
    } else if (!enabled && registered) {
      registered.dispose();
      registered = undefined;
    }
  };
  update();
  const listener = services.settings.onDidChange(({ changed }) => {
    if (changed.includes('hover.enabled')) {
      update();
    }
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    registered?.dispose();
  });
}
