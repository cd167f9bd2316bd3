import type { SetCredentialsArgs } from './args';
import type { COMMANDS, OPEN_SETTINGS } from './ids';

/**
 * What our code may pass to a command it runs itself (src/host/common/execute.ts), and what it
 * gets back: the argument tuple and result type per command id. The handlers still parse what
 * they receive (core/commands/args.ts): VS Code, menus and other extensions pass anything.
 */
export interface CommandSignatures {
  [COMMANDS.setCredentials]: { args: [] | [credentials: SetCredentialsArgs]; result: boolean | undefined };
  [COMMANDS.switchStore]: { args: [] | [alias: string]; result: boolean | undefined };
  [COMMANDS.showLog]: { args: []; result: unknown };
  [COMMANDS.openCustomer]: { args: [id: number] | [id: number, alias: string | undefined]; result: unknown };
  [COMMANDS.openOrder]: { args: [id: number] | [id: number, alias: string | undefined]; result: unknown };
  /** `#123` looks up an order number, a bare number asks whether it is a number or an id. */
  [COMMANDS.lookupOrder]: { args: [] | [input: string]; result: unknown };
  /** VS Code's Settings editor, searching for a setting. */
  [OPEN_SETTINGS]: { args: [query: string]; result: unknown };
}

/** A command our code runs itself. */
export type ExecutableCommand = keyof CommandSignatures;
