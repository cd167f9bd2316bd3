import type { CustomerRecord } from '../../core/model/customer';
import type { GroupId } from '../../core/model/fields';

export type FolderKind = 'recent' | 'pinned' | 'all' | 'search';

export type Node =
  | { readonly type: 'store'; readonly alias: string; readonly name: string; readonly active: boolean }
  | { readonly type: 'folder'; readonly alias: string; readonly folder: FolderKind }
  | { readonly type: 'customer'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly record: CustomerRecord | undefined; readonly error?: string }
  | { readonly type: 'group'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly group: GroupId }
  | { readonly type: 'field'; readonly alias: string; readonly folder: FolderKind; readonly id: number; readonly path: string }
  | { readonly type: 'loadMore'; readonly alias: string; readonly nextPage: number }
  | { readonly type: 'message'; readonly alias: string; readonly key: string; readonly text: string; readonly error: boolean; readonly retryOf?: Node };

/** Stable ids so VS Code keeps expansion and selection across refreshes. */
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
    case 'loadMore':
      return `store/${n.alias}/all/more`;
    case 'message':
      return `store/${n.alias}/msg/${n.key}`;
  }
}

/** A node handed to a command (context menu, inline action) — narrowed with a guard, never trusted. */
export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && 'type' in v && 'alias' in v && typeof (v as { alias: unknown }).alias === 'string';
}
