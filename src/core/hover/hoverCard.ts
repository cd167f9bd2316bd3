/**
 * The hover card over a customer id, as Markdown for a trusted `MarkdownString` (theme icons on,
 * HTML off). Built from `customerSummary`, so it shows exactly what tree tooltips show — name,
 * `#id`, status, masked e-mail and phone, city/UF, last order — and never `token` or `login_url`.
 * Every piece of data is escaped: a customer's name can never become a link, an image, an icon
 * or a command.
 */
import type { YampiErrorKind } from '../api/errors';
import { COMMANDS } from '../commands/ids';
import type { CustomerRecord } from '../customers/customer';
import { type Locale, t } from '../common/strings';
import { customerSummary } from '../customers/summary';
import { escapeMarkdown, HOVER_MAX_VALUE } from '../common/text';

// escapeMarkdown lives with the other text guards (the status bar and tree use it without the card)
export { escapeMarkdown, HOVER_MAX_VALUE };
import { reportedFailure } from '../failures/classify';
import { actionTitle, describeFailure, type FailureAction, type FailureLook, type FailureView, phraseText } from '../failures/vocabulary';

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

const setCredentialsLink = (locale: Locale): string => link(actionTitle('setCredentials', locale), 'key', COMMANDS.setCredentials, [], actionTitle('setCredentials', locale));

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
      return failureCard(describeFailure({ kind: 'notSignedIn' }, locale, { surface: 'hover', subject: { kind: 'customer', id: input.id } }), locale, (a) => customerLink(a, input.id, '', locale));
    case 'error':
      return errorCard(input.id, input.alias, input.error, locale);
  }
}

function errorCard(id: number, alias: string, error: Extract<HoverCardInput, { kind: 'error' }>['error'], locale: Locale): string {
  // the panel's error states stand for the same failures, so both say the same thing
  return failureCard(describeFailure(reportedFailure(error, alias), locale, { surface: 'hover', subject: { kind: 'customer', id } }), locale, (a) => customerLink(a, id, alias, locale));
}

function customerLink(a: FailureAction, id: number, alias: string, locale: Locale): string | undefined {
  switch (a) {
    case 'setCredentials':
      return setCredentialsLink(locale);
    case 'retry':
      return link(t(locale, 'Open details'), 'link-external', COMMANDS.openCustomer, [id, alias], t(locale, 'Open the detail panel of customer #{0}', id));
    case 'showLog':
      return link(actionTitle('showLog', locale), 'output', COMMANDS.showLog, [], actionTitle('showLog', locale));
    case 'switchStore':
    case 'openApiBaseUrlSetting':
    case 'keychainHelp':
      return undefined;
  }
}

const CARD_ICON: Readonly<Record<FailureLook, string>> = {
  auth: 'key',
  signedOut: 'account',
  forbidden: 'lock',
  notFound: 'search-stop',
  rateLimited: 'watch',
  other: 'warning',
};

/**
 * A hover card that says a failure, all of it from the vocabulary: the icon of its look, the
 * sentence (escaped whole), then the links of its actions (`link` gives each one, or undefined when
 * this card has none for it; a hover's `retry` opens the panel, which loads again).
 */
export function failureCard(view: FailureView, locale: Locale, link: (a: FailureAction) => string | undefined): string {
  const links = view.actions.map(link).filter((l): l is string => l !== undefined);
  const line = `$(${CARD_ICON[view.look]}) ${escapeMarkdown(phraseText(view.detail, locale), 300)}`;
  return links.length === 0 ? line : `${line}\n\n${links.join(' · ')}`;
}
