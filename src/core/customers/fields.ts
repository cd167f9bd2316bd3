/**
 * THE presentation model of a customer: what tree, detail panel and hover show. Surfaces never
 * format or mask on their own; they ask this module what a field looks like for a given
 * visibility (privacy mode + the set of paths revealed on purpose).
 */
import { type Customer, type CustomerRecord, type YampiDate, displayName, isCompany } from './customer';
import { checkDocument } from './documents';
import { FIELD_SPECS, GROUP_IDS, type FieldSpec, type GroupId, type Sensitivity, guessSensitivity } from './fieldSpecs';
import { formatDate, formatDateTime, formatMoney, formatPhone } from '../common/format';
import { maskBirthday, maskCnpj, maskCpf, maskDigitsInUrl, maskEmail, maskIp, maskPhone, maskText } from '../common/mask';
import { type Locale, type Message, msg, t } from '../common/strings';
import { truncate } from '../common/text';

export { type GroupId, type Sensitivity } from './fieldSpecs';

export interface FieldView {
  /** The API record path, e.g. `phone.formated_number`; the `data-field` of the panel row. */
  readonly path: string;
  readonly group: GroupId;
  readonly label: string;
  readonly sensitivity: Sensitivity;
  /** False for fields the documentation does not list ("Other fields", labelled by their path). */
  readonly documented: boolean;
  /** False when the value is missing, null or blank; then `formatted`/`masked` say "Not set". */
  readonly present: boolean;
  /** What Copy puts on the clipboard: the value as the API sent it (objects as JSON). */
  readonly copyText: string;
  /** Full display value. */
  readonly formatted: string;
  /** Display value while concealed: a mask for personal data, "Hidden" for secrets. */
  readonly masked: string;
  /** Localized warning, e.g. invalid CPF check digits (flagged, never hidden). */
  readonly warning?: string;
}

export interface GroupView {
  readonly id: GroupId;
  readonly label: string;
  readonly fields: readonly FieldView[];
}

export type BadgeId = 'active' | 'inactive' | 'pf' | 'pj' | 'anonymized' | 'newsletter' | 'whatsapp' | 'invalidDocument';

export interface Badge {
  readonly id: BadgeId;
  readonly label: string;
  readonly title: string;
  readonly tone: 'success' | 'warning' | 'neutral' | 'info';
}

export interface CustomerView {
  readonly id: number;
  readonly name: string;
  readonly kind: 'pf' | 'pj';
  readonly locale: Locale;
  readonly badges: readonly Badge[];
  readonly groups: readonly GroupView[];
  /**
   * `https://api.whatsapp.com/send?phone=<digits>`, built from the customer's phone digits when the
   * record has a WhatsApp link (the link itself is never used: it could point anywhere).
   */
  readonly whatsappLink: string | undefined;
  /** The host whatsappLink opens, for the confirmation ("This leaves VS Code and opens {0}"). */
  readonly whatsappHost: string | undefined;
}

/** What may be shown: privacy mode, and the paths the user revealed on purpose. */
export interface Visibility {
  readonly privacy: boolean;
  readonly revealed: ReadonlySet<string>;
}

const MAX_EXTRA_FIELDS = 200;
/** Longest value (and name) any view shows; longer ones end in `…`. `copyText` stays whole. */
export const MAX_VIEW_VALUE = 1_000;
/** Longest label of an undocumented field (its path). */
export const MAX_VIEW_LABEL = 200;

/** A display value: bidi controls made visible, cut to MAX_VIEW_VALUE (work bounded by `max`, not the text). */
function shown(text: string, max = MAX_VIEW_VALUE): string {
  return truncate(visibleBidiControls(truncate(text, max)), max);
}
const MAX_EXTRA_DEPTH = 6;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getPath(source: unknown, path: string): unknown {
  let cur: unknown = source;
  for (const key of path.split('.')) {
    if (!isPlainObject(cur) || !Object.hasOwn(cur, key)) {
      return undefined;
    }
    cur = cur[key];
  }
  return cur;
}

