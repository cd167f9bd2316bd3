/**
 * The one small runtime of our webview pages (customer panel, order panel). A page holds no data of
 * its own: the host renders the body and this runtime swaps it in (keeping focus and scroll),
 * persists only {alias, id}, ticks copy buttons and announces what the host copied, shows
 * busy, turns clicks on `button[data-action]` into messages built from the page's message table
 * (Retry and the error states' buttons included), and hands each checked host message to its
 * handler. No `vscode`, no Node: browser only.
 */
import { dispatch, type Handlers, messageFrom, type MessageOf, type MessageTable } from '../../core/webview/messageTable';
import type { PANEL_FROM_WEBVIEW, PanelState } from '../../core/webview/protocol';

interface VsCodeApi<From> {
  postMessage(message: From): void;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi<unknown>;

const COPIED_MS = 1500;

/** What a page tells the runtime. */
export interface PageSpec<From extends MessageTable, To extends MessageTable> {
  /** What the page may send. */
  readonly from: From;
  /** What the host sends, with the check each message passes first. */
  readonly guard: (v: unknown) => v is MessageOf<To>;
  /** One handler per host message type. */
  readonly handlers: (page: Page<From>) => Handlers<To>;
  /** `data-action` of the buttons the page turns into messages → message type (clicks on other actions do nothing). */
  readonly actions: Readonly<Record<string, keyof From & string>>;
  /** The values a clicked button carries (its data attributes); only those the message type declares are sent. */
  readonly valuesOf: (button: HTMLElement) => Readonly<Record<string, unknown>>;
  /** The `#root` data attribute that holds the record id (`customerId`, `orderId`). */
  readonly idAttribute: string;
}

export function root(): HTMLElement | null {
  return document.getElementById('root');
}

export function byFocusKey(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
}

/** The focus key of the control that has focus (within `inside`, when given). */
export function focusedKey(inside?: HTMLElement): string | undefined {
  const active = document.activeElement instanceof HTMLElement && (inside === undefined || inside.contains(document.activeElement)) ? document.activeElement : null;
  return active?.closest<HTMLElement>('[data-focus-key]')?.dataset['focusKey'];
}

/** Runs `change` (a swap of HTML) and keeps the page where the user was: scroll, and focus through `refocus`. */
export function keepingPlace(change: () => void, focusKey: string | undefined, refocus: (key: string) => HTMLElement | null | undefined): void {
  const scroll = window.scrollY;
  change();
  if (focusKey !== undefined) {
    refocus(focusKey)?.focus({ preventScroll: true });
  }
  window.scrollTo(0, scroll);
}

/** Says `text` to screen readers (the announcer is a polite live region). */
export function announce(text: string): void {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    window.setTimeout(() => {
      el.textContent = text;
    }, 50);
  }
}

/** A page connected to the host. */
export class Page<From extends MessageTable> {
  private readonly vscode = acquireVsCodeApi() as VsCodeApi<MessageOf<From>>;

  constructor(private readonly idAttribute: string) {}

  post(message: MessageOf<From>): void {
    this.vscode.postMessage(message);
  }

  /** Persists {alias, id} (the only state a page keeps) and marks #root with it. */
  persist(state: PanelState): void {
    const el = root();
    if (el) {
      el.dataset['alias'] = state.alias;
      el.dataset[this.idAttribute] = String(state.id);
    }
    this.vscode.setState(state);
  }

  /** Persists what the document was written with (#root's data attributes). */
  persistFromRoot(): void {
    const el = root();
    const alias = el?.dataset['alias'];
    const id = Number(el?.dataset[this.idAttribute]);
    if (alias !== undefined && alias !== '' && Number.isSafeInteger(id) && id > 0) {
      this.vscode.setState({ alias, id });
    }
  }

  /**
   * Replaces the body and puts focus back on the control that had it (by its stable key; else
   * `fallback(key)`, else the first enabled button).
   */
  render(html: string, state: PanelState | undefined, fallback: (key: string) => HTMLElement | null = () => null): void {
    const el = root();
    if (!el) {
      return;
    }
    keepingPlace(() => {
      el.innerHTML = html;
      if (state) {
        this.persist(state);
      }
    }, focusedKey(), (key) => byFocusKey(key) ?? fallback(key) ?? document.querySelector<HTMLElement>('#root button:not([disabled])'));
  }

  /** A request is running: progress without dropping the content. */
  busy(busy: boolean): void {
    document.body.classList.toggle('is-busy', busy);
    root()?.setAttribute('aria-busy', String(busy));
  }

  /** The host copied: tick the copy button for a moment and announce `text` (it names the field, never the value). */
  copied(button: Element | null | undefined, text: string): void {
    const glyph = button?.querySelector('.codicon');
    if (button && glyph) {
      button.classList.add('is-copied');
      glyph.classList.replace('codicon-copy', 'codicon-check');
      window.setTimeout(() => {
        button.classList.remove('is-copied');
        glyph.classList.replace('codicon-check', 'codicon-copy');
      }, COPIED_MS);
    }
    announce(text);
  }
}

/** Starts a page: click wiring, host messages, persisted state, then `ready` (the host answers with the content). */
export function startPage<From extends MessageTable & typeof PANEL_FROM_WEBVIEW, To extends MessageTable>(spec: PageSpec<From, To>): Page<From> {
  const page = new Page<From>(spec.idAttribute);
  const handlers = spec.handlers(page);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
    const action = button && !button.disabled ? (button.dataset['action'] ?? '') : '';
    const type = Object.prototype.hasOwnProperty.call(spec.actions, action) ? spec.actions[action] : undefined;
    const message = button && type !== undefined ? messageFrom(spec.from, type, spec.valuesOf(button)) : undefined;
    if (message) {
      event.preventDefault();
      page.post(message);
    }
  });
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (spec.guard(event.data)) {
      void dispatch(handlers, event.data);
    }
  });
  page.persistFromRoot();
  page.post({ type: 'ready' } as MessageOf<From>);
  return page;
}
