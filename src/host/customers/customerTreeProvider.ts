import vscode = require('vscode');
import { escapeMarkdown } from '../../core/common/text';
import { customerChildren, describeNode, idListChildren, listChildren, relatedChildren, storeChildren, type StoreTreeState, type TreeDescriptor } from '../../core/customers/customerTree';
import { isNode, type Node, nodeId } from '../../core/customers/nodes';
import { describeError } from '../common/errors';
import { Lifecycle } from '../common/lifecycle';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'credentials' | 'lists' | 'logger' | 'sessions' | 'settings'>;

/** Longest customer value in a tooltip line. */
const TOOLTIP_MAX = 200;

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/**
 * The `yampi.customers` tree. It only renders: shapes and labels come from core/customers/customerTree, data from
 * each store's session. Nodes are interned by id, so a refresh names the very object VS Code got
 * (VS Code matches refresh targets by identity).
 */
export class CustomerTreeProvider extends Lifecycle implements vscode.TreeDataProvider<Node> {
  private readonly emitter = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly nodes = new Map<string, Node>();
  /** Errors shown in place of a folder's children, by message node id. */
  private readonly errors = new Map<string, string>();

  constructor(private readonly services: Deps) {
    super();
    const all = (): void => { this.refresh(); };
    this.register(services.credentials.onDidChange(all));
    this.register(services.sessions.onDidEnd(all));
    this.register(services.lists.onDidChange((alias) => { this.refresh(alias); }));
    this.register(services.sessions.onDidChange((alias) => { this.refresh(alias); }));
    this.register(services.settings.onDidChange(all));
  }

  /** Re-renders one store (its root node), or everything. */
  refresh(alias?: string): void {
    const root = alias === undefined ? undefined : this.nodes.get(`store/${alias}`);
    if (alias === undefined || !root) {
      this.nodes.clear();
      this.errors.clear();
    }
    this.emitter.fire(root);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    return toTreeItem(describeNode(n, this.storeState(n.alias), {
      locale: locale(),
      privacy: this.services.settings.settings.maskSensitiveData,
      message: (m) => {
        const text = this.errors.get(nodeId(m));
        return text === undefined ? undefined : { text, error: true, retry: true };
      },
    }));
  }

  async getChildren(n?: Node): Promise<Node[]> {
    if (!n) {
      return this.services.credentials.signedInAliases().map((alias) => this.intern({ type: 'store', alias }));
    }
    try {
      return (await this.children(n)).map((c) => this.intern(c));
    } catch (e) {
      this.services.logger.warn(`Tree children of ${nodeId(n)} could not be loaded.`, e);
      const m: Node = { type: 'message', alias: n.alias, parent: nodeId(n), key: 'error' };
      this.errors.set(nodeId(m), describeError(e).message);
      return [this.intern(m)];
    }
  }

  private async children(n: Node): Promise<Node[]> {
    const store = this.storeState(n.alias);
    if (!store) {
      return [];
    }
    switch (n.type) {
      case 'store':
        return storeChildren(store);
      case 'folder': {
        const session = this.services.sessions.get(n.alias);
        if (n.folder === 'all') {
          await session.loadAll();
          return listChildren(this.storeState(n.alias) ?? store, 'all');
        }
        if (n.folder === 'search') {
          return listChildren(store, 'search');
        }
        const kids = idListChildren(store, n.folder);
        const ids = n.folder === 'recent' ? store.recent : store.pinned;
        if (ids.length > 0) {
          await session.loadIds(ids);
        }
        return kids;
      }
      case 'customer':
      case 'group':
        return customerChildren(n, store.record(n.id), locale());
      case 'related':
        if (n.leaf === undefined) {
          // a group loads its first page when first expanded; Load more and Retry are commands
          await this.services.sessions.get(n.alias).relatedSection(n.id, n.section).open();
        }
        return relatedChildren(n, this.storeState(n.alias) ?? store, { locale: locale(), privacy: this.services.settings.settings.maskSensitiveData });
      case 'field':
      case 'loadMore':
      case 'message':
        return [];
    }
  }

  /** Retry of an error message: forget the error and re-render its store. */
  retry(n: Node): void {
    this.errors.delete(nodeId(n));
    this.refresh(n.alias);
  }

  private storeState(alias: string): StoreTreeState | undefined {
    if (!this.services.credentials.signedInAliases().includes(alias)) {
      return undefined;
    }
    const session = this.services.sessions.get(alias);
    return session.treeState(this.services.credentials.displayName(alias), alias === this.services.credentials.activeAlias());
  }

  private intern(n: Node): Node {
    const id = nodeId(n);
    const known = this.nodes.get(id);
    if (known) {
      return known;
    }
    this.nodes.set(id, n);
    return n;
  }

  /** True only for a node this provider made and gave VS Code (identity, not shape: an argument can be forged). */
  isOwnNode(v: unknown): boolean {
    return isNode(v) && this.nodes.get(nodeId(v)) === v;
  }
}

function toTreeItem(d: TreeDescriptor): vscode.TreeItem {
  const item = new vscode.TreeItem(d.label, COLLAPSIBLE[d.collapsible]);
  item.id = d.id;
  item.description = d.description;
  item.contextValue = d.contextValue;
  if (d.icon) {
    item.iconPath = new vscode.ThemeIcon(d.icon.id, d.icon.color === undefined ? undefined : new vscode.ThemeColor(d.icon.color));
  }
  if (d.cardIcon !== undefined) {
    // a card: our icon, then the customer's lines made inert (no markup, autolink or icon from data;
    // MarkdownString.appendText leaves bare https:// and www. autolinks alive)
    const md = new vscode.MarkdownString(`$(${d.cardIcon}) ${d.tooltip.map((line) => escapeMarkdown(line, TOOLTIP_MAX)).join('  \n')}`, true);
    md.supportHtml = false;
    item.tooltip = md;
  } else if (d.tooltip.length > 0) {
    item.tooltip = d.tooltip.join('\n');
  }
  if (d.command) {
    item.command = { command: d.command.id, title: d.label, arguments: [...d.command.args] };
  }
  if (d.accessibilityLabel !== undefined) {
    item.accessibilityInformation = { label: d.accessibilityLabel };
  }
  return item;
}