function isPresent(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

function isYampiDate(v: unknown): v is YampiDate {
  return isPlainObject(v) && typeof v['date'] === 'string';
}

function toCopyText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return String(v);
  }
  if (isYampiDate(v)) {
    return v.date;
  }
  return JSON.stringify(v);
}

interface Rendered {
  readonly formatted: string;
  readonly masked?: string;
  readonly warning?: string;
}

function renderValue(spec: FieldSpec, v: unknown, text: string, locale: Locale): Rendered {
  const yesNo = (b: boolean): string => t(locale, b ? msg('Yes') : msg('No'));
  switch (spec.kind) {
    case 'boolean':
      return { formatted: typeof v === 'boolean' ? yesNo(v) : text };
    case 'personType':
      return { formatted: text === 'f' ? t(locale, 'Person (PF)') : text === 'j' ? t(locale, 'Company (PJ)') : text };
    case 'cpf':
    case 'cnpj': {
      const doc = checkDocument(text, spec.kind);
      const masked = spec.kind === 'cpf' ? maskCpf(text) : maskCnpj(text);
      const warningKey: Message = spec.kind === 'cpf' ? msg('Invalid CPF check digits') : msg('Invalid CNPJ check digits');
      return doc.valid ? { formatted: doc.formatted, masked } : { formatted: doc.formatted, masked, warning: t(locale, warningKey) };
    }
    case 'email':
      return { formatted: text, masked: maskEmail(text) };
    case 'phone':
      return { formatted: formatPhone(text), masked: maskPhone(text) };
    case 'url':
      return { formatted: text, masked: maskDigitsInUrl(text) };
    case 'date':
      return { formatted: formatDate(isYampiDate(v) ? v : text, locale), masked: maskBirthday(isYampiDate(v) ? v.date : text) };
    case 'dateTime':
      return { formatted: formatDateTime(isYampiDate(v) ? v : text, locale) };
    case 'money':
      return { formatted: typeof v === 'number' || typeof v === 'string' ? formatMoney(v, locale) : text };
    case 'ip':
      return { formatted: text, masked: maskIp(text) };
    case 'text':
      return { formatted: typeof v === 'boolean' ? yesNo(v) : text };
  }
}

function fieldView(spec: FieldSpec, v: unknown, locale: Locale, documented: boolean, label: string): FieldView {
  // one object literal per view, no spreads: a customer has ~60 fields and a list shows hundreds of
  // customers (spreading a base object made this function the hot spot of building a view)
  const { path, group, sensitivity } = spec;
  if (!isPresent(v)) {
    const empty = t(locale, 'Not set');
    return { path, group, label, sensitivity, documented, present: false, copyText: '', formatted: empty, masked: empty };
  }
  const copyText = toCopyText(v);
  const r = renderValue(spec, v, copyText, locale);
  const masked = sensitivity === 'secret' ? t(locale, 'Hidden') : sensitivity === 'personal' ? (r.masked ?? maskText(r.formatted)) : r.formatted;
  const formatted = shown(r.formatted);
  const concealed = shown(masked);
  return r.warning === undefined
    ? { path, group, label, sensitivity, documented, present: true, copyText, formatted, masked: concealed }
    : { path, group, label, sensitivity, documented, present: true, copyText, formatted, masked: concealed, warning: r.warning };
}

/** The documented paths, and the objects that hold them (`phone` for `phone.full_number`): made once. */
let documentedPaths: { readonly known: ReadonlySet<string>; readonly containers: ReadonlySet<string> } | undefined;

