import vscode = require('vscode');
import { customerIdOf, customerTargetOf, nodeOfType } from '../../core/commands/args';
import { COMMANDS, VIEWS } from '../../core/commands/ids';
import type { CustomerRecord } from '../../core/customers/customer';
import { customerIdAt } from '../hover/cursor';
import { askCustomerId, searchCustomersInteractive } from './lookup';
import type { Commands, FeaturesWith } from '../common/commandRegistry';
import { notice } from '../common/notify';

/** What these commands use of the features (src/host/app/features.ts builds them). */
type Uses = FeaturesWith<'orders' | 'panels' | 'refs' | 'tree', 'lists' | 'logger' | 'notifier' | 'sessions' | 'settings'>;

const PAGE = 25;

/** Opens a customer's panel and, when it loaded, adds it to the store's Recent list. */
async function open(f: Uses, id: number, alias?: string): Promise<CustomerRecord | undefined> {
  const record = await f.panels.open(alias, id);
  const store = f.services.sessions.resolveAlias(alias);
  if (record && store !== undefined) {
    await f.services.lists.addRecent(store, id);
  }
  return record;
}

type CustomerCommands = Commands<'lookupCustomer' | 'searchCustomers' | 'lookupCustomerAtCursor' | 'openCustomer' | 'refresh' | 'loadMore' | 'retry'>;

export function customerCommands(f: Uses): CustomerCommands {
  const { services } = f;
  return {
    [COMMANDS.lookupCustomer]: async (arg) => {
      let id = customerIdOf(arg);
      if (id === undefined && arg !== undefined) {
        void services.notifier.error(notice('"{0}" is not a customer id. Use a number like 123, #123 or a link containing /customers/123.', typeof arg === 'string' ? arg : typeof arg));
        return undefined;
      }
      if (id === undefined) {
        const alias = services.sessions.resolveAlias();
        id = await askCustomerId(alias === undefined ? [] : services.lists.recent(alias));
      }
      return id === undefined ? undefined : (await open(f, id))?.customer;
    },
    [COMMANDS.searchCustomers]: async (query) => {
      const session = services.sessions.get();
      if (typeof query === 'string') {
        const outcome = await session.searchCustomers(query, PAGE);
        session.setSearchResults(query.trim(), outcome);
        return outcome.items.map((r) => r.customer);
      }
      const picked = await searchCustomersInteractive(services, session);
      return picked ? (await open(f, picked.customer.id, session.alias))?.customer : undefined;
    },
    [COMMANDS.lookupCustomerAtCursor]: async () => {
      const editor = vscode.window.activeTextEditor;
      await f.refs.ready();
      const id = editor ? customerIdAt(editor, f.refs) : undefined;
      if (editor && id === undefined) {
        void services.notifier.info(notice('No customer id under the cursor. Select a number or place the cursor on an id like customer_id: 123.'));
      }
      return id === undefined ? undefined : (await open(f, id))?.customer;
    },
    [COMMANDS.openCustomer]: async (idArg, aliasArg) => {
      const target = customerTargetOf(idArg, aliasArg);
      return target ? (await open(f, target.id, target.alias))?.customer : undefined;
    },
    [COMMANDS.refresh]: async (arg) => {
      const node = nodeOfType(arg, 'store', 'folder', 'customer');
      for (const s of node ? [services.sessions.get(node.alias)] : services.sessions.all()) {
        s.refresh();
      }
      f.tree.refresh(node?.alias);
      await Promise.all([f.panels.refreshAll(node?.alias), f.orders.panels.refreshAll(node?.alias)]);
      return true;
    },
    [COMMANDS.loadMore]: async (arg) => {
      const related = nodeOfType(arg, 'related');
      if (related) {
        await services.sessions.get(related.alias).relatedSection(related.id, related.section).loadMore();
        return true;
      }
      const node = nodeOfType(arg, 'loadMore');
      if (node) {
        await services.notifier.progress({ location: { viewId: VIEWS.customers } }, () => services.sessions.get(node.alias).loadMore());
      }
      return true;
    },
    [COMMANDS.retry]: async (arg) => {
      const related = nodeOfType(arg, 'related');
      if (related) {
        await services.sessions.get(related.alias).relatedSection(related.id, related.section).retry();
        return true;
      }
      const node = nodeOfType(arg, 'message');
      if (node) {
        f.tree.retry(node);
      } else {
        f.tree.refresh();
      }
      return true;
    },
  };
}
