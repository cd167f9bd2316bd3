/**
 * The detail panel's browser script. It holds no customer data of its own: the host renders the
 * body (with only what may be shown) and this script swaps it in, keeps focus where it was, and
 * turns clicks on `[data-action]` buttons into typed messages. Persisted state: {alias, id} only.
 */
import { isSectionId, type SectionId } from '../core/related/sections';
import { type FromWebviewMessage, type PanelState, isToWebviewMessage } from '../core/webview/protocol';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const COPIED_MS = 1500;

function root(): HTMLElement | null {
  return document.getElementById('root');
}

function persistFromRoot(): void {
  const el = root();
  const alias = el?.dataset['alias'];
  const id = Number(el?.dataset['customerId']);
  if (alias !== undefined && alias !== '' && Number.isSafeInteger(id) && id > 0) {
    vscode.setState({ alias, id });
  }
}

function byFocusKey(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
}

function rowOf(path: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#root [data-field="${CSS.escape(path)}"], #related [data-field="${CSS.escape(path)}"]`);
}

function sectionEl(section: SectionId): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#related [data-section="${section}"]`);
}

/**
 * Replaces one section's content. Open/closed <details> (the section's and each order's) stay as
 * the user left them, and focus goes back to the control that had it (or to the section heading
 * when that control is gone, e.g. Load more on the last page).
 */
function renderSectionHtml(section: SectionId, html: string): void {
  const el = sectionEl(section);
  if (!el) {
    return;
  }
  const open = new Map<string, boolean>();
  for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    open.set(d.dataset['key'] ?? '', d.open);
  }
  const active = document.activeElement instanceof HTMLElement && el.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = active?.closest<HTMLElement>('[data-focus-key]')?.dataset['focusKey'];
  const scroll = window.scrollY;
  el.innerHTML = html;
  for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    const was = open.get(d.dataset['key'] ?? '');
    if (was !== undefined) {
      d.open = was;
    }
  }
  if (focusKey !== undefined) {
    (byFocusKey(focusKey) ?? el.querySelector<HTMLElement>('summary'))?.focus({ preventScroll: true });
  }
  window.scrollTo(0, scroll);
}

/** Replaces the body and puts focus back on the control that had it (by its stable key). */
function render(html: string, state: PanelState | undefined): void {
  const el = root();
  if (!el) {
    return;
  }
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusKey = active?.closest<HTMLElement>('[data-focus-key]')?.dataset['focusKey'];
  const scroll = window.scrollY;
  el.innerHTML = html;
  if (state) {
    el.dataset['alias'] = state.alias;
    el.dataset['customerId'] = String(state.id);
    vscode.setState(state);
  }
  if (focusKey !== undefined) {
    const reveal = /^toolbar:(revealAll|hideAll)$/.test(focusKey);
    const target = byFocusKey(focusKey) ?? (reveal ? (byFocusKey('toolbar:hideAll') ?? byFocusKey('toolbar:revealAll')) : null);
    (target ?? document.querySelector<HTMLElement>('#root button:not([disabled])'))?.focus({ preventScroll: true });
  }
  window.scrollTo(0, scroll);
}

function announce(text: string): void {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    window.setTimeout(() => {
      el.textContent = text;
    }, 50);
  }
}

function showCopied(path: string, text: string): void {
  const btn = rowOf(path)?.querySelector<HTMLElement>('[data-action="copy"]');
  const glyph = btn?.querySelector('.codicon');
  if (btn && glyph) {
    btn.classList.add('is-copied');
    glyph.classList.replace('codicon-copy', 'codicon-check');
    window.setTimeout(() => {
      btn.classList.remove('is-copied');
      glyph.classList.replace('codicon-check', 'codicon-copy');
    }, COPIED_MS);
  }
  announce(text);
}

function messageFor(action: string, field: string | undefined, target: HTMLElement): FromWebviewMessage | undefined {
  switch (action) {
    case 'loadMore':
    case 'retrySection': {
      const section = target.dataset['section'];
      return isSectionId(section) ? { type: action, section } : undefined;
    }
    case 'openOrder': {
      const orderId = Number(target.dataset['orderId']);
      return Number.isSafeInteger(orderId) && orderId > 0 ? { type: 'openOrder', orderId } : undefined;
    }
    case 'copyOrder': {
      const orderId = Number(target.dataset['orderId']);
      const what = target.dataset['what'];
      return Number.isSafeInteger(orderId) && orderId > 0 && (what === 'number' || what === 'id') ? { type: 'copyOrder', orderId, what } : undefined;
    }
    case 'copy':
    case 'reveal':
    case 'hide':
      return field === undefined ? undefined : { type: action, field };
    case 'copyJson':
    case 'revealAll':
    case 'hideAll':
    case 'refresh':
    case 'retry':
    case 'openWhatsApp':
    case 'setCredentials':
    case 'showLog':
      return { type: action };
    default:
      return undefined;
  }
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
  if (!target || target.disabled) {
    return;
  }
  const action = target.dataset['action'] ?? '';
  const field = target.closest<HTMLElement>('[data-field]')?.dataset['field'];
  const message = messageFor(action, field, target);
  if (message) {
    event.preventDefault();
    vscode.postMessage(message);
  }
});

// `toggle` does not bubble: listen in the capture phase. A lazy section asks for its data the first time it opens.
document.addEventListener(
  'toggle',
  (event) => {
    const d = event.target;
    if (!(d instanceof HTMLDetailsElement) || !d.open || d.dataset['lazy'] !== 'idle') {
      return;
    }
    const section = d.closest<HTMLElement>('[data-section]')?.dataset['section'];
    if (isSectionId(section)) {
      delete d.dataset['lazy'];
      vscode.postMessage({ type: 'openSection', section });
    }
  },
  true,
);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebviewMessage(message)) {
    return;
  }
  switch (message.type) {
    case 'render':
      render(message.html, message.state);
      break;
    case 'busy':
      document.body.classList.toggle('is-busy', message.busy);
      root()?.setAttribute('aria-busy', String(message.busy));
      break;
    case 'copied':
      showCopied(message.field, message.text);
      break;
    case 'section':
      renderSectionHtml(message.section, message.html);
      break;
  }
});

persistFromRoot();
vscode.postMessage({ type: 'ready' });
