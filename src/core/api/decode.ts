/**
 * Runtime decoding of Yampi payloads into the typed model, at the edge. The documented fields are
 * checked (with the lenient coercions the docs force on us: numbers as numeric strings, 0/1 as
 * booleans); unknown fields survive in `raw`. A wrong field fails with `invalidResponse` naming
 * its JSON path, e.g. `data.phone.area_code`.
 */
import { isValidAlias } from '../common/alias';
import { YampiError } from './errors';
import type { AuthMe, Customer, CustomerPage, CustomerRecord, Pagination, StoreInfo } from '../customers/customer';

type Json = Record<string, unknown>;
type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'unknown';
/** Field specs as arrays, so decoding a record walks them without allocating. */
type Spec = readonly (readonly [string, FieldKind])[];

const CUSTOMER_FIELDS: Spec = Object.entries({
  merchant_id: 'number', marketplace_id: 'number', active: 'boolean', type: 'string', cluster_id: 'number',
  name: 'string', first_name: 'string', last_name: 'string', generic_name: 'string', cpf: 'string',
  razao_social: 'string', cnpj: 'string', state_registration: 'string', email: 'string', birthday: 'string',
  newsletter: 'boolean', whatsapp: 'boolean', social_driver: 'string', social_id: 'string', ip: 'string',
  token: 'string', login_url: 'string', utm_source: 'string', utm_campaign: 'string', notes: 'string',
  anonymized: 'boolean', deletion_request: 'unknown', addresses: 'unknown',
} satisfies Record<string, FieldKind>);
const PHONE_FIELDS: Spec = Object.entries({
  area_code: 'string', full_number: 'string', number: 'string', formated_number: 'string', whatsapp_link: 'string',
} satisfies Record<string, FieldKind>);
const SPREADSHEET_FIELDS: Spec = Object.entries({
  brands: 'string', city: 'string', purchased_brands: 'string', last_order_date: 'date', last_order_value: 'string',
  purchased_categories: 'string', number: 'string', uf: 'string', phone: 'string', street: 'string',
  phone_number: 'string', categories: 'string', neighborhood: 'string', complement: 'string', phone_code: 'string',
} satisfies Record<string, FieldKind>);

export function wrongField(field: string, expected: string): YampiError {
  return new YampiError('invalidResponse', `unexpected response: ${field} should be ${expected}`, { field });
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `path.key`, built only when an error needs it (decoding a record must not build ~50 strings). */
function at(path: string, key: string | undefined): string {
  return key === undefined ? path : `${path}.${key}`;
}

function field(kind: FieldKind, v: unknown, path: string, key?: string): unknown {
  if (v === null || v === undefined || kind === 'unknown') {
    return v;
  }
  switch (kind) {
    case 'string':
      if (typeof v === 'string') {
        return v;
      }
      // Stryker disable next-line ConditionalExpression: equivalent, Number.isFinite is false for every non-number (no coercion)
      if (typeof v === 'number' && Number.isFinite(v)) {
        return String(v);
      }
      throw wrongField(at(path, key), 'a string');
    case 'number':
      return toNumber(v, path, key);
    case 'boolean':
      if (typeof v === 'boolean') {
        return v;
      }
      if (v === 0 || v === 1 || v === '0' || v === '1') {
        return v === 1 || v === '1';
      }
      throw wrongField(at(path, key), 'a boolean');
    case 'date':
      if (typeof v === 'string' || (isObject(v) && typeof v['date'] === 'string')) {
        return v;
      }
      throw wrongField(at(path, key), 'a date string or {date}');
  }
}

function toNumber(v: unknown, path: string, key?: string): number {
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isFinite is false for every non-number (no coercion)
  if (typeof v === 'number' && Number.isFinite(v)) {
    return v;
  }
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) {
    return Number(v);
  }
  throw wrongField(at(path, key), 'a number');
}

function decodeFields(src: Json, spec: Spec, path: string): Json {
  const out: Json = {};
  for (const [key, kind] of spec) {
    const v = src[key];
    // Stryker disable next-line ConditionalExpression: equivalent, a defined value's key is in src (the first test only skips the `in` lookup)
    if (v !== undefined || key in src) {
      out[key] = field(kind, v, path, key);
    }
  }
  return out;
}

function decodeNested(v: unknown, spec: Spec, path: string, key: string): unknown {
  if (v === null || v === undefined) {
    return v;
  }
  if (!isObject(v)) {
    throw wrongField(at(path, key), 'an object');
  }
  return decodeFields(v, spec, at(path, key));
}

/**
 * How deep a field's value may nest (arrays and objects inside it). Records come back to tree,
 * hover, panel and "Copy as JSON", whose recursion (and JSON.stringify) must never overflow.
 */
export const MAX_NESTING = 32;

/**
 * The first top-level key of `record` whose value nests deeper than MAX_NESTING, else undefined.
 * Iterative (an explicit stack), so a 100,000-deep value costs its size and no call stack.
 */
