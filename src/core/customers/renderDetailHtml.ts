/**
 * The detail panel's HTML, as pure functions: the full document (strict CSP, scripts by nonce)
 * and the body the host re-renders on every change (privacy mode, reveal/hide, refresh).
 * Every data value goes through escapeHtml; no inline styles, no inline handlers. Values that are
 * concealed for the given visibility are not in the output at all, only their masks.
 */
import { type YampiErrorKind } from '../api/errors';
import { type CustomerRecord } from './customer';
import {
  type Badge,
  type CustomerView,
  type FieldView,
  type Visibility,
  allFields,
  buildCustomerView,
  isConcealed,
  isRevealable,
} from './fields';
import { type Locale, type Message, msg, t } from '../common/strings';
import { customerSummary } from './summary';
import { actionTitle, apiLook, describeFailure, type Failure, type FailureAction, type FailureLook, type FailureView, phraseMarkup } from '../failures/vocabulary';
import { escapeHtml } from '../webview/escapeHtml';
import { codicon, type WebviewIcon } from '../webview/codicons';
import { MAX_HTML_LENGTH, type PanelState } from '../webview/protocol';
import { ADDRESSES_REVEAL_KEY, renderSectionsShell, type SectionView } from '../related/renderSections';

export type DetailState =
  | { readonly kind: 'loading'; readonly alias: string; readonly id: number }
  | { readonly kind: 'customer'; readonly alias: string; readonly record: CustomerRecord }
  | { readonly kind: 'notFound'; readonly alias: string; readonly id: number }
  | { readonly kind: 'authError'; readonly alias: string; readonly id: number }
  | { readonly kind: 'forbidden'; readonly alias: string; readonly id: number }
  | { readonly kind: 'networkError'; readonly alias: string; readonly id: number; readonly message: string }
  | { readonly kind: 'rateLimited'; readonly alias: string; readonly id: number; readonly retryAfterSeconds?: number };

/** The states that say a failure. */
export type DetailErrorState = Exclude<DetailState, { readonly kind: 'loading' | 'customer' }>;

export interface DetailBodyOptions {
  readonly state: DetailState;
  readonly locale: Locale;
  /** Privacy mode (`yampi.privacy.maskSensitiveData`). */
  readonly privacy: boolean;
  /** Paths the user revealed on purpose in this panel. */
  readonly revealed: ReadonlySet<string>;
  /** Largest body to return (default MAX_HTML_LENGTH, what the webview accepts); past it, the too-large state. */
  readonly maxHtmlLength?: number;
}

export interface DetailDocumentOptions extends DetailBodyOptions {
  /** `webview.cspSource` */
  readonly cspSource: string;
  /** Fresh per document, from crypto.randomBytes (base64/hex). */
  readonly nonce: string;
  /** `webview.asWebviewUri(...)` strings for dist/webview.js, dist/detail.css, dist/codicons/codicon.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
  /**
   * The related-record sections under the record (issue 11), each then replaced on its own by
   * `{type:'section'}` messages. Absent: no sections (error states, older hosts).
   */
  readonly sections?: readonly SectionView[];
}

export function panelStateOf(state: DetailState): PanelState {
  return { alias: state.alias, id: state.kind === 'customer' ? state.record.customer.id : state.id };
}

/**
 * The panel state for a failed request (a YampiError or anything shaped like one). `cancelled`
 * has no state of its own: the host should keep what is shown.
 */
export function errorState(
  alias: string,
  id: number,
  error: { readonly kind: YampiErrorKind; readonly message: string; readonly retryAfterMs?: number | undefined },
): DetailErrorState {
  switch (apiLook(error.kind)) {
    case 'auth':
      return { kind: 'authError', alias, id };
    case 'forbidden':
      return { kind: 'forbidden', alias, id };
    case 'notFound':
      return { kind: 'notFound', alias, id };
    case 'rateLimited':
      return error.retryAfterMs === undefined
        ? { kind: 'rateLimited', alias, id }
        : { kind: 'rateLimited', alias, id, retryAfterSeconds: error.retryAfterMs / 1000 };
    case 'signedOut':
    case 'other':
      return { kind: 'networkError', alias, id, message: error.message };
  }
}

