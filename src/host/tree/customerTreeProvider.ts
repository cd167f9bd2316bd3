import * as vscode from 'vscode';
import type { CustomerRecord } from '../../core/model/customer';
import { buildCustomerView, fieldLeafText, findField, type CustomerView } from '../../core/model/fields';
import { toLocale, type Locale } from '../../core/model/strings';
import { customerSummary } from '../../core/model/summary';
import { describeError } from '../errors';
import type { CustomerService } from '../customerService';
import type { Services } from '../services';
import { type FolderKind, type Node, nodeId } from './nodes';

export const PAGE_SIZE = 25;

interface AllState {
  records: CustomerRecord[];
  nextPage: number | undefined;
  total: number;
}

/**
 * The `yampi.customers` tree: store roots → Recent / Pinned / All customers / Search results →
 * customers → field groups → fields. Errors become a message item with a retry, never an empty tree.
 */
export class CustomerTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly all = new Map<string, AllState>();
  private readonly search = new Map<string, { query: string; records: CustomerRecord[] }>();
  /** Records fetched for Recent/Pinned, by `${alias}/${id}`; re-read from the API cache on refresh. */
  private readonly records = new Map<string, CustomerRecord>();
  private readonly skipCacheOnce = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services, private readonly customers: CustomerService) {
    this.disposables.push(
      this.emitter,
      services.credentials.onDidChange(() => { this.refreshAll(false); }),
      services.lists.onDidChange(() => { this.emitter.fire(undefined); }),
      services.settings.onDidChange(() => { this.emitter.fire(undefined); }),
    );
  }

  private get locale(): Locale {
    return toLocale(vscode.env.language);
  }

  private get privacy(): boolean {
    return this.services.settings.settings.maskSensitiveData;
  }

  /** Re-renders everything; with `bypassCache`, the next loads send skipCache=true. */
  refreshAll(bypassCache: boolean): void {
    this.all.clear();
    this.records.clear();
    if (bypassCache) {
      for (const s of this.services.credentials.stores()) {
        this.skipCacheOnce.add(s.alias);
      }
      const active = this.services.credentials.activeAlias();
      if (active !== undefined) {
        this.skipCacheOnce.add(active);
      }
    }
    this.emitter.fire(undefined);
  }

  rerender(): void {
    this.emitter.fire(undefined);
  }

  setSearchResults(alias: string, query: string, records: readonly CustomerRecord[]): void {
    this.search.set(alias, { query, records: [...records] });
    this.emitter.fire(undefined);
  }

  async loadMore(alias: string): Promise<void> {
    const state = this.all.get(alias);
    if (state?.nextPage === undefined) {
      return;
    }
    const page = await this.customers.list(alias, state.nextPage, PAGE_SIZE);
    state.records.push(...page.items);
    state.nextPage = page.pagination.currentPage < page.pagination.totalPages ? page.pagination.currentPage + 1 : undefined;
    state.total = page.pagination.total;
    this.emitter.fire(undefined);
  }

  recordFor(alias: string, id: number): CustomerRecord | undefined {
    const cached = this.records.get(`${alias}/${id}`);
    if (cached) {
      return cached;
    }
    for (const r of [...(this.all.get(alias)?.records ?? []), ...(this.search.get(alias)?.records ?? [])]) {
      if (r.customer.id === id) {
        return r;
      }
    }
    return undefined;
  }

  getTreeItem(n: Node): vscode.TreeItem {
    const item = this.render(n);
    item.id = nodeId(n);
    return item;
  }

  private render(n: Node): vscode.TreeItem {
    const t = vscode.l10n.t;
    switch (n.type) {
      case 'store': {
        const item = new vscode.TreeItem(n.name, n.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.description = n.active ? `${n.alias} · ${t('active')}` : n.alias;
        item.iconPath = new vscode.ThemeIcon(n.active ? 'home' : 'circle-outline');
        item.contextValue = `yampi:store+${n.active ? 'active' : 'inactive'}`;
        item.tooltip = n.active ? t('Active Yampi store {0}', n.alias) : t('Yampi store {0}. Use "Switch Store" to make it active.', n.alias);
        return item;
      }
      case 'folder': {
        const labels: Record<FolderKind, string> = {
          recent: t('Recent'),
          pinned: t('Pinned'),
          all: t('All customers'),
          search: t('Search results'),
        };
        const icons: Record<FolderKind, string> = { recent: 'history', pinned: 'pinned', all: 'organization', search: 'search' };
        const item = new vscode.TreeItem(labels[n.folder], n.folder === 'all' || n.folder === 'search' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(icons[n.folder]);
        item.contextValue = `yampi:folder+${n.folder}`;
        if (n.folder === 'recent') {
          item.description = String(this.services.lists.recent(n.alias).length);
        } else if (n.folder === 'pinned') {
          item.description = String(this.services.lists.pinned(n.alias).length);
        } else if (n.folder === 'search') {
          const s = this.search.get(n.alias);
          item.description = s ? `“${s.query}” · ${s.records.length}` : '';
          item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        } else {
          const s = this.all.get(n.alias);
          item.description = s ? t('{0} of {1}', s.records.length, s.total) : '';
        }
        return item;
      }
      case 'customer':
        return this.renderCustomer(n);
      case 'group': {
        const view = this.viewOf(n.alias, n.id);
        const group = view?.groups.find((g) => g.id === n.group);
        const item = new vscode.TreeItem(group?.label ?? n.group, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon(groupIcon(n.group));
        item.description = group ? String(group.fields.filter((f) => f.present).length) : '';
        item.contextValue = `yampi:group+${n.group}`;
        return item;
      }
      case 'field': {
        const view = this.viewOf(n.alias, n.id);
        const field = view ? findField(view, n.path) : undefined;
        if (!field) {
          return new vscode.TreeItem(n.path);
        }
        const item = new vscode.TreeItem(fieldLeafText(field, { privacy: this.privacy, revealed: new Set() }));
        item.tooltip = field.sensitivity === 'secret' ? t('{0} (hidden: open the details panel to reveal it on purpose)', field.label) : `${field.label}\n${field.path}${field.warning ? `\n⚠ ${field.warning}` : ''}`;
        item.contextValue = `yampi:field+${field.sensitivity}${field.present ? '+present' : '+empty'}`;
        if (field.warning) {
          item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        }
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem(t('Load more…'));
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.contextValue = 'yampi:loadMore';
        item.command = { command: 'yampi.loadMore', title: t('Load more…'), arguments: [n] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(n.text);
        item.iconPath = new vscode.ThemeIcon(n.error ? 'error' : 'info', n.error ? new vscode.ThemeColor('errorForeground') : undefined);
        item.tooltip = n.text;
        item.contextValue = `yampi:message+${n.error ? 'error' : 'info'}`;
        if (n.retryOf) {
          item.description = t('Click to retry');
          item.command = { command: 'yampi.retry', title: t('Retry'), arguments: [n] };
        }
        return item;
      }
    }
  }

  private renderCustomer(n: Extract<Node, { type: 'customer' }>): vscode.TreeItem {
    const t = vscode.l10n.t;
    const record = n.record ?? this.recordFor(n.alias, n.id);
    const pinned = this.services.lists.isPinned(n.alias, n.id);
    if (!record) {
      const item = new vscode.TreeItem(`#${n.id}`, vscode.TreeItemCollapsibleState.None);
      item.description = n.error ?? '';
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = `yampi:customer+${pinned ? 'pinned' : 'unpinned'}+unloaded`;
      item.command = { command: 'yampi.openCustomer', title: t('Open Customer Details'), arguments: [n.id, n.alias] };
      return item;
    }
    const summary = customerSummary(record, this.locale, this.privacy);
    const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = summary.description;
    const md = new vscode.MarkdownString();
    md.supportThemeIcons = true;
    md.appendMarkdown(`$(${summary.kind === 'pj' ? 'organization' : 'person'}) `);
    md.appendText(summary.lines[0] ?? summary.name);
    for (const line of summary.lines.slice(1)) {
      md.appendMarkdown('  \n');
      md.appendText(line);
    }
    item.tooltip = md;
    const inactive = record.customer.active === false;
    item.iconPath = new vscode.ThemeIcon(summary.kind === 'pj' ? 'organization' : 'person', inactive ? new vscode.ThemeColor('disabledForeground') : undefined);
    item.contextValue = `yampi:customer+${pinned ? 'pinned' : 'unpinned'}+${inactive ? 'inactive' : 'active'}+${summary.kind}`;
    item.command = { command: 'yampi.openCustomer', title: t('Open Customer Details'), arguments: [n.id, n.alias] };
    item.accessibilityInformation = { label: `${summary.name}, ${summary.idText}, ${summary.status}` };
    return item;
  }

  private viewOf(alias: string, id: number): CustomerView | undefined {
    const r = this.recordFor(alias, id);
    return r ? buildCustomerView(r, this.locale) : undefined;
  }

  async getChildren(n?: Node): Promise<Node[]> {
    if (!n) {
      const active = this.services.credentials.activeAlias();
      const stores = this.services.credentials.stores();
      if (stores.length === 0) {
        return active === undefined ? [] : [{ type: 'store', alias: active, name: active, active: true }];
      }
      return stores.map((s) => ({ type: 'store', alias: s.alias, name: s.name, active: s.alias === active }));
    }
    try {
      return await this.children(n);
    } catch (e) {
      this.services.logger.error(e instanceof Error ? e : String(e));
      return [{ type: 'message', alias: n.alias, key: nodeId(n), text: describeError(e).message, error: true, retryOf: n }];
    }
  }

  private async children(n: Node): Promise<Node[]> {
    switch (n.type) {
      case 'store': {
        const folders: FolderKind[] = ['recent', 'pinned', 'all'];
        if (this.search.has(n.alias)) {
          folders.push('search');
        }
        return folders.map((folder) => ({ type: 'folder', alias: n.alias, folder }));
      }
      case 'folder':
        return this.folderChildren(n.alias, n.folder);
      case 'customer': {
        const view = this.viewOf(n.alias, n.id);
        return view ? view.groups.filter((g) => g.fields.length > 0).map((g) => ({ type: 'group', alias: n.alias, folder: n.folder, id: n.id, group: g.id })) : [];
      }
      case 'group': {
        const view = this.viewOf(n.alias, n.id);
        const group = view?.groups.find((g) => g.id === n.group);
        return (group?.fields ?? []).map((f) => ({ type: 'field', alias: n.alias, folder: n.folder, id: n.id, path: f.path }));
      }
      case 'field':
      case 'loadMore':
      case 'message':
        return [];
    }
  }

  private async folderChildren(alias: string, folder: FolderKind): Promise<Node[]> {
    const t = vscode.l10n.t;
    const skipCache = this.skipCacheOnce.delete(alias);
    if (folder === 'all') {
      let state = this.all.get(alias);
      if (!state) {
        const page = await this.customers.list(alias, 1, PAGE_SIZE, undefined, { skipCache });
        state = {
          records: [...page.items],
          nextPage: page.pagination.currentPage < page.pagination.totalPages ? page.pagination.currentPage + 1 : undefined,
          total: page.pagination.total,
        };
        this.all.set(alias, state);
        // the folder's description shows the count: re-render it
        setTimeout(() => { this.emitter.fire({ type: 'folder', alias, folder: 'all' }); }, 0);
      }
      const items: Node[] = state.records.map((r) => ({ type: 'customer', alias, folder, id: r.customer.id, record: r }));
      if (items.length === 0) {
        return [{ type: 'message', alias, key: 'all-empty', text: t('This store has no customers yet.'), error: false }];
      }
      if (state.nextPage !== undefined) {
        items.push({ type: 'loadMore', alias, nextPage: state.nextPage });
      }
      return items;
    }
    if (folder === 'search') {
      const s = this.search.get(alias);
      if (!s || s.records.length === 0) {
        return [{ type: 'message', alias, key: 'search-empty', text: t('No customer matches “{0}”.', s?.query ?? ''), error: false }];
      }
      return s.records.map((r) => ({ type: 'customer', alias, folder, id: r.customer.id, record: r }));
    }
    const ids = folder === 'recent' ? this.services.lists.recent(alias) : this.services.lists.pinned(alias);
    if (ids.length === 0) {
      const text = folder === 'recent' ? t('Customers you look up appear here.') : t('Pin customers to keep them here.');
      return [{ type: 'message', alias, key: `${folder}-empty`, text, error: false }];
    }
    const results = await Promise.allSettled(ids.map((id) => this.customers.get(alias, id, { skipCache })));
    return ids.map((id, i): Node => {
      const r = results[i];
      if (r?.status === 'fulfilled') {
        this.records.set(`${alias}/${id}`, r.value);
        return { type: 'customer', alias, folder, id, record: r.value };
      }
      return { type: 'customer', alias, folder, id, record: undefined, error: describeError(r?.reason).message };
    });
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
  }
}

function groupIcon(g: string): string {
  switch (g) {
    case 'identity':
      return 'person';
    case 'contact':
      return 'mail';
    case 'address':
      return 'location';
    case 'purchases':
      return 'package';
    case 'marketing':
      return 'megaphone';
    default:
      return 'gear';
  }
}
