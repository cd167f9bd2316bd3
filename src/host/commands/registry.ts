import type { COMMANDS, CommandId, CommandName } from '../../core/commands/ids';
import { runCommand } from '../errors';
import type { CustomerRefIndex } from '../hover/refIndex';
import type { DetailPanels } from '../panel/detailPanels';
import type { Services } from '../services';
import type { CustomerTreeProvider } from '../tree/customerTreeProvider';
import type { WebhookWorkbench } from '../webhooks/workbench';

/** A command handler: it receives what VS Code passes (never trusted) and parses it with core/commands/args. */
export type Handler = (...args: unknown[]) => Promise<unknown>;
/** The handlers of every command (all of COMMANDS, or it does not compile); the shell registers their stand-ins. */
export type CommandTable = { readonly [K in CommandId]: Handler };
/** The handlers of some commands, named by their COMMANDS key. */
export type Commands<K extends CommandName> = Pick<CommandTable, (typeof COMMANDS)[K]>;

/** What command handlers work with. */
export interface Features {
  readonly services: Services;
  readonly panels: DetailPanels;
  readonly tree: CustomerTreeProvider;
  readonly refs: CustomerRefIndex;
  readonly webhooks: WebhookWorkbench;
}

/** The same table with every handler behind the error funnel (a failure is shown once, with its actions). */
export function withErrorFunnel(services: Services, table: CommandTable): CommandTable {
  const funneled: Partial<Record<CommandId, Handler>> = {};
  for (const id of Object.keys(table) as CommandId[]) {
    funneled[id] = runCommand(services.logger, services.notifier, id, table[id]);
  }
  return funneled as CommandTable;
}