function tooDeepKey(record: Json): string | undefined {
  for (const [key, top] of Object.entries(record)) {
    const stack: Array<readonly [unknown, number]> = [[top, 0]];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const [v, depth] = item;
      if (typeof v !== 'object' || v === null) {
        continue;
      }
      if (depth + 1 > MAX_NESTING) {
        return key;
      }
      for (const child of Array.isArray(v) ? (v as unknown[]) : Object.values(v)) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

export function decodeCustomer(value: unknown, path: string): CustomerRecord {
  if (!isObject(value)) {
    throw wrongField(path, 'a customer object');
  }
  const deep = tooDeepKey(value);
  if (deep !== undefined) {
    throw new YampiError('invalidResponse', `unexpected response: ${path}.${deep} is nested more than ${MAX_NESTING} levels deep`, { field: `${path}.${deep}` });
  }
  const id = toNumber(value['id'], path, 'id');
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw wrongField(`${path}.id`, 'a positive integer');
  }
  const out = decodeFields(value, CUSTOMER_FIELDS, path);
  out['id'] = id;
  if ('phone' in value) {
    out['phone'] = decodeNested(value['phone'], PHONE_FIELDS, path, 'phone');
  }
  const sheet = value['spreadsheet'];
  if (sheet !== undefined && sheet !== null) {
    if (!isObject(sheet)) {
      throw wrongField(`${path}.spreadsheet`, 'an object');
    }
    out['spreadsheet'] = { data: decodeNested(sheet['data'], SPREADSHEET_FIELDS, `${path}.spreadsheet`, 'data') };
  } else if ('spreadsheet' in value) {
    out['spreadsheet'] = sheet;
  }
  // `out` was built field by field against the documented types above.
  return { customer: out as unknown as Customer, raw: value };
}

/** A single customer: `{data: {...}}` or, as some docs show it, `{data: [{...}]}`. */
export function decodeCustomerEnvelope(body: unknown): CustomerRecord {
  if (!isObject(body)) {
    throw wrongField('(body)', 'an object');
  }
  const data = body['data'];
  if (Array.isArray(data)) {
    if (data.length === 0) {
      throw wrongField('data', 'a customer or a one-element array');
    }
    return decodeCustomer(data[0], 'data[0]');
  }
  return decodeCustomer(data, 'data');
}

function link(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw wrongField(path, 'a URL string');
  }
  return v;
}

function count(p: Json, key: string, fallback: number): number {
  const v = p[key];
  if (v === undefined || v === null) {
    return fallback;
  }
  const n = toNumber(v, `meta.pagination.${key}`);
  if (!Number.isInteger(n) || n < 0) {
    throw wrongField(`meta.pagination.${key}`, 'a non-negative integer');
  }
  return n;
}

export function decodePagination(meta: unknown, itemCount: number): Pagination {
  const p = isObject(meta) ? meta['pagination'] : undefined;
  if (meta !== undefined && meta !== null && !isObject(meta)) {
    throw wrongField('meta', 'an object');
  }
  if (p !== undefined && p !== null && !isObject(p)) {
    throw wrongField('meta.pagination', 'an object');
  }
  const src: Json = isObject(p) ? p : {};
  // PHP serializes an empty associative array as `[]`, so `links: []` means "no links".
  const rawLinks = src['links'];
  if (rawLinks !== undefined && rawLinks !== null && !isObject(rawLinks) && !Array.isArray(rawLinks)) {
    throw wrongField('meta.pagination.links', 'an object');
  }
  const links: Json = isObject(rawLinks) ? rawLinks : {};
  const perPage = count(src, 'per_page', itemCount);
  return {
    total: count(src, 'total', itemCount),
    count: count(src, 'count', itemCount),
    perPage,
    currentPage: count(src, 'current_page', 1),
    totalPages: count(src, 'total_pages', 1),
    next: link(links['next'], 'meta.pagination.links.next'),
    previous: link(links['previous'], 'meta.pagination.links.previous'),
  };
}

export function decodeCustomerPage(body: unknown): CustomerPage {
  if (!isObject(body)) {
    throw wrongField('(body)', 'an object');
  }
  const data = body['data'];
  if (!Array.isArray(data)) {
    throw wrongField('data', 'an array of customers');
  }
  const items = data.map((c, i) => decodeCustomer(c, `data[${i}]`));
  return { items, pagination: decodePagination(body['meta'], items.length) };
}

function optionalString(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw wrongField(path, 'a string');
  }
  return v;
}

function decodeStore(v: unknown, path: string): StoreInfo {
  if (!isObject(v)) {
    throw wrongField(path, 'an object');
  }
  const alias = v['alias'];
  if (typeof alias !== 'string' || alias === '') {
    throw wrongField(`${path}.alias`, 'a non-empty string');
  }
  const id = v['id'] === undefined || v['id'] === null ? undefined : toNumber(v['id'], `${path}.id`);
  const name = optionalString(v['name'], `${path}.name`);
  const active = v['active'] === undefined || v['active'] === null ? true : field('boolean', v['active'], path, 'active');
  return { id, alias, name: name ?? alias, active: active === true, domain: optionalString(v['domain'], `${path}.domain`) };
}

/** POST /auth/me: stores under `data.merchants.data[]` (or a bare `data.merchants[]`). */
export function decodeAuthMe(body: unknown): AuthMe {
  const data = isObject(body) ? body['data'] : undefined;
  if (!isObject(data)) {
    throw wrongField('data', 'an object');
  }
  const merchants = data['merchants'];
  const list = isObject(merchants) ? merchants['data'] : merchants;
  const base = isObject(merchants) ? 'data.merchants.data' : 'data.merchants';
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    throw wrongField(base, 'an array of stores');
  }
  const decoded = (list ?? []).map((m, i) => decodeStore(m, `${base}[${i}]`));
  // checked before anything can be saved: an alias the client refuses would fail every request
  const stores = decoded.filter((s) => isValidAlias(s.alias));
  const userId = data['id'] === undefined || data['id'] === null ? undefined : toNumber(data['id'], 'data.id');
  return {
    userId,
    userName: optionalString(data['name'], 'data.name'),
    email: optionalString(data['email'], 'data.email'),
    stores,
    invalidStores: decoded.length - stores.length,
  };
}
