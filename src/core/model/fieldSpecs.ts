/**
 * The documented fields of the customer record (yampi-api.md § 1.4), in display order, with their
 * group, labels in both languages (a missing language is a compile error), sensitivity and how
 * their value is rendered. Paths are the API record paths and are part of the public contract
 * (`data-field="<path>"` in the panel).
 */
import { type Locale } from './strings';

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
  readonly label: { readonly [L in Locale]: string };
  readonly sensitivity: Sensitivity;
  readonly kind: ValueKind;
}

type Row = readonly [path: string, en: string, ptBr: string, sensitivity: Sensitivity, kind: ValueKind];

function group(id: GroupId, rows: readonly Row[]): FieldSpec[] {
  return rows.map(([path, en, ptBr, sensitivity, kind]) => ({ path, group: id, label: { en, 'pt-br': ptBr }, sensitivity, kind }));
}

const S = 'spreadsheet.data.';

export const FIELD_SPECS: readonly FieldSpec[] = [
  ...group('identity', [
    ['id', 'Customer id', 'Id do cliente', 'none', 'text'],
    ['type', 'Person type', 'Tipo de pessoa', 'none', 'personType'],
    ['name', 'Name', 'Nome', 'none', 'text'],
    ['first_name', 'First name', 'Primeiro nome', 'none', 'text'],
    ['last_name', 'Last name', 'Sobrenome', 'none', 'text'],
    ['generic_name', 'Generic name', 'Nome genérico', 'none', 'text'],
    ['cpf', 'CPF', 'CPF', 'personal', 'cpf'],
    ['razao_social', 'Legal name', 'Razão social', 'none', 'text'],
    ['cnpj', 'CNPJ', 'CNPJ', 'personal', 'cnpj'],
    ['state_registration', 'State registration', 'Inscrição estadual', 'none', 'text'],
    ['birthday', 'Birthday', 'Data de nascimento', 'personal', 'date'],
    ['notes', 'Notes', 'Observações', 'none', 'text'],
  ]),
  ...group('contact', [
    ['email', 'E-mail', 'E-mail', 'personal', 'email'],
    ['phone.formated_number', 'Phone', 'Telefone', 'personal', 'phone'],
    ['phone.full_number', 'Phone (full number)', 'Telefone (número completo)', 'personal', 'phone'],
    ['phone.area_code', 'Area code', 'DDD', 'none', 'text'],
    ['phone.number', 'Phone (local number)', 'Telefone (número local)', 'personal', 'phone'],
    ['phone.whatsapp_link', 'WhatsApp link', 'Link do WhatsApp', 'personal', 'url'],
    [`${S}phone`, 'Phone (spreadsheet)', 'Telefone (planilha)', 'personal', 'phone'],
    [`${S}phone_code`, 'Area code (spreadsheet)', 'DDD (planilha)', 'none', 'text'],
    [`${S}phone_number`, 'Phone number (spreadsheet)', 'Número (planilha)', 'personal', 'phone'],
  ]),
  ...group('address', [
    [`${S}street`, 'Street', 'Rua', 'personal', 'text'],
    [`${S}number`, 'Number', 'Número', 'personal', 'text'],
    [`${S}complement`, 'Complement', 'Complemento', 'personal', 'text'],
    [`${S}neighborhood`, 'Neighborhood', 'Bairro', 'none', 'text'],
    [`${S}city`, 'City', 'Cidade', 'none', 'text'],
    [`${S}uf`, 'State (UF)', 'Estado (UF)', 'none', 'text'],
  ]),
  ...group('purchases', [
    [`${S}last_order_date`, 'Last order date', 'Data do último pedido', 'none', 'dateTime'],
    [`${S}last_order_value`, 'Last order value', 'Valor do último pedido', 'none', 'money'],
    [`${S}purchased_brands`, 'Purchased brands', 'Marcas compradas', 'none', 'text'],
    [`${S}purchased_categories`, 'Purchased categories', 'Categorias compradas', 'none', 'text'],
    [`${S}brands`, 'Brands', 'Marcas', 'none', 'text'],
    [`${S}categories`, 'Categories', 'Categorias', 'none', 'text'],
  ]),
  ...group('marketing', [
    ['newsletter', 'Newsletter', 'Newsletter', 'none', 'boolean'],
    ['whatsapp', 'WhatsApp opt-in', 'Aceita WhatsApp', 'none', 'boolean'],
    ['utm_source', 'UTM source', 'Origem (UTM source)', 'none', 'text'],
    ['utm_campaign', 'UTM campaign', 'Campanha (UTM campaign)', 'none', 'text'],
    ['cluster_id', 'Cluster id', 'Id do cluster', 'none', 'text'],
  ]),
  ...group('system', [
    ['active', 'Active', 'Ativo', 'none', 'boolean'],
    ['anonymized', 'Anonymized', 'Anonimizado', 'none', 'boolean'],
    ['merchant_id', 'Merchant id', 'Id da loja', 'none', 'text'],
    ['marketplace_id', 'Marketplace id', 'Id do marketplace', 'none', 'text'],
    ['social_driver', 'Social login provider', 'Login social', 'none', 'text'],
    ['social_id', 'Social login id', 'Id do login social', 'personal', 'text'],
    ['ip', 'IP address', 'Endereço IP', 'personal', 'ip'],
    ['token', 'Token', 'Token', 'secret', 'text'],
    ['login_url', 'Login URL', 'URL de login', 'secret', 'url'],
    ['deletion_request.data.pending_confirmation', 'Deletion pending confirmation', 'Exclusão aguardando confirmação', 'none', 'boolean'],
    ['deletion_request.data.scheduled_date', 'Deletion scheduled for', 'Exclusão agendada para', 'none', 'date'],
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
