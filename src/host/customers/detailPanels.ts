import vscode = require('vscode');
import { VIEWS, WORKSPACE_KEYS } from '../../core/commands/ids';
import type { CustomerRecord } from '../../core/customers/customer';
import { isPanelState } from '../../core/webview/protocol';
import type { DetailPanelsFacts, Inspectable } from '../app/inspection';
import type { Needs } from '../app/services';
import type { StoreSession } from '../session/storeSession';
import { WebviewPanels } from '../webview/webviewPanels';
import { DetailPanel } from './detailPanel';

/**
 * All open detail panels, one per (store, customer), over the registry base
 * (src/host/webview/webviewPanels.ts): each belongs to its store's session, which closes it when
 * the store is signed out; they come back after a window reload.
 */
/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'context' | 'credentials' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

export class DetailPanels extends WebviewPanels<DetailPanel> implements Inspectable<DetailPanelsFacts> {
  constructor(private readonly services: Deps) {
    super(services, { viewType: VIEWS.detailPanel, rememberKey: WORKSPACE_KEYS.panelsOpen, isState: isPanelState });
  }

  protected create(panel: vscode.WebviewPanel, session: StoreSession, id: number): DetailPanel {
    return new DetailPanel(panel, session, id, this.services);
  }

  /** Opens (or reveals) the panel of a customer; resolves the record, or undefined when it failed. */
  open(alias: string | undefined, id: number): Promise<CustomerRecord | undefined> {
    return this.openPanel(alias, id, vscode.l10n.t('Customer #{0}', id), async (p) => p.record ?? p.load(false), (p) => p.load(false));
  }

  /** The open panels with their sections (src/host/app/inspection.ts). */
  inspect(): DetailPanelsFacts {
    return { panels: this.facts().map(({ panel, ...f }) => ({ ...f, sections: panel.inspect() })) };
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
}
