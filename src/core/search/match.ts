/**
 * Our own rule for "this customer matches the search", applied to every answer whatever the store
 * honoured (product.md § Search): the name (also company and generic name) or the e-mail contains
 * the text, case and accents folded; or, for a query of digits and punctuation with at least three
 * digits, the CPF, CNPJ or phone contains its digits. Pure and cheap: a page of 100 records is
 * checked in well under a millisecond.
 */
import type { Customer, CustomerRecord } from '../model/customer';

/** Fewest digits a query needs to be searched as CPF/CNPJ/phone digits. */
export const MIN_QUERY_DIGITS = 3;

/** Lower case without accents, whitespace runs collapsed: `  JOÃO  da Silva` → `joao da silva`. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
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

function nameTexts(c: Customer): string[] {
  return [str(c.name), `${str(c.first_name)} ${str(c.last_name)}`, str(c.generic_name), str(c.razao_social), str(c.email)];
}

function digitTexts(c: Customer): string[] {
  const sheet = c.spreadsheet?.data;
  return [
    str(c.cpf), str(c.cnpj),
    str(c.phone?.full_number), `${str(c.phone?.area_code)}${str(c.phone?.number)}`, str(c.phone?.formated_number),
    `${str(sheet?.phone_code)}${str(sheet?.phone_number)}`, str(sheet?.phone),
  ].map((s) => s.replace(/\D/g, '')).filter((s) => s !== '');
}

/** Whether a record matches the query by our rule. */
export function matchesQuery(record: CustomerRecord, query: ParsedQuery | string): boolean {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const c = record.customer;
  if (q.digits !== undefined) {
    const wanted = q.digits;
    // +55 (Brazil's country code) in front of a phone: the stored numbers carry no country code.
    const national = wanted.length >= 12 && wanted.startsWith('55') ? wanted.slice(2) : undefined;
    if (digitTexts(c).some((d) => d.includes(wanted) || (national !== undefined && d.includes(national)))) {
      return true;
    }
  }
  return q.text !== '' && nameTexts(c).some((s) => foldText(s).includes(q.text));
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
