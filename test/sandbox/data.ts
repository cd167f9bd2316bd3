/**
 * Deterministic, realistic customers for the sandbox stores: same seed, same data, every run.
 * Records use the documented Yampi customer schema (yampi-api.md § 1.4) plus a few unknown fields
 * (`loyalty_points`, `tags`) that clients must keep.
 */
import { EDGE_CASE_IDS, FIRST_REGULAR_ID, REGULAR_CUSTOMERS, SANDBOX_STORES, type SandboxStoreInfo } from './constants';
import { edgeCaseCustomers } from './edgeCases';
import { withOrderCases } from './orderRoutes';
import { buildRelated, type RelatedData } from './relatedData';
import {
  BRANDS, CATEGORIES, CITIES, COMPANY_SUFFIXES, COMPANY_WORDS, EMAIL_DOMAINS, FEMALE_NAMES, MALE_NAMES, NEIGHBORHOODS, STREETS,
  SURNAMES, UTM_SOURCES, anonymize, cnpjFromBase, cpfFromBase, fold, phoneOf, type Json,
} from './vocabulary';


export interface SandboxCustomer {
  readonly id: number;
  /** The record as the API sends it. */
  readonly json: Json;
  /** GET /customers/{id} answers `data: [record]` instead of `data: record`. */
  readonly dataAsArray: boolean;
  /** Folded name, e-mail and company name, for `q`. */
  readonly searchText: string;
  /** CPF, CNPJ and phone digits, for `q` given as digits (with or without punctuation). */
  readonly searchDigits: string;
}

