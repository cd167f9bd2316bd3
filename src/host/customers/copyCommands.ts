import vscode = require('vscode');
import { customerIdOf, customerTargetOf, nodeOfType } from '../../core/commands/args';
import { COMMANDS } from '../../core/commands/ids';
import { buildCustomerView, copyConfirmation, customerJson, findField } from '../../core/customers/fields';
import { orderCopyConfirmation, orderCopyText } from '../../core/related/relatedFormat';
import type { Node } from '../../core/customers/nodes';
import { groupOf } from '../../core/related/sections';
import { locale } from '../common/locale';
import { notice, noticeOf } from '../common/notify';
import type { Commands, FeaturesWith } from '../common/commandRegistry';

/** What these commands use of the features (src/host/app/features.ts builds them). */
type Uses = FeaturesWith<'panels', 'notifier' | 'sessions'>;

type CopyCommands = Commands<'copyValue' | 'copyCustomerId' | 'copyCustomerJson'>;

export function copyCommands(f: Uses): CopyCommands {
  const { services } = f;
  const copyId = async (id: number): Promise<boolean> => {
    await vscode.env.clipboard.writeText(String(id));
    services.notifier.status(notice('Copied the customer id.'));
    return true;
  };
  /** An order row of the tree: its number (what customers and staff quote), as loaded by the session. */
  const copyOrderNumber = async (node: Extract<Node, { type: 'related' }>): Promise<boolean> => {
    const state = services.sessions.get(node.alias).relatedState(node.id, node.section);
    const group = node.section === 'orders' && state !== undefined ? groupOf(node.section, state) : undefined;
    const order = group?.section === 'orders' && group.state.status === 'loaded' ? group.state.items.find((o) => String(o.id) === node.leaf) : undefined;
    if (!order) {
      return false;
    }
    await vscode.env.clipboard.writeText(orderCopyText(order, 'number'));
    void services.notifier.info(noticeOf(orderCopyConfirmation('number', locale())));
    return true;
  };
  return {
    /** A tree leaf: the field's whole value (a secret only from the panel, once revealed); a customer: its id. */
    [COMMANDS.copyValue]: async (arg) => {
      const node = nodeOfType(arg, 'field', 'customer', 'related');
      if (!node) {
        return false;
      }
      if (node.type === 'related') {
        return copyOrderNumber(node);
      }
      if (node.type === 'customer') {
        return copyId(node.id);
      }
      const record = await services.sessions.get(node.alias).getCustomer(node.id);
      const field = findField(buildCustomerView(record, locale()), node.path);
      if (!field) {
        return false;
      }
      if (field.sensitivity === 'secret') {
        void services.notifier.warn(notice('{0} gives access to the customer\'s account: open the details panel and reveal it on purpose to copy it.', field.label), {});
        return false;
      }
      await vscode.env.clipboard.writeText(field.copyText);
      void services.notifier.info(noticeOf(copyConfirmation(field, locale())));
      return true;
    },
    [COMMANDS.copyCustomerId]: async (arg) => {
      const id = customerIdOf(arg);
      return id === undefined ? false : copyId(id);
    },
    [COMMANDS.copyCustomerJson]: async (arg) => {
      const target = customerTargetOf(arg);
      const found = target
        ? { record: await services.sessions.get(target.alias).getCustomer(target.id) }
        : f.panels.activeRecord();
      if (!found) {
        return false;
      }
      await vscode.env.clipboard.writeText(customerJson(found.record, new Set()));
      void services.notifier.info(notice('Copied customer #{0} as JSON (account credentials left out).', found.record.customer.id));
      return true;
    },
  };
}
