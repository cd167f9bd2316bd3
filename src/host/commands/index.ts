import * as vscode from 'vscode';
import { runCommand } from '../errors';
import type { Services } from '../services';
import { setCredentials, signOut, switchStore } from './credentials';

/** Registers every command of package.json `contributes.commands`, each through the error funnel. */
export function registerCommands(services: Services, extra: Readonly<Record<string, (...args: unknown[]) => Promise<unknown>>>): vscode.Disposable {
  const handlers: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    'yampi.setCredentials': (args) => setCredentials(services, args),
    'yampi.switchStore': (alias) => switchStore(services, alias),
    'yampi.signOut': async (alias) => {
      const before = services.credentials.activeAlias();
      const target = typeof alias === 'string' ? alias : before;
      const done = await signOut(services, alias);
      if (done && target !== undefined) {
        await services.lists.forget(target);
      }
      return done;
    },
    'yampi.showLog': () => {
      services.channel.show(true);
      return Promise.resolve(true);
    },
    ...extra,
  };
  return vscode.Disposable.from(
    ...Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, runCommand(services.logger, id, fn))),
  );
}
