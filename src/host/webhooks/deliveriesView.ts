import vscode = require('vscode');
import { COMMANDS } from '../../core/commands/ids';
import type { Delivery } from '../../core/webhooks/deliveries';
import { maskEmail } from '../../core/common/mask';
import { plainLabel } from '../../core/common/text';
import { explainVerdict, stateLabel } from '../../core/webhooks/words';
import { locale } from '../common/locale';
import type { WebhookWorkbench } from './workbench';

export type DeliveryNode =
  | { readonly kind: 'delivery'; readonly seq: number }
  | { readonly kind: 'resource' | 'open' | 'resend' | 'verify'; readonly seq: number };

const ICONS: Record<Delivery['verdict']['state'], string> = { verified: 'pass', invalid: 'error', unsigned: 'warning', noSecret: 'key' };

/** The resource line: order number and customer (masked per privacy mode). Plain text. */
export function resourceText(d: Delivery, masked: boolean): string {
  const s = d.summary;
  const parts: string[] = [];
  if (s.orderNumber !== undefined) {
    parts.push(vscode.l10n.t('Order #{0}', s.orderNumber));
  } else if (s.orderId !== undefined) {
    parts.push(vscode.l10n.t('Order id {0}', s.orderId));
  }
  if (s.customerId !== undefined) {
    const who = masked
      ? (s.customerEmail !== undefined ? maskEmail(s.customerEmail) : '')
      : (s.customerName ?? s.customerEmail ?? '');
    parts.push(`${vscode.l10n.t('customer #{0}', s.customerId)}${who !== '' ? ` ${who}` : ''}`);
  }
  return parts.length > 0 ? parts.join(' · ') : vscode.l10n.t('No order or customer in the body');
}

/** `yampi.webhookDeliveries`: newest first; each delivery expands to its resource and three actions. */
export class DeliveriesView implements vscode.TreeDataProvider<DeliveryNode> {
  readonly onDidChangeTreeData: vscode.Event<undefined>;

  constructor(private readonly wb: WebhookWorkbench) {
    this.onDidChangeTreeData = wb.events.view.event;
  }

  getChildren(node?: DeliveryNode): DeliveryNode[] {
    if (!node) {
      return this.wb.log.all().map((d) => ({ kind: 'delivery', seq: d.seq }));
    }
    if (node.kind !== 'delivery' || !this.wb.log.get(node.seq)) {
      return [];
    }
    return (['resource', 'open', 'resend', 'verify'] as const).map((kind) => ({ kind, seq: node.seq }));
  }

  getTreeItem(node: DeliveryNode): vscode.TreeItem {
    const d = this.wb.log.get(node.seq);
    if (!d) {
      return new vscode.TreeItem(vscode.l10n.t('(cleared)'));
    }
    const l = locale();
    switch (node.kind) {
      case 'delivery': {
        const item = new vscode.TreeItem(plainLabel(d.summary.event ?? vscode.l10n.t('(no event)'), 100), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `webhook:${d.seq}`;
        item.description = stateLabel(d.verdict.state, l);
        item.tooltip = `${new Date(d.receivedAt).toLocaleTimeString()} POST ${plainLabel(d.path, 100)}\n${explainVerdict(d.verdict, l)}`;
        item.iconPath = new vscode.ThemeIcon(ICONS[d.verdict.state]);
        item.contextValue = `yampi:webhookDelivery+${d.verdict.state}`;
        item.accessibilityInformation = { label: `${d.summary.event ?? ''}, ${stateLabel(d.verdict.state, l)}` };
        return item;
      }
      case 'resource': {
        const item = new vscode.TreeItem(plainLabel(resourceText(d, this.wb.masked)));
        item.id = `webhook:${d.seq}:resource`;
        item.iconPath = new vscode.ThemeIcon(d.summary.orderId !== undefined ? 'package' : 'person');
        if (d.summary.customerId !== undefined) {
          item.command = { command: COMMANDS.openCustomer, title: vscode.l10n.t('Open customer'), arguments: [d.summary.customerId, this.wb.storeFor(d.summary.alias)] };
        }
        return item;
      }
      case 'open':
        return action(d, 'open', vscode.l10n.t('Open payload'), 'json', COMMANDS.webhooksOpenPayload);
      case 'resend':
        return action(d, 'resend', vscode.l10n.t('Resend to…'), 'send', COMMANDS.webhooksResend);
      case 'verify':
        return action(d, 'verify', vscode.l10n.t('Verify again'), 'shield', COMMANDS.webhooksVerifyAgain);
    }
  }
}

function action(d: Delivery, kind: string, label: string, icon: string, command: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label);
  item.id = `webhook:${d.seq}:${kind}`;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.command = { command, title: label, arguments: [{ seq: d.seq }] };
  return item;
}
