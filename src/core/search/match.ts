/**
 * Our own rule for "this customer matches the search", applied to every answer whatever the store
 * honoured (product.md § Search): the name (also company and generic name) or the e-mail contains
 * the text, case and accents folded; or, for a query of digits and punctuation with at least three
 * digits, the CPF, CNPJ or phone contains its digits. Pure and cheap: a page of 100 records is
 * checked in well under a millisecond.
 */
import type { Customer, CustomerRecord } from '../customers/customer';

/** Fewest digits a query needs to be searched as CPF/CNPJ/phone digits. */
export const MIN_QUERY_DIGITS = 3;

/** Lower case without accents, whitespace runs collapsed: `  JOÃO  da Silva` → `joao da silva`. */
export function foldText(s: string): string {
  // plain ASCII without runs of spaces (most names and every e-mail): no normalization needed
  const ascii = !/[^\x20-\x7e]|\s\s|^\s|\s$/.test(s);
  return ascii ? s.toLowerCase() : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What a query asks for, computed once per search. */
export interface ParsedQuery {
  /** Folded text ('' when the query has nothing to match by text). */
  readonly text: string;
  /** The query's digits when it is a document or phone (only digits and punctuation, ≥ 3 digits), else undefined. */
  readonly digits: string | undefined;
}

export function parseQuery(query: string): ParsedQuery {
  const trimmed = query.trim();
  const digits = trimmed.replace(/\D/g, '');
  const numeric = /^[\d\s.\-/()+]+$/.test(trimmed) && digits.length >= MIN_QUERY_DIGITS;
  return { text: foldText(trimmed), digits: numeric ? digits : undefined };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function textMatches(c: Customer, text: string): boolean {
  for (const v of [c.name, c.email, c.razao_social, c.generic_name]) {
    if (typeof v === 'string' && v !== '' && foldText(v).includes(text)) {
      return true;
    }
  }
  return (typeof c.first_name === 'string' || typeof c.last_name === 'string') && foldText(`${str(c.first_name)} ${str(c.last_name)}`).includes(text);
}

/** Whether a CPF, CNPJ or phone of the customer contains one of `wanted` (digits only). */
function digitsMatch(c: Customer, wanted: readonly string[]): boolean {
  const sheet = c.spreadsheet?.data;
  const candidates = [
    c.cpf, c.cnpj, c.phone?.full_number, `${str(c.phone?.area_code)}${str(c.phone?.number)}`, c.phone?.formated_number,
    `${str(sheet?.phone_code)}${str(sheet?.phone_number)}`, sheet?.phone,
  ];
  for (const v of candidates) {
    if (typeof v === 'string' && v !== '') {
      const d = /^\d*$/.test(v) ? v : v.replace(/\D/g, '');
      if (wanted.some((w) => d.includes(w))) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a record matches the query by our rule. */
export function matchesQuery(record: CustomerRecord, query: ParsedQuery | string): boolean {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const c = record.customer;
  if (q.digits !== undefined) {
    // +55 (Brazil's country code) in front of a phone: the stored numbers carry no country code.
    const wanted = q.digits.length >= 12 && q.digits.startsWith('55') ? [q.digits, q.digits.slice(2)] : [q.digits];
    if (digitsMatch(c, wanted)) {
      return true;
    }
  }
  return q.text !== '' && textMatches(c, q.text);
}

/**
 * Whether a page looks like the answer to the query: empty (nothing matched), or at least half of
 * it matches by our rule. An unfiltered page (the store's first customers) has none or almost none.
 */
export function looksFiltered(records: readonly CustomerRecord[], query: ParsedQuery | string): boolean {
  if (records.length === 0) {
    return true;
  }
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const matching = records.filter((r) => matchesQuery(r, q)).length;
  return matching * 2 >= records.length;
}
