/**
 * The tree's shape, labels, icons and `contextValue` flags as plain descriptors. Pure: the host
 * provider only turns a descriptor into a `vscode.TreeItem`, so everything the user sees in the
 * tree is decided (and unit-tested) here.
 */
import { COMMANDS, type CommandId } from '../commands/ids';
import type { CustomerRecord } from './customer';
import { buildCustomerView, fieldLeafText, findField, type CustomerView, type GroupId } from './fields';
import { type Locale, msg, t } from '../common/strings';
import { customerSummary } from './summary';
import { unfilteredSearchText } from '../search/text';
import type { Address, Cart, Order } from '../related/related';
import type { SectionState } from '../related/relatedPaging';
import { groupOf, SECTION_IDS, type SectionId } from '../related/sections';
import { type FolderKind, type Node, nodeId } from './nodes';
import { groupChildren, orderItemNodes, type RelatedNode, relatedGroups } from '../related/relatedTree';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface IconDescriptor {
  readonly id: string;
  /** A theme color id, e.g. `errorForeground`. */
  readonly color?: string;
}

export interface TreeDescriptor {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Plain text lines; `cardIcon` set means a customer card whose first line follows that icon. */
  readonly tooltip: readonly string[];
  readonly cardIcon?: string;
  readonly icon?: IconDescriptor;
  readonly collapsible: Collapsible;
  readonly contextValue: string;
  readonly command?: { readonly id: CommandId; readonly args: readonly unknown[] };
  readonly accessibilityLabel?: string;
}

/** The last search of a store: its verified results and, when the store filtered by neither convention, what was looked through. */
export interface SearchResults {
  readonly query: string;
  readonly records: readonly CustomerRecord[];
  readonly unfiltered?: { readonly pages: number; readonly records: number; readonly complete: boolean } | undefined;
}

/** What the tree shows of one store (all of it owned by that store's session). */
export interface StoreTreeState {
  readonly alias: string;
  readonly name: string;
  readonly active: boolean;
  readonly recent: readonly number[];
  readonly pinned: readonly number[];
  /** Loaded pages of All customers; undefined before the first page. */
  readonly all: { readonly records: readonly CustomerRecord[]; readonly total: number; readonly more: boolean } | undefined;
  readonly search: SearchResults | undefined;
  /** A record the session holds for this id (list pages, search results, Recent/Pinned fetches). */
  readonly record: (id: number) => CustomerRecord | undefined;
  /** Why a Recent/Pinned customer could not be loaded (already localized), if it failed. */
  readonly failure: (id: number) => string | undefined;
  /** A customer's Orders / Addresses / Abandoned carts group as loaded so far (undefined: never expanded). */
  readonly related?: (customerId: number, section: SectionId) => SectionState<Order | Address | Cart> | undefined;
}

export interface TreeContext {
  readonly locale: Locale;
  readonly privacy: boolean;
  /** A message item's text (messages are addressed by key; their text lives in the session). */
  readonly message: (n: Extract<Node, { type: 'message' }>) => { readonly text: string; readonly error: boolean; readonly retry: boolean } | undefined;
}

const FOLDER_LABEL: Readonly<Record<FolderKind, string>> = { recent: msg('Recent'), pinned: msg('Pinned'), all: msg('All customers'), search: msg('Search results') };
const FOLDER_ICON: Readonly<Record<FolderKind, string>> = { recent: 'history', pinned: 'pinned', all: 'organization', search: 'search' };
const GROUP_ICON: Readonly<Record<GroupId, string>> = {
  identity: 'person', contact: 'mail', address: 'location', purchases: 'package', marketing: 'megaphone', system: 'gear',
};

/** The folders under a store root, in order (Search results only after a search). */
export function storeChildren(store: StoreTreeState): Node[] {
  const folders: FolderKind[] = ['recent', 'pinned', 'all', ...(store.search ? (['search'] as const) : [])];
  return folders.map((folder) => ({ type: 'folder', alias: store.alias, folder }));
}

