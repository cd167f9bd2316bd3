import vscode = require('vscode');
import { COMMANDS, VIEWS, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { CustomerRecord } from '../../core/model/customer';
import { isPanelState } from '../../core/webview/protocol';
import { NotSignedInError } from '../errors';
import { Lifecycle } from '../lifecycle';
import type { Needs } from '../services';
import { DetailPanel } from './detailPanel';
import { notice } from '../notify';
import type { DetailPanelsFacts, Inspectable } from '../inspection';
import { execute } from '../commands/execute';

/** What this module uses of the feature services (src/host/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

/**
 * All open detail panels, one per (store, customer). Each panel belongs to its store's session,
 * which closes it when the store is signed out. Restores panels after a window reload.
 */
export class DetailPanels extends Lifecycle implements Inspectable<DetailPanelsFacts> {
  private readonly panels = new Map<string, DetailPanel>();
  /** Set while the extension shuts down: the panels it closes then stay remembered for the next start. */
  private closing = false;

  constructor(private readonly services: Deps) {
    super();
    this.register(services.settings.onDidChange(({ changed }) => {
      if (changed.includes('privacy.maskSensitiveData')) {
        this.rerenderAll();
      }
    }));
  }

  /**
   * Brings back a panel VS Code kept over a window reload (the serializer itself is registered at
   * activation by the shell): only for a store still signed in, else the panel closes.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPanelState(state) || !this.services.credentials.signedInAliases().includes(state.alias)) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, state.alias, state.id).load(false);
  }

  /** Opens (or reveals) the panel of a customer; resolves the record, or undefined when it failed. */
  async open(alias: string | undefined, id: number): Promise<CustomerRecord | undefined> {
    const store = this.services.sessions.resolveAlias(alias);
    const existing = store === undefined ? undefined : this.panels.get(`${store}/${id}`);
    if (existing) {
      existing.reveal();
      return existing.record ?? existing.load(false);
    }
    try {
      this.services.sessions.get(store);
    } catch (e) {
      if (!(e instanceof NotSignedInError)) {
        throw e;
      }
      // not awaited: the command ends even if nobody ever answers the notification
      const connect = vscode.l10n.t('Set Credentials');
      void this.services.notifier.warn(notice('Connect a Yampi store first.'), {}, connect).then((pick) =>
        pick === connect ? execute(COMMANDS.setCredentials) : undefined);
      return undefined;
    }
    const ext = this.services.context.extensionUri;
    const panel = vscode.window.createWebviewPanel(VIEWS.detailPanel, vscode.l10n.t('Customer #{0}', id), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')],
    });
    return this.adopt(panel, store ?? '', id).load(false);
  }

  private adopt(panel: vscode.WebviewPanel, alias: string, id: number): DetailPanel {
    const session = this.services.sessions.get(alias);
    const key = `${session.alias}/${id}`;
    const p = session.register(new DetailPanel(panel, session, id, this.services));
    this.panels.set(key, p);
    this.rememberOpen();
    p.register(new vscode.Disposable(() => {
      this.panels.delete(key);
      session.disown(p);
      this.rememberOpen();
    }));
    return p;
  }

  /**
   * Whether a panel is open, in workspace state, for the next start (src/host/shell.ts registers the
   * panel serializer at activation only then). Written only when it changes; never who is shown.
   */
  private rememberOpen(): void {
    const open = this.panels.size > 0;
    const state = this.services.context.workspaceState;
    if (!this.closing && (state.get(WORKSPACE_KEYS.panelsOpen) === true) !== open) {
      void state.update(WORKSPACE_KEYS.panelsOpen, open ? true : undefined);
    }
  }

  /** The open panels (src/host/inspection.ts). */
  inspect(): DetailPanelsFacts {
    return { panels: [...this.panels.values()].map((p) => p.inspect()) };
  }

  /** The record of the focused panel, for commands run without an argument. */
  activeRecord(): { record: CustomerRecord; alias: string } | undefined {
    for (const p of this.panels.values()) {
      if (p.panel.active && p.record) {
        return { record: p.record, alias: p.alias };
      }
    }
    return undefined;
  }

  rerenderAll(): void {
    for (const p of this.panels.values()) {
      p.render();
    }
  }

  async refreshAll(alias?: string): Promise<void> {
    await Promise.all([...this.panels.values()].filter((p) => alias === undefined || p.alias === alias).map((p) => p.refresh()));
  }

  protected override onDispose(): void {
    this.closing = true;
    for (const p of [...this.panels.values()]) {
      p.dispose();
    }
  }
}