/**
 * Title for the panel tab: `Customer #id`, loaded or not. Never the name: VS Code keeps editor
 * titles on disk to restore tabs (storage `memento/workbench.parts.editor`); the name is shown
 * inside the panel only.
 */
export function panelTitle(state: DetailState, locale: Locale): string {
  return t(locale, 'Customer {0}', `#${panelStateOf(state).id}`);
}

/** A localized sentence whose `{n}` placeholders take ready-made HTML (the template is escaped). */
export function sentence(locale: Locale, key: Message, ...html: readonly string[]): string {
  return escapeHtml(t(locale, key)).replace(/\{(\d+)\}/g, (whole, i: string) => html[Number(i)] ?? whole);
}

const icon = codicon;

export interface ButtonSpec {
  readonly action: string;
  readonly focusKey: string;
  readonly label: string;
  readonly icon: WebviewIcon;
  readonly primary?: boolean;
  readonly title?: string;
}

export function button(b: ButtonSpec): string {
  const title = b.title === undefined ? '' : ` title="${escapeHtml(b.title)}"`;
  return (
    `<button type="button" class="button ${b.primary === true ? 'primary' : 'secondary'}" data-action="${b.action}"` +
    ` data-focus-key="${escapeHtml(b.focusKey)}"${title}>${icon(b.icon)}<span>${escapeHtml(b.label)}</span></button>`
  );
}

function badgeHtml(b: Badge): string {
  return `<li class="badge badge-${b.tone}" data-badge="${b.id}" title="${escapeHtml(b.title)}">${escapeHtml(b.label)}</li>`;
}

function fieldRow(f: FieldView, vis: Visibility, locale: Locale): string {
  const concealed = isConcealed(f, vis);
  const path = escapeHtml(f.path);
  const label = f.documented ? escapeHtml(f.label) : `<code>${escapeHtml(f.label)}</code>`;
  const classes = ['field', f.present ? '' : 'is-empty', concealed ? 'is-concealed' : '', f.sensitivity === 'secret' ? 'is-secret' : '']
    .filter(Boolean)
    .join(' ');
  const secretMark = f.sensitivity === 'secret' ? ` ${icon('key')}` : '';
  const shown = concealed ? f.masked : f.formatted;
  const hint =
    f.sensitivity === 'secret' && concealed ? `<span class="field-hint">${escapeHtml(t(locale, 'Gives access to the customer’s account'))}</span>` : '';
  const warning =
    f.warning === undefined ? '' : `<span class="field-warning">${icon('warning')}<span>${escapeHtml(f.warning)}</span></span>`;
  const actions: string[] = [];
  if (isRevealable(f, vis.privacy)) {
    const pressed = !concealed;
    actions.push(
      `<button type="button" class="icon-button" data-action="${pressed ? 'hide' : 'reveal'}" data-focus-key="reveal:${path}"` +
        ` aria-pressed="${String(pressed)}" aria-label="${escapeHtml(t(locale, 'Reveal {0}', f.label))}"` +
        ` title="${escapeHtml(t(locale, pressed ? msg('Hide {0}') : msg('Reveal {0}'), f.label))}">${icon(pressed ? 'eye-closed' : 'eye')}</button>`,
    );
  }
  const copyLabel = escapeHtml(t(locale, 'Copy {0}', f.label));
  actions.push(
    `<button type="button" class="icon-button" data-action="copy" data-focus-key="copy:${path}" aria-label="${copyLabel}"` +
      ` title="${copyLabel}"${f.present ? '' : ' disabled'}>${icon('copy')}</button>`,
  );
  return (
    `<div class="${classes}" data-field="${path}"><dt class="field-label">${label}${secretMark}</dt>` +
    `<dd class="field-value"><span class="value" dir="auto">${escapeHtml(shown)}</span>${hint}${warning}</dd>` +
    `<dd class="field-actions">${actions.join('')}</dd></div>`
  );
}

