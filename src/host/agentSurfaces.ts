import vscode = require('vscode');
import { ordersPageOf } from '../core/chat/results';
import { COMMANDS } from '../core/commands/ids';
import { registerChatTools, type YampiChatTool } from './chatTools';
import type { Features } from './commands/registry';
import { describeError } from './errors';
import { DisposableGroup } from './lifecycle';
import { locale } from './locale';
import { type CustomerTerminalLinkProvider, registerTerminalLinks } from './terminalLinks';

export interface AgentSurfaces extends vscode.Disposable {
  readonly terminalLinks: CustomerTerminalLinkProvider;
  readonly chatTools: readonly YampiChatTool[];
}

/**
 * Where developers meet ids outside files: terminal output and chat tools. Every lookup goes through the store's session (cache, limiter, cancellation).
 */
export function registerAgentSurfaces(f: Features): AgentSurfaces {
  const { services } = f;
  const { sessions, credentials } = services;
  const terminal = registerTerminalLinks({
    patterns: () => f.refs.patterns,
    enabled: () => services.settings.settings.terminalLinksEnabled,
    open: (id) => Promise.resolve(vscode.commands.executeCommand(COMMANDS.openCustomer, id)),
    logError: (m) => { services.logger.warn(m); },
  });
  const chat = registerChatTools({
    activeAlias: () => sessions.resolveAlias(),
    storeName: (alias) => {
      const a = sessions.resolveAlias(alias);
      return a !== undefined && credentials.signedInAliases().includes(a) ? credentials.displayName(a) : undefined;
    },
    privacy: () => services.settings.settings.maskSensitiveData,
    getCustomer: (alias, id, token) => sessions.get(alias).getCustomer(id, { token }),
    searchCustomers: async (alias, query, limit, token) => {
      const page = await sessions.get(alias).listCustomers(1, limit, query, { token });
      return { items: page.items, total: page.pagination.total };
    },
    getOrders: async (alias, id, limit, token) => ordersPageOf(await sessions.get(alias).listOrders(id, 1, limit, { token }), locale()),
    describeError: (e) => describeError(e).message,
    log: (m) => { services.logger.info(m); },
  });
  const group = new DisposableGroup(terminal, chat);
  return { terminalLinks: terminal.provider, chatTools: chat.tools, dispose: () => { group.dispose(); } };
}
