/**
 * The privacy oracle guard of yampi_searchCustomers (issue 18 §2.3). With privacy mode on, a model
 * (or a prompt injected into one) must not grow a guess of a masked value one character at a time and
 * watch whether an id comes back: the tool then accepts only a name or a *complete* identifier (a whole
 * e-mail, an 11-digit CPF, a 14-digit CNPJ, a whole phone). Every tool search, privacy mode or not, is
 * also capped per store per rolling minute. Pure: the clock is injected; the host adapter
 * (src/host/chat/chatTools.ts) asks `guardToolSearch` before any request. The palette search is the user's
 * own and does not go through here.
 */
import type { CustomerRecord } from '../customers/customer';
import { type Locale, t } from '../common/strings';
import { foldText } from '../search/match';

/** What a tool query is, by shape alone. */
export type QueryKind = 'name' | 'email' | 'cpf' | 'cnpj' | 'phone' | 'fragment';

/** At most this many tool searches per store in any rolling minute. */
export const TOOL_SEARCH_CAP = { max: 10, windowMs: 60_000 } as const;

// a whole address: local@domain.tld, no spaces, a dotted domain with a 2+ letter top-level label
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;
// letters with inner hyphens/apostrophes, an optional trailing dot (an initial, "Jr."): "ana.s" is not a name
const NAME_WORD = /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\.?$/u;
// digits with the punctuation people write them with: . - / ( ) spaces, an optional leading +
const DIGITS_WRITTEN = /^\+?[\d\s()./-]+$/;

function isEmail(q: string): boolean {
  const [local = '', domain = ''] = q.split('@');
  return q.length <= 254 && EMAIL.test(q) && local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && !domain.includes('..');
}

/** Classifies a (trimmed) tool query: a name, a complete identifier, or a fragment. */
export function classifyToolQuery(query: string): QueryKind {
  const q = query.trim();
  if (q.includes('@')) {
    return isEmail(q) ? 'email' : 'fragment';
  }
  if (DIGITS_WRITTEN.test(q)) {
    const plus = q.startsWith('+');
    const digits = q.replace(/\D/g, '');
    if (plus) {
      // an international number: only Brazil's +55, then a whole 10–11 digit national number
      return digits.startsWith('55') && (digits.length === 12 || digits.length === 13) ? 'phone' : 'fragment';
    }
    if (digits.length === 11 && !/[()]/.test(q) && /^(?:\d{11}|\d{3}\.\d{3}\.\d{3}-\d{2})$/.test(q)) {
      return 'cpf';
    }
    if (digits.length === 14 && /^(?:\d{14}|\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2})$/.test(q)) {
      return 'cnpj';
    }
    return digits.length >= 10 && digits.length <= 13 ? 'phone' : 'fragment';
  }
  const words = q.split(/\s+/);
  return words.every((w) => NAME_WORD.test(w)) && /\p{L}/u.test(q) ? 'name' : 'fragment';
}

/** A per-store count of tool searches in a rolling window, with an injectable clock. */
export class ToolSearchCap {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly max: number = TOOL_SEARCH_CAP.max,
    private readonly windowMs: number = TOOL_SEARCH_CAP.windowMs,
  ) {}

  /** Takes one search for `alias`, or says how long until one is free (nothing is taken then). */
  take(alias: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number } {
    const now = this.now();
    const recent = (this.times.get(alias) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.max) {
      this.times.set(alias, recent);
      return { ok: false, retryAfterMs: Math.max(1, (recent[0] ?? now) + this.windowMs - now) };
    }
    recent.push(now);
    this.times.set(alias, recent);
    return { ok: true };
  }

  /** Forgets one store's count (its session ended: signed out, or its credentials changed). */
  forget(alias: string): void {
    this.times.delete(alias);
  }

  /** Forgets every store's count (Clear Cached Data). */
  clear(): void {
    this.times.clear();
  }
}

export type SearchVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'fragment' | 'capped'; readonly message: string };

/**
 * Whether a tool search may be sent: in privacy mode a fragment is refused (it does not count toward
 * the cap); then the per-store cap. The message is the tool's whole result text.
 */
export function guardToolSearch(query: string, alias: string, privacy: boolean, cap: ToolSearchCap, locale: Locale): SearchVerdict {
  if (privacy && classifyToolQuery(query) === 'fragment') {
    return {
      ok: false,
      reason: 'fragment',
      message: t(
        locale,
        'Nothing was searched: privacy mode is on, so this tool accepts only a name or a complete e-mail, CPF (11 digits), CNPJ (14 digits) or phone (10 to 13 digits), not part of one. Ask the user for the whole value, or suggest they search the fragment themselves with "Yampi: Search Customers…" in the Command Palette.',
      ),
    };
  }
  const taken = cap.take(alias);
  if (!taken.ok) {
    return {
      ok: false,
      reason: 'capped',
      message: t(locale, 'Nothing was searched: at most {0} customer searches a minute are allowed from chat for store {1}. Wait {2} seconds before searching again.', cap.max, alias, Math.ceil(taken.retryAfterMs / 1000)),
    };
  }
  return { ok: true };
}

/** Runs `search` only when the guard allows it; otherwise returns the refusal text and sends nothing. */
export async function guardedToolSearch(query: string, alias: string, privacy: boolean, cap: ToolSearchCap, locale: Locale, search: () => Promise<string>): Promise<string> {
  const verdict = guardToolSearch(query, alias, privacy, cap, locale);
  return verdict.ok ? search() : verdict.message;
}

/**
 * Privacy mode, a name query: only customers whose *name* contains it (case and accents folded). The
 * store may match the text inside e-mails too, and letters grown one at a time would then recover a
 * masked e-mail's local part.
 */
export function nameMatchesOnly<R extends CustomerRecord>(query: string, records: readonly R[]): readonly R[] {
  if (classifyToolQuery(query) !== 'name') {
    return records;
  }
  const text = foldText(query.trim());
  return records.filter(({ customer: c }) => {
    const names = [c.name, c.razao_social, c.generic_name, `${typeof c.first_name === 'string' ? c.first_name : ''} ${typeof c.last_name === 'string' ? c.last_name : ''}`];
    return names.some((v) => typeof v === 'string' && foldText(v).includes(text));
  });
}