function toolbar(view: CustomerView, vis: Visibility, locale: Locale): string {
  const fields = allFields(view);
  const buttons = [
    button({ action: 'refresh', focusKey: 'toolbar:refresh', label: t(locale, 'Refresh'), icon: 'refresh' }),
    button({ action: 'copyJson', focusKey: 'toolbar:copyJson', label: t(locale, 'Copy as JSON'), icon: 'json' }),
  ];
  if (fields.some((f) => f.sensitivity === 'personal' && isConcealed(f, vis))) {
    buttons.push(
      button({
        action: 'revealAll',
        focusKey: 'toolbar:revealAll',
        label: t(locale, 'Reveal all'),
        icon: 'eye',
        title: t(locale, 'Show all masked personal data (credentials stay hidden until revealed one by one)'),
      }),
    );
  }
  if (fields.some((f) => f.present && f.sensitivity !== 'none' && vis.revealed.has(f.path))) {
    buttons.push(
      button({
        action: 'hideAll',
        focusKey: 'toolbar:hideAll',
        label: t(locale, 'Hide all'),
        icon: 'eye-closed',
        title: t(locale, 'Mask personal data and hide credentials again'),
      }),
    );
  }
  if (view.whatsappLink !== undefined) {
    buttons.push(button({ action: 'openWhatsApp', focusKey: 'toolbar:openWhatsApp', label: t(locale, 'Open WhatsApp'), icon: 'link-external' }));
  }
  return `<div class="toolbar" role="group" aria-label="${escapeHtml(t(locale, 'Customer actions'))}">${buttons.join('')}</div>`;
}

function customerBody(alias: string, record: CustomerRecord, vis: Visibility, locale: Locale): string {
  const view = buildCustomerView(record, locale);
  const summary = customerSummary(record, locale, vis.privacy, view);
  const subtitle = [escapeHtml(t(locale, 'Store {0}', alias)), summary.place === undefined ? '' : `<bdi>${escapeHtml(summary.place)}</bdi>`]
    .filter(Boolean)
    .join(' · ');
  const header =
    `<header class="header"><div class="identity">${icon(view.kind === 'pj' ? 'organization' : 'person', ' avatar')}` +
    `<div class="heading"><h1 id="customer-name"><bdi class="customer-name">${escapeHtml(view.name)}</bdi>` +
    ` <span class="customer-id">#${view.id}</span></h1><p class="subtitle">${subtitle}</p></div></div>` +
    `<ul class="badges">${view.badges.map(badgeHtml).join('')}</ul></header>`;
  const note =
    `<p class="privacy-note">${icon(vis.privacy ? 'shield' : 'unlock')}` +
    `<span>${escapeHtml(t(locale, vis.privacy ? msg('Privacy mode is on: personal data is masked. Use the eye buttons to reveal a value on purpose.') : msg('Privacy mode is off: personal data is shown. Credentials stay hidden until revealed.')))}</span></p>`;
  const sections = view.groups.map((g) => {
    const documented = g.fields.filter((f) => f.documented);
    const extra = g.fields.filter((f) => !f.documented);
    const extraHtml =
      extra.length === 0
        ? ''
        : `<h3 class="subgroup" id="group-${g.id}-other">${escapeHtml(t(locale, 'Other fields'))}</h3>` +
          `<dl class="fields" aria-labelledby="group-${g.id}-other">${extra.map((f) => fieldRow(f, vis, locale)).join('')}</dl>`;
    return (
      `<section class="group" data-group="${g.id}" aria-labelledby="group-${g.id}"><h2 id="group-${g.id}">${escapeHtml(g.label)}</h2>` +
      `<dl class="fields">${documented.map((f) => fieldRow(f, vis, locale)).join('')}</dl>${extraHtml}</section>`
    );
  });
  return `${header}${toolbar(view, vis, locale)}${note}<div class="groups">${sections.join('')}</div>`;
}

