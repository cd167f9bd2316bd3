import vscode = require('vscode');
import { YampiError } from '../../core/api/errors';
import type { Credentials, StoreRef } from '../../core/api/types';
import type { StoreInfo } from '../../core/customers/customer';
import { isValidAlias, type SavedStore } from '../../core/credentials/stores';
import { aliasOf, type SetCredentialsArgs, setCredentialsArgsOf } from '../../core/commands/args';
import { COMMANDS } from '../../core/commands/ids';
import { plainLabel } from '../../core/common/text';
import type { Needs } from '../app/services';
import { abortSignalFor } from '../common/apiService';
import { describeError, failureNotice, isCancellation, showError } from '../common/errors';
import { notice, noticeOf } from '../common/notify';
import type { Commands } from '../common/commandRegistry';

/** What this module uses of the feature services (src/host/app/features.ts builds them). */
type Deps = Needs<'api' | 'credentials' | 'lists' | 'logger' | 'notifier' | 'sessions'>;


type Validation =
  | { readonly kind: 'stores'; readonly stores: readonly StoreInfo[] }
  | { readonly kind: 'storeListUnavailable' };

/** POST /auth/me: the stores these credentials reach. Auth errors propagate; anything else means "ask for the alias". */
async function readStores(services: Deps, creds: Credentials, token?: vscode.CancellationToken): Promise<Validation> {
  const abort = abortSignalFor(token);
  try {
    const me = await services.api.client().me(creds, { signal: abort.signal });
    return me.stores.length > 0 ? { kind: 'stores', stores: me.stores } : { kind: 'storeListUnavailable' };
  } catch (e) {
    if (YampiError.is(e, 'auth') || YampiError.is(e, 'cancelled')) {
      throw e;
    }
    services.logger.warn('Could not read the store list from auth/me; falling back to asking for the alias.', e);
    return { kind: 'storeListUnavailable' };
  } finally {
    abort.dispose();
  }
}

/** Validates one alias with a one-item customer list. */
async function probeStore(services: Deps, store: StoreRef, token?: vscode.CancellationToken): Promise<void> {
  const abort = abortSignalFor(token);
  try {
    await services.api.client().listCustomers(store, { limit: 1, skipCache: true, signal: abort.signal });
  } finally {
    abort.dispose();
  }
}

/** The programmatic form: no prompts, still validated. Resolves true when saved. */
async function setCredentialsProgrammatic(services: Deps, args: SetCredentialsArgs): Promise<boolean> {
  const alias = args.alias.trim();
  const creds = { userToken: args.userToken.trim(), userSecretKey: args.userSecretKey.trim() };
  if (!isValidAlias(alias) || creds.userToken === '' || creds.userSecretKey === '') {
    void services.notifier.error(notice('Give a store alias, a User-Token and a User-Secret-Key.'));
    return false;
  }
  try {
    const v = await readStores(services, creds);
    const listed = v.kind === 'stores' ? v.stores.find((s) => s.alias === alias) : undefined;
    if (!listed) {
      await probeStore(services, { alias, ...creds });
    }
    await services.credentials.save([{ alias, name: listed?.name ?? alias }], creds, alias);
    services.logger.info(`Saved credentials for store ${alias}.`);
    return true;
  } catch (e) {
    showError(services.logger, services.notifier, e);
    return false;
  }
}

/** One password box; the value typed before is offered again on a retry. Undefined when dismissed. */
function askSecret(step: 1 | 2, value: string): Thenable<string | undefined> {
  const token = step === 1;
  return vscode.window.showInputBox({
    title: token ? vscode.l10n.t('Yampi credentials (1/2)') : vscode.l10n.t('Yampi credentials (2/2)'),
    prompt: token
      ? vscode.l10n.t('User-Token of your Yampi account. Find it in the Yampi admin under Perfil › Credenciais de API.')
      : vscode.l10n.t('User-Secret-Key of your Yampi account, next to the User-Token under Perfil › Credenciais de API.'),
    placeHolder: token ? vscode.l10n.t('User-Token') : vscode.l10n.t('User-Secret-Key'),
    password: true,
    ignoreFocusOut: true,
    value,
    validateInput: (v) => (v.trim() !== '' ? undefined : token ? vscode.l10n.t('The User-Token is required.') : vscode.l10n.t('The User-Secret-Key is required.')),
  });
}

