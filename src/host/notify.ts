import * as vscode from 'vscode';

/**
 * How the extension speaks to the user through notifications. One object, so the test seams can
 * observe what was shown without a module-level list in production code.
 */
export interface Notifier {
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
  warn(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  status(message: string): void;
}

export const vscodeNotifier: Notifier = {
  error: (m, ...a) => vscode.window.showErrorMessage(m, ...a),
  warn: (m, o, ...a) => vscode.window.showWarningMessage(m, o, ...a),
  info: (m, ...a) => vscode.window.showInformationMessage(m, ...a),
  status: (m) => { vscode.window.setStatusBarMessage(m, 3000); },
};
