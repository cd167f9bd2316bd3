/**
 * Every command id of package.json `contributes.commands`, spelled once. A unit test keeps this
 * table and package.json in step; an extension-host test checks each one is registered.
 */
export const COMMANDS = {
  setCredentials: 'yampi.setCredentials',
  switchStore: 'yampi.switchStore',
  signOut: 'yampi.signOut',
  lookupCustomer: 'yampi.lookupCustomer',
  searchCustomers: 'yampi.searchCustomers',
  lookupCustomerAtCursor: 'yampi.lookupCustomerAtCursor',
  openCustomer: 'yampi.openCustomer',
  refresh: 'yampi.refresh',
  copyValue: 'yampi.copyValue',
  copyCustomerJson: 'yampi.copyCustomerJson',
  pinCustomer: 'yampi.pinCustomer',
  unpinCustomer: 'yampi.unpinCustomer',
  togglePrivacyMode: 'yampi.togglePrivacyMode',
  clearCache: 'yampi.clearCache',
  showLog: 'yampi.showLog',
  loadMore: 'yampi.loadMore',
  retry: 'yampi.retry',
  copyCustomerId: 'yampi.copyCustomerId',
  openSampleLog: 'yampi.openSampleLog',
  scanWorkspaceForKeys: 'yampi.scanWorkspaceForKeys',
  keysMoveToEnv: 'yampi.keys.moveToEnv',
  keysSignIn: 'yampi.keys.signIn',
  keysIgnoreOccurrence: 'yampi.keys.ignoreOccurrence',
  lookupOrder: 'yampi.lookupOrder',
  openOrder: 'yampi.openOrder',
  webhooksSetSecret: 'yampi.webhooks.setSecret',
  webhooksStartReceiver: 'yampi.webhooks.startReceiver',
  webhooksStopReceiver: 'yampi.webhooks.stopReceiver',
  webhooksVerify: 'yampi.webhooks.verify',
  webhooksSendSample: 'yampi.webhooks.sendSample',
  webhooksOpenPayload: 'yampi.webhooks.openPayload',
  webhooksResend: 'yampi.webhooks.resend',
  webhooksVerifyAgain: 'yampi.webhooks.verifyAgain',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/** The commands of "Keys in source": the shell hands them to their own lazy chunk (src/host/keys/), not to the features. */
export const KEYS_COMMANDS = [COMMANDS.scanWorkspaceForKeys, COMMANDS.keysMoveToEnv, COMMANDS.keysSignIn, COMMANDS.keysIgnoreOccurrence] as const;
export type KeysCommandId = (typeof KEYS_COMMANDS)[number];

export function isKeysCommand(id: string): id is KeysCommandId {
  return (KEYS_COMMANDS as readonly string[]).includes(id);
}

/** Commands VS Code's own UI (welcome view, hover links) may run; not a command of ours. */
export const OPEN_SETTINGS = 'workbench.action.openSettings';

/** The view and webview panel ids of package.json (product.md's public contract). */
export const VIEWS = {
  customers: 'yampi.customers',
  detailPanel: 'yampi.customerDetail',
  orderPanel: 'yampi.orderDetail',
  webhookDeliveries: 'yampi.webhookDeliveries',
} as const;

/** The scheme of webhook payload documents (read-only, in memory: src/host/webhooks/payloadDocs.ts). */
export const WEBHOOK_PAYLOAD_SCHEME = 'yampi-webhook';

/** The language-model tools of package.json `contributes.languageModelTools`. */
export const TOOL_NAMES = ['yampi_getCustomer', 'yampi_searchCustomers', 'yampi_getCustomerOrders', 'yampi_getOrder'] as const;

/**
 * Keys this extension keeps in VS Code's workspace state. Never customer data: only whether a
 * detail panel was open, so the next start knows to register the panel serializer at once, and
 * the SHA-256 hashes of key occurrences the user chose to ignore (never a key).
 */
export const WORKSPACE_KEYS = {
  panelsOpen: 'yampi.panelsOpen',
  keysIgnored: 'yampi.keys.ignored',
  /** Whether an order panel was open (src/host/orders/orderPanels.ts). */
  orderPanelsOpen: 'yampi.orderPanelsOpen',
} as const;
