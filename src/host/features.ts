import * as vscode from 'vscode';
import { parseLookupInput } from '../core/lookupInput';
import type { CustomerRecord } from '../core/model/customer';
import { buildCustomerView, copyConfirmation, customerJson, findField } from '../core/model/fields';
import { toLocale } from '../core/model/strings';
import { CustomerService } from './customerService';
import { CustomerRefIndex, registerHovers } from './hover';
import { askCustomerId, searchCustomersInteractive } from './lookup';
import { DetailPanels } from './panel/detailPanels';
import type { Services } from './services';
import { isNode } from './tree/nodes';
import { CustomerTreeProvider } from './tree/customerTreeProvider';

type Handler = (...args: unknown[]) => Promise<unknown>;

export interface CustomerFeatures extends vscode.Disposable {
  readonly commands: Readonly<Record<string, Handler>>;
  readonly tree: CustomerTreeProvider;
  readonly panels: DetailPanels;
}

function idOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) {
    return v;
  }
  if (typeof v === 'string') {
    const parsed = parseLookupInput(v);
    return parsed.ok ? parsed.id : undefined;
  }
  if (isNode(v) && 'id' in v) {
    return v.id;
  }
  return undefined;
}

/** Lookup, search, tree, detail panel, copy, pin, privacy: the customer views of product.md. */
export function registerCustomerFeatures(services: Services): CustomerFeatures {
  const customers = new CustomerService(services);
  const tree = new CustomerTreeProvider(services, customers);
  const view = vscode.window.createTreeView('yampi.customers', { treeDataProvider: tree, showCollapseAll: true });
  const panels = new DetailPanels(services, customers, tree);
  const locale = (): ReturnType<typeof toLocale> => toLocale(vscode.env.language);
  const refs = new CustomerRefIndex(services);
  const disposables: vscode.Disposable[] = [tree, view, panels, refs, registerHovers(services, customers, refs)];

  const open = async (id: number, alias?: string, record?: CustomerRecord): Promise<CustomerRecord | undefined> => {
    const store = alias ?? services.credentials.activeAlias();
    const result = await panels.open(store, id, record);
    if (result && store !== undefined) {
      await services.lists.addRecent(store, id);
    }
    return result;
  };

  const recordForArg = async (arg: unknown): Promise<{ record: CustomerRecord; alias: string } | undefined> => {
    const id = idOf(arg);
    if (id === undefined) {
      return panels.activeRecord();
    }
    const alias = isNode(arg) ? arg.alias : (services.credentials.activeAlias() ?? '');
    const record = tree.recordFor(alias, id) ?? (await customers.get(alias, id));
    return { record, alias };
  };

  const setPinned = async (arg: unknown, pinned: boolean): Promise<boolean> => {
    const id = idOf(arg);
    const alias = isNode(arg) ? arg.alias : services.credentials.activeAlias();
    if (id === undefined || alias === undefined) {
      return false;
    }
    await (pinned ? services.lists.pin(alias, id) : services.lists.unpin(alias, id));
    return true;
  };

  const commands: Record<string, Handler> = {
    'yampi.lookupCustomer': async (arg) => {
      let id = idOf(arg);
      if (id === undefined) {
        if (arg !== undefined) {
          void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a customer id. Use a number like 123, #123 or a link containing /customers/123.', typeof arg === 'string' ? arg : JSON.stringify(arg)));
          return undefined;
        }
        const alias = services.credentials.activeAlias();
        id = await askCustomerId(alias === undefined ? [] : services.lists.recent(alias));
        if (id === undefined) {
          return undefined;
        }
      }
      return (await open(id))?.customer;
    },
    'yampi.searchCustomers': async (query) => {
      const alias = services.credentials.activeAlias();
      if (typeof query === 'string') {
        const page = await customers.list(alias, 1, 25, query.trim());
        if (alias !== undefined) {
          tree.setSearchResults(alias, query.trim(), page.items);
        }
        return page.items.map((r) => r.customer);
      }
      const picked = await searchCustomersInteractive(services, customers, (q, records) => {
        if (alias !== undefined) {
          tree.setSearchResults(alias, q, records);
        }
      });
      return picked ? (await open(picked.customer.id, alias, picked))?.customer : undefined;
    },
    'yampi.lookupCustomerAtCursor': async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        return undefined;
      }
      const id = customerIdAt(editor, refs);
      if (id === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No customer id under the cursor. Select a number or place the cursor on an id like customer_id: 123.'));
        return undefined;
      }
      return (await open(id))?.customer;
    },
    'yampi.openCustomer': async (idArg, aliasArg) => {
      const id = idOf(idArg);
      if (id === undefined) {
        return undefined;
      }
      const alias = typeof aliasArg === 'string' ? aliasArg : isNode(idArg) ? idArg.alias : undefined;
      const record = alias !== undefined ? tree.recordFor(alias, id) : undefined;
      return (await open(id, alias, record))?.customer;
    },
    'yampi.refresh': async (arg) => {
      services.api.clearCache();
      tree.refreshAll(true);
      await panels.refreshAll(isNode(arg) ? arg.alias : undefined);
      return true;
    },
    'yampi.copyValue': async (arg) => {
      if (!isNode(arg)) {
        return false;
      }
      const record = tree.recordFor(arg.alias, 'id' in arg ? arg.id : -1);
      if (!record) {
        return false;
      }
      const v = buildCustomerView(record, locale());
      if (arg.type === 'customer') {
        await vscode.env.clipboard.writeText(String(record.customer.id));
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the customer id.'), 3000);
        return true;
      }
      if (arg.type !== 'field') {
        return false;
      }
      const field = findField(v, arg.path);
      if (!field) {
        return false;
      }
      await vscode.env.clipboard.writeText(field.copyText);
      void vscode.window.showInformationMessage(copyConfirmation(field, locale()));
      return true;
    },
    'yampi.copyCustomerId': async (arg) => {
      const id = idOf(arg);
      if (id === undefined) {
        return false;
      }
      await vscode.env.clipboard.writeText(String(id));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the customer id.'), 3000);
      return true;
    },
    'yampi.copyCustomerJson': async (arg) => {
      const found = await recordForArg(arg);
      if (!found) {
        return false;
      }
      await vscode.env.clipboard.writeText(customerJson(found.record, new Set()));
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied customer #{0} as JSON (account credentials left out).', found.record.customer.id));
      return true;
    },
    'yampi.pinCustomer': (arg) => setPinned(arg, true),
    'yampi.unpinCustomer': (arg) => setPinned(arg, false),
    'yampi.togglePrivacyMode': async () => {
      const next = !services.settings.settings.maskSensitiveData;
      await services.settings.setMaskSensitiveData(next);
      void vscode.window.setStatusBarMessage(next ? vscode.l10n.t('Yampi: personal data masked.') : vscode.l10n.t('Yampi: personal data shown.'), 3000);
      return next;
    },
    'yampi.clearCache': async () => {
      services.api.clearCache();
      await services.lists.clearRecent(services.credentials.stores().map((s) => s.alias).concat(services.credentials.activeAlias() ?? []));
      tree.refreshAll(false);
      void vscode.window.showInformationMessage(vscode.l10n.t('Cleared cached customer data and the Recent list.'));
      return true;
    },
    'yampi.loadMore': async (arg) => {
      if (isNode(arg) && arg.type === 'loadMore') {
        await vscode.window.withProgress({ location: { viewId: 'yampi.customers' } }, () => tree.loadMore(arg.alias));
      }
      return true;
    },
    'yampi.retry': (arg) => {
      tree.refreshAll(isNode(arg));
      return Promise.resolve(true);
    },
  };

  disposables.push(
    services.settings.onDidChange(({ changed }) => {
      if (changed.includes('privacy.maskSensitiveData')) {
        tree.rerender();
        panels.rerenderAll();
      }
    }),
  );

  return {
    commands,
    tree,
    panels,
    dispose: () => {
      for (const d of disposables.reverse()) {
        d.dispose();
      }
    },
  };
}

/** The id under the cursor: a customer id found there (patterns, JSON structure), or a selected/under-cursor number. */
export function customerIdAt(editor: vscode.TextEditor, refs: CustomerRefIndex): number | undefined {
  const doc = editor.document;
  const sel = editor.selection;
  if (!sel.isEmpty) {
    const text = doc.getText(sel).trim().replace(/^#/, '');
    if (/^\d{1,15}$/.test(text)) {
      return idOf(Number(text));
    }
  }
  const found = refs.refAt(doc, sel.active);
  if (found) {
    return found.id;
  }
  const word = doc.getWordRangeAtPosition(sel.active, /\d{1,15}/);
  return word ? idOf(Number(doc.getText(word))) : undefined;
}
