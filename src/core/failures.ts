/**
 * The one error vocabulary: every failure the user can meet (each YampiError kind, not signed in,
 * secret storage, the API base URL setting, a store signed out under a request, anything else)
 * becomes one localized message and the actions that help. Notifications, the detail panel, the
 * hover and the tree all say it with these words. Pure: the host only runs the actions.
 */
import type { YampiErrorKind } from './api/errors';
import { type Locale, t } from './model/strings';
import type { BaseUrlProblem } from './settings';

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

export function describeFailure(f: Failure, locale: Locale): DescribedFailure {
  switch (f.kind) {
    case 'api':
      return describeApi(f.error, locale);
    case 'notSignedIn':
      return described(t(locale, 'failure.notSignedIn'), ['setCredentials']);
    case 'sessionEnded':
      return described(t(locale, 'failure.sessionEnded', f.alias), [], true);
    case 'secretStorage':
      return described(`${t(locale, `failure.secrets.${f.operation}`)} ${t(locale, 'failure.secrets.fix')}`, ['keychainHelp', 'showLog']);
    case 'baseUrl':
      return described(t(locale, f.problem === 'insecureHttp' ? 'failure.baseUrl.insecureHttp' : 'failure.baseUrl.invalid'), ['openApiBaseUrlSetting']);
    case 'unknown':
      return described(t(locale, 'failure.unknown', f.message), ['showLog']);
  }
}

function describeApi(e: Extract<Failure, { kind: 'api' }>['error'], locale: Locale): DescribedFailure {
  const alias = e.alias ?? '';
  switch (e.kind) {
    case 'auth':
      return described(t(locale, 'failure.auth', alias), ['setCredentials']);
    case 'forbidden':
      return described(t(locale, 'failure.forbidden', alias), ['switchStore']);
    case 'notFound':
      return described(e.customerId === undefined ? t(locale, 'failure.storeNotFound', alias) : t(locale, 'failure.customerNotFound', String(e.customerId), alias));
    case 'rateLimited':
      return described(
        e.retryAfterMs === undefined ? t(locale, 'failure.rateLimited') : t(locale, 'state.rateLimited.bodySeconds', Math.max(1, Math.ceil(e.retryAfterMs / 1000))),
        ['retry'],
      );
    case 'server':
      return described(t(locale, 'failure.server', e.status ?? 500), ['retry', 'showLog']);
    case 'network':
      return described(t(locale, 'failure.network'), ['retry', 'showLog']);
    case 'timeout':
      return described(t(locale, 'failure.timeout'), ['retry', 'showLog']);
    case 'invalidResponse':
      return described(t(locale, 'failure.invalidResponse'), ['retry', 'showLog']);
    case 'invalidInput':
      return described(t(locale, 'failure.invalidInput'));
    case 'cancelled':
      return described(t(locale, 'failure.cancelled'), [], true);
    case 'tls':
      return described(t(locale, 'failure.tls', e.host ?? alias), ['showLog']);
    case 'proxy':
      return described(t(locale, 'failure.proxy', e.host ?? ''), ['retry', 'showLog']);
  }
}

/** The label of an action button, in the user's language. */
export function actionTitle(a: FailureAction, locale: Locale): string {
  switch (a) {
    case 'setCredentials':
      return t(locale, 'action.setCredentials');
    case 'switchStore':
      return t(locale, 'action.switchStore');
    case 'retry':
      return t(locale, 'action.retry');
    case 'showLog':
      return t(locale, 'action.showLog');
    case 'openApiBaseUrlSetting':
      return t(locale, 'action.openSettings');
    case 'keychainHelp':
      return t(locale, 'action.keychainHelp');
  }
}
