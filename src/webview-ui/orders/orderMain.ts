/**
 * The order panel's browser script. Like the customer panel's, it holds no data of its own: the
 * host renders the body and this script swaps it in, keeps focus, and turns clicks on
 * `[data-action]` buttons into typed messages. Persisted state: {alias, id} of the order only.
 */
import { type FromOrderWebview, isCopyField, isToOrderWebview, type OrderPanelState } from '../../core/orders/orderProtocol';

interface VsCodeApi {
  postMessage(message: FromOrderWebview): void;
  setState(state: OrderPanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function render(html: string, state: OrderPanelState | undefined): void {
  const root = document.getElementById('root');
  if (!root) {
    return;
  }
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-focus-key]')?.dataset['focusKey'] : undefined;
  const scroll = window.scrollY;
  root.innerHTML = html;
  if (state) {
    vscode.setState(state);
  }
  if (focusKey !== undefined) {
    (document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`) ?? document.querySelector<HTMLElement>('#root button:not([disabled])'))?.focus({ preventScroll: true });
  }
  window.scrollTo(0, scroll);
}

function copied(what: string, text: string): void {
  const glyph = document.querySelector(`[data-action="copy"][data-what="${CSS.escape(what)}"] .codicon`);
  glyph?.classList.replace('codicon-copy', 'codicon-check');
  window.setTimeout(() => glyph?.classList.replace('codicon-check', 'codicon-copy'), 1500);
  const announcer = document.getElementById('announcer');
  if (announcer) {
    announcer.textContent = text;
  }
}

function messageFor(target: HTMLElement): FromOrderWebview | undefined {
  const action = target.dataset['action'];
  switch (action) {
    case 'open-customer':
      return { type: 'openCustomer' };
    case 'copy': {
      const what = target.dataset['what'];
      return isCopyField(what) ? { type: 'copy', what } : undefined;
    }
    case 'refresh':
    case 'retry':
    case 'showLog':
    case 'setCredentials':
      return { type: action };
    case undefined:
    default:
      return undefined;
  }
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
  const message = target && !target.disabled ? messageFor(target) : undefined;
  if (message) {
    event.preventDefault();
    vscode.postMessage(message);
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data;
  if (!isToOrderWebview(m)) {
    return;
  }
  switch (m.type) {
    case 'render':
      render(m.html, m.state);
      break;
    case 'busy':
      document.body.classList.toggle('is-busy', m.busy);
      break;
    case 'copied':
      copied(m.what, m.text);
      break;
  }
});

const root = document.getElementById('root');
const id = Number(root?.dataset['orderId']);
if (root?.dataset['alias'] && Number.isSafeInteger(id) && id > 0) {
  vscode.setState({ alias: root.dataset['alias'], id });
}
vscode.postMessage({ type: 'ready' });
