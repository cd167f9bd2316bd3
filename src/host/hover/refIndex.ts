import vscode = require('vscode');
import { TtlLruCache } from '../../core/cache';
import { type CompiledPatterns, type CustomerRef, compilePatterns, type InvalidPattern, findRefsInDocument, findRefsInLine, MAX_DOCUMENT_LENGTH, refAt } from '../../core/customerRefs';
import { COMMANDS } from '../../core/commands/ids';
import { Lifecycle } from '../lifecycle';
import { notice } from '../notify';
import type { Services } from '../services';

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

/**
 * Finds customer ids in documents (cached per document version) and serves hovers and document
 * links over them. Finding never makes a request; a hover fetches the customer (through the cache,
 * the limiter and the in-flight dedupe); a link fetches nothing until it is clicked.
 */
export class CustomerRefIndex extends Lifecycle {
  private compiled: CompiledPatterns;
  /** Per document URI, the refs of one version; the 30 most recently used documents are kept. */
  private readonly cache = new TtlLruCache<{ version: number; refs: readonly CustomerRef[] }>({ maxEntries: 30, ttlMs: Number.POSITIVE_INFINITY });

  constructor(private readonly services: Services) {
    super();
    this.compiled = this.compile();
    this.register(services.settings.onDidChange(({ changed }) => {
      if (changed.includes('hover.patterns')) {
        this.compiled = this.compile();
        this.cache.clear();
      }
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.cache.delete(d.uri.toString());
    }));
  }

  /** The compiled patterns (also used for terminal lines). */
  get patterns(): CompiledPatterns {
    return this.compiled;
  }

  private compile(): CompiledPatterns {
    const compiled = compilePatterns(this.services.settings.settings.hoverPatterns);
    for (const bad of compiled.invalid) {
      this.services.logger.warn(`Ignoring yampi.hover.patterns entry ${JSON.stringify(bad.source)}: ${problemText(bad.problem)} (${bad.reason})`);
    }
    if (compiled.invalid.length > 0) {
      const open = vscode.l10n.t('Open Settings');
      // the count only: a pattern is outside text (the log above has each one and why)
      const showLog = vscode.l10n.t('Show Log');
      const message = notice('Yampi: {0} of the patterns in yampi.hover.patterns cannot be used and are ignored. The log says which and why.', compiled.invalid.length);
      void this.services.notifier
        .warn(message, {}, open, showLog)
        .then((picked) =>
          picked === open ? vscode.commands.executeCommand('workbench.action.openSettings', 'yampi.hover.patterns') : picked === showLog ? vscode.commands.executeCommand(COMMANDS.showLog) : undefined);
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

  protected override onDispose(): void {
    this.cache.clear();
  }
}

