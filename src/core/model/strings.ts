/**
 * User-facing strings of the pure core, in both languages. Core cannot use `vscode.l10n`, so it
 * carries its own tables: `ptBr` is typed from `en`, so a missing (or extra) key is a compile error.
 * Placeholders are `{0}`, `{1}`… and are filled by `t()`.
 */

export type Locale = 'en' | 'pt-br';

/** Maps `vscode.env.language` (e.g. `pt-br`, `pt`, `en-us`) to a locale we carry. */
export function toLocale(language: string | undefined): Locale {
  return language !== undefined && /^pt(?:[-_]|$)/i.test(language.trim()) ? 'pt-br' : 'en';
}

const en = {
  'group.identity': 'Identity',
  'group.contact': 'Contact',
  'group.address': 'Address',
  'group.purchases': 'Purchases',
  'group.marketing': 'Marketing',
  'group.system': 'System',
  'group.other': 'Other fields',

  'badge.active': 'Active',
  'badge.inactive': 'Inactive',
  'badge.pf': 'PF',
  'badge.pj': 'PJ',
  'badge.pf.title': 'Person (pessoa física)',
  'badge.pj.title': 'Company (pessoa jurídica)',
  'badge.anonymized': 'Anonymized',
  'badge.newsletter': 'Newsletter',
  'badge.whatsapp': 'WhatsApp opt-in',
  'badge.invalidDocument': 'Invalid document',

  'value.yes': 'Yes',
  'value.no': 'No',
  'value.empty': 'Not set',
  'value.hidden': 'Hidden',
  'value.type.f': 'Person (PF)',
  'value.type.j': 'Company (PJ)',

  'warning.invalidCpf': 'Invalid CPF check digits',
  'warning.invalidCnpj': 'Invalid CNPJ check digits',

  'summary.lastOrder': 'Last order: {0}',
  'summary.lastOrderValue': 'Last order: {0} · {1}',

  'panel.actions': 'Customer actions',
  'panel.refresh': 'Refresh',
  'panel.copyJson': 'Copy as JSON',
  'panel.revealAll': 'Reveal all',
  'panel.revealAll.title': 'Show all masked personal data (credentials stay hidden until revealed one by one)',
  'panel.hideAll': 'Hide all',
  'panel.hideAll.title': 'Mask personal data and hide credentials again',
  'panel.openWhatsApp': 'Open WhatsApp',
  'panel.copy': 'Copy {0}',
  'panel.reveal': 'Reveal {0}',
  'panel.hide': 'Hide {0}',
  'panel.privacyOn': 'Privacy mode is on: personal data is masked. Use the eye buttons to reveal a value on purpose.',
  'panel.privacyOff': 'Privacy mode is off: personal data is shown. Credentials stay hidden until revealed.',
  'panel.secretHint': 'Gives access to the customer\u2019s account',
  'panel.store': 'Store {0}',
  'panel.copied': '{0} copied',
  'panel.title': 'Customer {0}',

  'state.loading': 'Loading customer #{0}\u2026',
  'state.notFound.title': 'Customer not found',
  'state.notFound.body': 'Customer #{0} was not found in store {1}.',
  'state.auth.title': 'Credentials rejected',
  'state.auth.body': 'Yampi rejected the credentials saved for store {0}. Set them again to continue.',
  'state.forbidden.title': 'No access to this store',
  'state.forbidden.body': 'Store {0} is inactive or these credentials have no permission to read customers.',
  'state.network.title': 'Could not reach Yampi',
  'state.network.body': 'The request for customer #{0} failed: {1}',
  'state.rateLimited.title': 'Too many requests',
  'state.rateLimited.body': 'Yampi is limiting requests right now. Try again in a moment.',
  'state.rateLimited.bodySeconds': 'Yampi is limiting requests right now. Try again in {0} seconds.',
  'state.tooLarge.title': 'Too large to show',
  'state.tooLarge.body': 'Customer #{0} has more data than this panel can show. Copy as JSON still copies the whole record.',
  'state.retry': 'Retry',
  'state.setCredentials': 'Set Credentials',
  'state.showLog': 'Show Log',

  'hover.open': 'Open details',
  'hover.open.title': 'Open the detail panel of customer #{0}',
  'hover.copyId': 'Copy id',
  'hover.copyId.title': 'Copy the customer id #{0}',
  'hover.signedOut': 'Customer #{0}: connect a Yampi store to see who this is.',
  'hover.link': 'Open Yampi customer #{0}',

  'lookup.empty': 'Type a customer id, #id or a URL containing /customers/<id>.',
  'lookup.notANumber': 'Not a customer id: use digits, #123 or a URL containing /customers/123.',
  'lookup.notPositive': 'A customer id is a positive number.',
  'lookup.tooLarge': 'That number is too large to be a customer id.',
} as const;

export type StringKey = keyof typeof en;