export function stateBody(
  kind: string,
  iconName: WebviewIcon,
  title: string,
  bodyHtml: string,
  actions: readonly ButtonSpec[],
): string {
  return (
    `<section class="state state-${kind}" role="alert" aria-labelledby="state-title">${icon(iconName, ' state-icon')}` +
    `<h1 id="state-title">${escapeHtml(title)}</h1><p class="state-body">${bodyHtml}</p>` +
    `<div class="state-actions">${actions.map(button).join('')}</div></section>`
  );
}

/**
 * The body (content of `<main id="root">`), for the first document and for `render` messages.
 * Never longer than `maxHtmlLength` (MAX_HTML_LENGTH, what the webview's message guard accepts): a
 * record whose escaped HTML would be larger renders the too-large state instead (Copy as JSON and
 * Retry), so the panel can never stay on "Loading…" because a message was dropped. The host needs
 * no check of its own: it posts what this returns.
 */
export function renderDetailBody(opts: DetailBodyOptions): string {
  const html = renderBody(opts);
  const max = opts.maxHtmlLength ?? MAX_HTML_LENGTH;
  if (html.length <= max) {
    return html;
  }
  const { locale } = opts;
  const id = panelStateOf(opts.state).id;
  return stateBody('too-large', 'warning', t(locale, 'Too large to show'), escapeHtml(t(locale, 'Customer #{0} has more data than this panel can show. Copy as JSON still copies the whole record.', id)), [
    { action: 'copyJson', focusKey: 'state:copyJson', label: t(locale, 'Copy as JSON'), icon: 'json', primary: true },
    { action: 'retry', focusKey: 'state:retry', label: t(locale, 'Retry'), icon: 'refresh' },
  ]);
}

function renderBody(opts: DetailBodyOptions): string {
  const { state, locale } = opts;
  switch (state.kind) {
    case 'customer':
      return customerBody(state.alias, state.record, { privacy: opts.privacy, revealed: opts.revealed }, locale);
    case 'loading':
      return (
        `<section class="state state-loading" aria-busy="true">${icon('loading', ' codicon-modifier-spin state-icon')}` +
        `<p class="state-body" role="status">${escapeHtml(t(locale, 'Loading customer #{0}…', state.id))}</p>` +
        `<div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div></section>`
      );
    case 'notFound':
    case 'authError':
    case 'forbidden':
    case 'networkError':
    case 'rateLimited':
      return failureBody(describeFailure(stateFailure(state), locale, { surface: 'panel', subject: { kind: 'customer', id: state.id } }), locale);
  }
}

/** The failure a panel error state stands for (a networkError carries the host's message of any other failure). */
export function stateFailure(state: DetailErrorState): Failure {
  switch (state.kind) {
    case 'notFound':
      return { kind: 'api', error: { kind: 'notFound', alias: state.alias, customerId: state.id } };
    case 'authError':
      return { kind: 'api', error: { kind: 'auth', alias: state.alias } };
    case 'forbidden':
      return { kind: 'api', error: { kind: 'forbidden', alias: state.alias } };
    case 'rateLimited':
      return { kind: 'api', error: { kind: 'rateLimited', alias: state.alias, retryAfterMs: state.retryAfterSeconds === undefined ? undefined : state.retryAfterSeconds * 1000 } };
    case 'networkError':
      return { kind: 'unknown', message: state.message };
  }
}

const STATE_LOOK: Readonly<Record<FailureLook, readonly [string, WebviewIcon]>> = {
  auth: ['auth', 'key'],
  signedOut: ['auth', 'key'],
  forbidden: ['forbidden', 'lock'],
  notFound: ['not-found', 'search'],
  rateLimited: ['rate-limited', 'watch'],
  other: ['network', 'debug-disconnect'],
};

const ACTION_ICON: Partial<Readonly<Record<FailureAction, WebviewIcon>>> = { setCredentials: 'key', retry: 'refresh', showLog: 'output' };

