import vscode = require('vscode');
import { Lifecycle } from './lifecycle';
import { parseSettings, type SettingKey, type Settings, SETTING_KEYS } from '../../core/common/settings';

/**
 * The one reader of `yampi.*` settings, with a change event that says which keys changed. Read on
 * first use, not at construction: activation signed out reads no configuration at all.
 */
export class SettingsService extends Lifecycle {
  private current: Settings | undefined;
  private readonly emitter = this.register(new vscode.EventEmitter<{ settings: Settings; changed: readonly SettingKey[] }>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('yampi')) {
        return;
      }
      const changed = Object.values(SETTING_KEYS).filter((k) => e.affectsConfiguration(`yampi.${k}`));
      this.current = SettingsService.read();
      this.emitter.fire({ settings: this.current, changed });
    }));
  }

  get settings(): Settings {
    this.current ??= SettingsService.read();
    return this.current;
  }

  /**
   * Flips privacy mode and resolves the value now in effect. The setting is `application` scoped,
   * so the user value is the only one; the answer is read back, never assumed.
   */
  async toggleMaskSensitiveData(): Promise<boolean> {
    const next = !this.settings.maskSensitiveData;
    await vscode.workspace.getConfiguration('yampi').update(SETTING_KEYS.maskSensitiveData, next, vscode.ConfigurationTarget.Global);
    this.current = SettingsService.read();
    return this.current.maskSensitiveData;
  }

  private static read(): Settings {
    const cfg = vscode.workspace.getConfiguration('yampi');
    // apiBaseUrl is declared `scope: machine`, so VS Code itself ignores workspace values for it:
    // a repository cannot redirect the credentials.
    return parseSettings((key) => cfg.get(key));
  }
}
