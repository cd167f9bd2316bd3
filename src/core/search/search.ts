/**
 * Customer search that is right whatever the store honours (product.md § Search). Nobody can ask
 * the live API which convention it filters by: a third-party client sends `q=`, Yampi's official
 * SDK the l5-repository `search=` / `searchFields=`. So every answer is checked against the query
 * (match.ts); a page that comes back unfiltered is never presented — the other convention is tried
 * once, the one that works is remembered for the store's session, and when neither filters, at
 * most SCAN_PAGES pages of the store are looked through and the result says so.
 */
import { YampiError } from '../api/errors';
import type { CustomerPage, CustomerRecord } from '../customers/customer';
import { hasMorePages } from '../related/related';
import { looksFiltered, matchesQuery, parseQuery, type ParsedQuery } from './match';

/** How a search is sent: `q=<text>` (third-party MCP), or the SDK's `search=<text>&searchFields=…`. */
export type SearchConvention = 'q' | 'search';
/** What a store honours, as found out: a convention, or `none` (neither filters). */
export type SearchMode = SearchConvention | 'none';

/** Pages looked through when the store filters by neither convention: never the whole store. */
export const SCAN_PAGES = 3;
/** Their size (Yampi's maximum). */
export const SCAN_PAGE_SIZE = 100;
/** Fewest records asked for when calibrating, so "does this page match?" is judged on a fair sample. */
export const SAMPLE_SIZE = 25;

/** l5-repository's `searchFields` for a text query and for a document/phone query. */
export const TEXT_SEARCH_FIELDS = 'name:like;email:like;razao_social:like';
export const DIGIT_SEARCH_FIELDS = 'cpf:like;cnpj:like;phone:like';

/**
 * The query parameters of a search in one convention. l5-repository splits `search` on `;` and
 * `:` (field:value pairs), so those characters become spaces in the plain value it applies to
 * every field of `searchFields`.
 */
export function searchQueryParams(convention: SearchConvention, query: string): [string, string][] {
  if (convention === 'q') {
    return [['q', query]];
  }
  const parsed = parseQuery(query);
  if (parsed.digits !== undefined) {
    return [['search', parsed.digits], ['searchFields', DIGIT_SEARCH_FIELDS]];
  }
  return [['search', query.replace(/[;:]+/g, ' ').replace(/\s+/g, ' ').trim()], ['searchFields', TEXT_SEARCH_FIELDS]];
}

/** How the log names a convention. */
export function conventionName(mode: SearchMode): string {
  switch (mode) {
    case 'q':
      return '`q=`';
    case 'search':
      return "`search=`/`searchFields=` (Yampi's SDK)";
    case 'none':
      return 'neither `q=` nor `search=`';
  }
}

export interface SearchDeps {
  /** One page: with the query in `convention`, or without any query (`undefined`: the store's own order). */
  fetch(convention: SearchConvention | undefined, page: number, limit: number): Promise<CustomerPage>;
  /** What the store's session remembers (undefined: not found out yet). */
  readonly mode: SearchMode | undefined;
  remember(mode: SearchMode): void;
  log(message: string): void;
}

export interface SearchOutcome {
  /** Records that match by our rule, at most `limit`, in the order the store gave them. */
  readonly items: readonly CustomerRecord[];
  /** How many match in all, when the store's count can be trusted (it filtered and nothing was dropped). */
  readonly total: number | undefined;
  readonly mode: SearchMode;
  /** Records the answer held that do not match (never shown; a count for the log). */
  readonly dropped: number;
  /** Set when the store filtered by neither convention: what was looked through instead. */
  readonly unfiltered?: { readonly pages: number; readonly records: number; readonly complete: boolean } | undefined;
}

const other = (c: SearchConvention): SearchConvention => (c === 'q' ? 'search' : 'q');

/** A request the store refused (HTTP 400/422): the convention is not one it takes. */
function refused(e: unknown): boolean {
  return YampiError.is(e) && e.kind === 'invalidInput' && e.status !== undefined;
}

/** Runs one search: the remembered convention (or calibration), then verification of every record. */
export async function runSearch(deps: SearchDeps, query: string, limit: number): Promise<SearchOutcome> {
  const q = parseQuery(query);
  const order: SearchConvention[] = deps.mode === 'none' ? [] : deps.mode === undefined ? ['q', 'search'] : [deps.mode, other(deps.mode)];
  const sample = Math.max(limit, SAMPLE_SIZE);
  for (const convention of order) {
    let page: CustomerPage;
    try {
      page = await deps.fetch(convention, 1, sample);
    } catch (e) {
      if (!refused(e)) {
        throw e;
      }
      deps.log(`Search: the store refused ${conventionName(convention)} (HTTP ${(e as YampiError).status ?? '?'}).`);
      continue;
    }
    if (looksFiltered(page.items, q)) {
      if (deps.mode !== convention) {
        deps.remember(convention);
        deps.log(`Search: the store filters with ${conventionName(convention)}; using it for this session.`);
      }
      return verified(page, q, limit, convention, deps);
    }
    deps.log(`Search: the store ignored ${conventionName(convention)} (its answer does not match the query).`);
  }
  if (deps.mode !== 'none') {
    deps.remember('none');
    deps.log(`Search: the store filters with ${conventionName('none')}; searches look through at most ${SCAN_PAGES} pages of ${SCAN_PAGE_SIZE} customers.`);
  }
  return scan(deps, q, limit);
}

function verified(page: CustomerPage, q: ParsedQuery, limit: number, mode: SearchConvention, deps: SearchDeps): SearchOutcome {
  const kept = page.items.filter((r) => matchesQuery(r, q));
  const dropped = page.items.length - kept.length;
  if (dropped > 0) {
    deps.log(`Search: dropped ${dropped} record(s) of the answer that do not match the query.`);
  }
  return { items: kept.slice(0, limit), total: dropped === 0 ? page.pagination.total : undefined, mode, dropped };
}

/** The store filters by neither convention: look through at most SCAN_PAGES pages, in its own order. */
async function scan(deps: SearchDeps, q: ParsedQuery, limit: number): Promise<SearchOutcome> {
  const found: CustomerRecord[] = [];
  const seen = new Set<number>();
  let records = 0;
  let pages = 0;
  let complete = false;
  for (let n = 1; n <= SCAN_PAGES && found.length < limit; n++) {
    const page = await deps.fetch(undefined, n, SCAN_PAGE_SIZE);
    pages = n;
    records += page.items.length;
    for (const r of page.items) {
      if (!seen.has(r.customer.id) && matchesQuery(r, q)) {
        seen.add(r.customer.id);
        found.push(r);
      }
    }
    // the page asked for, not the one the server claims, decides what comes next
    if (page.items.length === 0 || !hasMorePages(page.pagination, n)) {
      complete = true;
      break;
    }
  }
  return { items: found.slice(0, limit), total: undefined, mode: 'none', dropped: 0, unfiltered: { pages, records, complete } };
}
