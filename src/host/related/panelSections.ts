import type { Order } from '../../core/related/related';
import { PANEL_PAGE_SIZE } from '../../core/related/relatedPaging';
import vscode = require('vscode');
import { groupOf, SECTION_IDS, type SectionId } from '../../core/related/sections';
import { sectionFitsMessage, type ToWebviewMessage } from '../../core/webview/protocol';
import { renderSection, type SectionRenderOptions, type SectionView } from '../../core/related/renderSections';
import type { Needs } from '../app/services';
import { RelatedSection } from './relatedSection';
import { sectionErrorOf, type StoreSession } from '../session/storeSession';
import type { Inspectable, SectionSnapshot } from '../app/inspection';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'logger'>;

/**
 * The related-record sections of one detail panel (orders, addresses, abandoned carts): their
 * requests go through the panel's session (sign-out cancels them, late results are dropped) and
 * each change replaces that one section in the webview (`{type:'section'}`). Orders load with the
 * panel; addresses and carts the first time their section is expanded.
 */
export class PanelSections implements vscode.Disposable, Inspectable<SectionSnapshot[]> {
  private readonly sections: ReadonlyMap<SectionId, RelatedSection>;

  constructor(
    session: StoreSession,
    private readonly customerId: number,
    private readonly services: Deps,
    /** Posts to the webview once it is ready (earlier messages would be lost; `ready` re-posts all). */
    private readonly post: (m: ToWebviewMessage) => void,
    private readonly renderOptions: () => SectionRenderOptions,
  ) {
    this.sections = new Map(SECTION_IDS.map((section) => [section, new RelatedSection({
      fetch: (page, skipCache, token) => session.relatedPage(section, customerId, page, PANEL_PAGE_SIZE, { skipCache, token }),
      changed: () => { this.send(section); },
      failed: (e) => {
        services.logger.warn(`The ${section} of customer #${customerId} in ${session.alias} could not be loaded.`, e);
        return sectionErrorOf(e);
      },
    }, section === 'orders' ? { status: 'loading' } : { status: 'idle' })]));
  }

  /** The eager part of opening a panel: orders page 1 (the record is the other request). */
  start(): Promise<void> {
    return this.section('orders').reload(false);
  }

  /** The sections as they are now, for the first document. */
  views(): SectionView[] {
    return SECTION_IDS.map((s) => this.view(s));
  }

  /** Each section's state and the HTML the webview gets for it now (src/host/app/inspection.ts). */
  inspect(): SectionSnapshot[] {
    return SECTION_IDS.map((s) => ({ view: this.view(s), html: this.html(s) }));
  }

  /** Sends every section again (the page (re)loaded). */
  postAll(): void {
    for (const s of SECTION_IDS) {
      this.send(s);
    }
  }

  send(section: SectionId): void {
    const html = this.html(section);
    if (!sectionFitsMessage(html)) {
      // the webview would drop the message and keep showing "Loading": show the error state instead
      this.services.logger.warn(`The ${section} of customer #${this.customerId} render to ${html.length} characters, over the panel's message cap: shown as an error.`);
      this.section(section).showError({ kind: 'invalidResponse', message: vscode.l10n.t('This list is too large to show in the panel.') });
      return; // showError re-sends the section, now its error state
    }
    this.post({ type: 'section', section, html });
  }

  private html(section: SectionId): string {
    return renderSection(this.view(section), this.renderOptions());
  }

  open(section: SectionId): Promise<void> {
    return this.section(section).open();
  }

  loadMore(section: SectionId): Promise<void> {
    return this.section(section).loadMore();
  }

  retry(section: SectionId): Promise<void> {
    return this.section(section).retry();
  }

  /** Refresh: orders and every section already opened start over from page 1, bypassing caches. */
  async refresh(): Promise<void> {
    const open = SECTION_IDS.filter((s) => s === 'orders' || this.section(s).state.status !== 'idle');
    await Promise.all(open.map((s) => this.section(s).reload(true)));
  }

  /** An order that this panel loaded (copyOrder never trusts a value from the page). */
  order(orderId: number): Order | undefined {
    const s = this.section('orders').state;
    return s.status === 'loaded' ? (s.items as readonly Order[]).find((o) => o.id === orderId) : undefined;
  }

  dispose(): void {
    for (const s of this.sections.values()) {
      s.dispose();
    }
  }

  private section(id: SectionId): RelatedSection {
    const s = this.sections.get(id);
    if (!s) {
      throw new Error(`no section ${id}`);
    }
    return s;
  }

  private view(section: SectionId): SectionView {
    return groupOf(section, this.section(section).state);
  }
}
