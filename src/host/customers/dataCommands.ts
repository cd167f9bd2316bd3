import vscode = require('vscode');
import { customerTargetOf } from '../../core/commands/args';
import { COMMANDS } from '../../core/commands/ids';
import { openSampleLog } from '../app/walkthrough';
import type { Commands, FeaturesWith } from '../common/commandRegistry';
import { notice } from '../common/notify';

/** What these commands use of the features (src/host/app/features.ts builds them). */
type Uses = FeaturesWith<'tree' | 'webhooks', 'api' | 'channel' | 'credentials' | 'lists' | 'notifier' | 'sessions' | 'settings'>;

type DataCommands = Commands<'pinCustomer' | 'unpinCustomer' | 'togglePrivacyMode' | 'clearCache' | 'showLog' | 'openSampleLog'>;

/** Pinned, privacy mode, Clear Cached Data; the log and the walkthrough's sample. */
export function dataCommands(f: Uses): DataCommands {
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
      services.notifier.status(next ? notice('Yampi: personal data masked.') : notice('Yampi: personal data shown.'));
      return next;
    },
    [COMMANDS.clearCache]: async (arg) => {
      // destructive (the Recent list goes): confirmed unless our own tree's node asked
      if (!f.tree.isOwnNode(arg)) {
        const clear = vscode.l10n.t('Clear');
        const pick = await services.notifier.warn(notice('Clear cached customer data and the Recent list of every connected store?'), { modal: true }, clear);
        if (pick !== clear) {
          return false;
        }
      }
      services.sessions.clearAll();
      services.api.clearCache();
      f.webhooks.clear(); // webhook deliveries and payloads (memory only) go too
      await services.lists.clearRecent(services.credentials.signedInAliases());
      f.tree.refresh();
      void services.notifier.info(notice('Cleared cached customer data and the Recent list.'));
      return true;
    },
    [COMMANDS.showLog]: () => {
      services.channel.show(true);
      return Promise.resolve(true);
    },
    [COMMANDS.openSampleLog]: () => openSampleLog(),
  };
}
