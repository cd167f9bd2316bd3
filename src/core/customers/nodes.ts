/**
 * The `yampi.customers` tree's elements. Nodes are addresses, not data: they name a store, a
 * folder, a customer id, a field path — never a customer record — so nothing personal lives in
 * VS Code's tree model; the store's session holds the records and drops them when it ends.
 */
import type { GroupId } from './fields';
import type { SectionId } from '../related/sections';

export type FolderKind = 'recent' | 'pinned' | 'all' | 'search';

export type Node =
  | { readonly type: 'store'; readonly alias: string }
  | { readonly type: 'folder'; readonly alias: string; readonly folder: FolderKind }
  | { readonly type: 'customer'; readonly alias: string; readonly folder: FolderKind; readonly id: number }
  | { readonly type: 'group'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly group: GroupId }
  | { readonly type: 'field'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly path: string }
  /**
   * A customer's Orders / Addresses / Abandoned carts group (no `leaf`), or a row under it: `leaf`
   * is the part of the core descriptor's id after the section (`<orderId>`, `<orderId>/<n>` for an
   * item, `more`, `error`, `empty`, `loading`).
   */
  | { readonly type: 'related'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly section: SectionId; readonly leaf?: string | undefined }
  | { readonly type: 'loadMore'; readonly alias: string }
  | { readonly type: 'message'; readonly alias: string; readonly parent: string; readonly key: string };

/** Stable ids so VS Code keeps expansion and selection across refreshes (and nodes can be interned). */
export function nodeId(n: Node): string {
  switch (n.type) {
    case 'store':
      return `store/${n.alias}`;
    case 'folder':
      return `store/${n.alias}/${n.folder}`;
    case 'customer':
      return `store/${n.alias}/${n.folder}/${n.id}`;
    case 'group':
      return `store/${n.alias}/${n.folder}/${n.id}/${n.group}`;
    case 'field':
      return `store/${n.alias}/${n.folder}/${n.id}/f/${n.path}`;
    case 'related':
      return `store/${n.alias}/${n.folder}/${n.id}/r/${n.section}${n.leaf === undefined ? '' : `/${n.leaf}`}`;
    case 'loadMore':
      return `store/${n.alias}/all/more`;
    case 'message':
      return `${n.parent}/msg/${n.key}`;
  }
}

const TYPES = new Set(['store', 'folder', 'customer', 'group', 'field', 'related', 'loadMore', 'message']);

/** A node handed to a command (context menu, inline action) — narrowed with a guard, never trusted. */
export function isNode(v: unknown): v is Node {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const o = v as { type?: unknown; alias?: unknown; id?: unknown };
  if (typeof o.type !== 'string' || !TYPES.has(o.type) || typeof o.alias !== 'string') {
    return false;
  }
  return !('id' in o) || (typeof o.id === 'number' && Number.isSafeInteger(o.id) && o.id > 0);
}
