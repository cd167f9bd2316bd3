import vscode = require('vscode');
import { YampiError } from '../core/api/errors';
import { COMMANDS, OPEN_SETTINGS } from '../core/commands/ids';
import { actionTitle, type DescribedFailure, describeFailure, type Failure, type FailureAction } from '../core/failures';
import type { Logger } from '../core/logger';
import { locale } from './locale';
import { BaseUrlError, NotSignedInError, SecretStorageUnavailableError, SessionEndedError } from './errorTypes';
import { type Notifier, noticeOf } from './notify';
import { execute } from './commands/execute';

// The error classes live apart, so activation can use them without the error funnel below.
export { BaseUrlError, NotSignedInError, SecretStorageUnavailableError, SessionEndedError } from './errorTypes';

/** Any thrown value, as a failure of the one vocabulary (core/failures.ts). */
export function toFailure(e: unknown): Failure {
  if (YampiError.is(e)) {
    // tls names the server's host, proxy the proxy (scheme://host:port, never its credentials).
    const host = e.kind === 'proxy' ? e.proxy : e.host;
    return {
      kind: 'api',
      error: {
        kind: e.kind, alias: e.alias, customerId: e.customerId, status: e.status, retryAfterMs: e.retryAfterMs, ...(typeof host === 'string' ? { host } : {}),
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      },
    };
  }
  if (e instanceof NotSignedInError) {
    return { kind: 'notSignedIn' };
  }
  if (e instanceof SessionEndedError) {
    return { kind: 'sessionEnded', alias: e.alias };
  }
  if (e instanceof BaseUrlError) {
    return { kind: 'baseUrl', problem: e.problem };
  }
  if (e instanceof SecretStorageUnavailableError) {
    return { kind: 'secretStorage', operation: e.operation };
  }
  return { kind: 'unknown', message: e instanceof Error ? e.message : String(e) };
}

export function describeError(e: unknown): DescribedFailure {
  return describeFailure(toFailure(e), locale());
}

/** True for errors nobody should be told about (Escape, a closed panel, a signed-out store). */
export function isCancellation(e: unknown): boolean {
  return e instanceof vscode.CancellationError || describeError(e).silent;
}

const KEYCHAIN_HELP = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';

/** Runs what an action button stands for. */
export async function runAction(a: FailureAction, retry?: () => unknown): Promise<unknown> {
  switch (a) {
    case 'setCredentials':
      return execute(COMMANDS.setCredentials);
    case 'switchStore':
      return execute(COMMANDS.switchStore);
    case 'retry':
      return retry?.();
    case 'showLog':
      return execute(COMMANDS.showLog);
    case 'openApiBaseUrlSetting':
      return execute(OPEN_SETTINGS, 'yampi.apiBaseUrl');
    case 'keychainHelp':
      return vscode.env.openExternal(vscode.Uri.parse(KEYCHAIN_HELP));
  }
}

/**
 * Logs the full error and shows the short message with its actions. Does not wait for the user:
 * a command must finish even when nobody ever clicks the notification.
 */
export function showError(logger: Logger, notifier: Notifier, e: unknown, retry?: () => unknown): void {
  const d = describeError(e);
  if (d.silent || e instanceof vscode.CancellationError) {
    logger.debug(`Not shown: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  logger.error(e instanceof Error ? e : String(e));
  const actions = d.actions.filter((a) => a !== 'retry' || retry !== undefined);
  const titles = actions.map((a) => actionTitle(a, locale()));
  void notifier.error(noticeOf(d.message), ...titles).then(async (picked) => {
    const i = picked === undefined ? -1 : titles.indexOf(picked);
    const action = actions[i];
    if (action !== undefined) {
      await runAction(action, retry);
    }
  });
}

/** Wraps a command handler: every failure goes through showError, cancellation stays silent. */
export function runCommand<A extends unknown[], R>(logger: Logger, notifier: Notifier, name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  const wrapped = async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (e) {
      logger.debug(`Command ${name} failed.`);
      showError(logger, notifier, e, () => wrapped(...args));
      return undefined;
    }
  };
  return wrapped;
}
