/**
 * The one failure vocabulary: every failure the user can meet (each YampiError kind, not signed in,
 * secret storage, the API base URL setting, a store signed out under a request, anything else)
 * becomes, through `describeFailure`, everything a surface says about it: the panel's title, the
 * notification's message, the sentence under a panel or hover title, the short reason of a 360
 * section row, the text a chat tool gives the agent, and the actions that help. No other module
 * words a failure kind (test/unit/failures/guard.test.ts fails when one does). What a thrown value
 * is comes from ./classify.ts. Pure: the host only runs the actions.
 */
import type { FailureReason, YampiErrorKind } from '../api/errors';
import { type Locale, type Message, msg, t } from '../common/strings';
import type { BaseUrlProblem } from '../common/baseUrl';

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
  /** A store named by the caller (a chat tool's "store") that is not connected in VS Code. */
  | { readonly kind: 'unknownStore'; readonly alias: string }
  | { readonly kind: 'unknown'; readonly message: string };

export type FailureAction = 'setCredentials' | 'switchStore' | 'retry' | 'showLog' | 'openApiBaseUrlSetting' | 'keychainHelp';

/** Where a failure is said: each surface gets the words and the actions that fit it. */
export type FailureSurface = 'notification' | 'panel' | 'hover' | 'section' | 'agent';

/** What the failed request was for, so the sentences can name it. */
export interface FailureSubject {
  readonly kind: 'customer' | 'order';
  readonly id: number | string;
  /** How a hover names an order (`Order #1000457`, `Order id 1091234`); a panel names it by id. */
  readonly label?: string | undefined;
}

/** The context of a failure: the surface that says it, what was asked for, how the agent names the store. */
export interface FailureContext {
  readonly surface: FailureSurface;
  readonly subject?: FailureSubject | undefined;
  /** The store as the agent's text names it (`store Loja Aurora (loja-aurora)`), already made plain. */
  readonly storeLabel?: string | undefined;
  /** `signIn`: the failure answered new credentials being checked, so nothing was saved. */
  readonly operation?: 'signIn' | undefined;
}

/** A value placed in a sentence: the surface marks it up (a store alias as code, data isolated). */
export interface PhraseValue {
  readonly role: 'store' | 'id' | 'data';
  readonly value: string | number;
}

/** A sentence whose values stay apart, so HTML, Markdown and plain text each mark them up their way. */
export interface Phrase {
  readonly template: Message;
  readonly values: readonly PhraseValue[];
}

/** Which look a failure has on a surface (its icon and style): the few families a user tells apart. */
export type FailureLook = 'auth' | 'signedOut' | 'forbidden' | 'notFound' | 'rateLimited' | 'other';

export interface DescribedFailure {
  /** A notification, a quick pick or tree line: one sentence that stands alone. */
  readonly message: string;
  /** In the order they should be offered on the context's surface; `retry` only where trying again can help. */
  readonly actions: readonly FailureAction[];
  /** Nothing to show (the user cancelled on purpose). */
  readonly silent: boolean;
}

/** Everything a surface needs to say a failure. */
export interface FailureView extends DescribedFailure {
  readonly look: FailureLook;
  /** The heading of a panel's error state. */
  readonly title: string;
  /** The sentence under the title (panel) or on its own (hover), naming what was asked for. */
  readonly detail: Phrase;
  /** A few words after `Could not load this section:` (a 360 section row). */
  readonly reason: string;
  /** The text a chat tool hands the agent: what happened and what the agent (or the user) can do. */
  readonly agent: string;
}

const described = (message: string, actions: readonly FailureAction[] = [], silent = false): DescribedFailure => ({ message, actions, silent });

const SECRETS = {
  save: msg('VS Code could not use its secret storage, so nothing was saved.'),
  delete: msg('VS Code could not use its secret storage, so the store was not signed out.'),
  read: msg('VS Code could not read the saved credentials from its secret storage.'),
} as const;

const UNKNOWN_STORE = msg('No saved Yampi store is called "{0}".');

const NOTIFICATION: FailureContext = { surface: 'notification' };

/**
 * THE function: a failure and its context become every word and action a surface shows. Without a
 * context it describes a notification.
 */
export function describeFailure(f: Failure, locale: Locale, context: FailureContext = NOTIFICATION): FailureView {
  const base = context.operation === 'signIn' && f.kind === 'api' && f.error.kind === 'auth'
    ? described(t(locale, 'Yampi rejected this User-Token and User-Secret-Key. Nothing was saved.'), ['retry'])
    : notification(f, locale);
  const look = lookOf(f);
  const values = valuesOf(f);
  return {
    ...base,
    actions: surfaceActions(base.actions, context.surface),
    look,
    title: t(locale, titleOf(look, context.subject)),
    detail: detailOf(f, look, base.message, context.subject, values),
    reason: look === 'other' ? (f.kind === 'unknown' ? f.message : base.message) : t(locale, REASON[look]),
    agent: agentText(f, base, context.storeLabel ?? '', values, locale),
  };
}

