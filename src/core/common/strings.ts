/**
 * The core's side of the one localization system: the same catalogue and keys as `vscode.l10n`
 * (English source strings; `l10n/bundle.l10n.pt-br.json` holds Brazilian Portuguese). The host loads
 * the catalogue once (`setCatalog(vscode.l10n.bundle)`); unit tests load the file. The locale stays
 * explicit, so pure code and tests can render either language; dates and money use it too.
 */

export type Locale = 'en' | 'pt-br';

/** Maps `vscode.env.language` (e.g. `pt-br`, `pt`, `en-us`) to a locale we carry. */
export function toLocale(language: string | undefined): Locale {
  return language !== undefined && /^pt(?:[-_]|$)/i.test(language.trim()) ? 'pt-br' : 'en';
}

let catalog: Readonly<Record<string, string>> = {};

/** The translations of the non-English locale (VS Code's `l10n.bundle`, or the bundle file in tests). */
export function setCatalog(contents: Readonly<Record<string, string>> | undefined): void {
  catalog = contents ?? {};
}

/** Translates an English message and fills `{0}`, `{1}`… with the arguments (plain text; escape at the sink). */
export function t(locale: Locale, message: string, ...args: readonly (string | number)[]): string {
  const template = locale === 'en' ? message : (catalog[message] ?? message);
  if (args.length === 0) {
    return template; // nothing to fill: a `{0}` without its argument stays as written either way
  }
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? whole : String(arg);
  });
}

/** An English source string of the catalogue (a key of l10n/bundle.l10n.pt-br.json). */
export type Message = string;

/**
 * Marks an English string as a catalogue message where it is written down for later translation
 * (tables, maps): the localization test finds it, and `t()` translates it where it is shown.
 */
export function msg(message: Message): Message {
  return message;
}