/** Checks the pair with Yampi: the stores it reaches, `retry` after a rejection the user wants to fix, or undefined to stop. */
async function validate(services: Deps, creds: Credentials): Promise<Validation | 'retry' | undefined> {
  try {
    return await services.notifier.progress(
      { location: vscode.ProgressLocation.Notification, title: notice('Checking the credentials with Yampi…'), cancellable: true },
      (_p, ct) => readStores(services, creds, ct),
    );
  } catch (e) {
    if (isCancellation(e)) {
      return undefined;
    }
    if (YampiError.is(e, 'auth')) {
      const again = vscode.l10n.t('Try Again');
      const pick = await services.notifier.error(noticeOf(describeError(e, { surface: 'notification', operation: 'signIn' }).message), again);
      return pick === again ? 'retry' : undefined;
    }
    showError(services.logger, services.notifier, e);
    return undefined;
  }
}

/** Saves the chosen stores (the first becomes active) and says so. */
async function saveChosen(services: Deps, chosen: readonly SavedStore[], creds: Credentials): Promise<boolean> {
  const first = chosen[0];
  if (first === undefined) {
    return false;
  }
  try {
    await services.credentials.save(chosen, creds, first.alias);
  } catch (e) {
    showError(services.logger, services.notifier, e);
    return false;
  }
  void services.notifier.info(
    chosen.length === 1
      ? notice('Connected to Yampi store "{0}".', first.name)
      : notice('Connected to {0} Yampi stores. Active: "{1}".', chosen.length, first.name),
  );
  return true;
}

/** The interactive flow: two password boxes, validation, store picker; retry keeps what was typed. */
async function setCredentialsInteractive(services: Deps): Promise<boolean> {
  let token = '';
  let secret = '';
  for (;;) {
    const t = await askSecret(1, token);
    if (t === undefined) {
      return false;
    }
    token = t.trim();
    const s = await askSecret(2, secret);
    if (s === undefined) {
      return false;
    }
    secret = s.trim();
    const creds = { userToken: token, userSecretKey: secret };
    const validation = await validate(services, creds);
    if (validation === 'retry') {
      continue;
    }
    if (validation === undefined) {
      return false;
    }
    const chosen = validation.kind === 'stores' ? await pickStores(validation.stores) : await askAlias(services, creds);
    return chosen !== undefined && saveChosen(services, chosen, creds);
  }
}

