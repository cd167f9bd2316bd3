import vscode = require('vscode');
import { customerTargetOf } from '../../core/commands/args';
import { COMMANDS } from '../../core/commands/ids';
import { openSampleLog } from '../walkthrough';
import type { Commands, Features } from './registry';

type DataCommands = Commands<'pinCustomer' | 'unpinCustomer' | 'togglePrivacyMode' | 'clearCache' | 'showLog' | 'openSampleLog'>;

/** Pinned, privacy mode, Clear Cached Data; the log and the walkthrough's sample. */
export function dataCommands(f: Features): DataCommands {
  const { services } = f;
  const setPinned = async (arg: unknown, pinned: boolean): Promise<boolean> => {
    const target = customerTargetOf(arg);
    const alias = services.sessions.resolveAlias(target?.alias);
    if (!target || alias === undefined) {
      return false;
    }
    await (pinned ? services.lists.pin(alias, target.id) : services.lists.unpin(alias, target.id));
    return true;
  };
  return {
    [COMMANDS.pinCustomer]: (arg) => setPinned(arg, true),
    [COMMANDS.unpinCustomer]: (arg) => setPinned(arg, false),
    [COMMANDS.togglePrivacyMode]: async () => {
      const next = await services.settings.toggleMaskSensitiveData();
      services.notifier.status(next ? vscode.l10n.t('Yampi: personal data masked.') : vscode.l10n.t('Yampi: personal data shown.'));
      return next;
    },
    [COMMANDS.clearCache]: async () => {
      for (const s of services.sessions.all()) {
        s.clear();
      }
      services.api.clearCache();
      f.webhooks.clear(); // webhook deliveries and payloads (memory only) go too
      await services.lists.clearRecent(services.credentials.signedInAliases());
      f.tree.refresh();
      void services.notifier.info(vscode.l10n.t('Cleared cached customer data and the Recent list.'));
      return true;
    },
    [COMMANDS.showLog]: () => {
      services.channel.show(true);
      return Promise.resolve(true);
    },
    [COMMANDS.openSampleLog]: () => openSampleLog(),
  };
}
