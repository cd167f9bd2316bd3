import * as vscode from 'vscode';
import { CLIENT_KEYS, parseSettings, type SettingKey, type Settings, SETTING_KEYS } from '../core/settings';

/** The one reader of `yampi.*` settings, with a change event that says which keys changed. */
export class SettingsService implements vscode.Disposable {
  private current: Settings;
  private readonly emitter = new vscode.EventEmitter<{ settings: Settings; changed: readonly SettingKey[] }>();
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.current = SettingsService.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('yampi')) {
        return;
      }
      const changed = Object.values(SETTING_KEYS).filter((k) => e.affectsConfiguration(`yampi.${k}`));
      this.current = SettingsService.read();
      this.emitter.fire({ settings: this.current, changed });
    });
  }

  get settings(): Settings {
    return this.current;
  }

  static needsClientRebuild(changed: readonly SettingKey[]): boolean {
    return changed.some((k) => CLIENT_KEYS.includes(k));
  }

  async setMaskSensitiveData(mask: boolean): Promise<void> {
    await vscode.workspace.getConfiguration('yampi').update(SETTING_KEYS.maskSensitiveData, mask, vscode.ConfigurationTarget.Global);
  }

  private static read(): Settings {
    const cfg = vscode.workspace.getConfiguration('yampi');
    // apiBaseUrl is declared `scope: machine`, so VS Code itself ignores workspace values for it:
    // a repository cannot redirect the credentials.
    return parseSettings((key) => cfg.get(key));
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
