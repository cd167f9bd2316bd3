/**
 * THE way the extension shows a notification, a modal dialog, a progress title or a status-bar
 * message. Nothing else in src/ may call `window.show{Information,Warning,Error}Message`,
 * `window.withProgress` or `window.setStatusBarMessage` (test/unit/common/noticeBuilder.test.ts fails).
 *
 * Build the text with `notice(template, ...values)`: the template is our English catalogue key
 * (translated with vscode.l10n.t, so it needs its pt-BR entry; the l10n test finds the literal
 * templates), the values go separately and are made inert (no link, icon, line break or bidi trick,
 * bounded length: src/core/common/notice.ts says what VS Code renders). Text made elsewhere (a core
 * failure message) goes through `noticeOf(text)`, which makes all of it inert.
 *
 *   notifier.info(notice('Connected to Yampi store "{0}".', store.name));
 *   notifier.warn(notice('Sign out of Yampi store "{0}"? Its credentials are deleted from this machine.', alias), { modal: true }, signOutLabel);
 *   notifier.error(noticeOf(describeError(e).message), ...actionTitles);
 *   notifier.progress({ location: vscode.ProgressLocation.Notification, title: notice('Checking store "{0}"…', alias) }, (p, ct) => work(ct));
 *   notifier.status(notice('Copied the customer id.'));
 *
 * Action button labels are our own words (vscode.l10n.t literals), never data.
 */
import vscode = require('vscode');
import { inertNoticeValue, noticeText } from '../../core/common/notice';

/** Text that may be shown: only `notice` and `noticeOf` make one. */
export class Notice {
  private constructor(readonly text: string) {}

  /** @internal use `notice` */
  static fill(template: string, values: readonly unknown[]): Notice {
    return new Notice(noticeText((m, ...a) => vscode.l10n.t(m, ...a), template, values));
  }

  /** @internal use `noticeOf` */
  static inert(text: string): Notice {
    return new Notice(inertNoticeValue(text, 900));
  }
}

/** Our template (an English catalogue key) with outside values kept inert. */
export function notice(template: string, ...values: ReadonlyArray<string | number>): Notice {
  return Notice.fill(template, values);
}

/** A whole text made elsewhere (already localized), every character of it treated as outside text. */
export function noticeOf(text: string): Notice {
  return Notice.inert(text);
}

/** A modal or not; a modal's detail line is a Notice too. */
export interface NoticeOptions {
  readonly modal?: boolean;
  readonly detail?: Notice;
}

export interface NoticeProgressOptions {
  readonly location: vscode.ProgressLocation | { readonly viewId: string };
  readonly title?: Notice;
  readonly cancellable?: boolean;
}

/**
 * How the extension speaks to the user. One object, so the test seams can observe what was shown
 * without a module-level list in production code.
 */
export interface Notifier {
  error(message: Notice, ...actions: string[]): Thenable<string | undefined>;
  warn(message: Notice, options: NoticeOptions, ...actions: string[]): Thenable<string | undefined>;
  info(message: Notice, ...actions: string[]): Thenable<string | undefined>;
  status(message: Notice): void;
  progress<R>(options: NoticeProgressOptions, task: (progress: vscode.Progress<NoticeProgressStep>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

/** A progress report: its message is a Notice like any other text shown. */
export interface NoticeProgressStep {
  readonly message?: Notice;
  readonly increment?: number;
}

const messageOptions = (o: NoticeOptions): vscode.MessageOptions => ({
  ...(o.modal === undefined ? {} : { modal: o.modal }),
  ...(o.detail === undefined ? {} : { detail: o.detail.text }),
});

export const vscodeNotifier: Notifier = {
  error: (m, ...a) => vscode.window.showErrorMessage(m.text, ...a),
  warn: (m, o, ...a) => vscode.window.showWarningMessage(m.text, messageOptions(o), ...a),
  info: (m, ...a) => vscode.window.showInformationMessage(m.text, ...a),
  status: (m) => { vscode.window.setStatusBarMessage(m.text, 3000); },
  progress: (o, task) =>
    vscode.window.withProgress(
      { location: o.location, ...(o.title === undefined ? {} : { title: o.title.text }), ...(o.cancellable === undefined ? {} : { cancellable: o.cancellable }) },
      (progress, token) => task({
        report: (step) => {
          progress.report({ ...(step.message === undefined ? {} : { message: step.message.text }), ...(step.increment === undefined ? {} : { increment: step.increment }) });
        },
      }, token),
    ),
};
