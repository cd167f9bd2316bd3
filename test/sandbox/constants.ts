import { xssGroups } from './xssCorpus';

/**
 * Fixed, documented values of the sandbox store. Other tests (unit, integration, e2e, demo) rely
 * on them: change them only together with test/sandbox/README.md.
 */

export interface SandboxStoreInfo {
  readonly id: number;
  readonly alias: string;
  readonly name: string;
  readonly active: boolean;
  readonly domain: string;
}

/** Two active stores with ≥ 500 customers each, and one inactive store (403 on every route). */
export const SANDBOX_STORES = {
  aurora: { id: 109111, alias: 'loja-aurora', name: 'Loja Aurora Cosméticos', active: true, domain: 'www.lojaaurora.example' },
  serra: { id: 204522, alias: 'emporio-serra', name: 'Empório da Serra', active: true, domain: 'emporioserra.example' },
  inactive: { id: 300901, alias: 'loja-inativa', name: 'Loja Inativa', active: false, domain: 'lojainativa.example' },
} as const satisfies Record<string, SandboxStoreInfo>;

export interface SandboxUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly userToken: string;
  readonly userSecretKey: string;
  /** Aliases the credentials reach (as POST /auth/me lists them). */
  readonly stores: readonly string[];
}

/**
 * Credentials the sandbox accepts. Tokens and secrets are distinctive (`ytok_` / `ysk_`) so leak
 * tests can grep logs, settings and error messages for them.
 */
export const SANDBOX_USERS = {
  /** Reaches both active stores and the inactive one. */
  owner: {
    id: 987654,
    name: 'João Silva',
    email: 'joao.silva@sandbox.example',
    userToken: 'ytok_sandbox_owner_4f9c2e7a1b63',
    userSecretKey: 'ysk_sandbox_owner_8d3b6f0e2c9a71',
    stores: [SANDBOX_STORES.aurora.alias, SANDBOX_STORES.serra.alias, SANDBOX_STORES.inactive.alias],
  },
  /** Reaches only emporio-serra (403 on loja-aurora). */
  single: {
    id: 987655,
    name: 'Beatriz Souza',
    email: 'beatriz.souza@sandbox.example',
    userToken: 'ytok_sandbox_single_7a2d9e4c05f1',
    userSecretKey: 'ysk_sandbox_single_1e8f5b3d6a20c4',
    stores: [SANDBOX_STORES.serra.alias],
  },
  /** Keys shaped like real ones (User-Token: 40 letters and digits; sk_ + 37): Keys in source signs in with them from a file. */
  realShape: {
    id: 987656,
    name: 'Carla Mendes',
    email: 'carla.mendes@sandbox.example',
    userToken: 'huG8GP38g4o5MNJAYKJ1UXXFWXLCpaNfhs0gCa05',
    userSecretKey: 'sk_RFRunzqw7wZyVGOeUvfJIssDj4PTTKtb2TxxD',
    stores: [SANDBOX_STORES.aurora.alias],
  },
} as const satisfies Record<string, SandboxUser>;

/** Named customers of loja-aurora (ids look like real 8-digit Yampi ids). */
export const EDGE_CASE_IDS = {
  /** Ordinary active PF customer, every field filled (the shared fixture's Mariana). */
  knownGood: 48213907,
  /** PJ: type "j", razao_social, valid CNPJ and state registration. */
  company: 48216030,
  /** Markup in name and first_name: `<b>`, `<img onerror>`. */
  markupName: 48200101,
  /** `<script>` in notes and utm_campaign, quotes and ampersands. */
  scriptNotes: 48200102,
  /** Arabic name, Hebrew notes, a U+202E right-to-left override. */
  rtl: 48200103,
  /** Emoji (ZWJ sequences, skin tones) and accents. */
  emoji: 48200104,
  /** 300-char name, 5000-char notes, a 400-char unbroken street. */
  longValues: 48200105,
  /** Every nullable field null (name included). */
  nulls: 48200106,
  /** GET /customers/{id} answers `data: [ {...} ]`; its ip is IPv4-mapped IPv6 (`::ffff:203.0.113.45`). */
  arrayData: 48200107,
  /** LGPD-anonymized: anonymized true, personal fields blanked. */
  anonymized: 48200108,
  /** active: false. */
  inactive: 48200109,
  /** CPF whose check digits are wrong (12345678900). */
  invalidCpf: 48200110,
  /** Every string field an empty string. */
  emptyFields: 48200111,
  /**
   * Text that VS Code would turn into UI if it were not escaped: `$(icon)` syntax, bare and `www.`
   * autolinks, Markdown emphasis and a `command:` link, and HTML, in the name, city, e-mail and
   * notes (issue 10, point 4). No orders, addresses or carts (it draws nothing from the seed).
   */
  hostileLabels: 48200112,
} as const;

/**
 * loja-aurora customers carrying the XSS corpus (xssCorpus.ts, issue 10 point 11): customer i has
 * group i of the corpus, joined, in every text field (documents, phones, address, dates, money and
 * unknown fields included), one unknown field whose key is a payload, one address whose strings are
 * the payloads, and no orders. Ids after every ordinary customer, so no other record, address,
 * cart or order number changed when they were added.
 */
export const XSS_CUSTOMER_IDS: readonly number[] = xssGroups().map((_, i) => 48990001 + i);

/**
 * loja-aurora customers whose orders, addresses and carts are fixed (issue 11); every other
 * customer gets 0 to 40 orders, 0 to 4 addresses and 0 to 3 carts from the seed.
 */
export const ORDER_CASE_IDS = {
  /** 32 orders (pages of 10 and 25 end mid-list), 3 addresses, 2 carts. */
  manyOrders: EDGE_CASE_IDS.knownGood,
  /** The PJ customer: 12 orders. */
  company: EDGE_CASE_IDS.company,
  /** 2 orders whose first item name carries markup (`<img onerror>`, `<b>`, quotes). */
  markupItems: EDGE_CASE_IDS.markupName,
  /** No orders, no addresses, no carts: every section's empty state. */
  noRelated: EDGE_CASE_IDS.nulls,
} as const;

/** The hostile name and city of EDGE_CASE_IDS.hostileLabels, for tests that look for them literally. */
export const HOSTILE_LABELS = {
  name: '$(verified-filled) Loja Oficial **bold** [x](command:yampi.signOut) <b>html</b>',
  city: '$(alert) https://evil.example www.evil.example',
} as const;

/** An id no store has. */
export const MISSING_CUSTOMER_ID = 99999999;

/** Ordinary customers per store (edge cases come on top in loja-aurora). */
export const REGULAR_CUSTOMERS = { aurora: 508, serra: 510 } as const;

/** First id of each store's ordinary customers; later ids grow by 1..97. */
export const FIRST_REGULAR_ID = { aurora: 48300017, serra: 51700023 } as const;

/** Documented Yampi defaults the sandbox reproduces. */
export const SANDBOX_RATE_LIMIT = { perMinute: 60, authPerMinute: 10, windowMs: 60_000 } as const;
