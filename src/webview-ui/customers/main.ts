/**
 * The detail panel's browser script, over the shared page runtime (common/runtime.ts). It holds no
 * customer data of its own: the host renders the body (with only what may be shown) and the
 * sections; this script swaps them in, keeps open <details> and focus where they were, and asks for
 * a lazy section's first page when it is expanded. Persisted state: {alias, id} only.
 */
import { isSectionId, type SectionId } from '../../core/related/sections';
import { FROM_WEBVIEW, isToWebviewMessage } from '../../core/webview/protocol';
import { byFocusKey, focusedKey, keepingPlace, type Page, startPage } from '../common/runtime';

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
  keepingPlace(() => {
    el.innerHTML = html;
    for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
      const was = open.get(d.dataset['key'] ?? '');
      if (was !== undefined) {
        d.open = was;
      }
    }
  }, focusedKey(el), (key) => byFocusKey(key) ?? el.querySelector<HTMLElement>('summary'));
}

/** After Reveal all / Hide all the pressed button is replaced by the other one: focus goes there. */
function revealFallback(key: string): HTMLElement | null {
  return /^toolbar:(revealAll|hideAll)$/.test(key) ? (byFocusKey('toolbar:hideAll') ?? byFocusKey('toolbar:revealAll')) : null;
}

/** The buttons that send a message: `data-action` is the message type. */
const ACTIONS = Object.fromEntries(
  (['loadMore', 'retrySection', 'openOrder', 'copyOrder', 'copy', 'reveal', 'hide', 'copyJson', 'revealAll', 'hideAll', 'refresh', 'retry', 'openWhatsApp', 'setCredentials', 'showLog'] as const)
    .map((a) => [a, a]),
);

const page: Page<typeof FROM_WEBVIEW> = startPage({
  from: FROM_WEBVIEW,
  guard: isToWebviewMessage,
  idAttribute: 'customerId',
  actions: ACTIONS,
  valuesOf: (button) => ({
    field: button.closest<HTMLElement>('[data-field]')?.dataset['field'],
    section: button.dataset['section'],
    orderId: button.dataset['orderId'] === undefined ? undefined : Number(button.dataset['orderId']),
    what: button.dataset['what'],
  }),
  handlers: (p) => ({
    render: (m) => { p.render(m.html, m.state, revealFallback); },
    busy: (m) => { p.busy(m.busy); },
    copied: (m) => { p.copied(rowOf(m.field)?.querySelector('[data-action="copy"]'), m.text); },
    section: (m) => { renderSectionHtml(m.section, m.html); },
  }),
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
      page.post({ type: 'openSection', section });
    }
  },
  true,
);
