/**
 * Brazilian renderings of customer values, shared by tree, hover and panel so they never disagree.
 * Hand-written rather than Intl-based: the output is the same on every Node/Electron/ICU build.
 * Money is always BRL; the English locale only swaps separators and date order.
 */
import { type YampiDate } from '../customers/customer';
import { type Locale } from './strings';

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * `(16) 98187-5668` for mobiles, `(41) 3022-4519` for landlines; a leading country code 55 is
 * dropped. Anything that does not look like a Brazilian number comes back trimmed, unchanged.
 */
export function formatPhone(value: string): string {
  if (/^\s*\+(?!\s*55)/.test(value)) {
    return value.trim();
  }
  let d = digitsOf(value);
  if ((d.length === 12 || d.length === 13) && d.startsWith('55')) {
    d = d.slice(2);
  }
  if (d.length === 11) {
    return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`;
  }
  if (d.length === 10) {
    return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
  }
  if (d.length === 9) {
    return `${d.slice(0, 5)}-${d.slice(5)}`;
  }
  if (d.length === 8) {
    return `${d.slice(0, 4)}-${d.slice(4)}`;
  }
  return value.trim();
}

export function formatCep(value: string): string {
  const d = digitsOf(value);
  return d.length === 8 ? `${d.slice(0, 5)}-${d.slice(5)}` : value.trim();
}

/** Wall-clock parts of an API date, in the store's time zone. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
}

const STORE_TIME_ZONE = 'America/Sao_Paulo';

/** One formatter per time zone, made on first use (making one costs far more than formatting with it). */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(timeZone: string, instant: Date): DateParts | undefined {
  try {
    let clock = wallClocks.get(timeZone);
    if (clock === undefined) {
      clock = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
      wallClocks.set(timeZone, clock);
    }
    const parts = clock.formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  } catch {
    return undefined;
  }
}

/**
 * Accepts the PHP-style `{date:"2025-05-18 14:32:07.000000", timezone_type, timezone}` (already a
 * wall-clock time in `timezone`), a plain `YYYY-MM-DD[ HH:MM[:SS]]`, or an ISO string with `Z` or an
 * offset (converted to the store's time zone, America/Sao_Paulo). Returns undefined otherwise.
 */
export function parseApiDate(value: YampiDate | string | null | undefined): DateParts | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const text = (typeof value === 'string' ? value : value.date).trim();
  const zoned = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (zoned) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : wallClockIn(STORE_TIME_ZONE, instant);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  if (m[4] === undefined || m[5] === undefined) {
    return { year, month, day };
  }
  return { year, month, day, hour: Number(m[4]), minute: Number(m[5]) };
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatParts(p: DateParts, locale: Locale, withTime: boolean): string {
  const date =
    locale === 'pt-br' ? `${pad2(p.day)}/${pad2(p.month)}/${p.year}` : `${MONTHS_EN[p.month - 1] ?? '?'} ${p.day}, ${p.year}`;
  if (!withTime || p.hour === undefined || p.minute === undefined) {
    return date;
  }
  return locale === 'pt-br' ? `${date} ${pad2(p.hour)}:${pad2(p.minute)}` : `${date}, ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** `23/08/1991` (pt-br) / `Aug 23, 1991` (en); unparseable input comes back unchanged. */
export function formatDate(value: YampiDate | string | null | undefined, locale: Locale): string {
  const p = parseApiDate(value);
  if (p) {
    return formatParts(p, locale, false);
  }
  return typeof value === 'string' ? value : (value?.date ?? '');
}

/** `18/05/2025 14:32` (pt-br) / `May 18, 2025, 14:32` (en), in the store's time zone. */
export function formatDateTime(value: YampiDate | string | null | undefined, locale: Locale): string {
  const p = parseApiDate(value);
  if (p) {
    return formatParts(p, locale, true);
  }
  return typeof value === 'string' ? value : (value?.date ?? '');
}

/** Longer integer parts are not an amount anyone bills: they come back unformatted (and views cut them). */
export const MAX_MONEY_DIGITS = 18;

/** `1234567` → `1.234.567`: one pass from the right (linear; the old lookahead regex was quadratic). */
function groupThousands(digits: string, separator: string): string {
  const head = digits.length % 3 === 0 ? 3 : digits.length % 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) {
    out += separator + digits.slice(i, i + 3);
  }
  return out;
}

/**
 * `R$ 1.234,56` (pt-br) / `R$ 1,234.56` (en) from the API's decimal strings (`"189.90"`) or numbers.
 * Anything else, or an integer part over MAX_MONEY_DIGITS digits, comes back unchanged.
 */
export function formatMoney(value: string | number, locale: Locale): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(2) : '') : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m?.[2] || m[2].replace(/^0+(?=\d)/, '').length > MAX_MONEY_DIGITS) {
    return typeof value === 'number' ? String(value) : value;
  }
  // a double holds ~17 significant digits: more decimals would only cost time
  let cents = Math.round(Number(`0.${(m[3] ?? '0').slice(0, 20)}`) * 100);
  let whole = BigInt(m[2]);
  if (cents === 100) {
    whole += 1n;
    cents = 0;
  }
  const [thousands, decimal] = locale === 'pt-br' ? ['.', ','] : [',', '.'];
  const grouped = groupThousands(whole.toString(), thousands);
  const sign = m[1] !== undefined && (whole > 0n || cents > 0) ? '-' : '';
  return `${sign}R$ ${grouped}${decimal}${pad2(cents)}`;
}
