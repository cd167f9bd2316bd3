import vscode = require('vscode');
import { parseLookupInput } from '../../core/customers/lookupInput';
import type { CustomerRecord } from '../../core/customers/customer';
import { customerSummary } from '../../core/customers/summary';
import type { SearchOutcome } from '../../core/search/search';
import { unfilteredSearchText } from '../../core/search/text';
import { describeError, isCancellation } from '../common/errors';
import { locale } from '../common/locale';
import type { Needs } from '../app/services';
import type { StoreSession } from '../session/storeSession';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'logger' | 'settings'>;

function lookupError(code: string): string {
  switch (code) {
    case 'empty':
      return vscode.l10n.t('Type a customer id, like 123 or #123, or paste a link containing /customers/123.');
    case 'tooLarge':
      return vscode.l10n.t('That number is too large to be a customer id.');
    case 'notPositive':
      return vscode.l10n.t('A customer id is a positive number.');
    default:
      return vscode.l10n.t('Not a customer id: use 123, #123 or a link containing /customers/123.');
  }
}

/**
 * The one way a quick pick ends: the first value wins (accept or hide, whichever comes first),
 * `cleanup` runs, the promise resolves and the quick pick is disposed; later calls do nothing.
 */
function settleOnce<T>(qp: vscode.Disposable, resolve: (v: T) => void, cleanup?: () => void): (v: T) => void {
  let done = false;
  return (v) => {
    if (!done) {
      done = true;
      cleanup?.();
      resolve(v);
      qp.dispose();
    }
  };
}

/** A quick pick that stays open when focus moves and matches descriptions too. */
function createPick<T extends vscode.QuickPickItem>(title: string, placeholder: string): vscode.QuickPick<T> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = title;
  qp.placeholder = placeholder;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  return qp;
}

/**
 * Asks for a customer id: validates as the user types and offers Recent lookups as picks.
 * Resolves undefined when dismissed.
 */
export function askCustomerId(recent: readonly number[]): Promise<number | undefined> {
  type Item = vscode.QuickPickItem & { id?: number };
  const qp = createPick<Item>(vscode.l10n.t('Look up a Yampi customer'), vscode.l10n.t('Customer id: 123, #123 or a link containing /customers/123'));
  const recentItems: Item[] = recent.map((id) => ({ label: `#${id}`, description: vscode.l10n.t('recent'), iconPath: new vscode.ThemeIcon('history'), id }));
  const recentSeparator: Item[] = recentItems.length > 0 ? [{ label: vscode.l10n.t('Recent'), kind: vscode.QuickPickItemKind.Separator }] : [];
  qp.items = [...recentSeparator, ...recentItems];
  return new Promise((resolve) => {
    const finish = settleOnce(qp, resolve);
    qp.onDidChangeValue((value) => {
      if (value.trim() === '') {
        qp.items = [...recentSeparator, ...recentItems];
        return;
      }
      const parsed = parseLookupInput(value);
      if (parsed.ok) {
        qp.items = [{ label: `#${parsed.id}`, description: vscode.l10n.t('Open customer #{0}', parsed.id), alwaysShow: true, iconPath: new vscode.ThemeIcon('search'), id: parsed.id }, ...recentItems.filter((r) => r.id !== parsed.id)];
      } else {
        // QuickPick has no validation message in the 1.96 API: the problem is the first (inert) row.
        qp.items = [{ label: `$(warning) ${lookupError(parsed.error)}`, alwaysShow: true }, ...recentItems.filter((r) => r.label.includes(value.trim()))];
      }
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      if (picked?.id !== undefined) {
        finish(picked.id);
        return;
      }
      const parsed = parseLookupInput(qp.value);
      if (parsed.ok) {
        finish(parsed.id);
      }
    });
    qp.onDidHide(() => { finish(undefined); });
    qp.show();
  });
}

/** Search results as quick-pick rows: our icon (never one from the data), name, `#id` and masked e-mail. */
function resultItems(outcome: SearchOutcome, query: string, privacy: boolean): (vscode.QuickPickItem & { record?: CustomerRecord })[] {
  const records = outcome.items;
  // The store filtered by neither convention: an inert first row says what was looked through.
  const notice = outcome.unfiltered === undefined ? [] : [{ label: `$(warning) ${vscode.l10n.t('Yampi ignored the search filter')}`, detail: unfilteredSearchText(outcome.unfiltered, locale()), alwaysShow: true }];
  if (records.length === 0) {
    return [...notice, { label: vscode.l10n.t('No customer matches “{0}”.', query), alwaysShow: true }];
  }
  return [...notice, ...records.map((record) => {
    const s = customerSummary(record, locale(), privacy);
    return {
      label: s.name,
      iconPath: new vscode.ThemeIcon(s.kind === 'pj' ? 'organization' : 'person'),
      description: s.description,
      detail: [s.status, s.place].filter(Boolean).join(' · '),
      alwaysShow: true,
      record,
    };
  })];
}

/**
 * Live search: debounced, each keystroke cancels the stale request, results show name, `#id` and
 * masked e-mail. Resolves the chosen customer record.
 */
export function searchCustomersInteractive(services: Deps, session: StoreSession): Promise<CustomerRecord | undefined> {
  type Item = vscode.QuickPickItem & { record?: CustomerRecord };
  const qp = createPick<Item>(vscode.l10n.t('Search Yampi customers'), vscode.l10n.t('Name, e-mail, CPF/CNPJ or phone'));
  qp.matchOnDetail = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: vscode.CancellationTokenSource | undefined;

  const run = async (query: string): Promise<void> => {
    current?.cancel();
    const cts = new vscode.CancellationTokenSource();
    current = cts;
    qp.busy = true;
    try {
      const outcome = await session.searchCustomers(query, 25, { token: cts.token });
      if (cts.token.isCancellationRequested) {
        return;
      }
      qp.items = resultItems(outcome, query, services.settings.settings.maskSensitiveData);
      session.setSearchResults(query, outcome);
    } catch (e) {
      if (!isCancellation(e) && !cts.token.isCancellationRequested) {
        services.logger.warn('Search failed', e);
        qp.items = [{ label: describeError(e).message, iconPath: new vscode.ThemeIcon('error'), alwaysShow: true }];
      }
    } finally {
      if (current === cts) {
        qp.busy = false;
      }
      cts.dispose();
    }
  };

  return new Promise((resolve) => {
    const finish = settleOnce(qp, resolve, () => {
      if (timer) {
        clearTimeout(timer);
      }
      current?.cancel();
    });
    qp.onDidChangeValue((value) => {
      if (timer) {
        clearTimeout(timer);
      }
      const q = value.trim();
      if (q.length < 2) {
        current?.cancel();
        qp.busy = false;
        qp.items = [];
        return;
      }
      // 300 ms debounce: typing a name costs one request, not one per key (and stays within 60/min)
      timer = setTimeout(() => { void run(q); }, 300);
    });
    qp.onDidAccept(() => {
      const record = qp.selectedItems[0]?.record ?? qp.activeItems[0]?.record;
      if (record) {
        finish(record);
      }
    });
    qp.onDidHide(() => { finish(undefined); });
    qp.show();
  });
}
