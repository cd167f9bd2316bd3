import type { COMMANDS, CommandId, CommandName, KeysCommandId } from '../../core/commands/ids';
import { runCommand } from './errors';
import type { CustomerRefIndex } from '../hover/refIndex';
import type { DetailPanels } from '../customers/detailPanels';
import type { OrderFeature } from '../orders/orderFeature';
import type { FeatureServices, Needs } from '../app/services';
import type { CustomerTreeProvider } from '../customers/customerTreeProvider';
import type { WebhookWorkbench } from '../webhooks/workbench';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'logger' | 'notifier'>;

/** A command handler: it receives what VS Code passes (never trusted) and parses it with core/commands/args. */
export type Handler = (...args: unknown[]) => Promise<unknown>;
/** The handlers of every command (all of COMMANDS but the keys' own, or it does not compile); the shell registers their stand-ins. */
export type CommandTable = { readonly [K in Exclude<CommandId, KeysCommandId>]: Handler };
/** The handlers of the "Keys in source" commands (src/host/keys/). */
export type KeysCommandTable = { readonly [K in KeysCommandId]: Handler };
/** The handlers of some commands, named by their COMMANDS key. */
export type Commands<K extends CommandName> = Pick<CommandTable, Exclude<(typeof COMMANDS)[K], KeysCommandId>>;

/** What command handlers work with. */
export interface Features {
  readonly services: FeatureServices;
  readonly panels: DetailPanels;
  readonly tree: CustomerTreeProvider;
  readonly refs: CustomerRefIndex;
  readonly orders: OrderFeature;
  readonly webhooks: WebhookWorkbench;
}

/** What one command module works with: the features it names, and only the services it names. */
export type FeaturesWith<F extends Exclude<keyof Features, 'services'>, K extends keyof FeatureServices> = Pick<Features, F> & { readonly services: Needs<K> };

/** The same table with every handler behind the error funnel (a failure is shown once, with its actions). */
export function withErrorFunnel(services: Deps, table: CommandTable): CommandTable {
  return funnel(services, table);
}

/** Every handler of a table behind the error funnel. */
export function funnel<T extends Partial<Record<CommandId, Handler>>>(services: Deps, table: T): T {
  const funneled: Partial<Record<CommandId, Handler>> = {};
  for (const id of Object.keys(table) as Array<keyof T & CommandId>) {
    const handler = table[id];
    if (handler) {
      funneled[id] = runCommand(services.logger, services.notifier, id, handler);
    }
  }
  return funneled as T;
}
