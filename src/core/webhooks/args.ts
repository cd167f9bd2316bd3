/** The programmatic forms of the webhook commands (product.md), parsed from whatever VS Code passes. */
import { isValidAlias } from '../credentials/stores';

const rec = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const optAlias = (v: unknown): string | undefined => (typeof v === 'string' && isValidAlias(v.trim()) ? v.trim() : undefined);

/** `{ alias?, secret? }`: a secret that is empty or over 1,000 characters counts as absent (the command asks). */
export function setSecretArgsOf(arg: unknown): { alias?: string; secret?: string } | undefined {
  const r = rec(arg);
  if (!r) {
    return undefined;
  }
  const secret = r['secret'];
  const alias = optAlias(r['alias']);
  return {
    ...(typeof secret === 'string' && secret.trim() !== '' && secret.length <= 1000 ? { secret } : {}),
    ...(alias !== undefined ? { alias } : {}),
  };
}

/** `{ body, signature, alias? }`. */
export function verifyArgsOf(arg: unknown): { body: string; signature: string; alias?: string } | undefined {
  const r = rec(arg);
  if (!r || typeof r['body'] !== 'string' || typeof r['signature'] !== 'string') {
    return undefined;
  }
  const alias = optAlias(r['alias']);
  return { body: r['body'], signature: r['signature'], ...(alias !== undefined ? { alias } : {}) };
}

/** `{ event, url?, alias?, customerId? }`; `open: true` opens the sample in an editor instead of sending it. */
export function sendSampleArgsOf(arg: unknown): { event: string; url?: string; alias?: string; customerId?: number; open?: boolean } | undefined {
  const r = rec(arg);
  if (!r || typeof r['event'] !== 'string') {
    return undefined;
  }
  const alias = optAlias(r['alias']);
  const id = r['customerId'];
  return {
    event: r['event'],
    ...(typeof r['url'] === 'string' ? { url: r['url'] } : {}),
    ...(alias !== undefined ? { alias } : {}),
    ...(typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? { customerId: id } : {}),
    ...(r['open'] === true ? { open: true } : {}),
  };
}

/** A delivery row (or its child) or a bare sequence number → the delivery's seq. */
export function deliverySeqOf(arg: unknown): number | undefined {
  if (typeof arg === 'number' && Number.isSafeInteger(arg) && arg > 0) {
    return arg;
  }
  const seq = rec(arg)?.['seq'];
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : undefined;
}
