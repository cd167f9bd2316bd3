import vscode = require('vscode');
import { COMMANDS, WORKSPACE_KEYS } from '../../core/commands/ids';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, findingMessage, type Tracking } from '../../core/keys/messages';
import { ignoredListOf, occurrenceHash, withIgnored } from '../../core/keys/occurrence';
import { type KeyFinding, positionsOf, scanForKeys } from '../../core/keys/scanner';
import { funnel, type KeysCommandTable } from '../common/commandRegistry';
import { Lifecycle } from '../common/lifecycle';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import { KeyFixes } from './fixes';
import { GitStatus } from './gitStatus';
import { scanWorkspace } from './workspaceScan';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'logger' | 'notifier' | 'settings'>;

/** Where keys are looked for: files (local, remote, virtual) and unsaved editors. */
export const KEYS_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Quiet time after the last keystroke before a document is scanned again. */
export const CHANGE_DEBOUNCE_MS = 300;
/** Open documents larger than this are not scanned (a 2 MB scan takes a few ms; this bounds the worst case). */
const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

/**
 * Keys in source (product.md): Problems entries on Yampi keys written in documents, kept up to date
 * as they change; quick fixes; the workspace scan. Its own lazy chunk, loaded by the shell when a
 * document could hold a key or a keys command runs.
 */
export class KeysFeature extends Lifecycle {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('yampi-keys'));
  readonly git: GitStatus;
  readonly commands: KeysCommandTable;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose diagnostics came from the last workspace scan (kept when closed). */
  readonly scanned = new Set<string>();

  constructor(readonly services: Deps) {
    super();
    this.git = new GitStatus(services.logger);
    const fixes = new KeyFixes(this);
    this.commands = funnel(services, {
      [COMMANDS.scanWorkspaceForKeys]: () => scanWorkspace(this),
      [COMMANDS.keysMoveToEnv]: (uri, offset) => fixes.moveToEnv(uri, offset),
      [COMMANDS.keysSignIn]: (uri, offset, alias) => fixes.signIn(uri, offset, alias),
      [COMMANDS.keysIgnoreOccurrence]: (uri, offset) => fixes.ignore(uri, offset),
    });
    this.register(vscode.languages.registerCodeActionsProvider(KEYS_SELECTOR, fixes, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => { this.schedule(d, 0); }));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) {
        this.schedule(e.document, CHANGE_DEBOUNCE_MS);
      }
    }));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => {
      if (/(^|\/)\.(gitignore|env)$/.test(d.uri.path)) {
        this.refreshAll();
      }
    }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => {
      this.cancel(d.uri.toString());
      if (d.uri.scheme === 'untitled') {
        this.diagnostics.delete(d.uri);
      }
    }));
    this.register(services.settings.onDidChange(({ changed }) => {
      if (changed.includes('keys.enabled')) {
        this.refreshAll();
      }
    }));
    this.register({ dispose: () => { for (const t of this.timers.values()) { clearTimeout(t); } } });
    this.refreshAll();
  }

  get enabled(): boolean {
    return this.services.settings.settings.keysEnabled;
  }

  /** Rescans every open document (and drops everything when the setting is off). */
  refreshAll(): void {
    this.git.forget();
    if (!this.enabled) {
      this.diagnostics.clear();
      this.scanned.clear();
      return;
    }
    for (const d of vscode.workspace.textDocuments) {
      this.schedule(d, 0);
    }
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(key);
    }
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!SCHEMES.has(doc.uri.scheme) || this.isDisposed) {
      return;
    }
    const key = doc.uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.analyze(doc).catch((e: unknown) => { this.services.logger.warn('Keys in source: a document could not be checked.', e); });
    }, delay));
  }

  /** The hashes of the occurrences the user ignored. */
  ignoredOccurrences(): Set<string> {
    return new Set(ignoredListOf(this.services.context.workspaceState.get(WORKSPACE_KEYS.keysIgnored)));
  }

  async ignoreOccurrence(uri: vscode.Uri, key: string): Promise<void> {
    const list = ignoredListOf(this.services.context.workspaceState.get(WORKSPACE_KEYS.keysIgnored));
    await this.services.context.workspaceState.update(WORKSPACE_KEYS.keysIgnored, withIgnored(list, occurrenceHash(uri.toString(), key)));
  }

  /** The findings of a text the user has not ignored. */
  findings(uri: vscode.Uri, text: string): KeyFinding[] {
    const all = scanForKeys(text);
    if (all.length === 0) {
      return all;
    }
    const ignored = this.ignoredOccurrences();
    return ignored.size === 0 ? all : all.filter((f) => !ignored.has(occurrenceHash(uri.toString(), text.slice(f.start, f.end))));
  }

  /** Scans one open document and publishes its findings (none when git ignores the file). */
  async analyze(doc: vscode.TextDocument): Promise<number> {
    const version = doc.version;
    const gone = (): boolean => doc.isClosed || doc.version !== version || !this.enabled;
    if (gone()) {
      return 0;
    }
    const text = doc.getText();
    const findings = text.length > MAX_DOCUMENT_CHARS ? [] : this.findings(doc.uri, text);
    if (findings.length === 0) {
      this.diagnostics.delete(doc.uri);
      return 0;
    }
    const status = await this.git.status(doc.uri);
    if (gone()) {
      return 0; // a newer change is scheduled (or the document is gone)
    }
    return this.publish(doc.uri, text, status.ignored ? [] : findings, status.tracking);
  }

  /** Sets a file's Problems entries; the messages carry the kind and the tracking, never the key. */
  publish(uri: vscode.Uri, text: string, findings: readonly KeyFinding[], tracking: Tracking): number {
    if (findings.length === 0) {
      this.diagnostics.delete(uri);
      return 0;
    }
    const loc = locale();
    const starts = positionsOf(text, findings.map((f) => f.start));
    this.diagnostics.set(uri, findings.map((f, i) => {
      const s = starts[i] ?? { line: 0, character: 0 };
      const range = new vscode.Range(s.line, s.character, s.line, s.character + (f.end - f.start));
      const d = new vscode.Diagnostic(range, findingMessage(loc, f.kind, tracking), vscode.DiagnosticSeverity.Warning);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = DIAGNOSTIC_CODES[f.kind];
      return d;
    }));
    return findings.length;
  }
}
