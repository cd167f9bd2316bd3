import * as vscode from 'vscode';
import { COMMANDS, type CommandId, type CommandName } from '../../core/commands/ids';
import { runCommand } from '../errors';
import type { CustomerRefIndex } from '../hover/refIndex';
import type { DetailPanels } from '../panel/detailPanels';
import type { Services } from '../services';
import type { CustomerTreeProvider } from '../tree/customerTreeProvider';

/** A command handler: it receives what VS Code passes (never trusted) and parses it with core/commands/args. */
export type Handler = (...args: unknown[]) => Promise<unknown>;
export type CommandTable = { readonly [K in CommandId]: Handler };
/** The handlers of some commands, named by their COMMANDS key. */
export type Commands<K extends CommandName> = Pick<CommandTable, (typeof COMMANDS)[K]>;

/** What command handlers work with. */
export interface Features {
  readonly services: Services;
  readonly panels: DetailPanels;
  readonly tree: CustomerTreeProvider;
  readonly refs: CustomerRefIndex;
}

/** Registers every command of the table (all of COMMANDS, or it does not compile), each through the error funnel. */
export function registerCommands(services: Services, table: CommandTable): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.values(COMMANDS).map((id) => vscode.commands.registerCommand(id, runCommand(services.logger, services.notifier, id, table[id]))),
  );
}