/** Leaves of the record that no documented path covers, flattened to dotted paths. */
function extraLeaves(raw: Readonly<Record<string, unknown>>): { path: string; value: unknown }[] {
  documentedPaths ??= {
    known: new Set(FIELD_SPECS.map((s) => s.path)),
    containers: new Set(FIELD_SPECS.flatMap((s) => s.path.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.')))),
  };
  const { known, containers } = documentedPaths;
  const out: { path: string; value: unknown }[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_EXTRA_FIELDS || known.has(path)) {
      return;
    }
    const entries = isPlainObject(value) ? Object.entries(value) : Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : [];
    const canDescend = depth < MAX_EXTRA_DEPTH && entries.length > 0 && (isPlainObject(value) || Array.isArray(value));
    if (path !== '' && (!canDescend || (isYampiDate(value) && !containers.has(path)))) {
      out.push({ path, value });
      return;
    }
    for (const [k, v] of entries) {
      walk(v, path === '' ? k : `${path}.${k}`, depth + 1);
    }
  };
  walk(raw, '', 0);
  return out;
}

/** Explicit bidi embeddings, overrides and isolates (not the LRM/RLM/ALM marks real RTL text uses). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes bidi control characters visible (`\u202E`) so data cannot reorder what is displayed
 * (`exe.png` spoofing); used for display values and labels only, never for what is copied.
 */
export function visibleBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const BADGE_LABEL: Readonly<Record<BadgeId, Message>> = {
  active: msg('Active'), inactive: msg('Inactive'), pf: msg('PF'), pj: msg('PJ'), anonymized: msg('Anonymized'),
  newsletter: msg('Newsletter'), whatsapp: msg('WhatsApp opt-in'), invalidDocument: msg('Invalid document'),
};

const GROUP_LABEL: Readonly<Record<GroupId, Message>> = {
  identity: msg('Identity'), contact: msg('Contact'), address: msg('Address'), purchases: msg('Purchases'),
  marketing: msg('Marketing'), system: msg('System'),
};

function badgesOf(c: Customer, company: boolean, invalidDocument: boolean, locale: Locale): Badge[] {
  const b = (id: BadgeId, tone: Badge['tone'], title?: Message): Badge => ({
    id,
    label: t(locale, BADGE_LABEL[id]),
    title: t(locale, title ?? BADGE_LABEL[id]),
    tone,
  });
  const badges = [c.active === false ? b('inactive', 'warning') : b('active', 'success'), company ? b('pj', 'neutral', msg('Company (pessoa jurídica)')) : b('pf', 'neutral', msg('Person (pessoa física)'))];
  if (c.anonymized === true) {
    badges.push(b('anonymized', 'warning'));
  }
  if (c.newsletter === true) {
    badges.push(b('newsletter', 'info'));
  }
  if (c.whatsapp === true) {
    badges.push(b('whatsapp', 'info'));
  }
  if (invalidDocument) {
    badges.push(b('invalidDocument', 'warning'));
  }
  return badges;
}

/** The only host the WhatsApp action opens. */
export const WHATSAPP_HOST = 'api.whatsapp.com';

/**
 * International digits of a phone: a Brazilian number (10–11 digits, or 12–13 starting with 55)
 * gets the country code 55; a number written with `+` keeps its own (8–15 digits, E.164).
 */
function whatsappDigits(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 40) {
    return undefined;
  }
  const d = value.replace(/\D/g, '');
  const brazilian = (d.length === 12 || d.length === 13) && d.startsWith('55');
  if (/^\s*\+/.test(value)) {
    return brazilian || (!d.startsWith('55') && d.length >= 8 && d.length <= 15) ? d : undefined;
  }
  if (d.length === 10 || d.length === 11) {
    return `55${d}`;
  }
  return brazilian ? d : undefined;
}

/** `https://api.whatsapp.com/send?phone=<digits>` from the first usable phone of the record. */
function whatsappLinkFor(c: Customer): string | undefined {
  const p = c.phone;
  const sheet = c.spreadsheet?.data;
  const candidates = [
    p?.full_number,
    p?.area_code && p.number ? `${p.area_code}${p.number}` : undefined,
    p?.formated_number,
    sheet?.phone,
    sheet?.phone_code && sheet.phone_number ? `${sheet.phone_code}${sheet.phone_number}` : undefined,
  ];
  for (const candidate of candidates) {
    const digits = whatsappDigits(candidate);
    if (digits !== undefined) {
      return `https://${WHATSAPP_HOST}/send?phone=${digits}`;
    }
  }
  return undefined;
}

