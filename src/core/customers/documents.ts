/**
 * Brazilian tax documents: CPF (people) and CNPJ (companies). Check-digit validation and the
 * usual punctuation. An invalid document is flagged by the caller, never hidden or "corrected".
 *
 * CNPJ accepts the alphanumeric form the Receita Federal introduced in July 2026 (first 12
 * characters 0-9/A-Z, check digits numeric; a character's value is its ASCII code minus 48).
 */

export type DocumentKind = 'cpf' | 'cnpj';

export interface DocumentCheck {
  readonly kind: DocumentKind;
  /** Digits (and, for CNPJ, upper-case letters) without punctuation. */
  readonly normalized: string;
  /** `000.000.000-00` / `00.000.000/0000-00` when the length is right, else the input trimmed. */
  readonly formatted: string;
  readonly valid: boolean;
}

/** Keeps 0-9 (and A-Z for CNPJ, upper-cased); drops punctuation and spaces. */
export function normalizeDocument(value: string, kind: DocumentKind): string {
  return kind === 'cpf' ? value.replace(/\D/g, '') : value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function allSame(s: string): boolean {
  return /^(.)\1*$/.test(s);
}

function checkDigit(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum += v * (weights[i] ?? 0);
  });
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidCpf(value: string): boolean {
  const d = normalizeDocument(value, 'cpf');
  if (d.length !== 11 || allSame(d) || /[^\d\s.-]/.test(value)) {
    return false;
  }
  const n = Array.from(d, Number);
  const first = checkDigit(n.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(n.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === n[9] && second === n[10];
}

const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

export function isValidCnpj(value: string): boolean {
  const d = normalizeDocument(value, 'cnpj');
  if (!/^[0-9A-Z]{12}\d{2}$/.test(d) || allSame(d) || /[^0-9A-Za-z\s./-]/.test(value)) {
    return false;
  }
  const n = Array.from(d, (c) => c.charCodeAt(0) - 48);
  const first = checkDigit(n.slice(0, 12), CNPJ_WEIGHTS.slice(1));
  const second = checkDigit(n.slice(0, 13), CNPJ_WEIGHTS);
  return first === n[12] && second === n[13];
}

export function formatCpf(value: string): string {
  const d = normalizeDocument(value, 'cpf');
  return d.length === 11 ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}` : value.trim();
}

export function formatCnpj(value: string): string {
  const d = normalizeDocument(value, 'cnpj');
  return d.length === 14
    ? `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`
    : value.trim();
}

export function checkDocument(value: string, kind: DocumentKind): DocumentCheck {
  return kind === 'cpf'
    ? { kind, normalized: normalizeDocument(value, kind), formatted: formatCpf(value), valid: isValidCpf(value) }
    : { kind, normalized: normalizeDocument(value, kind), formatted: formatCnpj(value), valid: isValidCnpj(value) };
}
