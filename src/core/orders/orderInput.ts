/**
 * What "Look Up Order…" accepts (product.md § Commands): an order number (`1000457`, `#1000457`,
 * `pedido 1000457`) or a pasted URL holding `/orders/<id>`. Bare digits are a number first, but
 * they may also be an id, so the lookup checks both and offers both when both exist; `#` and
 * `pedido` say "number" on purpose, a URL says "id". Pure, so the quick pick validates as you type.
 */
import { type Locale, msg, t } from '../common/strings';

export type OrderQuery =
  /** `alsoId`: bare digits, which may be an order id too. */
  | { readonly kind: 'number'; readonly number: number; readonly alsoId: boolean }
  | { readonly kind: 'id'; readonly id: number };

export type OrderInputError = 'empty' | 'notANumber' | 'notPositive' | 'tooLarge';

export type OrderInputResult = { readonly ok: true; readonly query: OrderQuery } | { readonly ok: false; readonly error: OrderInputError };

/** Longest input looked at: a pasted URL is short; anything longer is not an order reference. */
export const MAX_ORDER_INPUT = 2_000;

const URL_ID = /\/orders\/(-?\d{1,20})(?![\d])/i;
const BARE = /^([+-]?\d{1,20})$/;
const MARKED = /^(?:pedido|order|n[º°o.]*)?\s*#\s*([+-]?\d{1,20})$|^(?:pedido|order)\s*:?\s*([+-]?\d{1,20})$/i;

function positive(digits: string): { ok: true; n: number } | { ok: false; error: OrderInputError } {
  const n = Number(digits);
  if (n <= 0) {
    return { ok: false, error: 'notPositive' };
  }
  if (!Number.isSafeInteger(n)) {
    return { ok: false, error: 'tooLarge' };
  }
  return { ok: true, n };
}

export function parseOrderInput(input: string | number): OrderInputResult {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) ? parseOrderInput(String(input)) : { ok: false, error: Number.isFinite(input) && input > 0 ? 'tooLarge' : 'notANumber' };
  }
  const text = input.trim();
  if (text === '' || text === '#') {
    return { ok: false, error: 'empty' };
  }
  if (text.length > MAX_ORDER_INPUT) {
    return { ok: false, error: 'notANumber' };
  }
  const bare = BARE.exec(text)?.[1];
  if (bare !== undefined) {
    const p = positive(bare);
    return p.ok ? { ok: true, query: { kind: 'number', number: p.n, alsoId: true } } : p;
  }
  const marked = MARKED.exec(text);
  const digits = marked?.[1] ?? marked?.[2];
  if (digits !== undefined) {
    const p = positive(digits);
    return p.ok ? { ok: true, query: { kind: 'number', number: p.n, alsoId: false } } : p;
  }
  const url = URL_ID.exec(text)?.[1];
  if (url !== undefined) {
    const p = positive(url);
    return p.ok ? { ok: true, query: { kind: 'id', id: p.n } } : p;
  }
  return { ok: false, error: 'notANumber' };
}

const INPUT_ERROR: Readonly<Record<OrderInputError, string>> = {
  empty: msg('Type an order number like 1000457 or #1000457, or paste a link containing /orders/<id>.'),
  notANumber: msg('Not an order number: use 1000457, #1000457 or a link containing /orders/<id>.'),
  notPositive: msg('An order number is a positive number.'),
  tooLarge: msg('That number is too large to be an order number.'),
};

/** The problem with the input, in the user's language (undefined when it is a valid order reference). */
export function orderInputMessage(input: string, locale: Locale): string | undefined {
  const r = parseOrderInput(input);
  return r.ok ? undefined : t(locale, INPUT_ERROR[r.error]);
}