/** Builds the view of one customer record in one language. */
export function buildCustomerView(record: CustomerRecord, locale: Locale): CustomerView {
  const { customer, raw } = record;
  const read = (path: string): unknown => {
    const fromRaw = getPath(raw, path);
    return fromRaw === undefined ? getPath(customer, path) : fromRaw;
  };
  const fields: FieldView[] = FIELD_SPECS.map((spec) => fieldView(spec, read(spec.path), locale, true, t(locale, spec.label)));
  for (const { path, value } of extraLeaves(raw)) {
    const spec: FieldSpec = {
      path,
      group: path.startsWith('addresses.') || path === 'addresses' ? 'address' : 'system',
      label: path, // not shown: unknown fields show their path (data) as is, never translated
      sensitivity: guessSensitivity(path),
      kind: 'text',
    };
    fields.push(fieldView(spec, value, locale, false, shown(path, MAX_VIEW_LABEL)));
  }
  const groups = GROUP_IDS.map((id) => ({ id, label: t(locale, GROUP_LABEL[id]), fields: fields.filter((f) => f.group === id) }));
  const invalidDocument = fields.some((f) => f.documented && (f.path === 'cpf' || f.path === 'cnpj') && f.warning !== undefined);
  const link = customer.phone?.whatsapp_link ?? getPath(raw, 'phone.whatsapp_link');
  const whatsappLink = typeof link === 'string' && link.trim() !== '' ? whatsappLinkFor(customer) : undefined;
  return {
    id: customer.id,
    name: shown(displayName(customer)),
    kind: isCompany(customer) ? 'pj' : 'pf',
    locale,
    badges: badgesOf(customer, isCompany(customer), invalidDocument, locale),
    groups,
    whatsappLink,
    whatsappHost: whatsappLink === undefined ? undefined : WHATSAPP_HOST,
  };
}

export function allFields(view: CustomerView): FieldView[] {
  return view.groups.flatMap((g) => g.fields);
}

export function findField(view: CustomerView, path: string): FieldView | undefined {
  return allFields(view).find((f) => f.path === path);
}

/** True when the field must show `masked` instead of `formatted`. Absent values have nothing to hide. */
export function isConcealed(field: FieldView, vis: Visibility): boolean {
  if (!field.present || vis.revealed.has(field.path)) {
    return false;
  }
  return field.sensitivity === 'secret' || (field.sensitivity === 'personal' && vis.privacy);
}

/** The one value a surface may display for a field under the given visibility. */
export function shownValue(field: FieldView, vis: Visibility): string {
  return isConcealed(field, vis) ? field.masked : field.formatted;
}

/** Whether the field has a reveal toggle at all under this privacy setting. */
export function isRevealable(field: FieldView, privacy: boolean): boolean {
  return field.present && (field.sensitivity === 'secret' || (field.sensitivity === 'personal' && privacy));
}

/** Paths "Reveal all" reveals: personal data only; credentials are revealed one at a time. */
export function revealAllPaths(view: CustomerView): string[] {
  return allFields(view)
    .filter((f) => f.present && f.sensitivity === 'personal')
    .map((f) => f.path);
}

/** Tree leaf text `Label: value` under the given visibility. */
export function fieldLeafText(field: FieldView, vis: Visibility): string {
  return `${field.label}: ${shownValue(field, vis)}`;
}

/** The notification after a copy: names the field, never the value. */
export function copyConfirmation(field: FieldView, locale: Locale): string {
  return t(locale, '{0} copied', field.label);
}

/**
 * "Copy as JSON": the record as received (unknown fields included), pretty-printed; secrets
 * (`token`, `login_url`, secret-looking unknown keys) replaced by "[hidden]" unless revealed.
 */
export function customerJson(record: CustomerRecord, revealed: ReadonlySet<string>): string {
  const secretPaths = new Set(FIELD_SPECS.filter((s) => s.sensitivity === 'secret').map((s) => s.path));
  const scrub = (value: unknown, path: string): unknown => {
    if (path !== '' && !revealed.has(path) && (secretPaths.has(path) || guessSensitivity(path) === 'secret') && isPresent(value)) {
      return '[hidden]';
    }
    if (Array.isArray(value)) {
      return value.map((v, i) => scrub(v, path === '' ? String(i) : `${path}.${String(i)}`));
    }
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, path === '' ? k : `${path}.${k}`)]));
    }
    return value;
  };
  const source = Object.keys(record.raw).length > 0 ? record.raw : record.customer;
  return JSON.stringify(scrub(source, ''), null, 2);
}
