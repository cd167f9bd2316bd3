import vscode = require('vscode');
import { ordersPageOf } from '../../core/chat/results';
import { COMMANDS } from '../../core/commands/ids';
import { collectOrders } from '../../core/related/relatedPaging';
import { createChatTools, type YampiChatTool } from './chatTools';
import type { FeaturesWith } from '../common/commandRegistry';
import { describeError } from '../common/errors';
import { locale } from '../common/locale';
import { createTerminalLinks, type CustomerTerminalLinkProvider } from '../terminal/terminalLinks';
import { execute } from '../common/execute';

/** What these commands use of the features (src/host/app/features.ts builds them). */
type Uses = FeaturesWith<'orders' | 'refs', 'credentials' | 'logger' | 'sessions' | 'settings'>;

export interface AgentSurfaces extends vscode.Disposable {
  readonly terminalLinks: CustomerTerminalLinkProvider;
  readonly chatTools: readonly YampiChatTool[];
}

/**
 * Where developers meet ids outside files: terminal output and chat tools. Every lookup goes through the store's session (cache, limiter, cancellation).
 * The shell registers their stand-ins at activation; these are what the stand-ins call once loaded.
 */
export function createAgentSurfaces(f: Uses): AgentSurfaces {
  const { services } = f;
  const { sessions, credentials } = services;
  const terminal = createTerminalLinks({
    patterns: () => f.refs.patterns,
    enabled: () => services.settings.settings.terminalLinksEnabled,
    open: (id) => Promise.resolve(execute(COMMANDS.openCustomer, id)),
    logError: (m) => { services.logger.warn(m); },
  });
  const { tools: chatTools, searchCap } = createChatTools({
    activeAlias: () => sessions.resolveAlias(),
    storeName: (alias) => {
      const a = sessions.resolveAlias(alias);
      return a !== undefined && credentials.signedInAliases().includes(a) ? credentials.displayName(a) : undefined;
    },
    privacy: () => services.settings.settings.maskSensitiveData,
    getCustomer: (alias, id, token) => sessions.get(alias).getCustomer(id, { token }),
    searchCustomers: async (alias, query, limit, token) => {
      const outcome = await sessions.get(alias).searchCustomers(query, limit, { token });
      return { items: outcome.items, total: outcome.total, unfiltered: outcome.unfiltered };
    },
    // a store that ignores the customer filter: a few more pages are looked through, never the store
    getOrders: async (alias, id, limit, token) => ordersPageOf(await collectOrders((page) => sessions.get(alias).listOrders(id, page, limit, { token }), limit), locale()),
    orderText: (store, input, token) => f.orders.chatText(store, input, token),
    describeError: (e) => describeError(e).message,
    log: (m) => { services.logger.info(m); },
  });
  // what the tools remember of a store (searches counted toward the cap) goes with its session
  // (signed out here or in another window, credentials changed) and with Clear Cached Data
  const owned = vscode.Disposable.from(
    sessions.onDidEnd((alias) => { searchCap.forget(alias); }),
    sessions.onDidClear(() => { searchCap.clear(); }),
    terminal,
  );
  return { terminalLinks: terminal.provider, chatTools, dispose: () => { owned.dispose(); } };
}