async function pickStores(stores: readonly StoreInfo[]): Promise<SavedStore[] | undefined> {
  type Item = vscode.QuickPickItem & { store: StoreInfo };
  const items: Item[] = stores.map((s) => ({
    label: plainLabel(s.name),
    description: s.alias,
    ...(s.active ? (s.domain ? { detail: plainLabel(s.domain) } : {}) : { detail: vscode.l10n.t('Inactive store: Yampi refuses its requests') }),
    picked: s.active && stores.filter((x) => x.active).length === 1,
    store: s,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Which Yampi stores do you want to use?'),
    placeHolder: vscode.l10n.t('Pick one or more stores these credentials reach'),
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return picked?.map((i) => ({ alias: i.store.alias, name: i.store.name }));
}

async function askAlias(services: Deps, creds: Credentials): Promise<SavedStore[] | undefined> {
  for (;;) {
    const alias = await vscode.window.showInputBox({
      title: vscode.l10n.t('Store alias'),
      prompt: vscode.l10n.t('The store list could not be read. Type the store alias shown under Perfil › Credenciais de API.'),
      placeHolder: 'minha-loja',
      ignoreFocusOut: true,
      validateInput: (v) => (isValidAlias(v.trim()) ? undefined : vscode.l10n.t('Lowercase letters, digits and hyphens only, like minha-loja.')),
    });
    if (alias === undefined) {
      return undefined;
    }
    const store = { alias: alias.trim(), ...creds };
    try {
      await services.notifier.progress(
        { location: vscode.ProgressLocation.Notification, title: notice('Checking store "{0}"…', store.alias), cancellable: true },
        (_p, ct) => probeStore(services, store, ct),
      );
      return [{ alias: store.alias, name: store.alias }];
    } catch (e) {
      if (isCancellation(e)) {
        return undefined;
      }
      services.logger.warn(`Store ${store.alias} could not be validated.`, e);
      const again = vscode.l10n.t('Try Again');
      const pick = await services.notifier.error(noticeOf(describeError(e).message), again);
      if (pick !== again) {
        return undefined;
      }
    }
  }
}

function setCredentials(services: Deps, arg?: unknown): Promise<boolean> {
  const args = setCredentialsArgsOf(arg);
  return args ? setCredentialsProgrammatic(services, args) : setCredentialsInteractive(services);
}

type CredentialCommands = Commands<'setCredentials' | 'switchStore' | 'signOut'>;

/** Connect, switch and sign out. */
export function credentialCommands(services: Deps, ownNode: (v: unknown) => boolean = () => false): CredentialCommands {
  return {
    [COMMANDS.setCredentials]: (arg) => setCredentials(services, arg),
    [COMMANDS.switchStore]: (arg) => switchStore(services, arg),
    [COMMANDS.signOut]: (arg) => signOut(services, arg, ownNode),
  };
}

async function switchStore(services: Deps, alias?: unknown): Promise<boolean> {
  if (typeof alias === 'string') {
    const ok = await services.credentials.setActive(alias);
    if (!ok) {
      void services.notifier.error(failureNotice({ kind: 'unknownStore', alias }));
    }
    return ok;
  }
  const stores = services.credentials.stores();
  if (stores.length === 0) {
    const connect = vscode.l10n.t('Set Credentials');
    const pick = await services.notifier.info(notice('No Yampi store is saved yet.'), connect);
    if (pick === connect) {
      return setCredentials(services);
    }
    return false;
  }
  const active = services.credentials.activeAlias();
  const add = { label: `$(add) ${vscode.l10n.t('Connect another store…')}`, alias: '' };
  const picked = await vscode.window.showQuickPick(
    [...stores.map((s) => ({ label: plainLabel(s.name), description: s.alias, ...(s.alias === active ? { detail: vscode.l10n.t('Active store') } : {}), alias: s.alias })), add],
    { title: vscode.l10n.t('Switch Yampi store'), placeHolder: vscode.l10n.t('Pick the store to work with') },
  );
  if (!picked) {
    return false;
  }
  if (picked.alias === '') {
    return setCredentials(services);
  }
  return services.credentials.setActive(picked.alias);
}

/**
 * Signs out of the store named by the argument (an alias, or a store node from the tree — never
 * silently another store), else of the active one. Its session ends (requests cancelled, panels
 * closed, data dropped) and its Recent and Pinned lists are forgotten. Always confirmed, whatever
 * the arguments (a `command:` link can carry any), except for a node our own tree made (the very
 * object, not one shaped like it): the user clicked it in the tree.
 */
async function signOut(services: Deps, arg: unknown, ownNode: (v: unknown) => boolean): Promise<boolean> {
  if (arg !== undefined && aliasOf(arg) === undefined) {
    return false;
  }
  const storeAlias = services.sessions.resolveAlias(aliasOf(arg));
  if (storeAlias === undefined) {
    void services.notifier.info(notice('You are not signed in to any Yampi store.'));
    return false;
  }
  if (!services.credentials.stores().some((s) => s.alias === storeAlias)) {
    void services.notifier.info(notice('Store "{0}" uses credentials from the environment (YAMPI_*); unset those variables to sign out.', storeAlias));
    return false;
  }
  if (!ownNode(arg)) {
    const confirm = vscode.l10n.t('Sign Out');
    const pick = await services.notifier.warn(
      notice('Sign out of Yampi store "{0}"? Its credentials are deleted from this machine.', storeAlias),
      { modal: true },
      confirm,
    );
    if (pick !== confirm) {
      return false;
    }
  }
  await services.credentials.remove(storeAlias);
  services.sessions.end(storeAlias);
  services.api.clearCache(storeAlias);
  await services.lists.forget(storeAlias);
  services.logger.info(`Signed out of store ${storeAlias}.`);
  return true;
}
