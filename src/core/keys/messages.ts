/**
 * What a finding says in Problems. Never the key, not even part of it beyond its `sk_`/`wh_`
 * prefix: only its kind and whether git tracks the file.
 */
import { type Locale, t } from '../common/strings';
import type { KeyKind } from './scanner';

/** Problems entries of this feature carry this source. */
export const DIAGNOSTIC_SOURCE = 'Yampi';

/** The Problems `code` of each kind (the message says the rest). */
export const DIAGNOSTIC_CODES: Readonly<Record<KeyKind, string>> = {
  secretKey: 'yampi-user-secret-key',
  webhookSecret: 'yampi-webhook-secret',
  userToken: 'yampi-user-token',
};

/** Whether git tracks the file the key is in: committed (rotate), not yet, or no repository. */
export type Tracking = 'tracked' | 'untracked' | 'noRepository';

export function kindLabel(locale: Locale, kind: KeyKind): string {
  switch (kind) {
    case 'secretKey':
      return t(locale, 'Yampi User-Secret-Key (sk_…)');
    case 'webhookSecret':
      return t(locale, 'Yampi webhook secret (wh_…)');
    case 'userToken':
      return t(locale, 'Yampi User-Token');
  }
}

export function findingMessage(locale: Locale, kind: KeyKind, tracking: Tracking): string {
  const what = kindLabel(locale, kind);
  switch (tracking) {
    case 'tracked':
      return t(locale, '{0} written in a file git tracks: committed — rotate it: change the Yampi account password, then keep the new key in .env.', what);
    case 'untracked':
      return t(locale, '{0} written in source, not committed yet: move it to .env (git-ignored) before committing.', what);
    case 'noRepository':
      return t(locale, '{0} written in source: move it to .env and keep that file out of version control.', what);
  }
}
