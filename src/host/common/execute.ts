import vscode = require('vscode');
import type { CommandSignatures, ExecutableCommand } from '../../core/commands/signatures';

/**
 * Runs one of the commands our code runs itself, typed by its id (src/core/commands/signatures.ts):
 * a wrong argument or a command that is not in the table does not compile. The one way src/host
 * calls `vscode.commands.executeCommand` (but for `setContext`, src/host/app/services.ts).
 */
export function execute<K extends ExecutableCommand>(id: K, ...args: CommandSignatures[K]['args']): Thenable<CommandSignatures[K]['result']> {
  return vscode.commands.executeCommand<CommandSignatures[K]['result']>(id, ...args);
}

