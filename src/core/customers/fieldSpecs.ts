/**
 * The documented fields of the customer record (yampi-api.md § 1.4), in display order, with their
 * group, label (a catalogue message: the localization test fails on an untranslated one), sensitivity and how
 * their value is rendered. Paths are the API record paths and are part of the public contract
 * (`data-field="<path>"` in the panel).
 */
import { type Message, msg } from '../common/strings';

export type GroupId = 'identity' | 'contact' | 'address' | 'purchases' | 'marketing' | 'system';

export const GROUP_IDS: readonly GroupId[] = ['identity', 'contact', 'address', 'purchases', 'marketing', 'system'];

/**
 * none: shown as is. personal: masked while privacy mode is on, revealable. secret: credentials of
 * the customer's account, hidden until revealed on purpose, never in hovers/tooltips/notifications/logs.
 */
export type Sensitivity = 'none' | 'personal' | 'secret';

export type ValueKind =
  | 'text'
  | 'boolean'
  | 'personType'
  | 'cpf'
  | 'cnpj'
  | 'email'
  | 'phone'
  | 'url'
  | 'date'
  | 'dateTime'
  | 'money'
  | 'ip';

export interface FieldSpec {
  readonly path: string;
  readonly group: GroupId;
  /** English catalogue message; shown through t(locale, label). */
  readonly label: Message;
  readonly sensitivity: Sensitivity;
  readonly kind: ValueKind;
}

type Row = readonly [path: string, label: Message, sensitivity: Sensitivity, kind: ValueKind];

function group(id: GroupId, rows: readonly Row[]): FieldSpec[] {
  return rows.map(([path, label, sensitivity, kind]) => ({ path, group: id, label, sensitivity, kind }));
}

const S = 'spreadsheet.data.';

export const FIELD_SPECS: readonly FieldSpec[] = [
  ...group('identity', [
    ['id', msg('Customer id'), 'none', 'text'],
    ['type', msg('Person type'), 'none', 'personType'],
    ['name', msg('Name'), 'none', 'text'],
    ['first_name', msg('First name'), 'none', 'text'],
    ['last_name', msg('Last name'), 'none', 'text'],
    ['generic_name', msg('Generic name'), 'none', 'text'],
    ['cpf', msg('CPF'), 'personal', 'cpf'],
    ['razao_social', msg('Legal name'), 'none', 'text'],
    ['cnpj', msg('CNPJ'), 'personal', 'cnpj'],
    ['state_registration', msg('State registration'), 'none', 'text'],
    ['birthday', msg('Birthday'), 'personal', 'date'],
    ['notes', msg('Notes'), 'none', 'text'],
  ]),
  ...group('contact', [
    ['email', msg('E-mail'), 'personal', 'email'],
    ['phone.formated_number', msg('Phone'), 'personal', 'phone'],
    ['phone.full_number', msg('Phone (full number)'), 'personal', 'phone'],
    ['phone.area_code', msg('Area code'), 'none', 'text'],
    ['phone.number', msg('Phone (local number)'), 'personal', 'phone'],
    ['phone.whatsapp_link', msg('WhatsApp link'), 'personal', 'url'],
    [`${S}phone`, msg('Phone (spreadsheet)'), 'personal', 'phone'],
    [`${S}phone_code`, msg('Area code (spreadsheet)'), 'none', 'text'],
    [`${S}phone_number`, msg('Phone number (spreadsheet)'), 'personal', 'phone'],
  ]),
  ...group('address', [
    [`${S}street`, msg('Street'), 'personal', 'text'],
    [`${S}number`, msg('Number'), 'personal', 'text'],
    [`${S}complement`, msg('Complement'), 'personal', 'text'],
    [`${S}neighborhood`, msg('Neighborhood'), 'none', 'text'],
    [`${S}city`, msg('City'), 'none', 'text'],
    [`${S}uf`, msg('State (UF)'), 'none', 'text'],
  ]),
  ...group('purchases', [
    [`${S}last_order_date`, msg('Last order date'), 'none', 'dateTime'],
    [`${S}last_order_value`, msg('Last order value'), 'none', 'money'],
    [`${S}purchased_brands`, msg('Purchased brands'), 'none', 'text'],
    [`${S}purchased_categories`, msg('Purchased categories'), 'none', 'text'],
    [`${S}brands`, msg('Brands'), 'none', 'text'],
    [`${S}categories`, msg('Categories'), 'none', 'text'],
  ]),
  ...group('marketing', [
    ['newsletter', msg('Newsletter'), 'none', 'boolean'],
    ['whatsapp', msg('WhatsApp opt-in'), 'none', 'boolean'],
    ['utm_source', msg('UTM source'), 'none', 'text'],
    ['utm_campaign', msg('UTM campaign'), 'none', 'text'],
    ['cluster_id', msg('Cluster id'), 'none', 'text'],
  ]),
  ...group('system', [
    ['active', msg('Active'), 'none', 'boolean'],
    ['anonymized', msg('Anonymized'), 'none', 'boolean'],
    ['merchant_id', msg('Merchant id'), 'none', 'text'],
    ['marketplace_id', msg('Marketplace id'), 'none', 'text'],
    ['social_driver', msg('Social login provider'), 'none', 'text'],
    ['social_id', msg('Social login id'), 'personal', 'text'],
    ['ip', msg('IP address'), 'personal', 'ip'],
    ['token', msg('Token'), 'secret', 'text'],
    ['login_url', msg('Login URL'), 'secret', 'url'],
    ['deletion_request.data.pending_confirmation', msg('Deletion pending confirmation'), 'none', 'boolean'],
    ['deletion_request.data.scheduled_date', msg('Deletion scheduled for'), 'none', 'date'],
  ]),
];

const SECRET_KEY = /(token|secret|password|passwd|login_url|api_?key|authorization)/i;
const PERSONAL_KEY =
  /(cpf|cnpj|\brg\b|e-?mail|phone|telefone|celular|mobile|whatsapp|birth|nascimento|(^|_)ip($|_)|street|rua|address|endereco|zip|cep|receiver|complement|document|name|number)/i;

/**
 * Sensitivity of a field the documentation does not list, from its path: secret-looking keys are
 * secrets, anything under `addresses` or with a personal-looking key is personal.
 */
export function guessSensitivity(path: string): Sensitivity {
  if (SECRET_KEY.test(path)) {
    return 'secret';
  }
  return path.startsWith('addresses.') || path === 'addresses' || PERSONAL_KEY.test(path) ? 'personal' : 'none';
}
