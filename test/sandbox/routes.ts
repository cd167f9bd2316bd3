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
  /** Fault `ignoreOrderNumberFilters`: the order-number conventions ignored (orderRoutes.ts). */
  readonly ignoreOrderNumberFilters?: readonly ('number[]' | 'search' | 'q')[];
}

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
    const id = /^\d+$/.test(m[2]) ? Number(m[2]) : Number.NaN;
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

function list(req: ApiRequest, store: StoreData, alias: string): Json {
  const q = req.query.get('q') ?? '';
  const ctx = { query: req.query, baseUrl: req.baseUrl, numbersAsStrings: store.numbersAsStrings };
  return paginated(ctx, search(store.customers, q), `/${alias}/customers`, q === '' ? {} : { q }, (c) => c.json);
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
