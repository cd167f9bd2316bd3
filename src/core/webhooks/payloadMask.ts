/**
 * Privacy mode for webhook payloads: personal values masked by the key that holds them, the way the
 * tree, hover and panel mask a customer (src/core/common/mask.ts). Keys that open an account or a
 * cart (`token`, `login_url`, `simulate_url`, `billet_url`) are always hidden. Pure.
 */
import { normalizeDocument } from '../customers/documents';
import { maskBirthday, maskCep, maskCnpj, maskCpf, maskDigitsInUrl, maskEmail, maskIp, maskPhone, maskStreet, maskText } from '../common/mask';

const HIDDEN = '***';
const ALWAYS_HIDDEN = new Set(['token', 'login_url', 'simulate_url', 'billet_url', 'password', 'secret', 'card_token']);

type Masker = (v: string) => string;

const BY_KEY: Readonly<Record<string, Masker>> = {
  email: maskEmail,
  cpf: maskCpf,
  cnpj: maskCnpj,
  holder_document: (v) => (normalizeDocument(v, 'cnpj').length === 14 ? maskCnpj(v) : maskCpf(v)),
  document: (v) => (normalizeDocument(v, 'cnpj').length === 14 ? maskCnpj(v) : maskCpf(v)),
  phone: maskPhone,
  phone_number: maskPhone,
  full_number: maskPhone,
  formated_number: maskPhone,
  whatsapp_link: maskDigitsInUrl,
  birthday: maskBirthday,
  ip: maskIp,
  street: maskStreet,
  complement: maskText,
  zip_code: maskCep,
  zipcode: maskCep,
  cep: maskCep,
  truncated_card: () => HIDDEN,
  holder_name: maskText,
};

/** Keys masked only inside a `phone` object (`phone.number` is a phone; `order.number` is not). */
const PHONE_PARTS: Readonly<Record<string, Masker>> = { number: maskPhone, area_code: () => '**' };

/** A copy of a decoded JSON value with personal data masked. */
export function maskJsonValue(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => maskJsonValue(v, parentKey));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = k.toLowerCase();
    const masker = BY_KEY[key] ?? (parentKey === 'phone' ? PHONE_PARTS[key] : undefined);
    if (ALWAYS_HIDDEN.has(key) && v !== null && v !== undefined && v !== '') {
      out[k] = HIDDEN;
    } else if (masker !== undefined && (typeof v === 'string' || typeof v === 'number')) {
      out[k] = masker(String(v));
    } else {
      out[k] = maskJsonValue(v, key);
    }
  }
  return out;
}

/**
 * A payload's text as shown with privacy mode on: JSON masked and pretty-printed; anything else
 * with e-mail addresses and long digit runs (CPF, phone) masked.
 */
export function maskPayloadText(text: string): string {
  try {
    return JSON.stringify(maskJsonValue(JSON.parse(text) as unknown), null, 2);
  } catch {
    return text
      .replace(/[^\s"'<>@,;:]{1,64}@[^\s"'<>@,;:]{1,253}/g, (e) => maskEmail(e))
      .replace(/\d{8,}/g, (run) => `${'*'.repeat(run.length - 4)}${run.slice(-4)}`);
  }
}
