/**
 * Parses what the user typed or pasted into "Look Up Customer…": `123`, `#123`, ` 123 `, or any
 * text/URL containing `/customers/123`. Pure, so the input box can validate as you type.
 */
import { type Locale, msg, t } from '../common/strings';

export type LookupError = 'empty' | 'notANumber' | 'notPositive' | 'tooLarge';

export type LookupResult = { readonly ok: true; readonly id: number } | { readonly ok: false; readonly error: LookupError };

const URL_ID = /\/customers\/(-?\d+)(?![\d])/i;
const PLAIN_ID = /^#?\s*([+-]?\d+)$/;

function fromDigits(text: string): LookupResult {
  const n = Number(text);
  if (n <= 0) {
    return { ok: false, error: 'notPositive' };
  }
  if (!Number.isSafeInteger(n)) {
    return { ok: false, error: 'tooLarge' };
  }
  return { ok: true, id: n };
}

export function parseLookupInput(input: string): LookupResult {
  const text = input.trim();
  if (text === '' || text === '#') {
    return { ok: false, error: 'empty' };
  }
  const plain = PLAIN_ID.exec(text);
  if (plain?.[1] !== undefined) {
    return fromDigits(plain[1]);
  }
  const url = URL_ID.exec(text);
  if (url?.[1] !== undefined) {
    return fromDigits(url[1]);
  }
  return { ok: false, error: 'notANumber' };
}

const LOOKUP_ERROR: Readonly<Record<LookupError, string>> = {
  empty: msg('Type a customer id, #id or a URL containing /customers/<id>.'),
  notANumber: msg('Not a customer id: use digits, #123 or a URL containing /customers/123.'),
  notPositive: msg('A customer id is a positive number.'),
  tooLarge: msg('That number is too large to be a customer id.'),
};

/** The message for `InputBox.validationMessage` (undefined when the input is a valid id). */
export function lookupValidationMessage(input: string, locale: Locale): string | undefined {
  const r = parseLookupInput(input);
  return r.ok ? undefined : t(locale, LOOKUP_ERROR[r.error]);
}