/** A panel's error state, all of it from the vocabulary: title, sentence (store as code, data isolated) and buttons. */
export function failureBody(view: FailureView, locale: Locale): string {
  const [kind, iconName] = STATE_LOOK[view.look];
  const body = phraseMarkup(view.detail, locale, escapeHtml, (v) =>
    v.role === 'store' ? `<code>${escapeHtml(String(v.value))}</code>` : v.role === 'data' ? `<span dir="auto">${escapeHtml(String(v.value))}</span>` : escapeHtml(String(v.value)));
  const buttons = view.actions.flatMap((a, i): ButtonSpec[] => {
    const ic = ACTION_ICON[a];
    return ic === undefined ? [] : [{ action: a, focusKey: `state:${a}`, label: actionTitle(a, locale), icon: ic, primary: i === 0 }];
  });
  return stateBody(kind, iconName, view.title, body, buttons);
}

export const NONCE = /^[A-Za-z0-9+/_=-]{16,128}$/;
// webview.cspSource may be a list (code-server gives e.g. `'self' https://*.vscode-cdn.net`): each token
// is a quoted keyword or a source without separators, quotes or markup.
const CSP_TOKEN = /^(?:'self'|[^\s;,'"<>]+)$/;
export const isCspSource = (s: string): boolean => s.trim() !== '' && s.trim().split(/\s+/).every((tok) => CSP_TOKEN.test(tok));

/** What differs between our webview documents; the CSP, head, progress bar and announcer are one. */
export interface WebviewDocumentParts {
  readonly cspSource: string;
  readonly nonce: string;
  readonly locale: Locale;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
  readonly title: string;
  /** The `<main id="root">` element's class and data attributes, already escaped. */
  readonly rootAttributes: string;
  readonly bodyHtml: string;
  /** HTML after `<main>` (the customer panel's sections). */
  readonly afterMain?: string;
}

/** A webview's full HTML document (customer and order panels). Throws on a nonce or cspSource that could break the CSP. */
export function renderWebviewDocument(d: WebviewDocumentParts): string {
  if (!NONCE.test(d.nonce)) {
    throw new Error('renderWebviewDocument: the nonce must be 16-128 base64/hex characters');
  }
  if (!isCspSource(d.cspSource)) {
    throw new Error('renderWebviewDocument: invalid cspSource');
  }
  const src = d.cspSource;
  const csp = `default-src 'none'; style-src ${src}; font-src ${src}; img-src ${src} data:; script-src 'nonce-${d.nonce}';`;
  return `<!DOCTYPE html>
<html lang="${d.locale === 'pt-br' ? 'pt-BR' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(d.codiconsUri)}">
<link rel="stylesheet" href="${escapeHtml(d.styleUri)}">
<title>${escapeHtml(d.title)}</title>
</head>
<body>
<div id="progress" class="progress" aria-hidden="true"></div>
<main id="root" ${d.rootAttributes}>${d.bodyHtml}</main>
${d.afterMain ?? ''}<div id="announcer" class="sr-only" role="status" aria-live="polite"></div>
<script nonce="${d.nonce}" src="${escapeHtml(d.scriptUri)}"></script>
</body>
</html>
`;
}

/** The full HTML document of the panel. Throws on a nonce or cspSource that could break the CSP. */
export function renderDetailDocument(opts: DetailDocumentOptions): string {
  const state = panelStateOf(opts.state);
  return renderWebviewDocument({
    ...opts,
    title: panelTitle(opts.state, opts.locale),
    rootAttributes: `class="root" data-alias="${escapeHtml(state.alias)}" data-customer-id="${state.id}"`,
    bodyHtml: renderDetailBody(opts),
    afterMain: `${opts.sections === undefined ? '' : renderSectionsShell(opts.sections, { locale: opts.locale, maskAddresses: opts.privacy && !opts.revealed.has(ADDRESSES_REVEAL_KEY) })}\n`,
  });
}
