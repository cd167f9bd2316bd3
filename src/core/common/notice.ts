/**
 * Text for what VS Code shows outside our own views: notifications (toasts and the notification
 * centre), modal dialogs, progress titles and status-bar messages. Pure; the host's builder
 * (src/host/common/notify.ts) is the only caller that shows one.
 *
 * What VS Code renders there (checked in the workbench of VS Code 1.96 and 1.139):
 * - notifications, and a progress shown as a notification, parse links with `parseLinkedText`
 *   (vs/base/common/linkedText.ts): `[label](href)` or `[label](href "title")` where href starts
 *   with `https://`, `http://`, `command:` or `file:` (any case). A `command:` link runs the command
 *   with its arguments when clicked. There is no escape syntax: a backslash does not stop it.
 *   Newlines are replaced by spaces; the text is cut at 1,000 characters.
 * - window progress and the status bar draw `$(name)` as an icon.
 * - modal dialogs (browser and native) show text as it is, line breaks included.
 *
 * So a value from outside (a setting, a store name, a customer field, an API error) is made inert
 * by `inertNoticeValue`: no line breaks or control characters, no `](` (a zero-width space after
 * every `]` and before a leading `(`, so no link can start, end or straddle inside a value), no
 * `$(`, no bidirectional controls, isolated from the surrounding text direction, and cut to a
 * bounded length. Our own templates are written by us and hold no links.
 */
import { neutralizeIcons, truncate } from './text';

/** Longest outside value placed in a notification (VS Code cuts the whole message at 1,000). */
export const NOTICE_MAX_VALUE = 200;

/** VS Code's link syntax in notification text (vs/base/common/linkedText.ts, identical in 1.96 and 1.139). */
export const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

const ZWSP = '\u200b';

/** An outside value as inert notification text (see the module comment). */
export function inertNoticeValue(value: unknown, max = NOTICE_MAX_VALUE): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  const raw = typeof value === 'string' ? value : String(value);
  // eslint-disable-next-line no-control-regex -- replacing control, line-break and bidi characters is the point
  const flat = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = neutralizeIcons(truncate(flat, max));
  const linkless = cut.replaceAll(']', `]${ZWSP}`).replace(/^\(/, `${ZWSP}(`);
  return linkless === '' ? '' : `\u2068${linkless}\u2069`;
}

/**
 * Fills a localized template's `{0}`, `{1}`… with inert values. `localize` is the catalogue lookup
 * that also fills the placeholders (the host passes `vscode.l10n.t`, core `t(locale, …)`).
 */
export function noticeText(localize: (template: string, ...args: string[]) => string, template: string, values: readonly unknown[]): string {
  return localize(template, ...values.map((v) => inertNoticeValue(v)));
}

/** The links VS Code would render in a notification showing `text` (for tests and self-checks). */
export function notificationLinks(text: string): string[] {
  return [...text.replace(/(\r\n|\n|\r)/gm, ' ').matchAll(VSCODE_NOTIFICATION_LINK)].map((m) => m[0]);
}
