/**
 * The 14 webhook events Yampi documents (docs.yampi.com.br/api-reference/webhooks, "Eventos
 * disponíveis"; yampi-api.md §7 and §10), in the docs' order: the one table every part of the
 * workbench reads (sample bodies, the event picker, the sandbox, the tests). `order.updated`, which
 * the payload docs mention outside the list, is not one of them.
 *
 * `resource` says what the body's `resource` is. Documented shapes (§7): order events carry the
 * order (`resource.id` = the ORDER id, `resource.customer_id`, `resource.customer.data`), customer
 * events the customer itself. The other resources follow the same envelope with fields taken from
 * the REST API's records of the same kind: `documented: false` marks them as our reading, not
 * Yampi's word.
 */
import { msg } from '../common/strings';

export type ResourceKind = 'order' | 'transaction' | 'cart' | 'customer' | 'address' | 'product' | 'inventory' | 'cashback';

export interface WebhookEvent {
  readonly name: string;
  /** English description (a catalogue message), the docs' Portuguese in the pt-BR bundle. */
  readonly description: string;
  readonly resource: ResourceKind;
  /** Whether the body's shape for this event is documented (true) or inferred from the REST records. */
  readonly documentedShape: boolean;
}

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
  { name: 'order.created', description: msg('Order created'), resource: 'order', documentedShape: true },
  { name: 'order.paid', description: msg('Order paid'), resource: 'order', documentedShape: true },
  { name: 'order.status.updated', description: msg('Order status updated'), resource: 'order', documentedShape: true },
  { name: 'order.invoice.created', description: msg('Order invoice created'), resource: 'order', documentedShape: true },
  { name: 'order.invoice.updated', description: msg('Order invoice updated'), resource: 'order', documentedShape: true },
  { name: 'transaction.payment.refused', description: msg('Transaction payment refused'), resource: 'transaction', documentedShape: false },
  { name: 'cart.reminder', description: msg('Abandoned cart reminder'), resource: 'cart', documentedShape: false },
  { name: 'customer.created', description: msg('Customer created'), resource: 'customer', documentedShape: true },
  { name: 'customer.address.created', description: msg('Customer address created'), resource: 'address', documentedShape: false },
  { name: 'product.created', description: msg('Product created'), resource: 'product', documentedShape: false },
  { name: 'product.updated', description: msg('Product updated'), resource: 'product', documentedShape: false },
  { name: 'product.deleted', description: msg('Product deleted'), resource: 'product', documentedShape: false },
  { name: 'product.inventory.updated', description: msg('Product inventory updated'), resource: 'inventory', documentedShape: false },
  { name: 'cashback.expiring', description: msg('Cashback expiring'), resource: 'cashback', documentedShape: false },
];

export const WEBHOOK_EVENT_NAMES: readonly string[] = WEBHOOK_EVENTS.map((e) => e.name);

export function findEvent(name: string): WebhookEvent | undefined {
  return WEBHOOK_EVENTS.find((e) => e.name === name);
}

/** The signature header Yampi sends. */
export const SIGNATURE_HEADER = 'x-yampi-hmac-sha256';
