/**
 * The hover card over a customer id, as Markdown for a trusted `MarkdownString` (theme icons on,
 * HTML off). Built from `customerSummary`, so it shows exactly what tree tooltips show — name,
 * `#id`, status, masked e-mail and phone, city/UF, last order — and never `token` or `login_url`.
 * Every piece of data is escaped: a customer's name can never become a link, an image, an icon
 * or a command.
 */
import type { YampiErrorKind } from './api/errors';
import { COMMANDS } from './commands/ids';
import type { CustomerRecord } from './model/customer';
import { type Locale, t } from './model/strings';
import { customerSummary } from './model/summary';
import { escapeMarkdown, HOVER_MAX_VALUE } from './model/text';

// escapeMarkdown lives with the other text guards (the status bar and tree use it without the card)
export { escapeMarkdown, HOVER_MAX_VALUE };
import { errorState } from './webview/renderDetailHtml';

/** The commands hover links may run; the host trusts exactly these. */
export const HOVER_COMMANDS = [COMMANDS.openCustomer, COMMANDS.copyCustomerId, COMMANDS.setCredentials, COMMANDS.showLog] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

export type HoverCardInput =
  | { readonly kind: 'customer'; readonly record: CustomerRecord; readonly alias: string; readonly storeName: string }
  | { readonly kind: 'signedOut'; readonly id: number }
  | {
      readonly kind: 'error';
      readonly id: number;
      readonly alias: string;
      readonly error: { readonly kind: YampiErrorKind; readonly message: string; readonly retryAfterMs?: number | undefined };
    };

/** A `command:` URI with JSON arguments, as VS Code's trusted Markdown expects. */
export function commandUri(command: HoverCommand, args: readonly unknown[] = []): string {
  return args.length === 0 ? `command:${command}` : `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function link(label: string, icon: string, command: HoverCommand, args: readonly unknown[], title: string): string {
  // the title goes inside double quotes: drop the characters that would end it
  return `[$(${icon}) ${label}](${commandUri(command, args)} "${title.replace(/["\\]/g, '')}")`;
}

const BR = '  \n';

const setCredentialsLink = (locale: Locale): string => link(t(locale, 'Set Credentials'), 'key', COMMANDS.setCredentials, [], t(locale, 'Set Credentials'));

/** The hover Markdown for one state. `privacy` follows `yampi.privacy.maskSensitiveData`. */
export function hoverCard(input: HoverCardInput, locale: Locale, privacy: boolean): string {
  switch (input.kind) {
    case 'customer': {
      const s = customerSummary(input.record, locale, privacy);
      const id = input.record.customer.id;
      const icon = s.kind === 'pj' ? 'organization' : 'person';
      const head = s.name === s.idText ? `$(${icon}) **${escapeMarkdown(s.idText)}**` : `$(${icon}) **${escapeMarkdown(s.name)}** · \`#${id}\``;
      const details = [s.status + ` · ${t(locale, s.kind === 'pj' ? 'PJ' : 'PF')}`, s.email, s.phone, s.place, s.lastOrder]
        .filter((l): l is string => l !== undefined && l !== '')
        .map((l) => escapeMarkdown(l));
      const actions = [
        link(t(locale, 'Open details'), 'link-external', COMMANDS.openCustomer, [id, input.alias], t(locale, 'Open the detail panel of customer #{0}', id)),
        link(t(locale, 'Copy id'), 'copy', COMMANDS.copyCustomerId, [id], t(locale, 'Copy the customer id #{0}', id)),
      ];
      return `${head}\n\n${details.join(BR)}\n\n${actions.join(' · ')} — *${escapeMarkdown(t(locale, 'Store {0}', input.storeName))}*`;
    }
    case 'signedOut':
      return `$(account) ${escapeMarkdown(t(locale, 'Customer #{0}: connect a Yampi store to see who this is.', input.id), 200)}\n\n${setCredentialsLink(locale)}`;
    case 'error':
      return errorCard(input.id, input.alias, input.error, locale);
  }
}

function errorCard(id: number, alias: string, error: Extract<HoverCardInput, { kind: 'error' }>['error'], locale: Locale): string {
  const text = (v: string): string => escapeMarkdown(v, 300);
  const open = link(t(locale, 'Open details'), 'link-external', COMMANDS.openCustomer, [id, alias], t(locale, 'Open the detail panel of customer #{0}', id));
  // the same mapping of error kinds to states as the detail panel, so both say the same thing
  const state = errorState(alias, id, error);
  switch (state.kind) {
    case 'notFound':
      return `$(search-stop) ${text(t(locale, 'Customer #{0} was not found in store {1}.', id, alias))}`;
    case 'authError':
      return `$(key) ${text(t(locale, 'Yampi rejected the credentials saved for store {0}. Set them again to continue.', alias))}\n\n${setCredentialsLink(locale)}`;
    case 'forbidden':
      return `$(lock) ${text(t(locale, 'Store {0} is inactive or these credentials have no permission to read customers.', alias))}`;
    case 'rateLimited':
      return `$(watch) ${text(
        state.retryAfterSeconds === undefined ? t(locale, 'Yampi is limiting requests right now. Try again in a moment.') : t(locale, 'Yampi is limiting requests right now. Try again in {0} seconds.', Math.ceil(state.retryAfterSeconds)),
      )}\n\n${open}`;
    case 'networkError':
    case 'loading':
    case 'customer':
      return `$(warning) ${text(t(locale, 'The request for customer #{0} failed: {1}', id, error.message))}\n\n${open} · ${link(t(locale, 'Show Log'), 'output', COMMANDS.showLog, [], t(locale, 'Show Log'))}`;
  }
}