export interface StoreData {
  readonly info: SandboxStoreInfo;
  /** Ascending by id: the list order. */
  readonly customers: readonly SandboxCustomer[];
  readonly byId: ReadonlyMap<number, SandboxCustomer>;
  /** loja-aurora sends pagination numbers as numbers, emporio-serra as numeric strings (money too). */
  readonly numbersAsStrings: boolean;
  /** Orders, addresses and abandoned carts of the customers (issue 11). */
  readonly related: RelatedData;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly rnd: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }
  digits(n: number): number[] {
    return Array.from({ length: n }, () => this.int(0, 9));
  }
  hex(n: number): string {
    return Array.from({ length: n }, () => this.int(0, 15).toString(16)).join('');
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function regularCustomer(g: Gen, id: number, store: SandboxStoreInfo): Json {
  const female = g.chance(0.55);
  const first = g.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const last = `${g.pick(SURNAMES)} ${g.pick(SURNAMES)}`;
  const name = `${first} ${last}`;
  const company = g.chance(0.12);
  const [city, uf, ddd] = g.pick(CITIES);
  const mobile = g.chance(0.8);
  const number = mobile ? `9${g.int(6, 9)}${g.digits(7).join('')}` : `${g.int(2, 5)}${g.digits(7).join('')}`;
  const phone = phoneOf(ddd, number);
  const user = fold(`${first}.${last.split(' ')[1] ?? ''}`).replace(/[^a-z.]/g, '');
  const domain = g.pick(EMAIL_DOMAINS);
  const razao = company ? `${g.pick(SURNAMES)} ${g.pick(COMPANY_WORDS)} ${g.pick(COMPANY_SUFFIXES)}` : null;
  const token = g.hex(32);
  const year = g.int(2023, 2025);
  const orderDate = `${year}-${pad(g.int(1, 12))}-${pad(g.int(1, 28))} ${pad(g.int(8, 22))}:${pad(g.int(0, 59))}:${pad(g.int(0, 59))}`;
  const brands = [g.pick(BRANDS), g.pick(BRANDS)].filter((b, i, all) => all.indexOf(b) === i);
  const categories = [g.pick(CATEGORIES), g.pick(CATEGORIES)].filter((c, i, all) => all.indexOf(c) === i);
  const utm = g.pick(UTM_SOURCES);
  const json: Json = {
    id,
    merchant_id: store.id,
    marketplace_id: null,
    active: !g.chance(0.06),
    type: company ? 'j' : 'f',
    cluster_id: g.chance(0.4) ? g.int(1, 9) : null,
    name,
    first_name: first,
    last_name: last,
    generic_name: razao ?? name,
    cpf: cpfFromBase(g.digits(9)),
    spreadsheet: {
      data: {
        brands: brands.join(', '),
        city,
        purchased_brands: brands[0] ?? '',
        last_order_date: g.chance(0.85)
          ? { date: `${orderDate}.000000`, timezone_type: 3, timezone: 'America/Sao_Paulo' }
          : `${orderDate.replace(' ', 'T')}Z`,
        last_order_value: `${g.int(19, 2400)}.${pad(g.int(0, 99))}`,
        purchased_categories: categories[0] ?? '',
        number: String(g.int(1, 4200)),
        uf,
        phone: phone['formated_number'],
        street: g.pick(STREETS),
        phone_number: number,
        categories: categories.join(', '),
        neighborhood: g.pick(NEIGHBORHOODS),
        complement: g.chance(0.4) ? `Apto ${g.int(1, 40)}${g.int(0, 9)}` : '',
        phone_code: ddd,
      },
    },
    phone,
    razao_social: razao,
    cnpj: company ? cnpjFromBase([...g.digits(8), 0, 0, 0, 1]) : null,
    state_registration: company ? g.digits(10).join('') : null,
    email: company ? `compras${g.int(1, 99)}@${fold(razao ?? '').split(' ')[0] ?? 'empresa'}.example` : `${user}${g.int(1, 999)}@${domain}`,
    birthday: company ? null : `${g.int(1950, 2006)}-${pad(g.int(1, 12))}-${pad(g.int(1, 28))}`,
    newsletter: g.chance(0.5),
    whatsapp: g.chance(0.6),
    social_driver: g.chance(0.15) ? g.pick(['google', 'facebook'] as const) : null,
    social_id: null,
    ip: `203.0.113.${g.int(1, 254)}`,
    token,
    utm_source: utm,
    utm_campaign: utm === null ? null : g.pick(['black-friday-2024', 'natal-2024', 'dia-das-maes', 'frete-gratis']),
    notes: g.chance(0.2) ? g.pick(['Prefere entrega à tarde.', 'Cliente atacado - revenda.', 'Não ligar antes das 9h.']) : null,
    login_url: `https://${store.domain}/auth/login?token=${token}`,
    anonymized: false,
  };
  if (g.chance(0.2)) {
    json['loyalty_points'] = g.int(0, 5000);
    json['tags'] = ['vip'];
  }
  return json;
}

function indexed(json: Json, dataAsArray: boolean): SandboxCustomer {
  const str = (k: string): string => {
    const v = json[k];
    return typeof v === 'string' ? v : '';
  };
  const phone = json['phone'] as Json | null | undefined;
  const full = phone?.['full_number'];
  const phoneDigits = typeof full === 'string' ? full : '';
  return {
    id: json['id'] as number,
    json,
    dataAsArray,
    searchText: fold([str('name'), str('generic_name'), str('razao_social'), str('email')].join('\n')),
    searchDigits: [str('cpf'), str('cnpj'), phoneDigits].join('\n').replace(/[^\d\n]/g, ''),
  };
}

function buildStore(info: SandboxStoreInfo, seed: number, count: number, firstId: number, numbersAsStrings: boolean): StoreData {
  const g = new Gen(seededRandom(seed));
  const customers: SandboxCustomer[] = [];
  let id = firstId;
  for (let i = 0; i < count; i++) {
    let json = regularCustomer(g, id, info);
    if (g.chance(0.03)) {
      json = anonymize(json);
    }
    customers.push(indexed(json, g.chance(0.1)));
    id += g.int(1, 97);
  }
  if (info.alias === SANDBOX_STORES.aurora.alias) {
    for (const json of edgeCaseCustomers(info)) {
      customers.push(indexed(json, json['id'] === EDGE_CASE_IDS.arrayData));
    }
  }
  customers.sort((a, b) => a.id - b.id);
  // Own seed, drawn after the customers: the customer records stay exactly as they were.
  const related = withOrderCases(buildRelated(seededRandom(seed ^ 0x5eed), info, customers.map((c) => c.json), numbersAsStrings), info.alias, firstId);
  return { info, customers, byId: new Map(customers.map((c) => [c.id, c])), numbersAsStrings, related };
}

/** Every store by alias. Built once per process (about 1000 records, a few milliseconds). */
export function buildSandboxData(): ReadonlyMap<string, StoreData> {
  const { aurora, serra, inactive } = SANDBOX_STORES;
  return new Map([
    [aurora.alias, buildStore(aurora, 109111, REGULAR_CUSTOMERS.aurora, FIRST_REGULAR_ID.aurora, false)],
    [serra.alias, buildStore(serra, 204522, REGULAR_CUSTOMERS.serra, FIRST_REGULAR_ID.serra, true)],
    [inactive.alias, buildStore(inactive, 300901, 20, 60100031, false)],
  ]);
}
