/**
 * The language-model tools of product.md § Terminal and chat: their names, input validation (a
 * model may send anything, so every input is checked here whatever the declared JSON schema says)
 * and the confirmation shown before each invocation. Pure: the host adapter (src/host/chat/chatTools.ts)
 * calls the API and turns these into VS Code objects.
 */
import { MAX_QUERY_LENGTH } from '../api/validate';
import { TOOL_NAMES } from '../commands/ids';
import { parseLookupInput } from '../customers/lookupInput';
import { type Locale, msg, t } from '../common/strings';
import { escapeMarkdown } from '../common/text';
import { isValidAlias } from '../credentials/stores';

export { TOOL_NAMES };
export type ToolName = (typeof TOOL_NAMES)[number];

/** `limit` of yampi_searchCustomers: at most 10 (the contract). */
export const SEARCH_LIMIT = { default: 5, max: 10 } as const;
/** `limit` of yampi_getCustomerOrders. */
export const ORDERS_LIMIT = { default: 5, max: 20 } as const;

export interface GetCustomerInput {
  readonly id: number;
  readonly store: string | undefined;
}
export interface SearchCustomersInput {
  readonly query: string;
  readonly limit: number;
}
export interface GetOrdersInput {
  readonly id: number;
  readonly store: string | undefined;
  readonly limit: number;
}

/** yampi_getOrder: exactly one of the order's number (what buyers and staff quote) or its id. */
export type GetOrderInput = { readonly store: string | undefined } & ({ readonly number: number; readonly id?: undefined } | { readonly id: number; readonly number?: undefined });

export interface ToolInputs {
  readonly yampi_getCustomer: GetCustomerInput;
  readonly yampi_searchCustomers: SearchCustomersInput;
  readonly yampi_getCustomerOrders: GetOrdersInput;
  readonly yampi_getOrder: GetOrderInput;
}

export type ParsedInput<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Field<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const good = <T>(value: T): Field<T> => ({ ok: true, value });
const bad = (problem: string): Field<never> => ({ ok: false, problem });

/** A positive safe integer; numeric strings (`"123"`, `"#123"`, a `/customers/123` URL) are accepted too. */
function idField(v: unknown, locale: Locale): Field<number> {
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v > 0 ? good(v) : bad(t(locale, '"id" must be the customer id, a positive whole number (e.g. 48213907 from text like customer_id: 48213907).'));
  }
  if (typeof v === 'string') {
    const parsed = parseLookupInput(v);
    return parsed.ok ? good(parsed.id) : bad(t(locale, '"id" must be the customer id, a positive whole number (e.g. 48213907 from text like customer_id: 48213907).'));
  }
  return bad(t(locale, '"id" must be the customer id, a positive whole number (e.g. 48213907 from text like customer_id: 48213907).'));
}

/** yampi_getOrder's `number` or `id`: a positive whole number (`#1000457` accepted for a number). */
function orderField(v: unknown, name: 'number' | 'id', locale: Locale): Field<number> {
  const n = typeof v === 'string' && /^\s*#?\d{1,16}\s*$/.test(v) ? Number(v.replace(/[#\s]/g, '')) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? good(n) : bad(t(locale, '"{0}" must be a positive whole number.', name));
}

function getOrderInput(o: Record<string, unknown>, locale: Locale): ParsedInput<GetOrderInput> {
  const has = (k: string): boolean => o[k] !== undefined && o[k] !== null;
  if (has('number') === has('id')) {
    return { ok: false, message: t(locale, 'Invalid input for {0}: {1}', 'yampi_getOrder', t(locale, 'Give exactly one of "number" (the order number buyers and staff quote, e.g. 1000457 from "pedido #1000457") or "id" (e.g. resource.id of an order webhook).')) };
  }
  return has('number')
    ? collect<{ number: number; store: string | undefined }>('yampi_getOrder', locale, { number: orderField(o['number'], 'number', locale), store: storeField(o['store'], locale) })
    : collect<{ id: number; store: string | undefined }>('yampi_getOrder', locale, { id: orderField(o['id'], 'id', locale), store: storeField(o['store'], locale) });
}

function storeField(v: unknown, locale: Locale): Field<string | undefined> {
  if (v === undefined || v === null) {
    return good(undefined);
  }
  // exactly the rule of package.json's schema for `store` (core/common/alias.ts): nothing trimmed or folded
  return isValidAlias(v) ? good(v) : bad(t(locale, '"store" must be a store alias (lowercase letters, digits and hyphens), e.g. loja-aurora; leave it out for the active store.'));
}

function limitField(v: unknown, range: { readonly default: number; readonly max: number }, locale: Locale): Field<number> {
  if (v === undefined || v === null) {
    return good(range.default);
  }
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= range.max ? good(n) : bad(t(locale, '"limit" must be a whole number from 1 to {0}.', range.max));
}

function queryField(v: unknown, locale: Locale): Field<string> {
  const q = typeof v === 'string' ? v.trim() : '';
  return q !== '' && q.length <= MAX_QUERY_LENGTH ? good(q) : bad(t(locale, '"query" must be a name, e-mail, CPF/CNPJ or phone of 1 to {0} characters.', MAX_QUERY_LENGTH));
}

/** Collects the fields' problems into one message, or builds the input. */
function collect<T>(name: ToolName, locale: Locale, fields: { readonly [K in keyof T]: Field<T[K]> }): ParsedInput<T> {
  const problems: string[] = [];
  const value: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    const f = fields[key];
    if (f.ok) {
      value[key] = f.value;
    } else {
      problems.push(f.problem);
    }
  }
  return problems.length > 0 ? { ok: false, message: t(locale, 'Invalid input for {0}: {1}', name, problems.join(' ')) } : { ok: true, value: value as T };
}