const ptBr: { readonly [K in StringKey]: string } = {
  'group.identity': 'Identificação',
  'group.contact': 'Contato',
  'group.address': 'Endereço',
  'group.purchases': 'Compras',
  'group.marketing': 'Marketing',
  'group.system': 'Sistema',
  'group.other': 'Outros campos',

  'badge.active': 'Ativo',
  'badge.inactive': 'Inativo',
  'badge.pf': 'PF',
  'badge.pj': 'PJ',
  'badge.pf.title': 'Pessoa física',
  'badge.pj.title': 'Pessoa jurídica',
  'badge.anonymized': 'Anonimizado',
  'badge.newsletter': 'Newsletter',
  'badge.whatsapp': 'Aceita WhatsApp',
  'badge.invalidDocument': 'Documento inválido',

  'value.yes': 'Sim',
  'value.no': 'Não',
  'value.empty': 'Não informado',
  'value.hidden': 'Oculto',
  'value.type.f': 'Pessoa física (PF)',
  'value.type.j': 'Pessoa jurídica (PJ)',

  'warning.invalidCpf': 'Dígitos verificadores do CPF inválidos',
  'warning.invalidCnpj': 'Dígitos verificadores do CNPJ inválidos',

  'summary.lastOrder': 'Último pedido: {0}',
  'summary.lastOrderValue': 'Último pedido: {0} · {1}',

  'panel.actions': 'Ações do cliente',
  'panel.refresh': 'Atualizar',
  'panel.copyJson': 'Copiar como JSON',
  'panel.revealAll': 'Mostrar tudo',
  'panel.revealAll.title': 'Mostrar todos os dados pessoais mascarados (credenciais continuam ocultas até serem mostradas uma a uma)',
  'panel.hideAll': 'Ocultar tudo',
  'panel.hideAll.title': 'Mascarar os dados pessoais e ocultar as credenciais de novo',
  'panel.openWhatsApp': 'Abrir WhatsApp',
  'panel.copy': 'Copiar {0}',
  'panel.reveal': 'Mostrar {0}',
  'panel.hide': 'Ocultar {0}',
  'panel.privacyOn': 'Modo de privacidade ativo: dados pessoais mascarados. Use os botões de olho para mostrar um valor de propósito.',
  'panel.privacyOff': 'Modo de privacidade desativado: dados pessoais visíveis. Credenciais continuam ocultas até serem mostradas.',
  'panel.secretHint': 'Dá acesso à conta do cliente',
  'panel.store': 'Loja {0}',
  'panel.copied': '{0} copiado',
  'panel.title': 'Cliente {0}',

  'state.loading': 'Carregando o cliente #{0}\u2026',
  'state.notFound.title': 'Cliente não encontrado',
  'state.notFound.body': 'O cliente #{0} não foi encontrado na loja {1}.',
  'state.auth.title': 'Credenciais recusadas',
  'state.auth.body': 'A Yampi recusou as credenciais salvas para a loja {0}. Informe-as de novo para continuar.',
  'state.forbidden.title': 'Sem acesso a esta loja',
  'state.forbidden.body': 'A loja {0} está inativa ou estas credenciais não têm permissão para ler clientes.',
  'state.network.title': 'Não foi possível acessar a Yampi',
  'state.network.body': 'A requisição do cliente #{0} falhou: {1}',
  'state.rateLimited.title': 'Requisições demais',
  'state.rateLimited.body': 'A Yampi está limitando as requisições agora. Tente de novo em instantes.',
  'state.rateLimited.bodySeconds': 'A Yampi está limitando as requisições agora. Tente de novo em {0} segundos.',
  'state.tooLarge.title': 'Grande demais para exibir',
  'state.tooLarge.body': 'O cliente #{0} tem mais dados do que este painel consegue exibir. Copiar como JSON continua copiando o registro inteiro.',
  'state.retry': 'Tentar de novo',
  'state.setCredentials': 'Definir credenciais',
  'state.showLog': 'Mostrar log',

  'hover.open': 'Abrir detalhes',
  'hover.open.title': 'Abrir o painel de detalhes do cliente #{0}',
  'hover.copyId': 'Copiar id',
  'hover.copyId.title': 'Copiar o id do cliente #{0}',
  'hover.signedOut': 'Cliente #{0}: conecte uma loja Yampi para ver quem é.',
  'hover.link': 'Abrir o cliente Yampi #{0}',

  'lookup.empty': 'Digite o id do cliente, #id ou uma URL com /customers/<id>.',
  'lookup.notANumber': 'Não é um id de cliente: use dígitos, #123 ou uma URL com /customers/123.',
  'lookup.notPositive': 'O id do cliente é um número positivo.',
  'lookup.tooLarge': 'Esse número é grande demais para ser um id de cliente.',
};

const tables: { readonly [L in Locale]: { readonly [K in StringKey]: string } } = { en, 'pt-br': ptBr };

/** Looks up a string and fills `{0}`, `{1}`… with the arguments (as plain text; escape at the sink). */
export function t(locale: Locale, key: StringKey, ...args: readonly (string | number)[]): string {
  return tables[locale][key].replace(/\{(\d+)\}/g, (whole, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? whole : String(arg);
  });
}