/** Field groups of a loaded customer, then the field leaves of a group. */
export function customerChildren(n: Extract<Node, { type: 'customer' | 'group' }>, record: CustomerRecord | undefined, locale: Locale): Node[] {
  if (!record) {
    return [];
  }
  const view = buildCustomerView(record, locale);
  if (n.type === 'customer') {
    return [
      ...view.groups.filter((g) => g.fields.length > 0).map((g): Node => ({ type: 'group', alias: n.alias, folder: n.folder, id: n.id, group: g.id })),
      ...SECTION_IDS.map((section): Node => ({ type: 'related', alias: n.alias, folder: n.folder, id: n.id, section })),
    ];
  }
  const group = view.groups.find((g) => g.id === n.group);
  return (group?.fields ?? []).map((f) => ({ type: 'field', alias: n.alias, folder: n.folder, id: n.id, path: f.path }));
}

/** Customers of a folder whose data is already in the session (All pages, Search results). */
export function listChildren(store: StoreTreeState, folder: 'all' | 'search'): Node[] {
  const alias = store.alias;
  const records = folder === 'all' ? (store.all?.records ?? []) : (store.search?.records ?? []);
  const emptyKey = folder === 'all' ? 'all-empty' : 'search-empty';
  const parent = nodeId({ type: 'folder', alias, folder });
  // The store filtered by neither convention: say so above the (verified) results.
  const notice: Node[] = folder === 'search' && store.search?.unfiltered !== undefined ? [{ type: 'message', alias, parent, key: 'search-unfiltered' }] : [];
  if (records.length === 0) {
    return [...notice, { type: 'message', alias, parent, key: emptyKey }];
  }
  const items: Node[] = [...notice, ...records.map((r): Node => ({ type: 'customer', alias, folder, id: r.customer.id }))];
  if (folder === 'all' && store.all?.more === true) {
    items.push({ type: 'loadMore', alias });
  }
  return items;
}

/** Recent / Pinned: ids only; empty lists get a hint. */
export function idListChildren(store: StoreTreeState, folder: 'recent' | 'pinned'): Node[] {
  const ids = folder === 'recent' ? store.recent : store.pinned;
  if (ids.length === 0) {
    return [{ type: 'message', alias: store.alias, parent: nodeId({ type: 'folder', alias: store.alias, folder }), key: `${folder}-empty` }];
  }
  return ids.map((id) => ({ type: 'customer', alias: store.alias, folder, id }));
}

/** The text of the built-in hint messages (empty folders). */
export function hintText(key: string, store: StoreTreeState | undefined, locale: Locale): string | undefined {
  switch (key) {
    case 'all-empty':
      return t(locale, 'This store has no customers yet.');
    case 'search-empty':
      return t(locale, 'No customer matches “{0}”.', store?.search?.query ?? '');
    case 'search-unfiltered': {
      const u = store?.search?.unfiltered;
      return u === undefined ? undefined : unfilteredSearchText(u, locale);
    }
    case 'recent-empty':
      return t(locale, 'Customers you look up appear here.');
    case 'pinned-empty':
      return t(locale, 'Pin customers to keep them here.');
    default:
      return undefined;
  }
}

type RelatedTreeNode = Extract<Node, { type: 'related' }>;

const relatedBase = (n: RelatedTreeNode): string => `${n.alias}/${n.id}/${n.section}`;

/** The core descriptors of the rows under a related group, or of an order's items. */
function relatedRows(n: RelatedTreeNode, store: StoreTreeState | undefined, ctx: Pick<TreeContext, 'locale' | 'privacy'>): RelatedNode[] {
  const state = store?.related?.(n.id, n.section);
  if (n.leaf === undefined) {
    return groupChildren(n.alias, n.id, groupOf(n.section, state ?? { status: 'loading' }), ctx.locale, ctx.privacy);
  }
  const group = state === undefined ? undefined : groupOf(n.section, state);
  if (group?.section !== 'orders' || group.state.status !== 'loaded') {
    return [];
  }
  const order = group.state.items.find((o) => String(o.id) === n.leaf);
  return order ? orderItemNodes(n.alias, n.id, order, ctx.locale) : [];
}