function asObject(raw: unknown): Record<string, unknown> | undefined {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

/** Validates a tool's input; the message names the tool and every field that is wrong, and how to fix it. */
export function parseToolInput<N extends ToolName>(name: N, raw: unknown, locale: Locale): ParsedInput<ToolInputs[N]>;
export function parseToolInput(name: ToolName, raw: unknown, locale: Locale): ParsedInput<ToolInputs[ToolName]> {
  const o = asObject(raw);
  if (o === undefined) {
    return { ok: false, message: t(locale, 'Invalid input for {0}: {1}', name, t(locale, 'The input must be a JSON object.')) };
  }
  switch (name) {
    case 'yampi_getCustomer':
      return collect<GetCustomerInput>(name, locale, { id: idField(o['id'], locale), store: storeField(o['store'], locale) });
    case 'yampi_searchCustomers':
      return collect<SearchCustomersInput>(name, locale, { query: queryField(o['query'], locale), limit: limitField(o['limit'], SEARCH_LIMIT, locale) });
    case 'yampi_getCustomerOrders':
      return collect<GetOrdersInput>(name, locale, {
        id: idField(o['id'], locale),
        store: storeField(o['store'], locale),
        limit: limitField(o['limit'], ORDERS_LIMIT, locale),
      });
    case 'yampi_getOrder':
      return getOrderInput(o, locale);
  }
}

/** `store Loja Aurora Cosméticos (loja-aurora)`, or `store loja-aurora` when the name is unknown. */
export function storeLabel(alias: string, name: string | undefined, locale: Locale): string {
  const n = name === undefined ? '' : plainText(name, 80);
  return t(locale, 'store {0}', n === '' || n === alias ? alias : `${n} (${alias})`);
}

/**
 * A data value as one safe line of text: control and line-break characters become spaces (a
 * customer's name cannot start a new line that looks like part of the result), runs of spaces
 * collapse, and long values are cut with `…`.
 */
export function plainText(value: string, max = 120): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const v = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (v.length <= max) {
    return v;
  }
  // cut between graphemes, so an emoji or an accented letter is never split
  let cut = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(v)) {
    if (cut.length + segment.length > max - 1) {
      break;
    }
    cut += segment;
  }
  return `${cut}…`;
}

export interface ToolConfirmation {
  /** Plain text. */
  readonly title: string;
  /** Markdown (VS Code renders it): every value in it escaped with escapeMarkdown. */
  readonly message: string;
  /** Shown while the tool runs; Markdown like `message`. */
  readonly progress: string;
}

/** `store Loja Aurora (loja-aurora)` as Markdown: the name (from /auth/me) and the alias escaped. */
export function storeLabelMarkdown(alias: string, name: string | undefined, locale: Locale): string {
  const n = name === undefined ? '' : plainText(name, 80);
  return t(locale, 'store {0}', n === '' || n === alias ? escapeMarkdown(alias) : `${escapeMarkdown(n)} (${escapeMarkdown(alias)})`);
}

/**
 * What the user confirms before a tool runs: the action, the store it reads from, and what privacy
 * mode will let through. `store` is storeLabelMarkdown's; the query is escaped here (issue 18 §2.2).
 */
export function toolConfirmation<N extends ToolName>(name: N, input: ToolInputs[N], store: string, privacy: boolean, locale: Locale): ToolConfirmation;
export function toolConfirmation(name: ToolName, input: ToolInputs[ToolName], store: string, privacy: boolean, locale: Locale): ToolConfirmation {
  const privacyNote = t(locale, privacy ? msg('Personal data stays masked (privacy mode is on).') : msg('Privacy mode is off: e-mail and phone will be shared with the model.'));
  switch (name) {
    case 'yampi_getCustomer': {
      const i = input as GetCustomerInput;
      return {
        title: t(locale, 'Look up a Yampi customer?'),
        message: `${t(locale, 'Read the summary of customer #{0} from {1}.', i.id, store)} ${privacyNote}`,
        progress: t(locale, 'Looking up Yampi customer #{0} in {1}…', i.id, store),
      };
    }
    case 'yampi_searchCustomers': {
      const i = input as SearchCustomersInput;
      const q = escapeMarkdown(plainText(i.query, 80));
      return {
        title: t(locale, 'Search Yampi customers?'),
        message: `${t(locale, 'Search {0} for "{1}" (at most {2} customers).', store, q, i.limit)} ${privacyNote}`,
        progress: t(locale, 'Searching {0} for "{1}"…', store, q),
      };
    }
    case 'yampi_getCustomerOrders': {
      const i = input as GetOrdersInput;
      return {
        title: t(locale, 'Read a Yampi customer’s orders?'),
        message: t(locale, 'Read the latest {2} orders of customer #{0} from {1}.', i.id, store, i.limit),
        progress: t(locale, 'Reading the orders of customer #{0} in {1}…', i.id, store),
      };
    }
    case 'yampi_getOrder': {
      const i = input as GetOrderInput;
      const what = i.number === undefined ? t(locale, 'order id {0}', i.id) : t(locale, 'order #{0}', i.number);
      return {
        title: t(locale, 'Look up a Yampi order?'),
        message: `${t(locale, 'Read {0} from {1}, with its items and buyer.', what, store)} ${privacyNote}`,
        progress: t(locale, 'Looking up {0} in {1}…', what, store),
      };
    }
  }
}
