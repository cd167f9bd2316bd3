/**
 * The Yampi API as the sandbox answers it: authentication, stores, customers (view, list with
 * page/limit/q), POST /auth/me. Pure functions of (request, data) → answer; the server adds rate
 * limits, faults and the wire.
 */
import { SANDBOX_USERS, type SandboxUser } from './constants';
import type { SandboxCustomer, StoreData } from './data';
import { paginated } from './paging';
import { relatedAnswer } from './relatedRoutes';
import { fold, type Json } from './vocabulary';

export interface ApiAnswer {
  readonly status: number;
  readonly body: Json;
  /** Rate-limit bucket this request counts against. */
  readonly bucket?: string;
}

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly userToken: string | undefined;
  readonly userSecretKey: string | undefined;
  /** `http://127.0.0.1:PORT/v2`, for pagination links. */
  readonly baseUrl: string;
  readonly dataShape: 'object' | 'array' | undefined;
  /** Fault `ignoreFilters`: list filters are ignored even in bracket form. */
  readonly ignoreFilters?: boolean;
  /** Fault `hugeItemsChars`. */
  readonly hugeItemsChars?: number | undefined;
  /** Fault `answerCustomer`: the single-customer route answers this customer whatever was asked. */
  readonly answerCustomer?: number | undefined;
  /** Which customer-search convention the store honours (default `q`). */
  readonly searchMode?: SearchMode;
  /** Fault `ignoreOrderNumberFilters`: the order-number conventions ignored (orderRoutes.ts). */
  readonly ignoreOrderNumberFilters?: readonly ('number[]' | 'search' | 'q')[];
}

/**
 * Customer-search conventions a store may honour: `q` (what a third-party client sends), `search`
 * (Yampi's official SDK, l5-repository: `search` + `searchFields`), or `ignore` (neither: the
 * store's first customers come back whatever was asked).
 */
export type SearchMode = 'q' | 'search' | 'ignore';
export const SEARCH_MODES: readonly SearchMode[] = ['q', 'search', 'ignore'];

export function error(status: number, message: string): ApiAnswer {
  return { status, body: { message, status_code: status } };
}

export function findUser(token: string | undefined, secret: string | undefined): SandboxUser | undefined {
  return Object.values(SANDBOX_USERS).find((u) => u.userToken === token && u.userSecretKey === secret);
}

/** Which alias (if any) a path names: `/v2/{alias}/...`. */
export function aliasOf(path: string): string | undefined {
  const m = /^\/v2\/([^/]+)\//.exec(path);
  return m?.[1] === undefined || m[1] === 'auth' ? undefined : decodeURIComponent(m[1]);
}

/** Authentication, store and method checks shared by every store route; undefined when the request may go on. */
function gate(req: ApiRequest, data: ReadonlyMap<string, StoreData>, alias: string, bucket: string): ApiAnswer | undefined {
  const user = findUser(req.userToken, req.userSecretKey);
  if (user === undefined) {
    return { ...error(401, 'Unauthenticated.'), bucket };
  }
  const store = data.get(alias);
  if (store === undefined) {
    return { ...error(404, 'Store not found.'), bucket };
  }
  if (!store.info.active) {
    return { ...error(403, 'Forbidden.'), bucket };
  }
  if (!user.stores.includes(alias)) {
    return { ...error(403, 'This action is unauthorized.'), bucket };
  }
  if (req.method !== 'GET') {
    return { ...error(405, 'Method Not Allowed'), bucket };
  }
  return undefined;
}

export function answer(req: ApiRequest, data: ReadonlyMap<string, StoreData>): ApiAnswer {
  if (req.path === '/v2/auth/me') {
    if (req.method !== 'POST') {
      return error(405, 'Method Not Allowed');
    }
    const user = findUser(req.userToken, req.userSecretKey);
    return user === undefined ? { ...error(401, 'Unauthenticated.'), bucket: 'auth' } : { status: 200, body: me(user, data), bucket: 'auth' };
  }
  const related = /^\/v2\/([^/]+)\/(?:orders(?:\/[^/]+)?|checkout\/statuses|customers\/\d+\/(?:addresses|carts))\/?$/.exec(req.path);
  if (related !== null) {
    const alias = decodeURIComponent(related[1] ?? '');
    const bucket = /\/(?:orders(?:\/[^/]+)?|checkout\/statuses)\/?$/.test(req.path) ? `${alias}:orders` : `${alias}:customers`;
    const refused = gate(req, data, alias, bucket);
    return refused ?? relatedAnswer(req, data.get(alias) as StoreData, alias, bucket);
  }
  const m = /^\/v2\/([^/]+)\/customers(?:\/([^/]+))?\/?$/.exec(req.path);
  if (m === null) {
    return error(404, 'Not Found');
  }
  const alias = decodeURIComponent(m[1] ?? '');
  const bucket = `${alias}:customers`;
  const refused = gate(req, data, alias, bucket);
  if (refused !== undefined) {
    return refused;
  }
  const store = data.get(alias) as StoreData;
  if (m[2] !== undefined) {
    const id = req.answerCustomer ?? (/^\d+$/.test(m[2]) ? Number(m[2]) : Number.NaN);
    const customer = store.byId.get(id);
    if (customer === undefined) {
      return { ...error(404, 'Customer not found.'), bucket };
    }
    const asArray = req.dataShape === undefined ? customer.dataAsArray : req.dataShape === 'array';
    return { status: 200, body: { data: asArray ? [customer.json] : customer.json }, bucket };
  }
  return { status: 200, body: list(req, store, alias), bucket };
}

