/**
 * Customer ids in terminal output as links (product.md § Terminal and chat). VS Code asks for a
 * line's links when the pointer reaches it; finding them is pure and local (src/core/terminal/terminalRefs),
 * and nothing is fetched until a link is followed.
 */
import vscode = require('vscode');
import type { CompiledPatterns } from '../../core/refs/patterns';
import { t, toLocale } from '../../core/common/strings';
import { DEFAULT_WORD_SEPARATORS, findTerminalLinks } from '../../core/terminal/terminalRefs';

export interface TerminalLinkDeps {
  /** The compiled `yampi.hover.patterns` (the same ones hovers use). */
  patterns(): CompiledPatterns;
  /** `yampi.terminalLinks.enabled`. */
  enabled(): boolean;
  /** Opens the customer's panel (e.g. `yampi.openCustomer`); failures are the opener's to show. */
  open(id: number): Promise<unknown>;
  /** Where a failure of `open` that escaped it is written (optional). */
  logError?(message: string): void;
}

export class CustomerTerminalLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    length: number,
    tooltip: string,
    readonly customerId: number,
  ) {
    super(startIndex, length, tooltip);
  }
}

const SEPARATORS_SETTING = 'terminal.integrated.wordSeparators';

function readSeparators(): string {
  const value = vscode.workspace.getConfiguration().get<unknown>(SEPARATORS_SETTING);
  return typeof value === 'string' ? value : DEFAULT_WORD_SEPARATORS;
}

export class CustomerTerminalLinkProvider implements vscode.TerminalLinkProvider<CustomerTerminalLink> {
  private separators = readSeparators();

  constructor(private readonly deps: TerminalLinkDeps) {}

  /** Called when `terminal.integrated.wordSeparators` changes. */
  reloadSeparators(): void {
    this.separators = readSeparators();
  }

  provideTerminalLinks(context: { readonly line: string }, token?: vscode.CancellationToken): CustomerTerminalLink[] {
    if (token?.isCancellationRequested === true || !this.deps.enabled()) {
      return [];
    }
    const found = findTerminalLinks(context.line, this.deps.patterns(), this.separators, () => performance.now());
    if (found.length === 0) {
      return [];
    }
    const locale = toLocale(vscode.env.language);
    return found.map((l) => new CustomerTerminalLink(l.startIndex, l.length, t(locale, 'Open Yampi customer #{0}', l.id), l.id));
  }

  handleTerminalLink(link: CustomerTerminalLink): Promise<void> {
    return this.deps.open(link.customerId).then(
      () => undefined,
      (e: unknown) => this.deps.logError?.(`Opening customer #${link.customerId} from a terminal link failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}

/**
 * The terminal link provider, kept in step with `terminal.integrated.wordSeparators`. The shell
 * registers a stand-in at activation that hands each line to it (src/host/app/shell.ts).
 */
export function createTerminalLinks(deps: TerminalLinkDeps): vscode.Disposable & { readonly provider: CustomerTerminalLinkProvider } {
  const provider = new CustomerTerminalLinkProvider(deps);
  const disposable = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SEPARATORS_SETTING)) {
      provider.reloadSeparators();
    }
  });
  return Object.assign(disposable, { provider });
}