/** The tree nodes under a related group (its rows) or under an order (its items). */
export function relatedChildren(n: RelatedTreeNode, store: StoreTreeState | undefined, ctx: Pick<TreeContext, 'locale' | 'privacy'>): Node[] {
  const prefix = `${relatedBase(n)}/`;
  return relatedRows(n, store, ctx).map((r): Node => ({ type: 'related', alias: n.alias, folder: n.folder, id: n.id, section: n.section, leaf: r.id.slice(prefix.length) }));
}

function relatedDescriptor(n: RelatedTreeNode, store: StoreTreeState | undefined, ctx: TreeContext): TreeDescriptor {
  const id = nodeId(n);
  const leaf = n.leaf;
  let r: RelatedNode | undefined;
  if (leaf === undefined) {
    const state = store?.related?.(n.id, n.section);
    r = relatedGroups(n.alias, n.id, ctx.locale, state === undefined ? undefined : { [n.section]: state }).find((g) => g.id === relatedBase(n));
  } else {
    const slash = leaf.indexOf('/');
    const parent: RelatedTreeNode = slash < 0 ? { ...n, leaf: undefined } : { ...n, leaf: leaf.slice(0, slash) };
    r = relatedRows(parent, store, ctx).find((x) => x.id === `${relatedBase(n)}/${leaf}`);
  }
  if (!r) {
    return { id, label: t(ctx.locale, 'Loading…'), description: '', tooltip: [], icon: { id: 'loading~spin' }, collapsible: 'none', contextValue: 'yampi:loading' };
  }
  const action = r.action;
  const command =
    action?.kind === 'loadMore' ? { id: COMMANDS.loadMore, args: [n] } : action?.kind === 'retry' ? { id: COMMANDS.retry, args: [n] } : undefined;
  return {
    id,
    label: r.label,
    description: r.description ?? '',
    tooltip: r.tooltip === undefined ? [] : r.tooltip.split('\n'),
    icon: r.icon === 'error' ? { id: 'error', color: 'errorForeground' } : { id: r.icon },
    collapsible: r.collapsible,
    contextValue: r.contextValue,
    ...(command ? { command } : {}),
  };
}

export function describeNode(n: Node, store: StoreTreeState | undefined, ctx: TreeContext): TreeDescriptor {
  const id = nodeId(n);
  const { locale } = ctx;
  switch (n.type) {
    case 'store': {
      const active = store?.active === true;
      return {
        id,
        label: store?.name ?? n.alias,
        description: active ? `${n.alias} · ${t(locale, 'active')}` : n.alias,
        tooltip: [active ? t(locale, 'Active Yampi store {0}', n.alias) : t(locale, 'Yampi store {0}. Use "Switch Store" to make it active.', n.alias)],
        icon: { id: active ? 'home' : 'circle-outline' },
        collapsible: active ? 'expanded' : 'collapsed',
        contextValue: `yampi:store+${active ? 'active' : 'inactive'}`,
      };
    }
    case 'folder':
      return { id, ...folderDescriptor(n.folder, store, locale), tooltip: [], icon: { id: FOLDER_ICON[n.folder] }, contextValue: `yampi:folder+${n.folder}` };
    case 'customer':
      return customerDescriptor(n, store, ctx);
    case 'group': {
      const group = viewOf(store, n.id, locale)?.groups.find((g) => g.id === n.group);
      return {
        id,
        label: group?.label ?? n.group,
        description: group ? String(group.fields.filter((f) => f.present).length) : '',
        tooltip: [],
        icon: { id: GROUP_ICON[n.group] },
        collapsible: 'collapsed',
        contextValue: `yampi:group+${n.group}`,
      };
    }
    case 'field': {
      const view = viewOf(store, n.id, locale);
      const field = view ? findField(view, n.path) : undefined;
      if (!field) {
        return { id, label: n.path, description: '', tooltip: [], collapsible: 'none', contextValue: 'yampi:field+missing' };
      }
      return {
        id,
        label: fieldLeafText(field, { privacy: ctx.privacy, revealed: new Set() }),
        description: '',
        tooltip: field.sensitivity === 'secret'
          ? [t(locale, '{0} (hidden: open the details panel to reveal it on purpose)', field.label)]
          : [field.label, field.path, ...(field.warning ? [`⚠ ${field.warning}`] : [])],
        ...(field.warning ? { icon: { id: 'warning', color: 'problemsWarningIcon.foreground' } } : {}),
        collapsible: 'none',
        contextValue: `yampi:field+${field.sensitivity}${field.present ? '+present' : '+empty'}`,
      };
    }
    case 'related':
      return relatedDescriptor(n, store, ctx);
    case 'loadMore':
      return {
        id,
        label: t(locale, 'Load more…'),
        description: '',
        tooltip: [],
        icon: { id: 'ellipsis' },
        collapsible: 'none',
        contextValue: 'yampi:loadMore',
        command: { id: COMMANDS.loadMore, args: [n] },
      };
    case 'message': {
      const m = ctx.message(n) ?? { text: hintText(n.key, store, locale) ?? '', error: false, retry: false };
      return {
        id,
        label: m.text,
        description: m.retry ? t(locale, 'Click to retry') : '',
        tooltip: [m.text],
        icon: m.error ? { id: 'error', color: 'errorForeground' } : { id: 'info' },
        collapsible: 'none',
        contextValue: `yampi:message+${m.error ? 'error' : 'info'}`,
        ...(m.retry ? { command: { id: COMMANDS.retry, args: [n] } } : {}),
      };
    }
  }
}