/** `q` matches folded name/e-mail/company text, or CPF/CNPJ/phone digits (punctuation ignored). */
export function search(customers: readonly SandboxCustomer[], q: string): readonly SandboxCustomer[] {
  const text = fold(q.trim());
  if (text === '') {
    return customers;
  }
  const digits = q.replace(/\D/g, '');
  const numeric = /^[\d\s.\-/()+]+$/.test(q.trim()) && digits.length >= 3;
  return customers.filter((c) => (numeric ? c.searchDigits.includes(digits) : c.searchText.includes(text)));
}

/** Fields the sandbox's l5-repository search accepts (`searchFields`), and what each compares. */
const L5_FIELDS: Readonly<Record<string, (c: SandboxCustomer) => { readonly text: string; readonly digits: boolean }>> = {
  name: (c) => ({ text: fold(str(c.json['name'])), digits: false }),
  email: (c) => ({ text: fold(str(c.json['email'])), digits: false }),
  razao_social: (c) => ({ text: fold(str(c.json['razao_social'])), digits: false }),
  cpf: (c) => ({ text: str(c.json['cpf']).replace(/\D/g, ''), digits: true }),
  cnpj: (c) => ({ text: str(c.json['cnpj']).replace(/\D/g, ''), digits: true }),
  phone: (c) => ({ text: str((c.json['phone'] as Json | null | undefined)?.['full_number']).replace(/\D/g, ''), digits: true }),
};

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * l5-repository's RequestCriteria as Yampi's SDK drives it: `search=value` (applied to every field
 * of `searchFields`) or `search=field:value;field:value`, `searchFields=field:like;field:=`, the
 * fields joined with OR; `like` = contains (case and accents ignored, like a *_ci collation),
 * `=` = equals. Fields the store does not make searchable are ignored.
 */
export function l5Search(customers: readonly SandboxCustomer[], search: string, searchFields: string): readonly SandboxCustomer[] {
  if (search.trim() === '') {
    return customers;
  }
  const conditions = new Map<string, string>();
  for (const part of searchFields.split(';')) {
    const [field, cond] = part.split(':');
    if (field !== undefined && field in L5_FIELDS) {
      conditions.set(field, cond === 'like' ? 'like' : '=');
    }
  }
  const pairs = search.includes(':') ? search.split(';').map((p) => p.split(':')).filter((p): p is [string, string] => p.length === 2 && p[0] !== undefined && p[1] !== undefined) : undefined;
  const wanted = new Map<string, string>();
  for (const field of Object.keys(L5_FIELDS)) {
    const value = pairs === undefined ? search : pairs.find(([f]) => f === field)?.[1];
    if (value !== undefined && (conditions.size === 0 || conditions.has(field))) {
      wanted.set(field, value);
    }
  }
  return customers.filter((c) => [...wanted].some(([field, value]) => {
    const have = L5_FIELDS[field]?.(c);
    if (have === undefined) {
      return false;
    }
    const v = have.digits ? value.replace(/\D/g, '') : fold(value.trim());
    if (v === '') {
      return false;
    }
    return (conditions.get(field) ?? '=') === 'like' ? have.text.includes(v) : have.text === v;
  }));
}

function list(req: ApiRequest, store: StoreData, alias: string): Json {
  const mode = req.searchMode ?? 'q';
  const q = mode === 'q' ? (req.query.get('q') ?? '') : '';
  const l5 = mode === 'search' ? { search: req.query.get('search') ?? '', searchFields: req.query.get('searchFields') ?? '' } : undefined;
  const ctx = { query: req.query, baseUrl: req.baseUrl, numbersAsStrings: store.numbersAsStrings };
  const found = l5 !== undefined ? l5Search(store.customers, l5.search, l5.searchFields) : search(store.customers, q);
  const keep: Record<string, string> = q !== '' ? { q } : l5 !== undefined && l5.search !== '' ? { ...l5 } : {};
  return paginated(ctx, found, `/${alias}/customers`, keep, (c) => c.json);
}

function me(user: SandboxUser, data: ReadonlyMap<string, StoreData>): Json {
  const merchants = user.stores.flatMap((alias) => {
    const info = data.get(alias)?.info;
    return info === undefined ? [] : [{ id: info.id, alias: info.alias, name: info.name, active: info.active, domain: info.domain }];
  });
  return {
    data: {
      id: user.id,
      active: true,
      name: user.name,
      social_name: null,
      email: user.email,
      temporary_email: null,
      is_owner: user.stores.length > 1,
      agree: true,
      merchant_owner: user.stores.length > 1,
      super_user: false,
      last_login_at: '2025-07-15 14:22:10',
      avatar_url: null,
      allow_notifications: true,
      type: 'user',
      created_at: { date: '2021-03-02 09:15:00.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' },
      merchants: { data: merchants },
    },
  };
}
