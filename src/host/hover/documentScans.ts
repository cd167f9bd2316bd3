import vscode = require('vscode');
import type { TtlLruCache } from '../../core/common/cache';

/** The offsets of `doc`'s ranges visible in any editor now: what a budgeted scan falls back to. */
export function visibleOffsets(doc: vscode.TextDocument): Array<readonly [number, number]> {
  return vscode.window.visibleTextEditors
    .filter((e) => e.document === doc)
    .flatMap((e) => e.visibleRanges.map((r) => [doc.offsetAt(r.start), doc.offsetAt(r.end)] as const));
}

/** One scan of `doc` per version: the cached one while the version holds, else `scan()`, cached. */
export function scanPerVersion<T>(cache: TtlLruCache<{ version: number; scan: T }>, doc: vscode.TextDocument, scan: () => T): T {
  const key = doc.uri.toString();
  const hit = cache.get(key);
  if (hit?.version === doc.version) {
    return hit.scan;
  }
  const result = scan();
  cache.set(key, { version: doc.version, scan: result });
  return result;
}