/** A sentence as plain text (a hover escapes the whole of it). */
export function phraseText(p: Phrase, locale: Locale): string {
  return t(locale, p.template, ...p.values.map((v) => v.value));
}

/**
 * A sentence with its values marked up: the template is translated and passed through `escape`,
 * each value through `mark` (which must escape it).
 */
export function phraseMarkup(p: Phrase, locale: Locale, escape: (s: string) => string, mark: (v: PhraseValue) => string): string {
  return escape(t(locale, p.template)).replace(/\{(\d+)\}/g, (whole, i: string) => {
    const v = p.values[Number(i)];
    return v === undefined ? whole : mark(v);
  });
}

function notification(f: Failure, locale: Locale): DescribedFailure {
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
    case 'unknownStore':
      return described(t(locale, UNKNOWN_STORE, f.alias));
    case 'unknown':
      return described(t(locale, 'Something went wrong: {0}', f.message), ['showLog']);
  }
}

/**
 * The actions a surface offers. A panel always reloads (Retry) and runs only what its webview
 * protocol knows (Set Credentials, Retry, Show Log); a hover links Set Credentials, Show Log and,
 * where trying again helps, the panel (its Retry); a section row always retries; an agent runs nothing.
 */
function surfaceActions(actions: readonly FailureAction[], surface: FailureSurface): readonly FailureAction[] {
  const has = (a: FailureAction): boolean => actions.includes(a);
  switch (surface) {
    case 'notification':
      return actions;
    case 'panel':
    case 'hover': {
      const retry = surface === 'panel' || has('retry') || has('showLog');
      return [...(has('setCredentials') ? ['setCredentials' as const] : []), ...(retry ? ['retry' as const] : []), ...(has('showLog') ? ['showLog' as const] : [])];
    }
    case 'section':
      return ['retry'];
    case 'agent':
      return [];
  }
}

function lookOf(f: Failure): FailureLook {
  if (f.kind === 'notSignedIn') {
    return 'signedOut';
  }
  return f.kind === 'api' ? apiLook(f.error.kind) : 'other';
}

const TITLE: Readonly<Record<Exclude<FailureLook, 'notFound' | 'other'>, Message>> = {
  auth: msg('Credentials rejected'),
  signedOut: msg('No store connected'),
  forbidden: msg('No access to this store'),
  rateLimited: msg('Too many requests'),
};

function titleOf(look: FailureLook, subject: FailureSubject | undefined): Message {
  const order = subject?.kind === 'order';
  switch (look) {
    case 'notFound':
      return order ? msg('Order not found') : msg('Customer not found');
    case 'other':
      return order ? msg('Could not load the order') : msg('Could not reach Yampi');
    case 'auth':
    case 'signedOut':
    case 'forbidden':
    case 'rateLimited':
      return TITLE[look];
  }
}

const REASON: Readonly<Record<Exclude<FailureLook, 'other'>, Message>> = {
  auth: msg('credentials rejected'),
  signedOut: msg('Connect a Yampi store first.'),
  forbidden: msg('no permission for this store'),
  notFound: msg('not found'),
  rateLimited: msg('too many requests, try again in a moment'),
};

interface Values {
  readonly alias: string;
  readonly id?: number | string | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly status?: number | undefined;
}

function valuesOf(f: Failure): Values {
  if (f.kind === 'api') {
    return { alias: f.error.alias ?? '', id: f.error.customerId, retryAfterMs: f.error.retryAfterMs, status: f.error.status };
  }
  return { alias: 'alias' in f ? f.alias : '' };
}

const phrase = (template: Message, ...values: PhraseValue[]): Phrase => ({ template, values });
const store = (alias: string): PhraseValue => ({ role: 'store', value: alias });
const idOf = (id: number | string): PhraseValue => ({ role: 'id', value: id });
const data = (text: string): PhraseValue => ({ role: 'data', value: text });

/** Seconds to wait after a rate limit (at least one), or undefined when Yampi did not say. */
const waitSeconds = (ms: number | undefined): number | undefined => (ms === undefined || ms <= 0 ? undefined : Math.max(1, Math.ceil(ms / 1000)));

