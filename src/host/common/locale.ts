import vscode = require('vscode');
import { type Locale, toLocale } from '../../core/common/strings';

/** The language of VS Code's UI, as one of the locales the core carries. */
export function locale(): Locale {
  return toLocale(vscode.env.language);
}
