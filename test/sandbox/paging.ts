/** Page/limit paging with Yampi's `meta.pagination` block, shared by every list route of the sandbox. */
import type { Json } from './vocabulary';

export interface PagingContext {
  readonly query: URLSearchParams;
  /** `http://127.0.0.1:PORT/v2`. */
  readonly baseUrl: string;
  /** emporio-serra: numbers as numeric strings, absent links `""` (or `links: []` when both are absent). */
  readonly numbersAsStrings: boolean;
}

export function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name);
  const n = v === null ? Number.NaN : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * `{data, meta: {pagination}}` for one page of `all` (page and limit from the query, limit capped at
 * 100). `path` is the list's path after the base URL; `keep` are query parameters links repeat.
 */
export function paginated<T>(ctx: PagingContext, all: readonly T[], path: string, keep: Readonly<Record<string, string>>, toJson: (t: T) => Json): Json {
  const page = intParam(ctx.query, 'page', 1);
  const limit = Math.min(100, intParam(ctx.query, 'limit', 10));
  const totalPages = Math.max(1, Math.ceil(all.length / limit));
  const items = all.slice((page - 1) * limit, page * limit);
  const link = (p: number): string => {
    const params = new URLSearchParams({ limit: String(limit), page: String(p) });
    for (const [k, v] of Object.entries(keep)) {
      params.set(k, v);
    }
    return `${ctx.baseUrl}${path}?${params.toString()}`;
  };
  const num = (n: number): number | string => (ctx.numbersAsStrings ? String(n) : n);
  const links: Json = {};
  if (page > 1) {
    links['previous'] = link(page - 1);
  } else if (ctx.numbersAsStrings) {
    links['previous'] = '';
  }
  if (page < totalPages) {
    links['next'] = link(page + 1);
  } else if (ctx.numbersAsStrings) {
    links['next'] = '';
  }
  const emptyLinks = Object.values(links).every((l) => l === '');
  return {
    data: items.map(toJson),
    meta: {
      pagination: {
        total: num(all.length),
        count: num(items.length),
        per_page: num(limit),
        current_page: num(page),
        total_pages: num(totalPages),
        // PHP serializes an empty map as []: emporio-serra sends that when there is no link at all.
        links: emptyLinks && ctx.numbersAsStrings ? [] : links,
      },
    },
  };
}
