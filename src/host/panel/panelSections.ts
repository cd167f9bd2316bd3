import * as vscode from 'vscode';
import type { Address, Cart, Order } from '../../core/model/related';
import { loadingMore, PANEL_PAGE_SIZE, retryPage, type SectionState, withError, withPage } from '../../core/model/relatedPaging';
import { SECTION_IDS, type SectionId, type ToWebviewMessage } from '../../core/webview/protocol';
import { renderSection, type SectionRenderOptions, type SectionView } from '../../core/webview/renderSections';
import { isCancellation } from '../errors';
import type { Services } from '../services';
import { type RelatedItem, sectionErrorOf, settle, type StoreSession } from '../session/storeSession';

/**
 * The related-record sections of one detail panel (orders, addresses, abandoned carts): their
 * states, their requests (through the panel's session, so sign-out cancels them and drops late
 * results) and the `{type:'section'}` messages that replace one section at a time. Orders load
 * with the panel; addresses and carts when their section is first expanded.
 */
export class PanelSections implements vscode.Disposable {
  private readonly states = new Map<SectionId, SectionState<RelatedItem>>([
    ['orders', { status: 'loading' }],
    ['addresses', { status: 'idle' }],
    ['carts', { status: 'idle' }],
  ]);
  private readonly inflight = new Map<SectionId, vscode.CancellationTokenSource>();
  private disposed = false;

  constructor(
    private readonly session: StoreSession,
    private readonly customerId: number,
    private readonly services: Services,
    /** Posts to the webview once it is ready (earlier messages would be lost; `ready` re-posts all). */
    private readonly post: (m: ToWebviewMessage) => void,
    private readonly renderOptions: () => SectionRenderOptions,
  ) {}

  /** The eager part of opening a panel: orders page 1 (the record is the other request). */
  start(): Promise<void> {
    return this.fetch('orders', { status: 'loading' }, 1, false);
  }

  /** The sections as they are now, for the first document and for tests. */
  views(): SectionView[] {
    return SECTION_IDS.map((s) => this.view(s));
  }

  /** Sends every section again (the page (re)loaded, or privacy or a reveal changed what it may show). */
  postAll(): void {
    for (const s of SECTION_IDS) {
      this.send(s);
    }
  }

  send(section: SectionId): void {
    this.post({ type: 'section', section, html: renderSection(this.view(section), this.renderOptions()) });
  }

  /** The user expanded a lazy section: its first page, once. */
  open(section: SectionId): Promise<void> {
    return this.state(section).status === 'idle' ? this.fetch(section, { status: 'loading' }, 1, false) : Promise.resolve();
  }

  loadMore(section: SectionId): Promise<void> {
    const more = loadingMore(this.state(section));
    return more ? this.fetch(section, more.state, more.page, false) : Promise.resolve();
  }

  /** Retry after a failure: the first page again, or the Load more that failed (rows kept). */
  retry(section: SectionId): Promise<void> {
    const prev = this.state(section);
    if (prev.status === 'error') {
      return this.fetch(section, { status: 'loading' }, 1, false);
    }
    if (prev.status === 'loaded' && prev.moreError !== undefined) {
      const more = loadingMore({ ...prev, moreError: undefined });
      return more ? this.fetch(section, more.state, retryPage(prev), false) : Promise.resolve();
    }
    return Promise.resolve();
  }

  /** Refresh: orders and every section already opened start over from page 1, bypassing caches. */
  refresh(): Promise<void> {
    const open = SECTION_IDS.filter((s) => s === 'orders' || this.state(s).status !== 'idle');
    return Promise.all(open.map((s) => this.fetch(s, { status: 'loading' }, 1, true))).then(() => undefined);
  }

  /** An order that this panel loaded (copyOrder never trusts a value from the page). */
  order(orderId: number): Order | undefined {
    const s = this.state('orders');
    return s.status === 'loaded' ? (s.items as readonly Order[]).find((o) => o.id === orderId) : undefined;
  }

  dispose(): void {
    this.disposed = true;
    for (const cts of this.inflight.values()) {
      cts.cancel();
    }
    this.inflight.clear();
    for (const s of SECTION_IDS) {
      this.states.set(s, { status: 'idle' });
    }
  }

  private state(section: SectionId): SectionState<RelatedItem> {
    return this.states.get(section) ?? { status: 'idle' };
  }

  /** The typed view of a section; each state only ever holds its own section's records. */
  private view(section: SectionId): SectionView {
    const state = this.state(section);
    switch (section) {
      case 'orders':
        return { section, state: state as SectionState<Order> };
      case 'addresses':
        return { section, state: state as SectionState<Address> };
      case 'carts':
        return { section, state: state as SectionState<Cart> };
    }
  }

  private set(section: SectionId, state: SectionState<RelatedItem>): void {
    if (!this.disposed) {
      this.states.set(section, state);
      this.send(section);
    }
  }

  /** One request for one section: the newer request of a section wins, a cancelled one changes nothing. */
  private async fetch(section: SectionId, next: SectionState<RelatedItem>, page: number, skipCache: boolean): Promise<void> {
    this.inflight.get(section)?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.inflight.set(section, cts);
    this.set(section, next);
    try {
      const p = await this.session.relatedPage(section, this.customerId, page, PANEL_PAGE_SIZE, { skipCache, token: cts.token });
      if (!cts.token.isCancellationRequested) {
        this.set(section, settle(withPage(next, p.items, p.pagination, p.dropped)));
      }
    } catch (e) {
      if (cts.token.isCancellationRequested || isCancellation(e)) {
        return;
      }
      this.services.logger.warn(`The ${section} of customer #${this.customerId} in ${this.session.alias} could not be loaded.`, e);
      this.set(section, withError(next, sectionErrorOf(e)));
    } finally {
      if (this.inflight.get(section) === cts) {
        this.inflight.delete(section);
      }
      cts.dispose();
    }
  }
}
