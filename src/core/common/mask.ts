/**
 * Masks for personal data shown while privacy mode is on (LGPD: show as little as needed).
 * Each mask keeps just enough to recognise the value (the gov.br convention for CPF shows the
 * middle six digits) and never reveals the length of free text.
 */
import { normalizeDocument } from '../customers/documents';
import { digitsOf } from './format';

const STARS = '***';

/** `***.456.789-**`; a CPF of the wrong length becomes `***`. */
export function maskCpf(value: string): string {
  const d = normalizeDocument(value, 'cpf');
  return d.length === 11 ? `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**` : STARS;
}

/** `**.481.953/0001-**` (root's middle and branch kept, first two and check digits hidden). */
export function maskCnpj(value: string): string {
  // Stryker disable next-line StringLiteral: equivalent, normalizeDocument treats every kind but 'cpf' as a CNPJ
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
  // Stryker disable next-line StringLiteral: unreachable fallback, v has a first code point (at > 0)
  const first = v[Symbol.iterator]().next().value ?? '';
  return `${first}${STARS}${v.slice(at)}`;
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
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(value.trim())?.[1];
  return year === undefined ? STARS : `**/**/${year}`;
}

/**
 * `203.0.*.*` for IPv4. IPv6: its first two groups (`2001:db8:*`), or for an IPv4 written as IPv6
 * (IPv4-mapped `::ffff:203.0.113.45` as dual-stack servers record IPv4 clients, IPv4-compatible
 * `::203.0.113.45`, in dotted or hex form) that IPv4 masked: `::ffff:203.0.*.*`. Brackets, a port
 * and a zone id (`%eth0`) are dropped; text that does not parse as one address is `***` (fails closed).
 */
export function maskIp(value: string): string {
  const v = value.trim();
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?$/.exec(v)?.[1];
  if (v4 !== undefined) {
    const o = ipv4Octets(v4);
    return o ? maskIpv4(o[0], o[1]) : STARS;
  }
  const g = ipv6Groups(v);
  if (g === undefined) {
    return STARS;
  }
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0] = g;
  const zeroPrefix = g.slice(0, 5).every((group) => group === 0);
  if (zeroPrefix && g5 === 0xffff) {
    return `::ffff:${maskIpv4(g6 >> 8, g6 & 0xff)}`;
  }
  if (zeroPrefix && g5 === 0 && g6 !== 0) {
    return `::${maskIpv4(g6 >> 8, g6 & 0xff)}`;
  }
  return `${g0.toString(16)}:${g1.toString(16)}:*`;
}

function maskIpv4(first: number, second: number): string {
  return `${first}.${second}.*.*`;
}

/** The four octets of a dotted IPv4, or undefined when one is over 255. */
function ipv4Octets(dotted: string): [number, number, number, number] | undefined {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return Math.max(a, b, c, d) <= 255 ? [a, b, c, d] : undefined;
}

/**
 * The eight 16-bit groups of an IPv6 address, written compressed or not, with a dotted IPv4 tail or
 * not, bracketed (`[…]:port`) or not, with a zone id or not; undefined when it is none of these.
 */
function ipv6Groups(text: string): number[] | undefined {
  const unbracketed = /^\[(.*)\](?::\d{1,5})?$/.exec(text)?.[1] ?? text;
  // Stryker disable next-line StringLiteral: unreachable fallback, split always returns a first part
  let address = unbracketed.split('%')[0] ?? '';
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    // Stryker disable next-line StringLiteral: unreachable fallback, both groups always take part in a match
    const [, prefix = '', quad = ''] = dotted;
    const o = ipv4Octets(quad);
    if (o === undefined) {
      return undefined;
    }
    address = `${prefix}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const halves = address.split('::');
  // Stryker disable next-line StringLiteral: unreachable fallback, split always returns a first part
  const head = hexGroups(halves[0] ?? '');
  const tail = hexGroups(halves[1] ?? '');
  if (head === undefined || tail === undefined || halves.length > 2) {
    return undefined;
  }
  if (halves.length === 1) {
    return head.length === 8 ? head : undefined;
  }
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

/** `2001:db8` → [0x2001, 0xdb8]; '' → []; undefined when a group is not 1–4 hex digits. */
function hexGroups(text: string): number[] | undefined {
  if (text === '') {
    return [];
  }
  const groups = text.split(':');
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => parseInt(g, 16)) : undefined;
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
  const kind = THOROUGHFARE.exec(v)?.[1];
  return kind === undefined ? maskText(v) : `${kind} ${STARS}`;
}

/** `14015-***`: the first five CEP digits (the region) stay, the rest goes. */
export function maskCep(value: string): string {
  const d = digitsOf(value);
  return d.length === 8 ? `${d.slice(0, 5)}-${STARS}` : STARS;
}
