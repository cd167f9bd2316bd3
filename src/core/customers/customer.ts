/**
 * The Yampi customer record as the API documents it (yampi-api.md § 1.4), decoded at the edge.
 * Every documented field is optional/nullable because the API does not document nullability;
 * unknown fields are kept in `extra` so "Copy as JSON" shows the record as it came.
 */

/** PHP DateTime-style object the API uses for dates, or an ISO string in some examples. */
export interface YampiDate {
  readonly date: string;
  readonly timezone_type?: number | null;
  readonly timezone?: string | null;
}

export interface CustomerSpreadsheet {
  readonly brands?: string | null;
  readonly city?: string | null;
  readonly purchased_brands?: string | null;
  readonly last_order_date?: YampiDate | string | null;
  readonly last_order_value?: string | null;
  readonly purchased_categories?: string | null;
  readonly number?: string | null;
  readonly uf?: string | null;
  readonly phone?: string | null;
  readonly street?: string | null;
  readonly phone_number?: string | null;
  readonly categories?: string | null;
  readonly neighborhood?: string | null;
  readonly complement?: string | null;
  readonly phone_code?: string | null;
}

export interface CustomerPhone {
  readonly area_code?: string | null;
  readonly full_number?: string | null;
  readonly number?: string | null;
  readonly formated_number?: string | null;
  readonly whatsapp_link?: string | null;
}

export interface Customer {
  readonly id: number;
  readonly merchant_id?: number | null;
  readonly marketplace_id?: number | null;
  readonly active?: boolean | null;
  /** "f" (pessoa física) or "j" (pessoa jurídica) in every example seen; undocumented enum. */
  readonly type?: string | null;
  readonly cluster_id?: number | null;
  readonly name?: string | null;
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly generic_name?: string | null;
  readonly cpf?: string | null;
  readonly spreadsheet?: { readonly data?: CustomerSpreadsheet | null } | null;
  readonly phone?: CustomerPhone | null;
  readonly razao_social?: string | null;
  readonly cnpj?: string | null;
  readonly state_registration?: string | null;
  readonly email?: string | null;
  readonly birthday?: string | null;
  readonly newsletter?: boolean | null;
  readonly whatsapp?: boolean | null;
  readonly social_driver?: string | null;
  readonly social_id?: number | string | null;
  readonly ip?: string | null;
  /** Credential of the customer's account: never shown unless revealed on purpose. */
  readonly token?: string | null;
  /** Credential of the customer's account: never shown unless revealed on purpose. */
  readonly login_url?: string | null;
  readonly utm_source?: string | null;
  readonly utm_campaign?: string | null;
  readonly notes?: string | null;
  readonly anonymized?: boolean | null;
  readonly deletion_request?: unknown;
  readonly addresses?: unknown;
}

/** A decoded customer plus the JSON object exactly as received (unknown fields included). */
export interface CustomerRecord {
  readonly customer: Customer;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface Pagination {
  readonly total: number;
  readonly count: number;
  readonly perPage: number;
  readonly currentPage: number;
  readonly totalPages: number;
  readonly next?: string | undefined;
  readonly previous?: string | undefined;
}

export interface CustomerPage {
  readonly items: readonly CustomerRecord[];
  readonly pagination: Pagination;
}

/** A store the credentials reach, from POST /auth/me (`data.merchants.data[]`). */
export interface StoreInfo {
  readonly id?: number | undefined;
  readonly alias: string;
  readonly name: string;
  readonly active: boolean;
  readonly domain?: string | undefined;
}

export interface AuthMe {
  readonly userId?: number | undefined;
  readonly userName?: string | undefined;
  readonly email?: string | undefined;
  readonly stores: readonly StoreInfo[];
  /** Stores left out because their alias breaks the alias rule (core/common/alias.ts): they could never be used. */
  readonly invalidStores: number;
}

export function isCompany(c: Customer): boolean {
  if (c.type === 'j') {
    return true;
  }
  if (c.type === 'f') {
    return false;
  }
  return Boolean(c.cnpj) && !c.cpf;
}

export function displayName(c: Customer): string {
  const candidates = [c.name, c.generic_name, c.razao_social, [c.first_name, c.last_name].filter(Boolean).join(' ')];
  for (const n of candidates) {
    if (typeof n === 'string' && n.trim() !== '') {
      return n.trim();
    }
  }
  return `#${c.id}`;
}
