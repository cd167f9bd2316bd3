/** How the workbench words a verdict, in the user's language (product.md "Webhook workbench"). */
import { type Locale, msg, t } from '../common/strings';
import type { Diagnosis, SignatureState, Variant, Verdict } from './signature';

const STATES: Record<SignatureState, string> = {
  verified: msg('verified'),
  invalid: msg('invalid signature'),
  unsigned: msg('unsigned'),
  noSecret: msg('no secret set'),
};

const VARIANTS: Record<Variant, string> = {
  'raw-base64': msg('base64 HMAC of the raw body'),
  'php-base64': msg('base64 HMAC of PHP json_encode of the decoded body'),
  'php-assoc-base64': msg('base64 HMAC of PHP json_encode of the body decoded as arrays'),
  'raw-hex': msg('hex HMAC of the raw body'),
  'php-hex': msg('hex HMAC of PHP json_encode of the decoded body'),
  'php-assoc-hex': msg('hex HMAC of PHP json_encode of the body decoded as arrays'),
};

const DIAGNOSES: Record<Diagnosis, string> = {
  missingHeader: msg('The request has no X-Yampi-Hmac-SHA256 header.'),
  wrongHeaderName: msg('The request has no X-Yampi-Hmac-SHA256 header, but a header named {0}: Yampi signs only in X-Yampi-Hmac-SHA256.'),
  malformedSignature: msg('The header value is neither base64 nor hex of a SHA-256 digest.'),
  headerIsSecret: msg('The header carries the secret itself, not a signature of the body.'),
  secretWhitespace: msg('It matches once spaces or line breaks around the secret are removed: set the secret again without them.'),
  reserialized: msg('The body was changed on the way: it is not the JSON that was signed (re-serialized, re-indented or re-ordered).'),
  wrongSecret: msg('Most likely the wrong secret: each webhook has its own, and it changes when the webhook is recreated.'),
};

/** `verified` / `invalid signature` / `unsigned` / `no secret set` (pt-BR: verificada / …). */
export function stateLabel(state: SignatureState, locale: Locale): string {
  return t(locale, STATES[state]);
}

export function variantLabel(variant: Variant, locale: Locale): string {
  return t(locale, VARIANTS[variant]);
}

/** One or two sentences: the state, the variant that matched or why none did. Plain text (escape at the sink). */
export function explainVerdict(v: Verdict, locale: Locale): string {
  switch (v.state) {
    case 'verified':
      return v.variant === undefined ? t(locale, 'Signature verified.') : t(locale, 'Signature verified: {0}.', variantLabel(v.variant, locale));
    case 'noSecret':
      return t(locale, 'No webhook secret is set for this store: run Yampi: Set Webhook Secret… to check signatures.');
    case 'unsigned':
    case 'invalid': {
      const lead = v.state === 'unsigned' ? t(locale, 'Unsigned.') : t(locale, 'Invalid signature.');
      const why = v.diagnosis === undefined ? '' : t(locale, DIAGNOSES[v.diagnosis], v.header ?? '');
      const confirmed = v.diagnosis === 'reserialized' && v.confirmed === true ? ` ${t(locale, 'The signature matches the same JSON written differently.')}` : '';
      const rawOnly = v.rawOnly === true ? ` ${t(locale, 'The body is over 64 KB: only its raw bytes were checked.')}` : '';
      return `${lead} ${why}${confirmed}${rawOnly}`.trim();
    }
  }
}
