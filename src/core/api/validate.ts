/**
 * Input checks made before any request leaves the machine. Messages name the field, never its
 * value (a mistyped secret pasted into the wrong box must not end up in a log).
 */
import { isValidAlias } from '../common/alias';
import { YampiError } from './errors';
import type { Credentials } from './types';

/** Header values must be printable ASCII without spaces (no CR/LF header injection). */
const HEADER_SAFE = /^[\x21-\x7e]{1,512}$/;
const DIGITS = /^[0-9]{1,16}$/;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;

function invalid(field: string, message: string, alias?: string): YampiError {
  return new YampiError('invalidInput', message, { field, alias });
}

export function validateAlias(alias: unknown): string {
  if (!isValidAlias(alias)) {
    throw invalid('alias', 'store alias must be lowercase letters, digits and hyphens');
  }
  return alias;
}

export function validateCredentials(creds: Credentials, alias?: string): void {
  // The credentials arrive from settings, prompts and the environment: check their runtime type.
  const token: unknown = creds.userToken;
  const secret: unknown = creds.userSecretKey;
  if (typeof token !== 'string' || !HEADER_SAFE.test(token)) {
    throw invalid('userToken', 'User-Token is missing or has characters a header cannot carry', alias);
  }
  if (typeof secret !== 'string' || !HEADER_SAFE.test(secret)) {
    throw invalid('userSecretKey', 'User-Secret-Key is missing or has characters a header cannot carry', alias);
  }
}

/** A positive integer id, given as a number or as a string of digits. */
export function validateCustomerId(id: unknown, alias?: string): number {
  let n = Number.NaN;
  if (typeof id === 'number') {
    n = id;
  } else if (typeof id === 'string' && DIGITS.test(id.trim())) {
    // Stryker disable next-line MethodExpression: equivalent, Number() ignores surrounding whitespace itself
    n = Number(id.trim());
  }
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new YampiError('invalidInput', 'customer id must be a positive integer', { field: 'id', alias });
  }
  return n;
}

export function validatePage(page: unknown): number {
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isSafeInteger is false for every non-number (no coercion)
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 1) {
    throw invalid('page', 'page must be an integer from 1');
  }
  return page;
}

export function validateLimit(limit: unknown): number {
  // Stryker disable next-line ConditionalExpression: equivalent, Number.isInteger is false for every non-number (no coercion)
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalid('limit', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}

/** Trimmed search text, or undefined for "no search". */
export function validateQuery(q: unknown): string | undefined {
  if (q === undefined) {
    return undefined;
  }
  if (typeof q !== 'string' || q.length > MAX_QUERY_LENGTH) {
    throw invalid('q', `search text must be a string of at most ${MAX_QUERY_LENGTH} characters`);
  }
  const trimmed = q.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `https://host/v2/` → `https://host/v2`; only http(s) URLs without credentials or query. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid('baseUrl', 'API base URL is not a valid URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw invalid('baseUrl', 'API base URL must be http(s) without credentials, query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}
