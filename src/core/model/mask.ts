/**
 * Masks for personal data shown while privacy mode is on (LGPD: show as little as needed).
 * Each mask keeps just enough to recognise the value (the gov.br convention for CPF shows the
 * middle six digits) and never reveals the length of free text.
 */
import { normalizeDocument } from './documents';
import { digitsOf } from './format';

const STARS = '***';

/** `***.456.789-**`; a CPF of the wrong length becomes `***`. */
export function maskCpf(value: string): string {
  const d = normalizeDocument(value, 'cpf');
  return d.length === 11 ? `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**` : STARS;
}

/** `**.481.953/0001-**` (root's middle and branch kept, first two and check digits hidden). */
export function maskCnpj(value: string): string {
  const d = normalizeDocument(value, 'cnpj');
  return d.length === 14 ? `**.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-**` : STARS;
}

/** `m***@exemplo.com.br`: first character of the local part and the whole domain. */
export function maskEmail(value: string): string {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) {
    return STARS;
  }
  return `${v[Symbol.iterator]().next().value ?? ''}${STARS}${v.slice(at)}`;
}

/** `(16) *****-5668` / `(41) ****-4519` / `*****-5668`: area code and the last four digits kept. */
export function maskPhone(value: string): string {
  let d = digitsOf(value);
  if ((d.length === 12 || d.length === 13) && d.startsWith('55')) {
    d = d.slice(2);
  }
  const last4 = d.slice(-4);
  switch (d.length) {
    case 11:
      return `(${d.slice(0, 2)}) *****-${last4}`;
    case 10:
      return `(${d.slice(0, 2)}) ****-${last4}`;
    case 9:
      return `*****-${last4}`;
    case 8:
      return `****-${last4}`;
    default:
      return d.length > 4 ? `${'*'.repeat(d.length - 4)}${last4}` : STARS;
  }
}

/** Any run of 8+ digits in a URL (a phone number) keeps only its last four: `…phone=*********5668`. */
export function maskDigitsInUrl(value: string): string {
  return value.replace(/\d{8,}/g, (run) => `${'*'.repeat(run.length - 4)}${run.slice(-4)}`);
}

/** `**\/**\/1991`: the year only (age range is useful for support; day and month identify). */
export function maskBirthday(value: string): string {
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(value.trim());
  return m ? `**/**/${m[1] ?? ''}` : STARS;
}

/** `203.0.*.*` for IPv4, the first two groups for IPv6 (`2001:db8:*`). */
export function maskIp(value: string): string {
  const v = value.trim();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v);
  if (v4) {
    return `${v4[1] ?? ''}.${v4[2] ?? ''}.*.*`;
  }
  if (v.includes(':')) {
    const groups = v.split(':').filter((g) => g !== '');
    return groups.length >= 2 ? `${groups[0] ?? ''}:${groups[1] ?? ''}:*` : STARS;
  }
  return STARS;
}

/** Free text (street, complement, ids): first character then `***`, length not revealed. */
export function maskText(value: string): string {
  const first = value.trim()[Symbol.iterator]().next().value; // one code point, without splitting the whole text
  return first === undefined ? STARS : `${first}${STARS}`;
}

/** Thoroughfare words kept by maskStreet: they say what kind of place it is, not where. */
const THOROUGHFARE = /^(rua|r\.|avenida|av\.?|travessa|tv\.?|alameda|al\.?|rodovia|rod\.?|estrada|est\.?|praça|pça\.?|largo|viela|via|beco|ladeira)\s/i;

/**
 * `Rua ***` / `Avenida ***`: the type of thoroughfare stays, its name goes (with the name and the
 * city, a street identifies a home). Other text: first character then `***`.
 */
export function maskStreet(value: string): string {
  const v = value.trim();
  const m = THOROUGHFARE.exec(v);
  return m ? `${m[1] ?? ''} ${STARS}` : maskText(v);
}

/** `14015-***`: the first five CEP digits (the region) stay, the rest goes. */
export function maskCep(value: string): string {
  const d = digitsOf(value);
  return d.length === 8 ? `${d.slice(0, 5)}-${STARS}` : STARS;
}
