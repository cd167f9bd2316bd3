/**
 * The one error vocabulary: every failure the user can meet (each YampiError kind, not signed in,
 * secret storage, the API base URL setting, a store signed out under a request, anything else)
 * becomes one localized message and the actions that help. Notifications, the detail panel, the
 * hover and the tree all say it with these words. Pure: the host only runs the actions.
 */
import type { FailureReason, YampiErrorKind } from '../api/errors';
import { type Locale, msg, t } from '../model/strings';
import type { BaseUrlProblem } from '../settings';

export type Failure =
  | {
      readonly kind: 'api';
      readonly error: {
        readonly kind: YampiErrorKind | 'tls' | 'proxy';
        readonly alias?: string | undefined;
        readonly customerId?: number | string | undefined;
        readonly status?: number | undefined;
        readonly retryAfterMs?: number | undefined;
        /** For tls/proxy: the host whose certificate failed, or the proxy. */
        readonly host?: string | undefined;
        /** For tls/proxy: which failure of the kind (untrusted issuer, host name, protocol; unsupported proxy scheme). */
        readonly reason?: FailureReason | undefined;
      };
    }
  | { readonly kind: 'notSignedIn' }
  | { readonly kind: 'sessionEnded'; readonly alias: string }
  | { readonly kind: 'secretStorage'; readonly operation: 'read' | 'save' | 'delete' }
  | { readonly kind: 'baseUrl'; readonly problem: BaseUrlProblem }
  | { readonly kind: 'unknown'; readonly message: string };

export type FailureAction = 'setCredentials' | 'switchStore' | 'retry' | 'showLog' | 'openApiBaseUrlSetting' | 'keychainHelp';

export interface DescribedFailure {
  readonly message: string;
  /** In the order they should be offered; `retry` only where trying again can help. */
  readonly actions: readonly FailureAction[];
  /** Nothing to show (the user cancelled on purpose). */
  readonly silent: boolean;
}

const described = (message: string, actions: readonly FailureAction[] = [], silent = false): DescribedFailure => ({ message, actions, silent });

const SECRETS = {
  save: msg('VS Code could not use its secret storage, so nothing was saved.'),
  delete: msg('VS Code could not use its secret storage, so the store was not signed out.'),
  read: msg('VS Code could not read the saved credentials from its secret storage.'),
} as const;

export function describeFailure(f: Failure, locale: Locale): DescribedFailure {
  switch (f.kind) {
    case 'api':
      return describeApi(f.error, locale);
    case 'notSignedIn':
      return described(t(locale, 'Connect a Yampi store first.'), ['setCredentials']);
    case 'sessionEnded':
      return described(t(locale, 'Signed out of store "{0}": the request was dropped.', f.alias), [], true);
    case 'secretStorage':
      return described(`${t(locale, SECRETS[f.operation])} ${t(locale, 'On Linux, install and unlock a keyring (GNOME Keyring or KWallet); on a remote or headless machine, set YAMPI_ALIAS, YAMPI_USER_TOKEN and YAMPI_USER_SECRET_KEY in the environment instead.')}`, ['keychainHelp', 'showLog']);
    case 'baseUrl':
      return described(t(locale, f.problem === 'insecureHttp' ? msg('The setting yampi.apiBaseUrl uses http:// for a host that is not this machine. Use https:// (http:// is accepted only for 127.0.0.1 and localhost).') : msg('The setting yampi.apiBaseUrl is not a valid https:// URL.')), ['openApiBaseUrlSetting']);
    case 'unknown':
      return described(t(locale, 'Something went wrong: {0}', f.message), ['showLog']);
  }
}

function describeApi(e: Extract<Failure, { kind: 'api' }>['error'], locale: Locale): DescribedFailure {
  const alias = e.alias ?? '';
  switch (e.kind) {
    case 'auth':
      return described(t(locale, 'Yampi rejected the credentials for store "{0}". They change when the account password changes.', alias), ['setCredentials']);
    case 'forbidden':
      return described(t(locale, 'Store "{0}" is inactive or these credentials have no permission for it.', alias), ['switchStore']);
    case 'notFound':
      return described(e.customerId === undefined ? t(locale, 'Store "{0}" was not found.', alias) : t(locale, 'Customer #{0} not found in store "{1}".', String(e.customerId), alias));
    case 'rateLimited':
      return described(
        e.retryAfterMs === undefined ? t(locale, 'Yampi\'s request limit was reached and waiting did not help. Try again in a minute.') : t(locale, 'Yampi is limiting requests right now. Try again in {0} seconds.', Math.max(1, Math.ceil(e.retryAfterMs / 1000))),
        ['retry'],
      );
    case 'server':
      return described(t(locale, 'Yampi answered with a server error (HTTP {0}).', e.status ?? 500), ['retry', 'showLog']);
    case 'network':
      return described(t(locale, 'Could not reach the Yampi API. Check your connection.'), ['retry', 'showLog']);
    case 'timeout':
      return described(t(locale, 'The Yampi API did not answer in time.'), ['retry', 'showLog']);
    case 'invalidResponse':
      return described(t(locale, 'The Yampi API sent a response that could not be read.'), ['retry', 'showLog']);
    case 'invalidInput':
      return described(t(locale, 'Invalid store alias or customer id.'));
    case 'cancelled':
      return described(t(locale, 'Cancelled.'), [], true);
    case 'tls':
      return described(tlsMessage(e.reason, e.host ?? alias, locale), ['showLog']);
    case 'proxy':
      if (e.reason === 'unsupportedScheme') {
        return described(t(locale, 'Unsupported proxy scheme {0} in http.proxy (or HTTPS_PROXY): use an http:// or https:// proxy.', e.host ?? ''), ['showLog']);
      }
      if (e.reason === 'invalidUrl') {
        return described(t(locale, 'The proxy URL in http.proxy (or HTTPS_PROXY) is not valid: use http://host:port.'), ['showLog']);
      }
      return described(t(locale, 'The proxy {0} refused or failed the connection. Check http.proxy and the proxy credentials.', e.host ?? ''), ['retry', 'showLog']);
  }
}

/** A TLS failure, by what failed: the user fixes each one differently. */
function tlsMessage(reason: FailureReason | undefined, host: string, locale: Locale): string {
  switch (reason) {
    case 'hostname':
      return t(locale, 'The certificate presented for {0} is for another host name — a proxy or TLS inspection answering in its place, or the wrong yampi.apiBaseUrl?', host);
    case 'expired':
      return t(locale, 'The certificate of {0} has expired or is not valid yet. Check this machine\'s date and time.', host);
    case 'protocol':
      return t(locale, 'A secure connection with {0} could not be agreed (TLS protocol or version). Is it an https server, and is a proxy or firewall in the way?', host);
    case 'untrusted':
    case 'unsupportedScheme':
    case 'invalidUrl':
    case undefined:
      return t(locale, 'The certificate of {0} is not trusted — corporate proxy or TLS inspection? Add its CA with NODE_EXTRA_CA_CERTS.', host);
  }
}

/** The label of an action button, in the user's language. */
export function actionTitle(a: FailureAction, locale: Locale): string {
  switch (a) {
    case 'setCredentials':
      return t(locale, 'Set Credentials');
    case 'switchStore':
      return t(locale, 'Switch Store');
    case 'retry':
      return t(locale, 'Retry');
    case 'showLog':
      return t(locale, 'Show Log');
    case 'openApiBaseUrlSetting':
      return t(locale, 'Open Settings');
    case 'keychainHelp':
      return t(locale, 'How to Fix');
  }
}
