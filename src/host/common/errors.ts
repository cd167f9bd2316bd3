import vscode = require('vscode');
import { COMMANDS, OPEN_SETTINGS } from '../../core/commands/ids';
import { failureOf } from '../../core/failures/classify';
import { actionTitle, describeFailure, type Failure, type FailureAction, type FailureContext, type FailureView } from '../../core/failures/vocabulary';
import type { Logger } from '../../core/common/logger';
import { locale } from './locale';
import { type Notice, notice, type Notifier, noticeOf } from './notify';
import { execute } from './execute';

// The error classes live in core (src/core/failures/errors.ts), so activation and core use them without the funnel below.
export { BaseUrlError, NotSignedInError, SecretStorageUnavailableError, SessionEndedError } from '../../core/failures/errors';

/** Any thrown value, as a failure of the one vocabulary (src/core/failures/classify.ts; VS Code's cancellation here, by class). */
export function toFailure(e: unknown): Failure {
  return e instanceof vscode.CancellationError ? { kind: 'api', error: { kind: 'cancelled' } } : failureOf(e);
}

/** What a surface says about a thrown value: a notification by default, or the context's surface. */
export function describeError(e: unknown, context?: FailureContext): FailureView {
  return describeFailure(toFailure(e), locale(), context);
}

/** True for errors nobody should be told about (Escape, a closed panel, a signed-out store). */
export function isCancellation(e: unknown): boolean {
  return e instanceof vscode.CancellationError || describeError(e).silent;
}

const KEYCHAIN_HELP = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';

/** A failure's sentence as notification text: the vocabulary's template localized, its values kept inert (src/host/common/notify.ts). */
export function failureNotice(f: Failure, context?: FailureContext): Notice {
  const { template, values } = describeFailure(f, locale(), context).detail;
  return notice(template, ...values.map((v) => v.value));
}

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

/**
 * Says that no store is connected, as a warning (nothing failed yet: the user asked for something
 * that needs a store), with the vocabulary's words and actions. Not awaited: a command ends even if
 * nobody ever answers the notification.
 */
export function warnNotSignedIn(notifier: Notifier): void {
  const d = describeFailure({ kind: 'notSignedIn' }, locale());
  const titles = d.actions.map((a) => actionTitle(a, locale()));
  void notifier.warn(noticeOf(d.message), {}, ...titles).then(async (picked) => {
    const action = d.actions[picked === undefined ? -1 : titles.indexOf(picked)];
    if (action !== undefined) {
      await runAction(action);
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