function folderDescriptor(folder: FolderKind, store: StoreTreeState | undefined, locale: Locale): { label: string; description: string; collapsible: Collapsible } {
  const label = t(locale, FOLDER_LABEL[folder]);
  switch (folder) {
    case 'recent':
      return { label, description: String(store?.recent.length ?? 0), collapsible: 'expanded' };
    case 'pinned':
      return { label, description: String(store?.pinned.length ?? 0), collapsible: 'expanded' };
    case 'search':
      return { label, description: store?.search ? `“${store.search.query}” · ${store.search.records.length}` : '', collapsible: 'expanded' };
    case 'all':
      return { label, description: store?.all ? t(locale, '{0} of {1}', store.all.records.length, store.all.total) : '', collapsible: 'collapsed' };
  }
}

function customerDescriptor(n: Extract<Node, { type: 'customer' }>, store: StoreTreeState | undefined, ctx: TreeContext): TreeDescriptor {
  const { locale } = ctx;
  const record = store?.record(n.id);
  const pinned = store?.pinned.includes(n.id) === true;
  const open = { id: COMMANDS.openCustomer, args: [n.id, n.alias] } as const;
  if (!record) {
    return {
      id: nodeId(n),
      label: `#${n.id}`,
      description: store?.failure(n.id) ?? '',
      tooltip: [],
      icon: { id: 'warning' },
      collapsible: 'none',
      contextValue: `yampi:customer+${pinned ? 'pinned' : 'unpinned'}+unloaded`,
      command: open,
    };
  }
  const summary = customerSummary(record, locale, ctx.privacy);
  const inactive = record.customer.active === false;
  const kind = summary.kind === 'pj' ? 'organization' : 'person';
  return {
    id: nodeId(n),
    label: summary.label,
    description: summary.description,
    tooltip: summary.lines.length > 0 ? summary.lines : [summary.name],
    cardIcon: kind,
    icon: inactive ? { id: kind, color: 'disabledForeground' } : { id: kind },
    collapsible: 'collapsed',
    contextValue: `yampi:customer+${pinned ? 'pinned' : 'unpinned'}+${inactive ? 'inactive' : 'active'}+${summary.kind}`,
    command: open,
    accessibilityLabel: `${summary.name}, ${summary.idText}, ${summary.status}`,
  };
}

function viewOf(store: StoreTreeState | undefined, id: number, locale: Locale): CustomerView | undefined {
  const r = store?.record(id);
  return r ? buildCustomerView(r, locale) : undefined;
}
