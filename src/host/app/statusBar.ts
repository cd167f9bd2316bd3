import vscode = require('vscode');
import { COMMANDS } from '../../core/commands/ids';
import { escapeMarkdown, plainLabel } from '../../core/common/text';
import type { PlatformServices } from './services';

/** What the status bar uses of the activation stage. */
type Deps = Pick<PlatformServices, 'credentials' | 'settings'>;

/**
 * Two items: the active store (click → switch) and the privacy mode (click → toggle). The privacy
 * item exists only once a store is connected (signed out, activation creates just the first).
 */
export function registerStatusBar(services: Deps): vscode.Disposable {
  const store = vscode.window.createStatusBarItem('yampi.store', vscode.StatusBarAlignment.Left, 50);
  store.name = vscode.l10n.t('Yampi Store');
  let privacyItem: vscode.StatusBarItem | undefined;
  const privacyOf = (): vscode.StatusBarItem => {
    if (!privacyItem) {
      privacyItem = vscode.window.createStatusBarItem('yampi.privacy', vscode.StatusBarAlignment.Left, 49);
      privacyItem.name = vscode.l10n.t('Yampi Privacy Mode');
      privacyItem.command = COMMANDS.togglePrivacyMode;
    }
    return privacyItem;
  };

  const update = (): void => {
    const alias = services.credentials.activeAlias();
    if (alias === undefined) {
      store.text = `$(plug) ${vscode.l10n.t('Connect Yampi')}`;
      store.tooltip = vscode.l10n.t('Not connected to a Yampi store. Click to set credentials.');
      store.command = COMMANDS.setCredentials;
      store.backgroundColor = undefined;
      privacyItem?.hide();
    } else {
      const name = services.credentials.displayName(alias);
      store.text = `$(account) Yampi: ${plainLabel(name, 60)}`;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${vscode.l10n.t('Yampi store')}**: ${escapeMarkdown(name, 200)} (\`${alias}\`)\n\n`);
      if (services.credentials.usingEnvironment()) {
        md.appendMarkdown(vscode.l10n.t('Credentials from the environment (YAMPI_ALIAS, YAMPI_USER_TOKEN, YAMPI_USER_SECRET_KEY); never saved.'));
      } else {
        md.appendMarkdown(vscode.l10n.t('Credentials in VS Code secret storage. Click to switch store.'));
      }
      store.tooltip = md;
      store.command = COMMANDS.switchStore;
      const masked = services.settings.settings.maskSensitiveData;
      const privacy = privacyOf();
      privacy.text = masked ? '$(eye-closed)' : '$(eye)';
      privacy.tooltip = masked
        ? vscode.l10n.t('Yampi privacy mode is on: personal data is masked. Click to show it.')
        : vscode.l10n.t('Yampi privacy mode is off: personal data is shown. Click to mask it.');
      privacy.show();
    }
    store.show();
  };
  update();
  const subs = [
    services.credentials.onDidChange(update),
    services.settings.onDidChange(update),
  ];
  return vscode.Disposable.from(store, new vscode.Disposable(() => { privacyItem?.dispose(); }), ...subs);
}

