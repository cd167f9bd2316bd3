import * as vscode from 'vscode';
import { YampiError } from '../core/api/errors';
import type { Logger } from '../core/logger';
import { BaseUrlError } from './apiService';
import { SecretStorageUnavailableError } from './credentialStore';

export interface ErrorAction {
  readonly title: string;
  readonly run: () => unknown;
}

export interface DescribedError {
  readonly message: string;
  readonly actions: readonly ErrorAction[];
}

const showLog = (): ErrorAction => ({ title: vscode.l10n.t('Show Log'), run: () => vscode.commands.executeCommand('yampi.showLog') });

/** True for errors the user caused on purpose (Escape, closing a panel): never shown. */
export function isCancellation(e: unknown): boolean {
  return YampiError.is(e, 'cancelled') || e instanceof vscode.CancellationError;
}

/**
 * The one place errors become words. Short, localized, with the action that helps; the details go
 * to the log. No message ever contains a secret (core errors don't carry them).
 */
export function describeError(e: unknown, retry?: () => unknown): DescribedError {
  const retryAction: ErrorAction[] = retry ? [{ title: vscode.l10n.t('Retry'), run: retry }] : [];
  if (YampiError.is(e)) {
    const alias = e.alias ?? '';
    switch (e.kind) {
      case 'auth':
        return {
          message: vscode.l10n.t('Yampi rejected the credentials for store "{0}". They change when the account password changes.', alias),
          actions: [{ title: vscode.l10n.t('Set Credentials'), run: () => vscode.commands.executeCommand('yampi.setCredentials') }],
        };
      case 'forbidden':
        return {
          message: vscode.l10n.t('Store "{0}" is inactive or these credentials have no permission for it.', alias),
          actions: [{ title: vscode.l10n.t('Switch Store'), run: () => vscode.commands.executeCommand('yampi.switchStore') }],
        };
      case 'notFound':
        return e.customerId === undefined
          ? { message: vscode.l10n.t('Store "{0}" was not found.', alias), actions: [] }
          : { message: vscode.l10n.t('Customer #{0} not found in store "{1}".', String(e.customerId), alias), actions: [] };
      case 'rateLimited':
        return {
          message: vscode.l10n.t("Yampi's request limit was reached and waiting did not help. Try again in a minute."),
          actions: [...retryAction],
        };
      case 'server':
        return { message: vscode.l10n.t('Yampi answered with a server error (HTTP {0}).', e.status ?? 500), actions: [...retryAction, showLog()] };
      case 'network':
        return { message: vscode.l10n.t('Could not reach the Yampi API. Check your connection.'), actions: [...retryAction, showLog()] };
      case 'timeout':
        return { message: vscode.l10n.t('The Yampi API did not answer in time.'), actions: [...retryAction, showLog()] };
      case 'invalidResponse':
        return { message: vscode.l10n.t('The Yampi API sent a response that could not be read.'), actions: [...retryAction, showLog()] };
      case 'tls':
        return { message: vscode.l10n.t('The certificate of {0} is not trusted — corporate proxy or TLS inspection? See the log.', e.host ?? '?'), actions: [showLog()] };
      case 'proxy':
        return { message: vscode.l10n.t('The proxy {0} failed or refused the request. Check http.proxy.', e.proxy ?? '?'), actions: [...retryAction, showLog()] };
      case 'invalidInput':
        return { message: vscode.l10n.t('Invalid store alias or customer id.'), actions: [] };
      case 'cancelled':
        return { message: vscode.l10n.t('Cancelled.'), actions: [] };
    }
  }
  if (e instanceof Error && e.name === 'NotSignedInError') {
    return {
      message: vscode.l10n.t('Connect a Yampi store first.'),
      actions: [{ title: vscode.l10n.t('Set Credentials'), run: () => vscode.commands.executeCommand('yampi.setCredentials') }],
    };
  }
  if (e instanceof BaseUrlError) {
    return {
      message: e.problem === 'insecureHttp'
        ? vscode.l10n.t('The setting yampi.apiBaseUrl uses http:// for a host that is not this machine. Use https:// (http:// is accepted only for 127.0.0.1 and localhost).')
        : vscode.l10n.t('The setting yampi.apiBaseUrl is not a valid https:// URL.'),
      actions: [{ title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'yampi.apiBaseUrl') }],
    };
  }
  if (e instanceof SecretStorageUnavailableError) {
    const what = e.operation === 'save'
      ? vscode.l10n.t('VS Code could not use its secret storage, so nothing was saved.')
      : e.operation === 'delete'
        ? vscode.l10n.t('VS Code could not use its secret storage, so the store was not signed out.')
        : vscode.l10n.t('VS Code could not read the saved credentials from its secret storage.');
    const fix = vscode.l10n.t('On Linux, install and unlock a keyring (GNOME Keyring or KWallet); on a remote or headless machine, set YAMPI_ALIAS, YAMPI_USER_TOKEN and YAMPI_USER_SECRET_KEY in the environment instead.');
    return {
      message: `${what} ${fix}`,
      actions: [
        { title: vscode.l10n.t('How to Fix'), run: () => vscode.env.openExternal(vscode.Uri.parse('https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues')) },
        showLog(),
      ],
    };
  }
  return { message: vscode.l10n.t('Something went wrong: {0}', e instanceof Error ? e.message : String(e)), actions: [showLog()] };
}

const shown: string[] = [];

/** Remembers a problem message the user was shown (errors and warnings), keeping the last 20. */
export function recordShown(message: string): void {
  shown.push(message);
  shown.splice(0, Math.max(0, shown.length - 20));
}

/** The error and warning messages shown so far, newest last (the test API reads them; at most 20 kept). */
export function shownErrors(): readonly string[] {
  return shown;
}

/**
 * Logs the full error and shows the short message with its actions. Does not wait for the user:
 * a command must finish even when nobody ever clicks the notification.
 */
export function showError(logger: Logger, e: unknown, retry?: () => unknown): void {
  if (isCancellation(e)) {
    logger.debug('Cancelled by the user.');
    return;
  }
  logger.error(e instanceof Error ? e : String(e));
  const { message, actions } = describeError(e, retry);
  recordShown(message);
  void vscode.window.showErrorMessage(message, ...actions.map((a) => a.title)).then(async (picked) => {
    await actions.find((a) => a.title === picked)?.run();
  });
}

/** Wraps a command handler: every failure goes through showError, cancellation stays silent. */
export function runCommand<A extends unknown[], R>(logger: Logger, name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  const wrapped = async (...args: A): Promise<R | undefined> => {
    try {
      return await fn(...args);
    } catch (e) {
      logger.debug(`Command ${name} failed.`);
      showError(logger, e, () => wrapped(...args));
      return undefined;
    }
  };
  return wrapped;
}