function detailOf(f: Failure, look: FailureLook, message: string, subject: FailureSubject | undefined, { alias, retryAfterMs }: Values): Phrase {
  if (f.kind === 'unknownStore') {
    return phrase(UNKNOWN_STORE, store(f.alias));
  }
  const order = subject?.kind === 'order';
  switch (look) {
    case 'auth':
      return phrase(msg('Yampi rejected the credentials saved for store {0}. Set them again to continue.'), store(alias));
    case 'signedOut':
      return subject === undefined
        ? phrase(msg('Connect a Yampi store first.'))
        : order
          ? subject.label === undefined ? phrase(msg('Connect a Yampi store first.')) : phrase(msg('{0}: connect a Yampi store to see this order.'), data(subject.label))
          : phrase(msg('Customer #{0}: connect a Yampi store to see who this is.'), idOf(subject.id));
    case 'forbidden':
      return order
        ? phrase(msg('Store {0} is inactive or these credentials have no permission to read orders.'), store(alias))
        : phrase(msg('Store {0} is inactive or these credentials have no permission to read customers.'), store(alias));
    case 'notFound':
      return subject === undefined
        ? phrase(msg('Store "{0}" was not found.'), store(alias))
        : order
          ? subject.label === undefined ? phrase(msg('Order id {0} was not found in store {1}.'), idOf(subject.id), store(alias)) : phrase(msg('{0} was not found in store {1}.'), data(subject.label), store(alias))
          : phrase(msg('Customer #{0} was not found in store {1}.'), idOf(subject.id), store(alias));
    case 'rateLimited': {
      const wait = waitSeconds(retryAfterMs);
      return wait === undefined ? phrase(msg('Yampi is limiting requests right now. Try again in a moment.')) : phrase(msg('Yampi is limiting requests right now. Try again in {0} seconds.'), idOf(wait));
    }
    case 'other': {
      const why = data(f.kind === 'unknown' ? f.message : message);
      return subject === undefined
        ? phrase(msg('Something went wrong: {0}'), why)
        : order
          ? subject.label === undefined ? phrase(msg('The request for order id {0} failed: {1}'), idOf(subject.id), why) : phrase(msg('{0}: {1}'), data(subject.label), why)
          : phrase(msg('The request for customer #{0} failed: {1}'), idOf(subject.id), why);
    }
  }
}

/** What a chat tool tells the agent: the facts, what to do, and where the details are. */
function agentText(f: Failure, base: DescribedFailure, where: string, v: Values, locale: Locale): string {
  const sentence = agentSentence(f, base, where, v, locale);
  return base.actions.includes('showLog') ? `${sentence} ${t(locale, 'Details are in the extension’s log ("Yampi: Show Log").')}` : sentence;
}

function agentSentence(f: Failure, base: DescribedFailure, where: string, v: Values, locale: Locale): string {
  switch (f.kind) {
    case 'notSignedIn':
      return t(locale, 'No Yampi store is connected in VS Code, so nothing was looked up. Ask the user to run "Yampi: Set Credentials…" (command yampi.setCredentials) with the store’s User-Token and User-Secret-Key, or to set YAMPI_ALIAS, YAMPI_USER_TOKEN and YAMPI_USER_SECRET_KEY in VS Code’s environment. Never ask for the credentials in chat.');
    case 'unknownStore':
      return t(locale, 'Store {0} is not connected in VS Code. Leave "store" out to use the active store, or ask the user to connect it with "Yampi: Set Credentials…".', f.alias);
    case 'unknown':
      return t(locale, 'The lookup in {0} failed: {1}', where, f.message);
    case 'sessionEnded':
    case 'secretStorage':
    case 'baseUrl':
      return base.message;
    case 'api':
      break;
  }
  switch (f.error.kind) {
    case 'cancelled':
      return t(locale, 'Cancelled before Yampi answered; nothing was read.');
    case 'notFound':
      return v.id === undefined ? t(locale, 'The lookup in {0} failed: {1}', where, 'HTTP 404') : t(locale, 'Customer #{0} was not found in {1}. Check the id; it may belong to another store.', v.id, where);
    case 'auth':
      return t(locale, 'Yampi rejected the credentials saved for {0}. Ask the user to set them again with "Yampi: Set Credentials…" (command yampi.setCredentials).', where);
    case 'forbidden':
      return t(locale, 'Store {0} is inactive or its credentials have no permission to read customers.', where);
    case 'rateLimited': {
      const wait = waitSeconds(v.retryAfterMs);
      return wait === undefined
        ? t(locale, 'Yampi is limiting requests to {0} (about 60 a minute). Retry in a minute, not sooner.', where)
        : t(locale, 'Yampi is limiting requests to {0} (about 60 a minute). Retry in {1} seconds, not sooner.', where, wait);
    }
    case 'server':
      return t(locale, 'Yampi answered with a server error (HTTP {0}) for {1}. Retry later.', v.status ?? 500, where);
    // the agent can only retry later; the user sees the exact words (certificate, proxy) elsewhere
    case 'network':
    case 'tls':
    case 'proxy':
      return t(locale, 'Could not reach the Yampi API for {0}. The connection may be down; retry later.', where);
    case 'timeout':
      return t(locale, 'The Yampi API did not answer in time for {0}. Retry later.', where);
    case 'invalidResponse':
      return t(locale, 'The Yampi API sent a response that could not be read for {0}.', where);
    case 'invalidInput':
      return base.message;
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

/**
 * The look of an API failure kind: the four a user tells apart (credentials, access, not found,
 * rate limit) have their own; every other kind is said by its message under one look.
 */
export function apiLook(kind: YampiErrorKind | 'tls' | 'proxy'): FailureLook {
  switch (kind) {
    case 'auth':
    case 'forbidden':
    case 'notFound':
    case 'rateLimited':
      return kind;
    case 'server':
    case 'network':
    case 'timeout':
    case 'tls':
    case 'proxy':
    case 'invalidResponse':
    case 'invalidInput':
    case 'cancelled':
      return 'other';
  }
}
