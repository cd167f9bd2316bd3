import vscode = require('vscode');
import { TtlLruCache } from '../../core/common/cache';
import { type CompiledPatterns, type CustomerRef, compilePatterns, type InvalidPattern, loadedRe2, loadRe2, MAX_DOCUMENT_LENGTH, needsRe2 } from '../../core/refs/patterns';
import { refAt } from '../../core/refs/textScan';
import { type BudgetedScan, budgetedDocumentScan, budgetedLineScan } from '../../core/hover/documentScan';
import { COMMANDS, OPEN_SETTINGS } from '../../core/commands/ids';
import { Lifecycle } from '../common/lifecycle';
import { notice } from '../common/notify';
import type { Needs } from '../app/services';
import { execute } from '../common/execute';
import { scanPerVersion, visibleOffsets } from './documentScans';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'logger' | 'notifier' | 'settings'>;

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
    case 'tooMany':
      return vscode.l10n.t('more than 20 patterns');
  }
}

/**
 * Finds customer ids in documents (cached per document version) and serves hovers and document
 * links over them. Finding never makes a request; a hover fetches the customer (through the cache,
 * the limiter and the in-flight dedupe); a link fetches nothing until it is clicked.
 */
export class CustomerRefIndex extends Lifecycle {
  /**
   * The patterns in use. While the RE2 chunk loads (the first time a user pattern needs it), the
   * user's patterns are not in use at all (`ready` says when they are): none is ever run on V8.
   */
  private compiled: CompiledPatterns = { patterns: [], invalid: [] };
  /** Settles when `compiled` holds the current setting's patterns. */
  private compiling: Promise<void>;
  /** Bumped on each setting change, so a late load of an older setting is dropped. */
  private generation = 0;
  /**
   * Per document URI, the scan of one version (whole document, or the visible ranges when the whole
   * took too long: that outcome is kept too, so no hover retries it); the 30 most recently used.
   */
  private readonly cache = new TtlLruCache<{ version: number; scan: BudgetedScan }>({ maxEntries: 30, ttlMs: Number.POSITIVE_INFINITY });

  constructor(private readonly services: Deps) {
    super();
    this.compiling = this.compile();
    this.register(services.settings.onDidChange(({ changed }) => {
      if (changed.includes('hover.patterns')) {
        this.compiling = this.compile();
      }
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.cache.delete(d.uri.toString());
    }));
  }

  /** The compiled patterns (also used for terminal lines): those of the setting once `ready()` has settled. */
  get patterns(): CompiledPatterns {
    return this.compiled;
  }

  /** Settles once the patterns of the current setting are compiled (at once unless the RE2 chunk is loading). */
  ready(): Promise<void> {
    return this.compiling;
  }

  /**
   * Compiles the setting's patterns: at once when none needs RE2 or RE2 is loaded, else after its
   * chunk has loaded (with no user pattern in use meanwhile).
   */
  private compile(): Promise<void> {
    const generation = ++this.generation;
    const sources = this.services.settings.settings.hoverPatterns;
    const re2 = needsRe2(sources) ? loadedRe2() : undefined;
    if (re2 !== undefined || !needsRe2(sources)) {
      this.use(compilePatterns(sources, re2));
      return Promise.resolve();
    }
    this.use({ patterns: [], invalid: [] });
    return loadRe2().then(
      (loaded) => {
        if (generation === this.generation && !this.isDisposed) {
          this.use(compilePatterns(sources, loaded));
        }
      },
      (e: unknown) => {
        this.services.logger.error(`Could not load the RE2 engine for yampi.hover.patterns: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }

  private use(compiled: CompiledPatterns): void {
    this.compiled = compiled;
    this.cache.clear();
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
          picked === open ? execute(OPEN_SETTINGS, 'yampi.hover.patterns') : picked === showLog ? execute(COMMANDS.showLog) : undefined);
    }
  }

  /**
   * Every customer id in the document within the scan budget: all of them, or those in the visible
   * ranges when the whole document took too long (empty for documents too large to scan).
   */
  refs(doc: vscode.TextDocument): readonly CustomerRef[] {
    return this.scan(doc).refs;
  }

  private scan(doc: vscode.TextDocument): BudgetedScan {
    return scanPerVersion(this.cache, doc, () => {
      const scan = budgetedDocumentScan(doc.getText(), doc.languageId, this.compiled.patterns, () => visibleOffsets(doc), () => performance.now());
      if (scan.coverage !== 'full') {
        this.services.logger.info(`Customer id scan of ${doc.uri.scheme} document (version ${doc.version}) ran out of time: ${scan.coverage === 'visible' ? 'visible lines only' : 'part of the visible lines'}; hovers look at their own line`);
      }
      return scan;
    });
  }


  /** The id at a position: from the document's refs, or (very large or slow documents) from its line only. */
  refAt(doc: vscode.TextDocument, pos: vscode.Position): { id: number; range: vscode.Range } | undefined {
    if (doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > MAX_DOCUMENT_LENGTH || this.scan(doc).coverage !== 'full') {
      const line = doc.lineAt(pos.line).text;
      const r = refAt(budgetedLineScan(line, this.compiled.patterns, () => performance.now()), pos.character);
      return r && { id: r.id, range: new vscode.Range(pos.line, r.start, pos.line, r.end) };
    }
    const r = refAt(this.refs(doc), doc.offsetAt(pos));
    return r && { id: r.id, range: new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)) };
  }

  protected override onDispose(): void {
    this.cache.clear();
  }
}

